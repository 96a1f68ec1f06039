import { z } from 'zod';
import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { AppError } from '../shared/errors.ts';

export interface AutoCloseSettings {
  enabled: boolean;
  remind_after_days: number;
  close_after_days: number;
}

/** Off until an account turns it on; then a reminder after 7 days pending with the customer, solved after 14. */
export const DEFAULT_AUTOCLOSE_SETTINGS: AutoCloseSettings = { enabled: false, remind_after_days: 7, close_after_days: 14 };

export const autoCloseSettingsSchema = z.object({
  enabled: z.boolean(),
  remind_after_days: z.number().int().min(1).max(90).describe('days pending with the customer before the reminder'),
  close_after_days: z.number().int().min(2).max(180).describe('days pending with the customer before the case is solved (more than remind_after_days)'),
});

export const autoCloseSettingsPatch = autoCloseSettingsSchema.partial().strict();

export async function getAutoCloseSettings(db: Db, accountId: string): Promise<AutoCloseSettings> {
  const [row] = await db.query<AutoCloseSettings>(
    'SELECT enabled, remind_after_days, close_after_days FROM autoclose_settings WHERE account_id = $1', [accountId]);
  return row ?? DEFAULT_AUTOCLOSE_SETTINGS;
}

/** Supervisors and admins set auto-close (the same right as closing colleagues' cases). Audited. */
export async function updateAutoCloseSettings(db: Db, actor: Actor, patch: z.infer<typeof autoCloseSettingsPatch>): Promise<AutoCloseSettings> {
  requirePermission(actor, 'cases.close_others', 'Setting auto-close');
  return db.transaction(async (tx) => {
    const before = await getAutoCloseSettings(tx, actor.accountId);
    // a field left out (or given as undefined, as the CLI does) keeps its value
    const next = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as AutoCloseSettings;
    if (next.close_after_days <= next.remind_after_days) {
      throw new AppError('validation_failed', `close_after_days (${next.close_after_days}) must be more than remind_after_days (${next.remind_after_days})`, 400);
    }
    const [row] = await tx.query<AutoCloseSettings>(
      `INSERT INTO autoclose_settings (account_id, enabled, remind_after_days, close_after_days, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (account_id) DO UPDATE SET enabled = EXCLUDED.enabled, remind_after_days = EXCLUDED.remind_after_days,
         close_after_days = EXCLUDED.close_after_days, updated_at = now()
       RETURNING enabled, remind_after_days, close_after_days`,
      [actor.accountId, next.enabled, next.remind_after_days, next.close_after_days]);
    await recordAudit(tx, actor, { action: 'settings.autoclose_updated', entityType: 'account', entityId: actor.accountId, before: { ...before }, after: { ...row } });
    return row;
  });
}
