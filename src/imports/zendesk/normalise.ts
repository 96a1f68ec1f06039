import { count, type ImportSummary } from '../summary.ts';
import type { HelpdeskExport, SourceField, SourceTicket } from '../helpdesk/export.ts';
import { priorityWord } from '../helpdesk/map.ts';
import { oneSourceAccount } from '../helpdesk/source-account.ts';
import { commentType, mapChannel, zendeskStatus } from './map.ts';
import type { ZComment, ZendeskExport, ZTicket, ZUser } from './read-export.ts';

/** The Zendesk subdomain an API url names (https://acme.zendesk.com/api/v2/…), or null. */
export const subdomainOf = (url: string | null | undefined) => (url ? /^https?:\/\/([^./]+)\.zendesk\.com\//i.exec(url)?.[1]?.toLowerCase() ?? null : null);

/**
 * A Zendesk export in the shape every helpdesk import shares: users (agents and admins matched by
 * e-mail, end users customers), organizations, tickets with their comments. Zendesk's own extras
 * Luister has no place for (groups, ticket types, CCs, satisfaction ratings) are counted as not mapped.
 * Records of two Zendesk accounts (their urls name two subdomains) are refused.
 */
export function normaliseZendesk(z: ZendeskExport, s: ImportSummary): HelpdeskExport {
  oneSourceAccount('Zendesk', [
    ...z.tickets.map((t) => ({ where: `tickets.json, ticket ${t.id}`, account: subdomainOf(t.url) })),
    ...z.users.map((u) => ({ where: `users.json, user ${u.id}`, account: subdomainOf(u.url) })),
    ...z.organizations.map((o) => ({ where: `organizations.json, organization ${o.id}`, account: subdomainOf(o.url) })),
  ]);
  const users = new Map(z.users.map((u) => [u.id, u]));
  const fieldNames = new Map(z.ticketFields.map((f) => [f.id, f]));
  const record = (r: Record<string, unknown> | null | undefined): SourceField[] => Object.entries(r ?? {}).map(([key, value]) => ({ key, value }));
  return {
    source: 'zendesk',
    labels: {
      product: 'Zendesk', ticket: 'ticket', message: 'comment', peopleFile: 'users.json', organisationsFile: 'organizations.json',
      requester: 'ticket.requester_id', assignee: 'ticket.assignee_id', author: 'comment.author_id',
      personOrganisation: 'user.organization_id', ticketOrganisation: 'ticket.organization_id',
    },
    people: z.users.map((u) => ({
      id: u.id, name: u.name ?? '', email: u.email ?? null, phone: u.phone ?? null,
      agent: u.role === 'agent' || u.role === 'admin', organisationId: u.organization_id, fields: record(u.user_fields),
    })),
    organisations: z.organizations.map((o) => ({ id: o.id, name: o.name ?? '', domains: o.domain_names ?? [], fields: record(o.organization_fields) })),
    tickets: z.tickets.map((t) => ticket(t, z.comments.get(t.id) ?? [], users, fieldNames, s)),
  };
}

function ticket(t: ZTicket, comments: ZComment[], users: Map<string, ZUser>, fieldNames: Map<string, { key?: string | null; title?: string | null; raw_title?: string | null }>, s: ImportSummary): SourceTicket {
  if (t.group_id) count(s.not_mapped, "tickets' group (not mapped to a team)");
  if (t.type) count(s.not_mapped, `tickets' type (${t.type})`);
  if (t.collaborator_ids?.length) count(s.not_mapped, 'ticket CCs (collaborator_ids)', t.collaborator_ids.length);
  if (t.satisfaction_rating && typeof t.satisfaction_rating === 'object' && (t.satisfaction_rating as { score?: string }).score !== 'unoffered') {
    count(s.not_mapped, 'satisfaction ratings');
  }
  // no comments: the description is the first message (the Tickets API without comments)
  const list = comments.length ? comments : t.description
    ? [{ id: `${t.id}-description`, author_id: t.requester_id, body: t.description, public: true, created_at: t.created_at, attachments: [] } as ZComment]
    : [];
  return {
    id: t.id,
    subject: t.subject || t.raw_subject || null,
    status: { mapped: zendeskStatus(t.status), raw: t.status ?? '' },
    priority: { mapped: priorityWord(t.priority), raw: t.priority ?? '' },
    channel: mapChannel(t.via?.channel),
    requesterId: t.requester_id,
    assigneeId: t.assignee_id,
    organisationId: t.organization_id,
    tags: t.tags ?? [],
    // a custom field is known by its id; ticket_fields.json (when exported) names it
    fields: (t.custom_fields ?? []).map((f) => {
      const def = fieldNames.get(f.id);
      return { key: def?.key ?? f.id, label: def?.raw_title ?? def?.title ?? null, value: f.value };
    }),
    createdAt: t.created_at,
    updatedAt: t.updated_at ?? t.created_at,
    messages: list.map((c) => ({
      id: c.id,
      authorId: c.author_id,
      type: commentType(c, t.requester_id, c.author_id ? users.get(c.author_id)?.role ?? null : null),
      body: c.plain_body ?? c.body ?? '',
      at: c.created_at,
      attachments: (c.attachments ?? []).map((a) => ({ name: a.file_name ?? null, type: a.content_type ?? null, size: a.size ?? null, url: a.content_url ?? null })),
    })),
  };
}
