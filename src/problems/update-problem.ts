import type { Db } from '../storage/db.ts';
import { type Actor } from '../shared/actor.ts';
import { can } from '../accounts/permissions.ts';
import { diff, recordAudit } from '../shared/audit.ts';
import { forbidden, notFound } from '../shared/errors.ts';
import { emitEvent } from '../webhooks/events.ts';
import { loadProblem, PROBLEM_COLUMNS, type ProblemRow, type ProblemStatus } from './store.ts';

export interface UpdateProblemOptions {
  title?: string;
  status?: ProblemStatus;
  ownerId?: string;
  rootCause?: string | null;
}

/** The owner or a supervisor moves a problem along: investigating → identified → fixing → resolved. */
export async function updateProblem(db: Db, actor: Actor, id: string, opts: UpdateProblemOptions): Promise<ProblemRow> {
  return db.transaction(async (tx) => {
    const before = await loadProblem(tx, actor.accountId, id, true);
    if (before.owner_id !== actor.agentId && !can(actor, 'problems.manage')) throw forbidden('Only the owner or a supervisor changes a problem');
    if (opts.ownerId) {
      const a = await tx.query('SELECT 1 FROM agents WHERE account_id = $1 AND id = $2 AND active', [actor.accountId, opts.ownerId]);
      if (!a.length) throw notFound('agent', opts.ownerId);
    }
    const d = diff(before as unknown as Record<string, unknown>, { title: opts.title?.trim(), status: opts.status, owner_id: opts.ownerId, root_cause: opts.rootCause });
    if (!d.changed) return before;
    const [after] = await tx.query<ProblemRow>(
      `UPDATE problems SET title = coalesce($3, title), status = coalesce($4, status), owner_id = coalesce($5, owner_id),
         root_cause = CASE WHEN $6::boolean THEN $7 ELSE root_cause END, updated_at = now(),
         resolved_at = CASE WHEN coalesce($4, status) = 'resolved' THEN coalesce(resolved_at, now()) END
       WHERE account_id = $1 AND id = $2 RETURNING ${PROBLEM_COLUMNS}`,
      [actor.accountId, id, opts.title?.trim() ?? null, opts.status ?? null, opts.ownerId ?? null, opts.rootCause !== undefined, opts.rootCause ?? null],
    );
    await recordAudit(tx, actor, { action: 'problem.updated', entityType: 'problem', entityId: id, before: d.before, after: d.after });
    await emitEvent(tx, actor.accountId, 'problem.updated', after);
    return after;
  });
}
