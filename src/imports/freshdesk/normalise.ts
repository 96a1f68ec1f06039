import { count, type ImportSummary } from '../summary.ts';
import type { HelpdeskExport, SourceAttachment, SourceField, SourceMessage, SourceTicket } from '../helpdesk/export.ts';
import { plainText } from '../helpdesk/map.ts';
import { conversationType, freshdeskChannel, freshdeskPriority, freshdeskStatus } from './map.ts';
import type { FdTicket, FdTicketField, FreshdeskExport } from './read-export.ts';

const attachments = (list: { name?: string | null; content_type?: string | null; size?: number | null; attachment_url?: string | null }[] | null | undefined): SourceAttachment[] =>
  (list ?? []).map((a) => ({ name: a.name ?? null, type: a.content_type ?? null, size: a.size ?? null, url: a.attachment_url ?? null }));

/** Freshdesk's custom_fields object as source fields, labelled from ticket_fields.json where it names them. */
const fieldsOf = (r: Record<string, unknown> | null | undefined, labels: Map<string, string>): SourceField[] =>
  Object.entries(r ?? {}).map(([key, value]) => ({ key, label: labels.get(key) ?? null, value }));

/** The labels of custom statuses: the status field's choices, {"6": ["Waiting on Customer", …]}. */
function statusLabels(fields: FdTicketField[]): Map<number, string> {
  const choices = fields.find((f) => f.name === 'status')?.choices;
  const out = new Map<number, string>();
  if (choices && typeof choices === 'object') {
    for (const [k, v] of Object.entries(choices as Record<string, unknown>)) {
      const label = Array.isArray(v) ? v[0] : v;
      if (typeof label === 'string' && /^\d+$/.test(k)) out.set(Number(k), label);
    }
  }
  return out;
}

/**
 * A Freshdesk export in the shape every helpdesk import shares: contacts are customers, agents
 * (whose ids are the user ids tickets refer to) matched by e-mail, companies organisations. A
 * ticket's description is its first message, from its requester. Freshdesk's extras Luister has no
 * place for (groups, ticket types, CCs) are counted as not mapped.
 */
export function normaliseFreshdesk(f: FreshdeskExport, s: ImportSummary): HelpdeskExport {
  const agentIds = new Set(f.agents.map((a) => a.id));
  const contactIds = new Set(f.contacts.map((c) => c.id));
  const labels = new Map(f.ticketFields.map((x) => [x.name, x.label ?? x.name]));
  const statuses = statusLabels(f.ticketFields);
  const authorKind = (id: string | null) => (id === null ? null : agentIds.has(id) ? 'agent' : contactIds.has(id) ? 'contact' : null);
  const ticket = (t: FdTicket): SourceTicket => {
    if (t.group_id) count(s.not_mapped, "tickets' group (not mapped to a team)");
    if (t.type) count(s.not_mapped, `tickets' type (${t.type})`);
    if (t.cc_emails?.length) count(s.not_mapped, 'ticket CCs (cc_emails)', t.cc_emails.length);
    if (t.spam) count(s.not_mapped, "tickets marked spam in Freshdesk (imported as cases; Luister's spam check is for new mail)");
    const description: SourceMessage = {
      id: 'description', authorId: t.requester_id, type: 'inbound', at: t.created_at, attachments: attachments(t.attachments),
      body: t.description_text ?? plainText(t.description, true),
    };
    const conversations = (f.conversations.get(t.id) ?? []).map((c): SourceMessage => ({
      id: c.id, authorId: c.user_id, type: conversationType(c, authorKind(c.user_id)), at: c.created_at, attachments: attachments(c.attachments),
      body: c.body_text ?? plainText(c.body, true),
    }));
    return {
      id: t.id,
      subject: t.subject ?? null,
      status: { mapped: freshdeskStatus(t.status, statuses.get(t.status) ?? null), raw: statuses.get(t.status) ?? String(t.status) },
      priority: { mapped: freshdeskPriority(t.priority), raw: String(t.priority ?? '') },
      channel: freshdeskChannel(t.source),
      requesterId: t.requester_id,
      assigneeId: t.responder_id,
      organisationId: t.company_id,
      tags: t.tags ?? [],
      fields: fieldsOf(t.custom_fields, labels),
      createdAt: t.created_at,
      updatedAt: t.updated_at ?? t.created_at,
      messages: [...(t.description || t.description_text || t.attachments?.length ? [description] : []), ...conversations],
    };
  };
  return {
    source: 'freshdesk',
    labels: {
      product: 'Freshdesk', ticket: 'ticket', message: 'conversation', peopleFile: 'contacts.json or agents.json', organisationsFile: 'companies.json',
      requester: 'ticket.requester_id', assignee: 'ticket.responder_id', author: 'conversation.user_id',
      personOrganisation: 'contact.company_id', ticketOrganisation: 'ticket.company_id',
    },
    people: [
      ...f.contacts.map((c) => ({
        id: c.id, name: c.name ?? '', email: c.email ?? null, phone: c.phone ?? c.mobile ?? null, agent: false,
        organisationId: c.company_id, fields: fieldsOf(c.custom_fields, new Map()),
      })),
      ...f.agents.map((a) => ({
        id: a.id, name: a.contact?.name ?? '', email: a.contact?.email ?? null, phone: a.contact?.phone ?? null, agent: true, organisationId: null, fields: [],
      })),
    ],
    organisations: f.companies.map((c) => ({ id: c.id, name: c.name ?? '', domains: c.domains ?? [], fields: fieldsOf(c.custom_fields, new Map()) })),
    tickets: f.tickets.map(ticket),
  };
}
