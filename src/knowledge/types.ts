/** The knowledge base's vocabulary: articles in Dutch and English, internal or public. */
export type ArticleLanguage = 'nl' | 'en';
export const ARTICLE_LANGUAGES: readonly ArticleLanguage[] = ['nl', 'en'];

/** internal: agents only; public: also shown in the account's help centre */
export type Visibility = 'internal' | 'public';

export interface TranslationText {
  title: string;
  body: string;
}

export type Translations = Partial<Record<ArticleLanguage, TranslationText>>;

/** The content of an article at one version: what every edit snapshots and what a diff compares. */
export interface ArticleSnapshot {
  slug: string;
  tags: string[];
  translations: Translations;
}

export const isArticleLanguage = (x: unknown): x is ArticleLanguage => x === 'nl' || x === 'en';

export const configFor = (language: ArticleLanguage) => (language === 'nl' ? 'dutch' : 'english');
