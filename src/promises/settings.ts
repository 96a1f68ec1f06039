import { z } from 'zod';
import type { Db } from '../storage/db.ts';
import { type Actor } from '../shared/actor.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { recordAudit, diff } from '../shared/audit.ts';

import { bumpStatusVersion } from '../announcements/status-changes.ts';
import { type BusinessCalendar, DEFAULT_CALENDAR, validateCalendar } from './calendar.ts';

export interface ServiceSettings {
  time_zone: string;
  calendar: BusinessCalendar;
  /** owners are reminded this long before a promise is due */
  remind_before_minutes: number;
  /** after a breach: the apology is drafted for a supervisor to approve, or sent at once */
  breach_notice: 'draft' | 'send';
}

export const serviceSettingsPatch = z
  .object({
    time_zone: z.string().min(1).max(100),
    calendar: z.unknown(),
    remind_before_minutes: z.number().int().min(0).max(10_080),
    breach_notice: z.enum(['draft', 'send']),
  })
  .partial()
  .strict();

export async function getServiceSettings(db: Db, accountId: string): Promise<ServiceSettings> {
  const [row] = await db.query<{ time_zone: string; calendar: Record<string, unknown>; remind_before_minutes: number; breach_notice: 'draft' | 'send' }>(
    'SELECT time_zone, calendar, remind_before_minutes, breach_notice FROM account_settings WHERE account_id = $1',
    [accountId],
  );
  const timeZone = row?.time_zone ?? 'Europe/Amsterdam';
  const calendar = row && Object.keys(row.calendar).length ? validateCalendar({ ...row.calendar, timeZone }) : { ...DEFAULT_CALENDAR, timeZone };
  return { time_zone: timeZone, calendar, remind_before_minutes: row?.remind_before_minutes ?? 60, breach_notice: row?.breach_notice ?? 'draft' };
}

/** Changes the service settings (admin). A calendar is checked whole: a bad one changes nothing. */
export async function updateServiceSettings(db: Db, actor: Actor, patch: z.infer<typeof serviceSettingsPatch>): Promise<ServiceSettings> {
  requirePermission(actor, 'service_levels.manage', 'Changing the service settings');
  return db.transaction(async (tx) => {
    const before = await getServiceSettings(tx, actor.accountId);
    const timeZone = patch.time_zone ?? before.time_zone;
    const given = patch.calendar === undefined ? before.calendar : patch.calendar;
    if (given === null || typeof given !== 'object' || Array.isArray(given)) validateCalendar(given);
    const calendar = validateCalendar({ ...(given as object), timeZone });
    const after: ServiceSettings = {
      time_zone: calendar.timeZone,
      calendar,
      remind_before_minutes: patch.remind_before_minutes ?? before.remind_before_minutes,
      breach_notice: patch.breach_notice ?? before.breach_notice,
    };
    await tx.query(
      `INSERT INTO account_settings (account_id, time_zone, calendar, remind_before_minutes, breach_notice) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (account_id) DO UPDATE SET time_zone = EXCLUDED.time_zone, calendar = EXCLUDED.calendar,
         remind_before_minutes = EXCLUDED.remind_before_minutes, breach_notice = EXCLUDED.breach_notice, updated_at = now()`,
      [actor.accountId, after.time_zone, JSON.stringify(after.calendar), after.remind_before_minutes, after.breach_notice],
    );
    const d = diff(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>);
    // the public status page shows its times in the account's time zone: a cached page is stale now
    if (after.time_zone !== before.time_zone) await bumpStatusVersion(tx, actor.accountId);
    if (d.changed) await recordAudit(tx, actor, { action: 'settings.service_updated', entityType: 'account', entityId: actor.accountId, before: d.before, after: d.after });
    return after;
  });
}
