/** The knowledge base as the API returns it (src/http/knowledge-responses.ts). */
export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];

export interface ArticleSummary {
  id: string;
  slug: string;
  visibility: 'internal' | 'public';
  tags: string[];
  version: number;
  titles: Partial<Record<Lang, string>>;
  updated_at: string;
  published_at: string | null;
  /** the version the help centre shows; below `version`: an edit waits to be published */
  published_version?: number | null;
}

export interface VersionSummary {
  version: number;
  changed: string[];
  author_name: string | null;
  actor_type: string;
  created_at: string;
}

export interface Article extends Omit<ArticleSummary, 'titles'> {
  translations: Partial<Record<Lang, { title: string; body: string; updated_at: string }>>;
  versions?: VersionSummary[];
}

export interface ArticleHit {
  id: string;
  language: Lang;
  title: string;
  snippet: string;
  visibility: 'internal' | 'public';
}

export interface TextDiff {
  changed: boolean;
  parts: { op: 'equal' | 'insert' | 'delete'; text: string }[];
}
export interface ArticleDiff {
  from: number;
  to: number;
  translations: Partial<Record<Lang, { status: 'added' | 'removed' | 'changed' | 'unchanged'; title: TextDiff; body: TextDiff }>>;
}
