import type { Db } from '../storage/db.ts';
import { npsDue } from './nps-due.ts';
import { queueNpsSample } from './queue-survey.ts';

/**
 * The daily NPS sweep: each account whose schedule is due sends a round to its sample (customers
 * who accept surveys and were not asked in 90 days; see queueNpsSample). The round is claimed with
 * a conditional update in the same transaction as the queued surveys, so two workers sweeping at
 * once send it once. Returns how many surveys were queued per account.
 */
export async function sweepNps(db: Db, now = new Date()): Promise<Map<string, number>> {
  const accounts = await db.query<{ account_id: string; nps_every_days: number; nps_sample: number; nps_last_sent_at: Date | null }>(
    'SELECT account_id, nps_every_days, nps_sample, nps_last_sent_at FROM survey_settings WHERE nps_every_days IS NOT NULL');
  const queued = new Map<string, number>();
  for (const a of accounts) {
    const lastSentAt = a.nps_last_sent_at ? new Date(a.nps_last_sent_at) : null;
    if (!npsDue({ everyDays: a.nps_every_days, lastSentAt, now })) continue;
    const n = await db.transaction(async (tx) => {
      const claimed = await tx.query(
        `UPDATE survey_settings SET nps_last_sent_at = $2 WHERE account_id = $1 AND nps_last_sent_at IS NOT DISTINCT FROM $3 RETURNING account_id`,
        [a.account_id, now, lastSentAt]);
      if (!claimed.length) return 0;
      return queueNpsSample(tx, a.account_id, a.nps_sample);
    });
    queued.set(a.account_id, n);
  }
  return queued;
}
