import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { badImportFile } from '../mail/split-mbox.ts';

/**
 * The records of a Zendesk export, as its APIs give them (developer.zendesk.com: Users, Organizations,
 * Tickets, Ticket Comments, Incremental Exports). Only the fields Luister reads are checked; the rest
 * pass through, so what has no place here yet can be counted (map.ts).
 */
const id = z.union([z.number().int(), z.string().regex(/^\d{1,20}$/)]).transform(String);
const maybeId = z.union([id, z.null()]).optional().transform((v) => v ?? null);
const when = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date').transform((s) => new Date(s));

export const zUser = z.looseObject({
  id,
  name: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  role: z.string().nullish(),
  organization_id: maybeId,
  locale: z.string().nullish(),
  user_fields: z.record(z.string(), z.unknown()).nullish(),
});
export const zOrganization = z.looseObject({ id, name: z.string().nullish() });
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
});

export type ZUser = z.infer<typeof zUser>;
export type ZOrganization = z.infer<typeof zOrganization>;
export type ZComment = z.infer<typeof zComment>;
export type ZTicket = z.infer<typeof zTicket>;

export interface ZendeskExport {
  users: ZUser[];
  organizations: ZOrganization[];
  tickets: ZTicket[];
  /** ticket id → its comments, oldest first */
  comments: Map<string, ZComment[]>;
}

/**
 * Reads a folder holding a Zendesk export:
 *   users.json, organizations.json, tickets.json — each a page of the API ({"tickets": […], …}),
 *     a JSON array, or one record per line (NDJSON, as the admin's JSON export and the incremental
 *     exports are often saved); several pages may be split over tickets-1.json, tickets-2.json, …
 *   comments inside each ticket ("comments": […], the full JSON export), or in
 *     ticket_comments/<ticket id>.json as the Ticket Comments API returns them ({"comments": […]}).
 * A file that is not valid JSON (cut short, or something else) is refused naming the file and line.
 */
export async function readZendeskExport(dir: string): Promise<ZendeskExport> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw badImportFile(`${dir} is not a folder: give the folder that holds the Zendesk export (tickets.json, users.json, organizations.json)`);
  const names = (await readdir(dir)).sort();
  const tickets = await records(dir, names, 'tickets', zTicket);
  if (!tickets.found) throw badImportFile(`No tickets.json in ${dir}: a Zendesk export holds tickets.json, users.json and organizations.json (see the README)`);
  const users = await records(dir, names, 'users', zUser);
  const organizations = await records(dir, names, 'organizations', zOrganization);
  const comments = new Map<string, ZComment[]>();
  for (const t of tickets.list) {
    if (t.comments?.length) comments.set(t.id, t.comments.map((c, i) => parseRecord(zComment, c, `tickets.json, ticket ${t.id}, comment ${i + 1}`)));
  }
  if (names.includes('ticket_comments')) {
    for (const name of (await readdir(join(dir, 'ticket_comments'))).sort()) {
      const m = /^(\d+)\.json$/.exec(name);
      if (!m) continue;
      const list = (await parseFile(join(dir, 'ticket_comments', name), `ticket_comments/${name}`, 'comments')).map((c, i) => parseRecord(zComment, c, `ticket_comments/${name}, comment ${i + 1}`));
      comments.set(m[1], [...(comments.get(m[1]) ?? []), ...list]);
    }
  }
  for (const list of comments.values()) list.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  return { users: users.list, organizations: organizations.list, tickets: tickets.list, comments };
}

async function records<T extends z.ZodType>(dir: string, names: string[], base: string, schema: T): Promise<{ found: boolean; list: z.infer<T>[] }> {
  const files = names.filter((n) => new RegExp(`^${base}([-_.][\\w.-]*)?\\.(json|jsonl|ndjson)$`).test(n));
  const list: z.infer<T>[] = [];
  for (const file of files) {
    const raw = await parseFile(join(dir, file), file, base);
    raw.forEach((r, i) => list.push(parseRecord(schema, r, `${file}, record ${i + 1}`)));
  }
  return { found: files.length > 0, list };
}

function parseRecord<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw badImportFile(`${where}: ${issue.path.join('.') || 'the record'} ${issue.message.toLowerCase()} — is this a Zendesk export?`, { where, path: issue.path });
}

/** A page object ({"tickets": […]}), an array, or NDJSON (records or page objects, one a line). */
async function parseFile(path: string, label: string, key: string): Promise<unknown[]> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  if (!text.trim()) return [];
  try {
    return fromValue(JSON.parse(text), key, label);
  } catch (err) {
    if ((err as { code?: string }).code === 'import_file_invalid') throw err;
  }
  const out: unknown[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(lines[i]);
    } catch (err) {
      const last = lines.slice(i + 1).every((l) => !l.trim());
      throw badImportFile(`${label}, line ${i + 1}: not valid JSON (${(err as Error).message})${last ? '. The file looks cut short (truncated): export it again' : ''}. Nothing was imported.`);
    }
    out.push(...fromValue(value, key, `${label}, line ${i + 1}`));
  }
  return out;
}

function fromValue(value: unknown, key: string, label: string): unknown[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    const page = (value as Record<string, unknown>)[key];
    if (Array.isArray(page)) return page;
    if ('id' in value) return [value];
  }
  throw badImportFile(`${label}: expected ${key} (an array, {"${key}": […]}, or one record per line)`);
}
