import { z } from 'zod';
import type { Db } from '../storage/db.ts';
import { notFound } from '../shared/errors.ts';
import type { Audience, Purpose } from './audience.ts';
import type { AnnouncementKind } from './notice.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
/** One language's text: a subject, the message, and the plain-language version vulnerable customers get. */
export const languageContent = z.object({ subject: text(200), body: text(20_000), plain: text(20_000).describe('plain-language version for vulnerable customers') }).strict();
export const contentSchema = z.object({ nl: languageContent, en: languageContent.optional() }).strict();
export type AnnouncementContent = z.infer<typeof contentSchema>;

export type AnnouncementStatus = 'scheduled' | 'sending' | 'sent' | 'cancelled';

export interface AnnouncementRow {
  id: string;
  kind: AnnouncementKind;
  purpose: Purpose;
  content: AnnouncementContent;
  effective_at: Date;
  ends_at: Date | null;
  send_at: Date;
  audience: Audience | { kind: 'list'; emails: number };
  channels: string[];
  contact_route: string;
  status: AnnouncementStatus;
  notice_days: number;
  override_reason: string | null;
  override_by: string | null;
  problem_id: string | null;
  show_on_status_page: boolean;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export const ANNOUNCEMENT_COLUMNS =
  'id, kind, purpose, content, effective_at, ends_at, send_at, audience, channels, contact_route, status, notice_days, override_reason, override_by, ' +
  'problem_id, show_on_status_page, created_by, created_at, updated_at';

export async function loadAnnouncement(db: Db, accountId: string, id: string, forUpdate = false): Promise<AnnouncementRow> {
  const [row] = await db.query<AnnouncementRow>(
    `SELECT ${ANNOUNCEMENT_COLUMNS} FROM announcements WHERE account_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [accountId, id],
  );
  if (!row) throw notFound('announcement', id);
  return row;
}

export type RecipientState = 'queued' | 'sending' | 'sent' | 'bounced' | 'replied' | 'skipped';

/** Per-recipient delivery of one announcement: how many in each state. */
export async function deliveryCounts(db: Db, accountId: string, id: string): Promise<Record<RecipientState, number> & { total: number; vulnerable: number }> {
  const rows = await db.query<{ state: RecipientState; n: number; v: number }>(
    `SELECT state, count(*)::int AS n, count(*) FILTER (WHERE vulnerable)::int AS v FROM announcement_recipients
     WHERE account_id = $1 AND announcement_id = $2 GROUP BY state`,
    [accountId, id],
  );
  const out = { queued: 0, sending: 0, sent: 0, bounced: 0, replied: 0, skipped: 0, total: 0, vulnerable: 0 };
  for (const r of rows) { out[r.state] = r.n; out.total += r.n; out.vulnerable += r.v; }
  return out;
}
