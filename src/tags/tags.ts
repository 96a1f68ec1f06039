import { invalid } from '../shared/errors.ts';

/** A tag: lower-case letters, digits, ':', '_' or '-', at most 64 characters ("terugbetaling", "product:glasvezel"). */
export const TAG_PATTERN = /^[a-z0-9][a-z0-9:_-]{0,63}$/;
export const MAX_TAGS = 50;

export interface TagChange {
  add?: string[];
  remove?: string[];
}

/** Trimmed and lower-cased; spaces inside become '-' so "Dubbel betaald" is the tag "dubbel-betaald". */
export const normaliseTag = (t: string) => t.trim().toLowerCase().replace(/\s+/g, '-');

/** The tags a change adds and removes, normalised, or why it is refused (422 invalid_tag / tag_conflict). */
export function parseTagChange(change: TagChange): { add: string[]; remove: string[] } {
  const add = [...new Set((change.add ?? []).map(normaliseTag))].sort();
  const remove = [...new Set((change.remove ?? []).map(normaliseTag))].sort();
  const bad = [...add, ...remove].filter((t) => !TAG_PATTERN.test(t));
  if (bad.length) {
    throw invalid('invalid_tag', `Not a tag: ${bad.map((t) => `"${t.slice(0, 80)}"`).join(', ')} (letters, digits, ':', '_' or '-', at most 64 characters, starting with a letter or digit)`, { tags: bad });
  }
  const both = add.filter((t) => remove.includes(t));
  if (both.length) throw invalid('tag_conflict', `A tag cannot be added and removed at once: ${both.join(', ')}`, { tags: both });
  return { add, remove };
}

/** The tags after a change, or why it is refused (a tag removed that is not there; too many tags). */
export function nextTags(current: readonly string[], change: { add: string[]; remove: string[] }, strictRemove: boolean): string[] {
  if (strictRemove) {
    const absent = change.remove.filter((t) => !current.includes(t));
    if (absent.length) throw invalid('tag_not_set', `Not tagged ${absent.join(', ')}: nothing to remove`, { tags: absent });
  }
  const next = [...new Set([...current.filter((t) => !change.remove.includes(t)), ...change.add])].sort();
  if (next.length > MAX_TAGS) throw invalid('too_many_tags', `At most ${MAX_TAGS} tags (this change would make ${next.length})`);
  return next;
}
