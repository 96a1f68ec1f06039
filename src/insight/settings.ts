import { z } from 'zod';
import type { Db } from '../storage/db.ts';
import { type Actor } from '../shared/actor.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';

/** What an hour of an agent costs, for cost per contact (€30 unless the account says otherwise). */
export const DEFAULT_HOURLY_COST_CENTS = 3000;

export interface InsightSettings {
  hourly_cost_cents: number;
}

export const insightSettingsPatch = z.object({ hourly_cost_cents: z.number().int().min(0).max(100_000_000).nullable() }).strict();

export async function getInsightSettings(db: Db, accountId: string): Promise<InsightSettings> {
  const [row] = await db.query<{ hourly_cost_cents: number | null }>('SELECT hourly_cost_cents FROM account_settings WHERE account_id = $1', [accountId]);
  return { hourly_cost_cents: row?.hourly_cost_cents ?? DEFAULT_HOURLY_COST_CENTS };
}

/** Sets the hourly cost (admin); null goes back to the default. */
export async function updateInsightSettings(db: Db, actor: Actor, patch: z.infer<typeof insightSettingsPatch>): Promise<InsightSettings> {
  requirePermission(actor, 'insight.settings', 'Changing the hourly cost');
  return db.transaction(async (tx) => {
    const before = await getInsightSettings(tx, actor.accountId);
    await tx.query(
      `INSERT INTO account_settings (account_id, hourly_cost_cents) VALUES ($1, $2)
       ON CONFLICT (account_id) DO UPDATE SET hourly_cost_cents = EXCLUDED.hourly_cost_cents, updated_at = now()`,
      [actor.accountId, patch.hourly_cost_cents],
    );
    const after = await getInsightSettings(tx, actor.accountId);
    await recordAudit(tx, actor, { action: 'settings.insight_updated', entityType: 'account', entityId: actor.accountId, before, after });
    return after;
  });
}
