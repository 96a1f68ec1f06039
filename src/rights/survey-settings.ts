import { z } from 'zod';
import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { requirePermission } from '../accounts/permissions.ts';

export interface SurveySettings {
  /** every this many days the NPS question goes to a sample; null: not scheduled */
  nps_every_days: number | null;
  /** how many customers each round asks */
  nps_sample: number;
  nps_last_sent_at: Date | null;
}

export const DEFAULT_SURVEY_SETTINGS: SurveySettings = { nps_every_days: null, nps_sample: 100, nps_last_sent_at: null };

export const surveySettingsPatch = z
  .object({ nps_every_days: z.number().int().min(7).max(366).nullable().optional(), nps_sample: z.number().int().min(1).max(10_000).optional() })
  .strict();

export async function getSurveySettings(db: Db, accountId: string): Promise<SurveySettings> {
  const [row] = await db.query<SurveySettings>('SELECT nps_every_days, nps_sample, nps_last_sent_at FROM survey_settings WHERE account_id = $1', [accountId]);
  return row ?? DEFAULT_SURVEY_SETTINGS;
}

/** Supervisors schedule NPS (the same right as sending a round by hand). Audited. */
export async function updateSurveySettings(db: Db, actor: Actor, patch: z.infer<typeof surveySettingsPatch>): Promise<SurveySettings> {
  requirePermission(actor, 'surveys.send', 'Scheduling NPS surveys');
  return db.transaction(async (tx) => {
    const before = await getSurveySettings(tx, actor.accountId);
    const next = { ...before, ...patch };
    const [row] = await tx.query<SurveySettings>(
      `INSERT INTO survey_settings (account_id, nps_every_days, nps_sample, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (account_id) DO UPDATE SET nps_every_days = EXCLUDED.nps_every_days, nps_sample = EXCLUDED.nps_sample, updated_at = now()
       RETURNING nps_every_days, nps_sample, nps_last_sent_at`,
      [actor.accountId, next.nps_every_days, next.nps_sample],
    );
    await recordAudit(tx, actor, { action: 'settings.surveys_updated', entityType: 'account', entityId: actor.accountId,
      before: { nps_every_days: before.nps_every_days, nps_sample: before.nps_sample }, after: { nps_every_days: row.nps_every_days, nps_sample: row.nps_sample } });
    return row;
  });
}
