import type { Db } from '../storage/db.ts';
import type { IncidentImpact, IncidentStatus, IncidentTitle } from '../announcements/incident-store.ts';
import { decodeCursor, page } from '../shared/pagination.ts';
import { caseAmounts } from './case-amounts.ts';
import { linkedCases, loadProblem, PROBLEM_COLUMNS, type ProblemRow, type ProblemStatus } from './store.ts';

/** A problem with its linked cases (suggested and confirmed, each with the amount its customer disputes) and how many customers it touches. */
export async function getProblem(db: Db, accountId: string, id: string) {
  const p = await loadProblem(db, accountId, id);
  const linked = await linkedCases(db, accountId, id);
  const amounts = await caseAmounts(db, accountId, linked.map((c) => c.case_id));
  const cases = linked.map((c) => ({ ...c, amount: amounts.get(c.case_id) ?? null }));
  const affected = new Set(cases.filter((c) => c.state === 'confirmed').map((c) => c.customer_id)).size;
  // the incidents opened for it (C4): the problem shows its incidents, as each incident names its problem
  const incidents = await db.query<{ id: string; title: IncidentTitle; status: IncidentStatus; impact: IncidentImpact; next_update_at: Date | null; created_at: Date; resolved_at: Date | null }>(
    `SELECT id, title, status, impact, next_update_at, created_at, resolved_at FROM incidents WHERE account_id = $1 AND problem_id = $2 ORDER BY created_at DESC LIMIT 50`,
    [accountId, id],
  );
  return { ...p, cases, affected_customers: affected, incidents };
}

export async function listProblems(db: Db, accountId: string, opts: { limit: number; cursor?: string; status?: ProblemStatus }) {
  const after = decodeCursor(opts.cursor);
  const rows = await db.query<ProblemRow & { confirmed_cases: number }>(
    `SELECT ${PROBLEM_COLUMNS.split(', ').map((c) => `p.${c}`).join(', ')},
       (SELECT count(*)::int FROM problem_cases pc WHERE pc.account_id = p.account_id AND pc.problem_id = p.id AND pc.state = 'confirmed') AS confirmed_cases
     FROM problems p
     WHERE p.account_id = $1 AND ($2::text IS NULL OR p.status = $2)
       AND ($3::uuid IS NULL OR (p.created_at, p.id) < (SELECT created_at, id FROM problems WHERE account_id = $1 AND id = $3))
     ORDER BY p.created_at DESC, p.id DESC LIMIT $4`,
    [accountId, opts.status ?? null, after, opts.limit + 1],
  );
  return page(rows, opts.limit);
}
