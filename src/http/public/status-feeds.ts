import type { StatusPageData } from '../../announcements/status-page-data.ts';
import type { Lang } from './status-page.ts';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
  // characters XML 1.0 does not allow, even escaped
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
const pick = <T>(v: { nl: T; en?: T }, lang: Lang): T => (lang === 'en' && v.en ? v.en : v.nl);
const LABELS = {
  nl: { happened: 'Wat er is gebeurd', doing: 'Wat wij doen', means: 'Wat dit voor u betekent', next: 'Volgende update uiterlijk', contact: 'Een medewerker bereiken', maintenance: 'Gepland onderhoud' },
  en: { happened: 'What happened', doing: 'What we are doing', means: 'What it means for you', next: 'Next update by', contact: 'Reach a person', maintenance: 'Planned maintenance' },
};

/** The status page as an Atom feed (RFC 4287): one entry per incident update and per planned maintenance. Text content only. */
export function statusAtom(d: StatusPageData, lang: Lang, origin: string): string {
  const l = LABELS[lang];
  const page = `${origin}/status/${d.slug}`;
  const entries = [
    ...d.incidents.flatMap((i) => i.updates.map((u) => {
      const p = pick(u.parts, lang);
      const text = [`${l.happened}: ${p.happened}`, `${l.doing}: ${p.doing}`, `${l.means}: ${p.means}`,
        ...(u.next_update_at ? [`${l.next}: ${u.next_update_at.toISOString()}`] : []), `${l.contact}: ${u.contact_route}`].join('\n\n');
      return { id: `urn:uuid:${u.id}`, title: `${pick(i.title, lang)} — ${u.status}`, updated: u.created_at, text, link: `${page}#i-${i.id}` };
    })),
    ...d.maintenance.map((m) => {
      const c = pick(m.content, lang);
      return { id: `urn:uuid:${m.id}`, title: `${l.maintenance}: ${c.subject}`, updated: m.updated_at, text: c.body, link: `${page}#m-${m.id}` };
    }),
  ].sort((a, b) => b.updated.getTime() - a.updated.getTime()).slice(0, 100);
  const updated = entries[0]?.updated ?? d.generatedAt;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">
<id>${xml(`${page}/feed.atom`)}</id><title>${xml(`Status — ${d.name}`)}</title><updated>${updated.toISOString()}</updated>
<link rel="self" href="${xml(`${page}/feed.atom`)}"/><link rel="alternate" type="text/html" href="${xml(page)}"/><author><name>${xml(d.name)}</name></author>
${entries.map((e) => `<entry><id>${e.id}</id><title>${xml(e.title)}</title><updated>${e.updated.toISOString()}</updated><link rel="alternate" href="${xml(e.link)}"/><content type="text">${xml(e.text)}</content></entry>`).join('\n')}
</feed>
`;
}

const INDICATOR_TEXT = { none: 'All Systems Operational', minor: 'Minor Service Outage', major: 'Partial System Outage', critical: 'Major Service Outage' } as const;

/**
 * The public JSON in the shape of Atlassian Statuspage's public v2 API (page, status, components,
 * incidents with incident_updates, scheduled_maintenances), so tools that read Statuspage read this.
 * Luister adds `next_update_at` and `next_update_overdue` to incidents: the promised next update.
 */
export function statuspageV2(d: StatusPageData, origin: string) {
  const url = `${origin}/status/${d.slug}`;
  // the last change anything on the page shows
  const changes = [...d.incidents.map((i) => i.updated_at), ...d.maintenance.map((m) => m.updated_at), ...d.components.map((c) => c.updated_at)];
  const updatedAt = changes.length ? changes.reduce((a, b) => (b > a ? b : a)) : d.generatedAt;
  const page = { id: d.accountId, name: d.name, url, time_zone: d.timeZone, updated_at: updatedAt.toISOString() };
  const components = d.components.map((c) => ({
    id: c.id, name: c.name_en, status: c.state, created_at: c.created_at.toISOString(), updated_at: c.updated_at.toISOString(), position: c.position,
    description: c.description_en ?? c.description_nl, showcase: true, start_date: null, group_id: c.group_id, page_id: d.accountId,
    // Statuspage's groups: a group says `group: true` and lists its components' ids; they name it in group_id
    group: c.members.length > 0, only_show_if_degraded: false, ...(c.members.length ? { components: c.members } : {}),
  }));
  const incident = (i: StatusPageData['incidents'][number]) => ({
    id: i.id, name: pick(i.title, 'en'), status: i.status, created_at: i.created_at.toISOString(), updated_at: i.updated_at.toISOString(),
    monitoring_at: i.updates.find((u) => u.status === 'monitoring')?.created_at.toISOString() ?? null,
    resolved_at: i.resolved_at?.toISOString() ?? null, impact: i.impact, shortlink: `${url}#i-${i.id}`, started_at: i.created_at.toISOString(), page_id: d.accountId,
    incident_updates: i.updates.map((u) => {
      const p = pick(u.parts, 'en');
      return {
        id: u.id, status: u.status, body: `${p.happened}\n\n${p.doing}\n\n${p.means}\n\nContact: ${u.contact_route}`, incident_id: i.id,
        created_at: u.created_at.toISOString(), updated_at: u.created_at.toISOString(), display_at: u.created_at.toISOString(),
        affected_components: null, deliver_notifications: true, custom_tweet: null, tweet_id: null,
      };
    }),
    components: components.filter((c) => i.component_ids.includes(c.id)),
    next_update_at: i.next_update_at?.toISOString() ?? null,
    next_update_overdue: i.overdue,
  });
  const maintenance = d.maintenance.map((m) => ({
    id: m.id, name: pick(m.content, 'en').subject, status: m.state, created_at: m.created_at.toISOString(), updated_at: m.updated_at.toISOString(),
    monitoring_at: null, resolved_at: m.state === 'completed' ? (m.ends_at ?? m.starts_at).toISOString() : null, impact: 'maintenance',
    shortlink: `${url}#m-${m.id}`, started_at: m.starts_at.toISOString(), page_id: d.accountId,
    incident_updates: [{ id: m.id, status: m.state, body: pick(m.content, 'en').body, incident_id: m.id, created_at: m.created_at.toISOString(), updated_at: m.updated_at.toISOString(),
      display_at: m.created_at.toISOString(), affected_components: null, deliver_notifications: true, custom_tweet: null, tweet_id: null }],
    components: [], scheduled_for: m.starts_at.toISOString(), scheduled_until: (m.ends_at ?? m.starts_at).toISOString(),
  }));
  const status = { indicator: d.indicator, description: INDICATOR_TEXT[d.indicator] };
  const openIncidents = d.incidents.filter((i) => i.status !== 'resolved').map(incident);
  const upcoming = maintenance.filter((m) => m.status !== 'completed');
  return {
    'summary.json': { page, components, incidents: openIncidents, scheduled_maintenances: upcoming, status },
    'status.json': { page, status },
    'components.json': { page, components },
    'incidents.json': { page, incidents: d.incidents.map(incident) },
    'incidents/unresolved.json': { page, incidents: openIncidents },
    'scheduled-maintenances.json': { page, scheduled_maintenances: maintenance },
    'scheduled-maintenances/upcoming.json': { page, scheduled_maintenances: maintenance.filter((m) => m.status === 'scheduled') },
    'scheduled-maintenances/active.json': { page, scheduled_maintenances: maintenance.filter((m) => m.status === 'in_progress') },
  };
}
