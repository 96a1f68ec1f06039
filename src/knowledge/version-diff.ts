import { diffLines, diffWordsWithSpace, type ChangeObject } from 'diff';
import { ARTICLE_LANGUAGES, type ArticleLanguage, type ArticleSnapshot } from './types.ts';

/** What changed between two versions of an article, computed from their snapshots. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface TextDiff {
  changed: boolean;
  parts: DiffPart[];
  /** words (runs of letters or digits) inserted and deleted */
  words_added: number;
  words_removed: number;
}

export interface TranslationDiff {
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  title: TextDiff;
  body: TextDiff;
}

export interface VersionDiff {
  slug: { from: string; to: string } | null;
  tags: { added: string[]; removed: string[] };
  translations: Partial<Record<ArticleLanguage, TranslationDiff>>;
}

// Word diffs are O(N·D); past this many edits (a rewrite) a line diff says as much, and faster.
const MAX_WORD_EDITS = 2_000;
const MAX_LINE_EDITS = 5_000;

export function diffText(from: string, to: string): TextDiff {
  if (from === to) return { changed: false, parts: from ? [{ op: 'equal', text: from }] : [], words_added: 0, words_removed: 0 };
  const changes: ChangeObject<string>[] =
    diffWordsWithSpace(from, to, { maxEditLength: MAX_WORD_EDITS }) ??
    diffLines(from, to, { maxEditLength: MAX_LINE_EDITS }) ??
    [{ value: from, removed: true, added: false, count: 1 }, { value: to, added: true, removed: false, count: 1 }];
  const parts: DiffPart[] = [];
  let added = 0;
  let removed = 0;
  for (const c of changes) {
    if (!c.value) continue;
    const op = c.added ? 'insert' : c.removed ? 'delete' : 'equal';
    if (op === 'insert') added += countWords(c.value);
    if (op === 'delete') removed += countWords(c.value);
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += c.value;
    else parts.push({ op, text: c.value });
  }
  return { changed: true, parts, words_added: added, words_removed: removed };
}

export function diffSnapshots(from: ArticleSnapshot, to: ArticleSnapshot): VersionDiff {
  const fromTags = new Set(from.tags);
  const toTags = new Set(to.tags);
  const translations: VersionDiff['translations'] = {};
  for (const lang of ARTICLE_LANGUAGES) {
    const a = from.translations[lang];
    const b = to.translations[lang];
    if (!a && !b) continue;
    const title = diffText(a?.title ?? '', b?.title ?? '');
    const body = diffText(a?.body ?? '', b?.body ?? '');
    const status = !a ? 'added' : !b ? 'removed' : title.changed || body.changed ? 'changed' : 'unchanged';
    translations[lang] = { status, title, body };
  }
  return {
    slug: from.slug === to.slug ? null : { from: from.slug, to: to.slug },
    tags: { added: to.tags.filter((t) => !fromTags.has(t)), removed: from.tags.filter((t) => !toTags.has(t)) },
    translations,
  };
}

/** Names of the fields an edit changes: "slug", "tags", "nl.title", "en.body", … (empty: not an edit). */
export function changedFields(before: ArticleSnapshot, after: ArticleSnapshot): string[] {
  const out: string[] = [];
  if (before.slug !== after.slug) out.push('slug');
  if (before.tags.join('\u0000') !== after.tags.join('\u0000')) out.push('tags');
  for (const lang of ARTICLE_LANGUAGES) {
    const a = before.translations[lang];
    const b = after.translations[lang];
    if (a?.title !== b?.title) out.push(`${lang}.title`);
    if (a?.body !== b?.body) out.push(`${lang}.body`);
  }
  return out;
}

const countWords = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
