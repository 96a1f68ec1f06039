import { z } from 'zod';
import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { conflict, isUniqueViolation } from '../shared/errors.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { getServiceSettings } from '../promises/settings.ts';
import { bumpStatusVersion } from './status-changes.ts';
import { ANNOUNCEMENT_KINDS, type AnnouncementKind, DEFAULT_NOTICE_DAYS, DEFAULT_VULNERABLE_EXTRA_DAYS, type NoticeRule } from './notice.ts';

export interface AnnouncementSettings {
  /** the minimum notice per kind, in days: the account's own where set, else the default */
  notice_days: Record<AnnouncementKind, number>;
  vulnerable_extra_days: number;
  send_per_minute: number;
  status_slug: string | null;
  status_name: string | null;
  contact_route: string | null;
  time_zone: string;
}

/** An address or phone number where a person answers: the one thing the book club's letters lacked. */
export const contactRoute = z.string().trim().min(3).max(200)
  .refine((v) => /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(v) || /^\+?[0-9][0-9 ()-]{5,}$/.test(v), 'an e-mail address or a phone number of a person or team that answers');

export const announcementSettingsPatch = z.object({
  notice_days: z.object(Object.fromEntries(ANNOUNCEMENT_KINDS.map((k) => [k, z.number().int().min(0).max(365)])) as Record<AnnouncementKind, z.ZodNumber>).partial().strict(),
  vulnerable_extra_days: z.number().int().min(0).max(90),
  send_per_minute: z.number().int().min(1).max(100_000),
  status_slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes, 2–63 long').nullable(),
  status_name: z.string().trim().min(1).max(200).nullable(),
  contact_route: contactRoute.nullable(),
}).partial().strict();

interface Row { notice_days: Partial<Record<AnnouncementKind, number>>; vulnerable_extra_days: number; send_per_minute: number; status_slug: string | null; status_name: string | null; contact_route: string | null }

export async function getAnnouncementSettings(db: Db, accountId: string): Promise<AnnouncementSettings> {
  const [row] = await db.query<Row>(
    'SELECT notice_days, vulnerable_extra_days, send_per_minute, status_slug, status_name, contact_route FROM announcement_settings WHERE account_id = $1',
    [accountId],
  );
  const { time_zone } = await getServiceSettings(db, accountId);
  return {
    notice_days: { ...DEFAULT_NOTICE_DAYS, ...(row?.notice_days ?? {}) },
    vulnerable_extra_days: row?.vulnerable_extra_days ?? DEFAULT_VULNERABLE_EXTRA_DAYS,
    send_per_minute: row?.send_per_minute ?? 600,
    status_slug: row?.status_slug ?? null,
    status_name: row?.status_name ?? null,
    contact_route: row?.contact_route ?? null,
    time_zone,
  };
}

export const noticeRuleOf = (s: AnnouncementSettings): NoticeRule => ({ noticeDays: s.notice_days, vulnerableExtraDays: s.vulnerable_extra_days, timeZone: s.time_zone });

/** Changes the notice rules and the status page (admin); audited with before and after. */
export async function updateAnnouncementSettings(db: Db, actor: Actor, patch: z.infer<typeof announcementSettingsPatch>): Promise<AnnouncementSettings> {
  requirePermission(actor, 'announcements.settings', 'Changing the notice rules or the status page');
  try {
    return await db.transaction(async (tx) => {
      const before = await getAnnouncementSettings(tx, actor.accountId);
      const notice = patch.notice_days ? { ...before.notice_days, ...patch.notice_days } : null;
      await tx.query(
        `INSERT INTO announcement_settings (account_id) VALUES ($1) ON CONFLICT (account_id) DO NOTHING`, [actor.accountId]);
      await tx.query(
        `UPDATE announcement_settings SET
           notice_days = coalesce($2::jsonb, notice_days),
           vulnerable_extra_days = coalesce($3, vulnerable_extra_days),
           send_per_minute = coalesce($4, send_per_minute),
           status_slug = CASE WHEN $5::boolean THEN $6 ELSE status_slug END,
           status_name = CASE WHEN $7::boolean THEN $8 ELSE status_name END,
           contact_route = CASE WHEN $9::boolean THEN $10 ELSE contact_route END,
           updated_at = now()
         WHERE account_id = $1`,
        [actor.accountId, notice ? JSON.stringify(notice) : null, patch.vulnerable_extra_days ?? null, patch.send_per_minute ?? null,
          'status_slug' in patch, patch.status_slug ?? null, 'status_name' in patch, patch.status_name ?? null, 'contact_route' in patch, patch.contact_route ?? null],
      );
      await bumpStatusVersion(tx, actor.accountId);
      const after = await getAnnouncementSettings(tx, actor.accountId);
      await recordAudit(tx, actor, { action: 'announcement_settings.updated', entityType: 'account', entityId: actor.accountId, before, after });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'status_slug')) throw conflict('status_slug_taken', `The status page address ${patch.status_slug} is taken`);
    throw err;
  }
}

export { bumpStatusVersion } from './status-changes.ts';
