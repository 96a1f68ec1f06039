/** An agent who can be mentioned in an internal note. */
export interface Mentionable {
  id: string;
  name: string;
  email: string;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const LETTER = /[\p{L}\p{N}._-]/u;

/**
 * The agents an internal note mentions: `@Anna de Vries` (the full name), `@Anna` (a first name
 * only one colleague has), or `@anna.devries` (the e-mail's local part). Case and accents do not
 * matter; the longest match wins (`@Anna de Vries` is not also `@Anna` when two Annas exist); an
 * e-mail address in the text (klant@voorbeeld.nl) is not a mention. Pure: the caller loads the agents.
 */
export function findMentions(text: string, agents: readonly Mentionable[]): string[] {
  if (!text.includes('@') || !agents.length) return [];
  const firstNames = new Map<string, number>();
  for (const a of agents) {
    const first = fold(a.name).split(/\s+/)[0];
    if (first) firstNames.set(first, (firstNames.get(first) ?? 0) + 1);
  }
  const handles: Array<{ handle: string; id: string }> = [];
  for (const a of agents) {
    const name = fold(a.name).trim().replace(/\s+/g, ' ');
    if (name) handles.push({ handle: name, id: a.id });
    const first = name.split(' ')[0];
    if (first && first !== name && firstNames.get(first) === 1) handles.push({ handle: first, id: a.id });
    const local = fold(a.email.split('@')[0] ?? '');
    if (local) handles.push({ handle: local, id: a.id });
  }
  handles.sort((x, y) => y.handle.length - x.handle.length);

  const folded = fold(text).replace(/\s+/g, ' ');
  const found = new Set<string>();
  for (let i = folded.indexOf('@'); i >= 0; i = folded.indexOf('@', i + 1)) {
    if (i > 0 && LETTER.test(folded[i - 1])) continue; // part of an e-mail address
    const rest = folded.slice(i + 1);
    const hit = handles.find((h) => rest.startsWith(h.handle) && !/[\p{L}\p{N}]/u.test(rest[h.handle.length] ?? ''));
    if (hit) found.add(hit.id);
  }
  return [...found];
}
