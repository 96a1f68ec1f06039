import type { Db } from '../storage/db.ts';
import { getServiceSettings } from '../promises/settings.ts';
import type { AnnouncementContent } from './store.ts';
import { groupMembers } from './component-groups.ts';
import { INCIDENT_COLUMNS, type IncidentImpact, type IncidentRow, type IncidentUpdateRow, isOverdue, UPDATE_COLUMNS } from './incident-store.ts';

export type ComponentState = 'operational' | 'degraded_performance' | 'partial_outage' | 'major_outage' | 'under_maintenance';
const IMPACT_STATE: Record<IncidentImpact, ComponentState> = { none: 'operational', minor: 'degraded_performance', major: 'partial_outage', critical: 'major_outage' };
const STATE_RANK: Record<ComponentState, number> = { operational: 0, under_maintenance: 1, degraded_performance: 2, partial_outage: 3, major_outage: 4 };
export const HISTORY_DAYS = 90;

export interface StatusPageData {
  accountId: string;
  slug: string;
  name: string;
  contactRoute: string | null;
  timeZone: string;
  version: number;
  generatedAt: Date;
  /** by position; group_id names the group a component is in, members lists a group's components (empty: not a group); a group's state is the worst of its own and its members' */
  components: { id: string; name_nl: string; name_en: string; description_nl: string | null; description_en: string | null; group_id: string | null; members: string[]; position: number; created_at: Date; state: ComponentState; updated_at: Date }[];
  /** open first, then resolved within the history window; updates newest first */
  incidents: (IncidentRow & { updates: IncidentUpdateRow[]; overdue: boolean })[];
  maintenance: { id: string; content: AnnouncementContent; starts_at: Date; ends_at: Date | null; created_at: Date; updated_at: Date; state: 'scheduled' | 'in_progress' | 'completed' }[];
  /** the worst open impact: 'none' when all is well */
  indicator: IncidentImpact;
  /** the data is right until then, even without a change: a promised update falls due, maintenance starts or ends */
  validUntil: Date;
}

/** Which page a slug is, and its version (the cache key): one indexed lookup per request. */
export async function statusPageVersion(db: Db, slug: string): Promise<{ accountId: string; version: number } | null> {
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(slug)) return null;
  const [row] = await db.query<{ account_id: string; status_version: string }>('SELECT account_id, status_version FROM announcement_settings WHERE status_slug = $1', [slug]);
  return row ? { accountId: row.account_id, version: Number(row.status_version) } : null;
}

/** Everything the public status page shows for one account, read in one go. Public: only what is meant for customers. */
export async function loadStatusPage(db: Db, slug: string, now = new Date()): Promise<StatusPageData | null> {
  const [s] = await db.query<{ account_id: string; name: string; contact_route: string | null; status_version: string }>(
    `SELECT s.account_id, coalesce(s.status_name, a.name) AS name, s.contact_route, s.status_version
     FROM announcement_settings s JOIN accounts a ON a.account_id = s.account_id WHERE s.status_slug = $1`, [slug]);
  if (!s) return null;
  const accountId = s.account_id;
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
  const [{ time_zone }, comps, incidents, maint] = await Promise.all([
    getServiceSettings(db, accountId),
    db.query<{ id: string; name_nl: string; name_en: string; description_nl: string | null; description_en: string | null; group_id: string | null; position: number; created_at: Date }>(
      'SELECT id, name_nl, name_en, description_nl, description_en, group_id, position, created_at FROM status_components WHERE account_id = $1 AND removed_at IS NULL ORDER BY position, name_nl, id', [accountId]),
    db.query<IncidentRow>(
      `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE account_id = $1 AND (status <> 'resolved' OR resolved_at >= $2)
       ORDER BY (status = 'resolved'), created_at DESC LIMIT 200`, [accountId, since]),
    db.query<{ id: string; content: AnnouncementContent; effective_at: Date; ends_at: Date | null; created_at: Date; updated_at: Date }>(
      `SELECT id, content, effective_at, ends_at, created_at, updated_at FROM announcements
       WHERE account_id = $1 AND show_on_status_page AND status <> 'cancelled' AND coalesce(ends_at, effective_at) >= $2
       ORDER BY effective_at LIMIT 100`, [accountId, since]),
  ]);
  const updates = incidents.length
    ? await db.query<IncidentUpdateRow>(`SELECT ${UPDATE_COLUMNS} FROM incident_updates WHERE account_id = $1 AND incident_id = ANY($2::uuid[]) ORDER BY created_at DESC, id DESC`,
      [accountId, incidents.map((i) => i.id)])
    : [];
  const t = now.getTime();
  const maintenance = maint.map((m) => {
    const end = m.ends_at?.getTime() ?? m.effective_at.getTime();
    const state = t < m.effective_at.getTime() ? 'scheduled' as const : t < end ? 'in_progress' as const : 'completed' as const;
    return { id: m.id, content: m.content, starts_at: m.effective_at, ends_at: m.ends_at, created_at: m.created_at, updated_at: m.updated_at, state };
  });
  const open = incidents.filter((i) => i.status !== 'resolved');
  const own = comps.map((c) => {
    let state: ComponentState = maintenance.some((m) => m.state === 'in_progress') ? 'under_maintenance' : 'operational';
    let updated = c.created_at;
    for (const i of open) {
      if (!i.component_ids.includes(c.id)) continue;
      if (STATE_RANK[IMPACT_STATE[i.impact]] > STATE_RANK[state]) state = IMPACT_STATE[i.impact];
      if (i.updated_at > updated) updated = i.updated_at;
    }
    return { ...c, state, updated_at: updated };
  });
  const members = groupMembers(own);
  // a group reads as its worst member (an outage of 5G is an outage of Mobiel)
  const components = own.map((c) => {
    const mine = members.get(c.id) ?? [];
    const inner = own.filter((k) => mine.includes(k.id));
    const state = [c, ...inner].reduce<ComponentState>((w, k) => (STATE_RANK[k.state] > STATE_RANK[w] ? k.state : w), c.state);
    const updated = [c, ...inner].reduce((w, k) => (k.updated_at > w ? k.updated_at : w), c.updated_at);
    return { ...c, members: mine, state, updated_at: updated };
  });
  const order: IncidentImpact[] = ['none', 'minor', 'major', 'critical'];
  const indicator = open.reduce<IncidentImpact>((w, i) => (order.indexOf(i.impact) > order.indexOf(w) ? i.impact : w), 'none');
  const moments = [
    t + 60_000,
    ...open.map((i) => i.next_update_at?.getTime() ?? Infinity),
    ...maintenance.flatMap((m) => [m.starts_at.getTime(), m.ends_at?.getTime() ?? Infinity]),
  ].filter((x) => x > t);
  return {
    accountId, slug, name: s.name, contactRoute: s.contact_route, timeZone: time_zone, version: Number(s.status_version), generatedAt: now,
    components,
    incidents: incidents.map((i) => ({ ...i, updates: updates.filter((u) => u.incident_id === i.id), overdue: isOverdue(i, now) })),
    maintenance, indicator, validUntil: new Date(Math.min(...moments)),
  };
}
