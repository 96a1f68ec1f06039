import { count, type ImportSummary } from '../summary.ts';
import type { HelpdeskExport, SourceField, SourceTicket } from '../helpdesk/export.ts';
import { plainText, priorityWord } from '../helpdesk/map.ts';
import { ARTICLE_TYPES, articleType, DEFAULT_PRIORITIES, DEFAULT_STATES, isZammadAgent, SENDERS, zammadChannel, zammadStatus } from './map.ts';
import type { ZammadExport, ZmTicket } from './read-export.ts';

/** Zammad's user 1 is its system user "-": a ticket owned by it has no owner. */
const NOBODY = '1';

/**
 * A Zammad export in the shape every helpdesk import shares: users with the Agent or Admin role
 * are matched by e-mail, the others are customers; organizations (with their domain) organisations;
 * articles the messages. Custom attributes are the keys object_manager_attributes.json names
 * (without it they cannot be told from Zammad's own, which the summary says); groups are counted
 * as not mapped.
 */
export function normaliseZammad(z: ZammadExport, s: ImportSummary): HelpdeskExport {
  const states = new Map(Object.entries(DEFAULT_STATES).map(([k, v]) => [Number(k), v]));
  const priorities = new Map(Object.entries(DEFAULT_PRIORITIES).map(([k, v]) => [Number(k), v]));
  for (const st of z.states ?? []) states.set(st.id, st.name);
  for (const p of z.priorities ?? []) priorities.set(p.id, p.name);
  if (!z.states && z.tickets.some((t) => !t.state)) s.notes.push("no ticket_states.json: Zammad's default state ids were assumed (export it, or the tickets with expand=true, to be sure)");
  if (!z.priorities && z.tickets.some((t) => !t.priority)) s.notes.push("no ticket_priorities.json: Zammad's default priority ids were assumed");
  const custom = (object: string) => (z.attributes ?? []).filter((a) => a.object === object && a.editable !== false).map((a) => ({ key: a.name, label: a.display ?? null }));
  if (!z.attributes) s.notes.push('no object_manager_attributes.json: custom attributes cannot be told from Zammad\'s own and were not imported (export GET /api/v1/object_manager_attributes beside the tickets)');
  const fieldsOf = (object: string, r: Record<string, unknown>): SourceField[] => custom(object).map((a) => ({ ...a, value: r[a.key] }));

  const ticket = (t: ZmTicket): SourceTicket => {
    if (t.group_id || t.group) count(s.not_mapped, "tickets' group (not mapped to a team)");
    const state = t.state ?? (t.state_id ? states.get(t.state_id) : null) ?? 'new';
    if (state.toLowerCase() === 'merged') count(s.not_mapped, 'tickets merged into another in Zammad (kept closed)');
    const priority = t.priority ?? (t.priority_id ? priorities.get(t.priority_id) : null) ?? null;
    const articles = z.articles.get(t.id) ?? [];
    const first = articles[0];
    return {
      id: t.id,
      subject: t.title ?? null,
      status: { mapped: zammadStatus(state), raw: state },
      priority: { mapped: priorityWord(priority), raw: priority ?? '' },
      channel: zammadChannel(t.create_article_type ?? (t.create_article_type_id ? ARTICLE_TYPES[t.create_article_type_id] : null) ?? first?.type),
      requesterId: t.customer_id,
      assigneeId: t.owner_id === NOBODY ? null : t.owner_id,
      organisationId: t.organization_id,
      tags: t.tags ?? [],
      fields: fieldsOf('Ticket', t),
      createdAt: t.created_at,
      updatedAt: t.updated_at ?? t.created_at,
      messages: articles.map((a) => ({
        id: a.id,
        authorId: a.origin_by_id ?? a.created_by_id,
        type: articleType({ internal: a.internal, sender: a.sender ?? (a.sender_id ? SENDERS[a.sender_id] : null) ?? null, type: a.type ?? (a.type_id ? ARTICLE_TYPES[a.type_id] : null) ?? null }),
        body: plainText(a.body, (a.content_type ?? '').toLowerCase().includes('html')),
        at: a.created_at,
        attachments: (a.attachments ?? []).map((x) => ({
          name: x.filename ?? null, type: typeof x.preferences?.['Content-Type'] === 'string' ? x.preferences['Content-Type'] as string : null,
          size: x.size === null || x.size === undefined ? null : Number(x.size),
          url: x.id ? `/api/v1/ticket_attachment/${t.id}/${a.id}/${x.id} (on the Zammad server)` : null,
        })),
      })),
    };
  };
  return {
    source: 'zammad',
    labels: {
      product: 'Zammad', ticket: 'ticket', message: 'article', peopleFile: 'users.json', organisationsFile: 'organizations.json',
      requester: 'ticket.customer_id', assignee: 'ticket.owner_id', author: 'article.created_by_id',
      personOrganisation: 'user.organization_id', ticketOrganisation: 'ticket.organization_id',
    },
    people: z.users.filter((u) => u.id !== NOBODY).map((u) => ({
      id: u.id, name: [u.firstname, u.lastname].filter(Boolean).join(' ').trim() || (u.login ?? ''), email: u.email || null,
      phone: u.phone || u.mobile || null, agent: isZammadAgent(u), organisationId: u.organization_id, fields: fieldsOf('User', u),
    })),
    organisations: z.organizations.map((o) => ({ id: o.id, name: o.name ?? '', domains: o.domain ? [o.domain] : [], fields: fieldsOf('Organization', o) })),
    tickets: z.tickets.map(ticket),
  };
}
