import { z } from 'zod';
import { badImportFile } from '../mail/split-mbox.ts';
import { exportFolder, isoDate as when, maybeNumericId as maybeId, numericId as id, parseRecord, records, recordsPerTicket } from '../helpdesk/read-json.ts';

/**
 * The records of a Zammad export as its REST API gives them (docs.zammad.org, API: Users,
 * Organizations, Tickets, Ticket Articles, Ticket States and Priorities, Object Manager
 * Attributes), with or without `expand=true` (names beside ids). Only what Luister reads is
 * checked; the rest passes through.
 */
export const zmUser = z.looseObject({
  id, login: z.string().nullish(), firstname: z.string().nullish(), lastname: z.string().nullish(), email: z.string().nullish(),
  phone: z.string().nullish(), mobile: z.string().nullish(), organization_id: maybeId,
  role_ids: z.array(z.number().int()).nullish(), roles: z.array(z.string()).nullish(),
});
export const zmOrganization = z.looseObject({ id, name: z.string().nullish(), domain: z.string().nullish(), domain_assignment: z.boolean().nullish() });
export const zmArticle = z.looseObject({
  id,
  ticket_id: maybeId,
  type: z.string().nullish(),
  sender: z.string().nullish(),
  sender_id: z.number().int().nullish(),
  type_id: z.number().int().nullish(),
  internal: z.boolean().nullish(),
  body: z.string().nullish(),
  content_type: z.string().nullish(),
  created_by_id: maybeId,
  origin_by_id: maybeId,
  created_at: when,
  attachments: z.array(z.looseObject({ id: id.nullish(), filename: z.string().nullish(), size: z.union([z.number(), z.string()]).nullish(), preferences: z.record(z.string(), z.unknown()).nullish() })).nullish(),
});
export const zmTicket = z.looseObject({
  id,
  number: z.union([z.string(), z.number()]).nullish(),
  title: z.string().nullish(),
  state_id: z.number().int().nullish(),
  state: z.string().nullish(),
  priority_id: z.number().int().nullish(),
  priority: z.string().nullish(),
  group_id: maybeId,
  group: z.string().nullish(),
  organization_id: maybeId,
  owner_id: maybeId,
  customer_id: maybeId,
  create_article_type_id: z.number().int().nullish(),
  create_article_type: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  created_at: when,
  updated_at: when.nullish(),
  articles: z.array(z.unknown()).nullish(),
});
export const zmNamed = z.looseObject({ id: z.number().int(), name: z.string() });
/** A custom attribute: which keys on a ticket, user or organisation are an admin's own fields. */
export const zmAttribute = z.looseObject({ name: z.string(), object: z.string(), display: z.string().nullish(), editable: z.boolean().nullish() });

export type ZmTicket = z.infer<typeof zmTicket>;
export type ZmArticle = z.infer<typeof zmArticle>;
export type ZmUser = z.infer<typeof zmUser>;

export interface ZammadExport {
  users: ZmUser[];
  organizations: z.infer<typeof zmOrganization>[];
  tickets: ZmTicket[];
  /** ticket id → its articles, oldest first */
  articles: Map<string, ZmArticle[]>;
  states: z.infer<typeof zmNamed>[] | null;
  priorities: z.infer<typeof zmNamed>[] | null;
  attributes: z.infer<typeof zmAttribute>[] | null;
}

/**
 * Reads a folder holding a Zammad export: tickets.json, users.json, organizations.json (optional:
 * ticket_states.json, ticket_priorities.json, object_manager_attributes.json), each an API answer
 * (a JSON array), an object holding one, or NDJSON; articles inside each ticket ("articles": […]),
 * in ticket_articles.json (each with its ticket_id), or in articles/<ticket id>.json as
 * `GET /api/v1/ticket_articles/by_ticket/:id` returns them.
 */
export async function readZammadExport(dir: string): Promise<ZammadExport> {
  const names = await exportFolder(dir, 'Zammad', 'tickets.json, users.json, organizations.json');
  const tickets = await records(dir, names, 'tickets', zmTicket, 'Zammad');
  if (!tickets.found) throw badImportFile(`No tickets.json in ${dir}: a Zammad export holds tickets.json, users.json and organizations.json (see the README)`);
  const articles = new Map<string, ZmArticle[]>();
  const add = (ticketId: string, list: ZmArticle[]) => articles.set(ticketId, [...(articles.get(ticketId) ?? []), ...list]);
  for (const t of tickets.list) {
    if (t.articles?.length) add(t.id, t.articles.map((a, i) => parseRecord(zmArticle, a, `tickets.json, ticket ${t.id}, article ${i + 1}`, 'Zammad')));
  }
  const flat = await records(dir, names, 'ticket_articles', zmArticle, 'Zammad');
  flat.list.forEach((a, i) => {
    if (!a.ticket_id) throw badImportFile(`ticket_articles.json, record ${i + 1}: an article without ticket_id — is this a Zammad export?`);
    add(a.ticket_id, [a]);
  });
  for (const [ticketId, list] of await recordsPerTicket(dir, names, 'articles', 'articles', zmArticle, 'Zammad')) add(ticketId, list);
  for (const list of articles.values()) list.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  const optional = async <T extends z.ZodType>(base: string, schema: T) => {
    const r = await records(dir, names, base, schema, 'Zammad');
    return r.found ? r.list : null;
  };
  return {
    users: (await records(dir, names, 'users', zmUser, 'Zammad')).list,
    organizations: (await records(dir, names, 'organizations', zmOrganization, 'Zammad')).list,
    tickets: tickets.list,
    articles,
    states: await optional('ticket_states', zmNamed),
    priorities: await optional('ticket_priorities', zmNamed),
    attributes: await optional('object_manager_attributes', zmAttribute),
  };
}
