import { z } from 'zod';
import type { Db } from '../storage/db.ts';
import { type Actor } from '../shared/actor.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { diff, recordAudit } from '../shared/audit.ts';

import { CHECK_NAMES, type CheckName } from './types.ts';

export type CheckMode = 'off' | 'warn' | 'block';

export interface ReplySettings {
  checks: Record<CheckName, CheckMode>;
  mantra: { min_customers: number; similarity: number; days: number };
}

export const DEFAULT_REPLY_SETTINGS: ReplySettings = {
  checks: {
    apology: 'warn',
    thanks: 'warn',
    action: 'warn',
    next_contact: 'warn',
    signature: 'warn',
    blame: 'warn',
    condescension: 'warn',
    sales_pitch: 'block',
    mantra: 'warn',
    stock_reply: 'warn',
  },
  // "a mantra sent to 20 customers is caught on the 21st"
  mantra: { min_customers: 20, similarity: 0.7, days: 30 },
};

export const replySettingsPatch = z
  .object({
    checks: z.partialRecord(z.enum(CHECK_NAMES as [CheckName, ...CheckName[]]), z.enum(['off', 'warn', 'block'])).optional(),
    mantra: z
      .object({
        min_customers: z.number().int().min(2).max(10_000).optional(),
        similarity: z.number().min(0.3).max(1).optional(),
        days: z.number().int().min(1).max(365).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export async function getReplySettings(db: Db, accountId: string): Promise<ReplySettings> {
  const [row] = await db.query<{ reply_checks: Partial<ReplySettings> }>(
    'SELECT reply_checks FROM account_settings WHERE account_id = $1',
    [accountId],
  );
  const stored = row?.reply_checks ?? {};
  return {
    checks: { ...DEFAULT_REPLY_SETTINGS.checks, ...(stored.checks ?? {}) },
    mantra: { ...DEFAULT_REPLY_SETTINGS.mantra, ...(stored.mantra ?? {}) },
  };
}

export async function updateReplySettings(db: Db, actor: Actor, patch: z.infer<typeof replySettingsPatch>): Promise<ReplySettings> {
  requirePermission(actor, 'replies.settings', 'Changing the reply checks');
  return db.transaction(async (tx) => {
    const before = await getReplySettings(tx, actor.accountId);
    const after: ReplySettings = { checks: { ...before.checks, ...patch.checks }, mantra: { ...before.mantra, ...patch.mantra } };
    await tx.query(
      `INSERT INTO account_settings (account_id, reply_checks) VALUES ($1, $2)
       ON CONFLICT (account_id) DO UPDATE SET reply_checks = EXCLUDED.reply_checks, updated_at = now()`,
      [actor.accountId, JSON.stringify(after)],
    );
    const d = diff(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>);
    if (d.changed) {
      await recordAudit(tx, actor, { action: 'settings.reply_checks_updated', entityType: 'account', entityId: actor.accountId, before: d.before, after: d.after });
    }
    return after;
  });
}
