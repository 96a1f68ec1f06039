import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError } from '../shared/errors.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { linkedCases, loadProblem } from '../problems/store.ts';
import { caseAmounts } from '../problems/case-amounts.ts';
import { approveRefund } from './approve-refund.ts';
import { requestRefund } from './request-refund.ts';
import { bulkRefundText } from './refund-messages.ts';
import { refundTextFacts, tellCustomer } from './tell-customer.ts';

export interface ProblemRefundLine {
  case_id: string;
  ref: string;
  customer_id: string;
  customer_name: string;
  amount_cents: number | null;
  currency: string;
  /** ledger: the open findings for this customer; mentioned: the amount their complaint disputes; chosen: given by a person */
  source: 'ledger' | 'mentioned' | 'chosen' | 'uncertain' | 'none' | 'already_refunded';
  finding_ids: string[];
  /** other amounts the customer mentioned, when which one is meant is not certain */
  alternatives: number[];
}

/**
 * Who gets what when a problem is refunded: one line per customer of the problem's confirmed cases
 * (their first case), the amount from the ledger's open findings for them, else the amount their
 * complaint is about, else what a supervisor chose. Uncertain and missing amounts are shown, never guessed.
 */
export async function previewProblemRefund(db: Db, accountId: string, problemId: string, chosen: Record<string, number> = {}) {
  await loadProblem(db, accountId, problemId);
  const seen = new Set<string>();
  const cases = (await linkedCases(db, accountId, problemId, ['confirmed'])).filter((c) => !seen.has(c.customer_id) && seen.add(c.customer_id));
  const mentioned = await caseAmounts(db, accountId, cases.map((c) => c.case_id));
  const findings = await db.query<{ customer_id: string; ids: string[]; cents: number; currency: string }>(
    `SELECT customer_id, array_agg(id ORDER BY created_at) AS ids, sum(amount_cents)::bigint AS cents, min(currency) AS currency
     FROM charge_findings WHERE account_id = $1 AND status = 'proposed' AND customer_id = ANY($2::uuid[]) AND currency = 'EUR'
     GROUP BY customer_id`,
    [accountId, cases.map((c) => c.customer_id)],
  );
  const done = new Set((await db.query<{ customer_id: string }>(
    `SELECT customer_id FROM refunds WHERE account_id = $1 AND problem_id = $2 AND state <> 'rejected'`, [accountId, problemId])).map((r) => r.customer_id));
  const byCustomer = new Map(findings.map((f) => [f.customer_id, f]));
  const lines: ProblemRefundLine[] = cases.map((c) => {
    const base = { case_id: c.case_id, ref: c.ref, customer_id: c.customer_id, customer_name: c.customer_name, currency: 'EUR', finding_ids: [] as string[], alternatives: [] as number[] };
    if (done.has(c.customer_id)) return { ...base, amount_cents: null, source: 'already_refunded' };
    if (chosen[c.case_id] !== undefined) return { ...base, amount_cents: chosen[c.case_id], source: 'chosen' };
    const f = byCustomer.get(c.customer_id);
    if (f) return { ...base, amount_cents: f.cents, source: 'ledger', finding_ids: f.ids };
    const m = mentioned.get(c.case_id);
    if (m && m.amount.currency === 'EUR') {
      return m.certain
        ? { ...base, amount_cents: m.amount.cents, source: 'mentioned' }
        : { ...base, amount_cents: null, source: 'uncertain', alternatives: [m.amount.cents, ...m.alternatives.map((a) => a.cents)] };
    }
    return { ...base, amount_cents: null, source: 'none' };
  });
  const payable = lines.filter((l) => l.amount_cents !== null);
  return { data: lines, customers: payable.length, total_cents: payable.reduce((s, l) => s + l.amount_cents!, 0) };
}

/**
 * Refunds a problem's customers in one approval: per customer one approved refund (back to the
 * original payment) with its refund_by promise, and a message with their own amount through the
 * reply checks. Each customer is their own transaction: one refusal holds back no one else.
 * Running it again refunds no one twice.
 */
export async function refundProblem(db: Db, actor: Actor, problemId: string, o: { amounts?: Record<string, number>; now?: Date } = {}) {
  requirePermission(actor, 'refunds.manage_ledger', 'Refunding a problem\'s customers');
  const problem = await loadProblem(db, actor.accountId, problemId);
  const preview = await previewProblemRefund(db, actor.accountId, problemId, o.amounts);
  const results: { case_id: string; ref: string; outcome: 'refunded' | 'skipped' | 'failed'; refund_id?: string; amount_cents?: number; error?: { code: string; message: string } }[] = [];
  for (const line of preview.data) {
    if (line.amount_cents === null) {
      results.push({ case_id: line.case_id, ref: line.ref, outcome: 'skipped', error: { code: `amount_${line.source}`, message: `${line.ref}: ${line.source === 'already_refunded' ? 'already refunded for this problem' : 'no certain amount: choose one in amounts'}` } });
      continue;
    }
    try {
      const refund = await db.transaction(async (tx) => {
        const requested = await requestRefund(tx, { ...actor, agentId: null }, {
          caseId: line.case_id, amountCents: line.amount_cents!, currency: line.currency, reason: `Probleem: ${problem.title}`.slice(0, 1000),
          destination: 'original_payment', problemId, ownerId: actor.agentId, now: o.now,
        });
        const approved = await approveRefund(tx, actor, requested.id, { now: o.now });
        if (line.finding_ids.length) {
          await tx.query(`UPDATE charge_findings SET status = 'approved', refund_id = $3, decided_by = $4, decided_at = now() WHERE account_id = $1 AND id = ANY($2::uuid[]) AND status = 'proposed'`,
            [actor.accountId, line.finding_ids, approved.id, actor.agentId]);
        }
        const facts = await refundTextFacts(tx, actor.accountId, approved);
        await tellCustomer(tx, actor, approved.case_id, facts.status, bulkRefundText(facts, problem.title), facts.language);
        return approved;
      });
      results.push({ case_id: line.case_id, ref: line.ref, outcome: 'refunded', refund_id: refund.id, amount_cents: refund.amount_cents });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ case_id: line.case_id, ref: line.ref, outcome: 'failed', error: { code: err.code, message: err.message } });
    }
  }
  await recordAudit(db, actor, {
    action: 'problem.bulk_refund', entityType: 'problem', entityId: problemId,
    after: { refunded: results.filter((r) => r.outcome === 'refunded').length, total_cents: results.reduce((s, r) => s + (r.amount_cents ?? 0), 0) },
  });
  return { data: results };
}
