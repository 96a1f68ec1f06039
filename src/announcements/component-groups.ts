/**
 * Groups of status page components, as pure decisions: may a component go into a group, and in which
 * order the page shows them. A group is a component others name in group_id; one level deep, as in
 * Atlassian Statuspage (a group holds components, never another group).
 */
export interface Grouped { id: string; group_id: string | null; position: number }

export type GroupRefusal =
  | { code: 'group_is_self'; message: string }
  | { code: 'group_is_grouped'; message: string }
  | { code: 'component_is_group'; message: string };

/** Why `id` may not go into `groupId` (null: it may). `groupId` null takes it out of its group, always allowed. */
export function groupRefusal(components: readonly Grouped[], id: string, groupId: string | null): GroupRefusal | null {
  if (groupId === null) return null;
  if (groupId === id) return { code: 'group_is_self', message: 'A component cannot be its own group' };
  const group = components.find((c) => c.id === groupId);
  if (group?.group_id) return { code: 'group_is_grouped', message: `Component ${groupId} is itself in a group; groups hold components, not other groups` };
  if (components.some((c) => c.group_id === id)) return { code: 'component_is_group', message: `Component ${id} is a group (other components are in it); take them out first` };
  return null;
}

/**
 * The page's order: components outside a group by position, each group followed by its own components
 * (by position). A component whose group is not in the list (removed) is shown as ungrouped.
 */
export function pageOrder<T extends Grouped>(components: readonly T[]): { component: T; depth: 0 | 1 }[] {
  const ids = new Set(components.map((c) => c.id));
  const byPosition = [...components].sort((a, b) => a.position - b.position);
  const top = byPosition.filter((c) => !c.group_id || !ids.has(c.group_id));
  return top.flatMap((c) => [
    { component: c, depth: 0 as const },
    ...byPosition.filter((k) => k.group_id === c.id).map((k) => ({ component: k, depth: 1 as const })),
  ]);
}

/** The ids of the components in each group (only groups that hold at least one). */
export function groupMembers(components: readonly Grouped[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const c of [...components].sort((a, b) => a.position - b.position)) {
    if (c.group_id) m.set(c.group_id, [...(m.get(c.group_id) ?? []), c.id]);
  }
  return m;
}
