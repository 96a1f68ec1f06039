import { count, type ImportSummary } from '../summary.ts';
import type { HelpdeskExport, SourceField, SourceMessage, SourceOrganisation, SourceTicket } from '../helpdesk/export.ts';
import { priorityWord, toDate } from '../helpdesk/map.ts';
import { orgKey } from '../helpdesk/organisations.ts';
import { oneSourceAccount } from '../helpdesk/source-account.ts';
import { chatwootChannel, chatwootMessageType, chatwootStatus } from './map.ts';
import type { ChatwootExport, CwConversation, CwMessage } from './read-export.ts';

/** Contacts and agents are numbered apart in Chatwoot: their ids are kept apart here too. */
const contactId = (id: string) => `contact:${id}`;
const agentId = (id: string) => `user:${id}`;
const fieldsOf = (r: Record<string, unknown> | null | undefined): SourceField[] => Object.entries(r ?? {}).map(([key, value]) => ({ key, value }));

/**
 * A Chatwoot export in the shape every helpdesk import shares: contacts are customers (their
 * company_name their organisation), agents matched by e-mail, conversations the tickets with their
 * labels and custom attributes. Records of two Chatwoot accounts are refused; a conversation is
 * known by account and id, so that conversation 17 of another account is never taken for this one's.
 * Activity messages (assignments, status changes) and teams are counted as not mapped.
 */
export function normaliseChatwoot(c: ChatwootExport, s: ImportSummary): HelpdeskExport {
  const account = oneSourceAccount('Chatwoot', [
    ...c.conversations.map((x) => ({ where: `conversations.json, conversation ${x.id}`, account: x.account_id })),
    ...c.contacts.map((x) => ({ where: `contacts.json, contact ${x.id}`, account: x.account_id })),
    ...c.agents.map((x) => ({ where: `agents.json, agent ${x.id}`, account: x.account_id })),
    ...[...c.messages.values()].flat().map((m) => ({ where: `message ${m.id} of conversation ${m.conversation_id ?? '?'}`, account: m.account_id })),
  ]);
  const companies = new Map<string, SourceOrganisation>();
  const companyOf = (attrs: Record<string, unknown> | null | undefined) => {
    const name = typeof attrs?.company_name === 'string' ? attrs.company_name.trim() : '';
    if (!name) return null;
    const id = `company:${orgKey(name)}`;
    if (!companies.has(id)) companies.set(id, { id, name, domains: [], fields: [] });
    return id;
  };
  const people = [
    ...c.contacts.map((x) => {
      const extra = Object.keys(x.additional_attributes ?? {}).filter((k) => k !== 'company_name' && x.additional_attributes?.[k] !== null && x.additional_attributes?.[k] !== '');
      if (extra.length) count(s.not_mapped, 'contact additional attributes (city, country, social profiles, …)', extra.length);
      return {
        id: contactId(x.id), name: x.name ?? '', email: x.email ?? null, phone: x.phone_number ?? null, agent: false,
        organisationId: companyOf(x.additional_attributes), fields: fieldsOf(x.custom_attributes),
      };
    }),
    ...c.agents.map((x) => ({ id: agentId(x.id), name: x.name ?? '', email: x.email ?? null, phone: null, agent: true, organisationId: null, fields: [] })),
  ];
  const conversation = (x: CwConversation): SourceTicket => {
    if (x.team_id || x.meta?.team) count(s.not_mapped, "conversations' team (not mapped to a Luister team)");
    const messages = (c.messages.get(x.id) ?? []).flatMap((m) => message(m, s)).sort((a, b) => a.at.getTime() - b.at.getTime());
    const requester = x.meta?.sender?.id ?? x.contact_id;
    const assignee = x.meta?.assignee?.id ?? x.assignee_id;
    const subject = x.additional_attributes?.mail_subject;
    const created = toDate(x.created_at);
    return {
      id: account ? `${account}:${x.id}` : x.id,
      subject: typeof subject === 'string' ? subject : null,
      status: { mapped: chatwootStatus(x.status), raw: x.status ?? '' },
      priority: { mapped: priorityWord(x.priority), raw: x.priority ?? '' },
      channel: chatwootChannel(x.meta?.channel),
      requesterId: requester ? contactId(requester) : null,
      assigneeId: assignee ? agentId(assignee) : null,
      organisationId: null,
      tags: x.labels ?? [],
      fields: fieldsOf(x.custom_attributes),
      createdAt: created,
      updatedAt: x.last_activity_at ? toDate(x.last_activity_at) : x.timestamp ? toDate(x.timestamp) : created,
      messages,
    };
  };
  const tickets = c.conversations.map(conversation);
  return {
    source: 'chatwoot',
    labels: {
      product: 'Chatwoot', ticket: 'conversation', message: 'message', peopleFile: 'contacts.json or agents.json', organisationsFile: 'contacts (company_name)',
      requester: 'conversation.meta.sender', assignee: 'conversation.meta.assignee', author: 'message.sender_id',
      personOrganisation: 'contact.company_name', ticketOrganisation: 'conversation.company',
    },
    people,
    organisations: [...companies.values()],
    tickets,
  };
}

function message(m: CwMessage, s: ImportSummary): SourceMessage[] {
  const type = chatwootMessageType(m);
  if (!type) {
    count(s.not_mapped, 'activity messages (assignments, status changes: not imported as messages)');
    return [];
  }
  const senderType = (m.sender_type ?? m.sender?.type ?? '').toLowerCase();
  const sender = m.sender_id ?? m.sender?.id ?? null;
  if (senderType === 'agentbot' || senderType === 'agent_bot') count(s.not_mapped, "an agent bot's messages (kept, unattributed)");
  const authorId = !sender ? null : senderType === 'contact' ? contactId(sender) : senderType === 'user' ? agentId(sender) : null;
  return [{
    id: m.id,
    authorId,
    type,
    body: m.content ?? '',
    at: toDate(m.created_at),
    attachments: (m.attachments ?? []).map((a) => ({ name: a.extension ? `${a.file_type ?? 'file'}.${a.extension}` : a.file_type ?? null, type: a.file_type ?? null, size: a.file_size ?? null, url: a.data_url ?? null })),
  }];
}
