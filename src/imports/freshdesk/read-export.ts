import { z } from 'zod';
import { badImportFile } from '../mail/split-mbox.ts';
import { exportFolder, isoDate as when, maybeNumericId as maybeId, numericId as id, parseRecord, records, recordsPerTicket } from '../helpdesk/read-json.ts';

/**
 * The records of a Freshdesk export as its API v2 gives them (developers.freshdesk.com/api:
 * Tickets, Conversations, Contacts, Agents, Companies, Ticket Fields). Only the fields Luister
 * reads are checked; the rest pass through, to be counted as not mapped.
 */
const fields = z.record(z.string(), z.unknown()).nullish();
const attachment = z.looseObject({ name: z.string().nullish(), content_type: z.string().nullish(), size: z.number().nullish(), attachment_url: z.string().nullish() });

export const fdContact = z.looseObject({
  id, name: z.string().nullish(), email: z.string().nullish(), phone: z.string().nullish(), mobile: z.string().nullish(),
  company_id: maybeId, custom_fields: fields,
});
/** An agent: its id is the user id tickets and conversations refer to; name and e-mail sit in `contact`. */
export const fdAgent = z.looseObject({
  id, contact: z.looseObject({ name: z.string().nullish(), email: z.string().nullish(), phone: z.string().nullish() }).nullish(),
});
export const fdCompany = z.looseObject({ id, name: z.string().nullish(), domains: z.array(z.string()).nullish(), custom_fields: fields });
export const fdConversation = z.looseObject({
  id,
  body: z.string().nullish(),
  body_text: z.string().nullish(),
  incoming: z.boolean().nullish(),
  private: z.boolean().nullish(),
  user_id: maybeId,
  created_at: when,
  attachments: z.array(attachment).nullish(),
});
export const fdTicket = z.looseObject({
  id,
  subject: z.string().nullish(),
  description: z.string().nullish(),
  description_text: z.string().nullish(),
  status: z.number().int(),
  priority: z.number().int().nullish(),
  source: z.number().int().nullish(),
  type: z.string().nullish(),
  requester_id: maybeId,
  responder_id: maybeId,
  company_id: maybeId,
  group_id: maybeId,
  tags: z.array(z.string()).nullish(),
  custom_fields: fields,
  cc_emails: z.array(z.string()).nullish(),
  spam: z.boolean().nullish(),
  attachments: z.array(attachment).nullish(),
  created_at: when,
  updated_at: when.nullish(),
  conversations: z.array(z.unknown()).nullish(),
});
/** A ticket field (Ticket Fields API): the labels of custom fields, and of custom statuses (the status field's choices). */
export const fdTicketField = z.looseObject({ id, name: z.string(), label: z.string().nullish(), choices: z.unknown().optional() });

export type FdTicket = z.infer<typeof fdTicket>;
export type FdConversation = z.infer<typeof fdConversation>;
export type FdTicketField = z.infer<typeof fdTicketField>;

export interface FreshdeskExport {
  contacts: z.infer<typeof fdContact>[];
  agents: z.infer<typeof fdAgent>[];
  companies: z.infer<typeof fdCompany>[];
  tickets: FdTicket[];
  /** ticket id → its conversations, oldest first */
  conversations: Map<string, FdConversation[]>;
  ticketFields: FdTicketField[];
}

/**
 * Reads a folder holding a Freshdesk export: tickets.json, contacts.json, agents.json,
 * companies.json (and ticket_fields.json, optional), each an API page (a JSON array), an object
 * holding one, or NDJSON; conversations inside each ticket ("conversations": […], as
 * `GET /api/v2/tickets/:id?include=conversations` gives them) or in conversations/<ticket id>.json.
 */
export async function readFreshdeskExport(dir: string): Promise<FreshdeskExport> {
  const names = await exportFolder(dir, 'Freshdesk', 'tickets.json, contacts.json, agents.json, companies.json');
  const tickets = await records(dir, names, 'tickets', fdTicket, 'Freshdesk');
  if (!tickets.found) throw badImportFile(`No tickets.json in ${dir}: a Freshdesk export holds tickets.json, contacts.json, agents.json and companies.json (see the README)`);
  const conversations = new Map<string, FdConversation[]>();
  for (const t of tickets.list) {
    if (t.conversations?.length) conversations.set(t.id, t.conversations.map((c, i) => parseRecord(fdConversation, c, `tickets.json, ticket ${t.id}, conversation ${i + 1}`, 'Freshdesk')));
  }
  for (const [ticketId, list] of await recordsPerTicket(dir, names, 'conversations', 'conversations', fdConversation, 'Freshdesk')) {
    conversations.set(ticketId, [...(conversations.get(ticketId) ?? []), ...list]);
  }
  for (const list of conversations.values()) list.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  return {
    contacts: (await records(dir, names, 'contacts', fdContact, 'Freshdesk')).list,
    agents: (await records(dir, names, 'agents', fdAgent, 'Freshdesk')).list,
    companies: (await records(dir, names, 'companies', fdCompany, 'Freshdesk')).list,
    tickets: tickets.list,
    conversations,
    ticketFields: (await records(dir, names, 'ticket_fields', fdTicketField, 'Freshdesk')).list,
  };
}
