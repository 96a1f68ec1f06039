import { z } from 'zod';
import { badImportFile } from '../mail/split-mbox.ts';
import { exportFolder, isoDate as when, maybeNumericId as maybeId, numericId as id, parseRecord, records, recordsPerTicket } from '../helpdesk/read-json.ts';

/**
 * The records of a Zendesk export, as its APIs give them (developer.zendesk.com: Users, Organizations,
 * Tickets, Ticket Comments, Incremental Exports). Only the fields Luister reads are checked; the rest
 * pass through, so what has no place here yet can be counted (map.ts).
 */

export const zUser = z.looseObject({
  id,
  name: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  role: z.string().nullish(),
  organization_id: maybeId,
  locale: z.string().nullish(),
  user_fields: z.record(z.string(), z.unknown()).nullish(),
  url: z.string().nullish(),
});
export const zOrganization = z.looseObject({
  id,
  name: z.string().nullish(),
  domain_names: z.array(z.string()).nullish(),
  organization_fields: z.record(z.string(), z.unknown()).nullish(),
  url: z.string().nullish(),
});
/** A ticket field's definition (Ticket Fields API): what a custom_fields id is called. */
export const zTicketField = z.looseObject({ id, title: z.string().nullish(), raw_title: z.string().nullish(), key: z.string().nullish() });
export const zAttachment = z.looseObject({
  file_name: z.string().nullish(),
  content_url: z.string().nullish(),
  content_type: z.string().nullish(),
  size: z.number().nullish(),
});
export const zComment = z.looseObject({
  id,
  author_id: maybeId,
  body: z.string().nullish(),
  plain_body: z.string().nullish(),
  public: z.boolean().nullish(),
  created_at: when,
  attachments: z.array(zAttachment).nullish(),
});
export const zTicket = z.looseObject({
  id,
  subject: z.string().nullish(),
  raw_subject: z.string().nullish(),
  description: z.string().nullish(),
  status: z.string().nullish(),
  priority: z.string().nullish(),
  type: z.string().nullish(),
  requester_id: maybeId,
  assignee_id: maybeId,
  organization_id: maybeId,
  group_id: maybeId,
  collaborator_ids: z.array(id).nullish(),
  tags: z.array(z.string()).nullish(),
  custom_fields: z.array(z.looseObject({ id, value: z.unknown() })).nullish(),
  satisfaction_rating: z.unknown().optional(),
  via: z.looseObject({ channel: z.string().nullish() }).nullish(),
  created_at: when,
  updated_at: when.nullish(),
  comments: z.array(z.unknown()).nullish(),
  url: z.string().nullish(),
});

export type ZUser = z.infer<typeof zUser>;
export type ZOrganization = z.infer<typeof zOrganization>;
export type ZComment = z.infer<typeof zComment>;
export type ZTicket = z.infer<typeof zTicket>;
export type ZTicketField = z.infer<typeof zTicketField>;

export interface ZendeskExport {
  users: ZUser[];
  organizations: ZOrganization[];
  tickets: ZTicket[];
  /** ticket id → its comments, oldest first */
  comments: Map<string, ZComment[]>;
  /** ticket_fields.json, when the export has it: the names of the custom_fields ids */
  ticketFields: ZTicketField[];
}

/**
 * Reads a folder holding a Zendesk export:
 *   users.json, organizations.json, tickets.json (and ticket_fields.json, optional) — each a page of
 *     the API ({"tickets": […], …}), a JSON array, or one record per line (NDJSON, as the admin's JSON
 *     export and the incremental exports are often saved); several pages may be split over
 *     tickets-1.json, tickets-2.json, …
 *   comments inside each ticket ("comments": […], the full JSON export), or in
 *     ticket_comments/<ticket id>.json as the Ticket Comments API returns them ({"comments": […]}).
 * A file that is not valid JSON (cut short, or something else) is refused naming the file and line.
 */
export async function readZendeskExport(dir: string): Promise<ZendeskExport> {
  const names = await exportFolder(dir, 'Zendesk', 'tickets.json, users.json, organizations.json');
  const tickets = await records(dir, names, 'tickets', zTicket, 'Zendesk');
  if (!tickets.found) throw badImportFile(`No tickets.json in ${dir}: a Zendesk export holds tickets.json, users.json and organizations.json (see the README)`);
  const users = await records(dir, names, 'users', zUser, 'Zendesk');
  const organizations = await records(dir, names, 'organizations', zOrganization, 'Zendesk');
  const ticketFields = await records(dir, names, 'ticket_fields', zTicketField, 'Zendesk');
  const comments = new Map<string, ZComment[]>();
  for (const t of tickets.list) {
    if (t.comments?.length) comments.set(t.id, t.comments.map((c, i) => parseRecord(zComment, c, `tickets.json, ticket ${t.id}, comment ${i + 1}`, 'Zendesk')));
  }
  for (const [ticketId, list] of await recordsPerTicket(dir, names, 'ticket_comments', 'comments', zComment, 'Zendesk')) {
    comments.set(ticketId, [...(comments.get(ticketId) ?? []), ...list]);
  }
  for (const list of comments.values()) list.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  return { users: users.list, organizations: organizations.list, tickets: tickets.list, comments, ticketFields: ticketFields.list };
}
