/**
 * Splits a batch into `parts` groups that share no key (thread.ts: a thread root or a sender), so
 * the groups can be stored in transactions side by side without ever waiting on each other's
 * locks. Messages that share a key, directly or through others, stay in one group, in their
 * order; whole conversations go to the group with the fewest messages so far, largest first.
 * Returns the indexes of each group (empty groups left out).
 */
export function splitConversations(keysOf: readonly (readonly string[])[], parts: number): number[][] {
  const parent = keysOf.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  const owner = new Map<string, number>();
  keysOf.forEach((keys, i) => {
    for (const k of keys) {
      const j = owner.get(k);
      if (j === undefined) owner.set(k, i);
      else parent[root(i)] = root(j);
    }
  });
  const conversations = new Map<number, number[]>();
  keysOf.forEach((_, i) => {
    const r = root(i);
    conversations.set(r, [...(conversations.get(r) ?? []), i]);
  });
  const groups: number[][] = Array.from({ length: Math.max(1, parts) }, () => []);
  for (const c of [...conversations.values()].sort((a, b) => b.length - a.length || a[0] - b[0])) {
    groups.reduce((least, g) => (g.length < least.length ? g : least)).push(...c);
  }
  return groups.filter((g) => g.length).map((g) => g.sort((a, b) => a - b));
}
