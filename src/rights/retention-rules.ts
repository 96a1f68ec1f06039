import { z } from 'zod';
import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { requirePermission } from '../accounts/permissions.ts';

export interface RetentionRules {
  enabled: boolean;
  /** closed cases whose closing is older than this many months lose their personal content; null keeps them */
  anonymise_closed_cases_after_months: number | null;
  /** attachments older than this many months are deleted; null keeps them */
  delete_attachments_after_months: number | null;
}

export const DEFAULT_RETENTION: RetentionRules = { enabled: false, anonymise_closed_cases_after_months: null, delete_attachments_after_months: null };

const months = z.number().int().min(1).max(600).nullable();
export const retentionPatch = z
  .object({ enabled: z.boolean().optional(), anonymise_closed_cases_after_months: months.optional(), delete_attachments_after_months: months.optional() })
  .strict();

export async function getRetentionRules(db: Db, accountId: string): Promise<RetentionRules> {
  const [row] = await db.query<RetentionRules>(
    'SELECT enabled, anonymise_closed_cases_after_months, delete_attachments_after_months FROM retention_rules WHERE account_id = $1', [accountId]);
  return row ?? DEFAULT_RETENTION;
}

/** Admins set the rules; switching them on is meant to follow a preview (GET …/retention/preview). Audited. */
export async function updateRetentionRules(db: Db, actor: Actor, patch: z.infer<typeof retentionPatch>): Promise<RetentionRules> {
  requirePermission(actor, 'retention.manage', 'Changing the retention rules');
  return db.transaction(async (tx) => {
    const before = await getRetentionRules(tx, actor.accountId);
    const next = { ...before, ...patch };
    const [row] = await tx.query<RetentionRules>(
      `INSERT INTO retention_rules (account_id, enabled, anonymise_closed_cases_after_months, delete_attachments_after_months, updated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (account_id) DO UPDATE SET enabled = EXCLUDED.enabled, anonymise_closed_cases_after_months = EXCLUDED.anonymise_closed_cases_after_months,
         delete_attachments_after_months = EXCLUDED.delete_attachments_after_months, updated_at = now()
       RETURNING enabled, anonymise_closed_cases_after_months, delete_attachments_after_months`,
      [actor.accountId, next.enabled, next.anonymise_closed_cases_after_months, next.delete_attachments_after_months],
    );
    await recordAudit(tx, actor, { action: 'settings.retention_updated', entityType: 'account', entityId: actor.accountId, before, after: row });
    return row;
  });
}
