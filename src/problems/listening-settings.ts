import type { Db } from '../storage/db.ts';
import { type Actor } from '../shared/actor.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';

import { autoProblemThreshold } from './auto-open-problem.ts';

export async function getListeningSettings(db: Db, accountId: string) {
  return { auto_problem_min_count: await autoProblemThreshold(db, accountId) };
}

/** When a signal opens a problem by itself: at N complaints (admin); null switches it off. */
export async function updateListeningSettings(db: Db, actor: Actor, patch: { auto_problem_min_count?: number | null }) {
  requirePermission(actor, 'listening.settings', 'Changing the listening settings');
  return db.transaction(async (tx) => {
    const before = await getListeningSettings(tx, actor.accountId);
    if (patch.auto_problem_min_count === undefined) return before;
    await tx.query(
      `INSERT INTO account_settings (account_id, auto_problem_min_count) VALUES ($1, $2)
       ON CONFLICT (account_id) DO UPDATE SET auto_problem_min_count = EXCLUDED.auto_problem_min_count, updated_at = now()`,
      [actor.accountId, patch.auto_problem_min_count],
    );
    const after = { auto_problem_min_count: patch.auto_problem_min_count };
    await recordAudit(tx, actor, { action: 'settings.listening_updated', entityType: 'account', entityId: actor.accountId, before, after });
    return after;
  });
}
