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
import { ibanInText } from './iban-in-text.ts';

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
  /** where the money goes: the IBAN the customer gave in a message on the case, else the one on file, else back to the original payment */
  destination: 'iban' | 'original_payment';
  iban: string | null;
  account_holder: string | null;
  iban_source: 'given' | 'on_file' | null;
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
  const accounts = await refundAccounts(db, accountId, cases);
  const lines: ProblemRefundLine[] = cases.map((c) => {
    const base = { case_id: c.case_id, ref: c.ref, customer_id: c.customer_id, customer_name: c.customer_name, currency: 'EUR', finding_ids: [] as string[], alternatives: [] as number[],
      ...(accounts.get(c.case_id) ?? { destination: 'original_payment' as const, iban: null, account_holder: null, iban_source: null }) };
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
  return {
    data: lines, customers: payable.length, total_cents: payable.reduce((s, l) => s + l.amount_cents!, 0),
    to_iban: payable.filter((l) => l.destination === 'iban').length,
  };
}

type RefundAccount = Pick<ProblemRefundLine, 'destination' | 'iban' | 'account_holder' | 'iban_source'>;

/**
 * Per case, the IBAN its customer's refund goes to: one they wrote in their own messages on the case
 * (the latest valid one; the holder is the customer's name, or the holder on file for that same
 * IBAN), else the one on file for them (PUT /customers/:id/refund-account, the customer import).
 */
async function refundAccounts(db: Db, accountId: string, cases: { case_id: string; customer_id: string }[]): Promise<Map<string, RefundAccount>> {
  const out = new Map<string, RefundAccount>();
  if (!cases.length) return out;
  const customers = await db.query<{ id: string; name: string; refund_iban: string | null; refund_account_holder: string | null }>(
    'SELECT id, name, refund_iban, refund_account_holder FROM customers WHERE account_id = $1 AND id = ANY($2::uuid[])', [accountId, cases.map((c) => c.customer_id)]);
  const byId = new Map(customers.map((c) => [c.id, c]));
  const messages = await db.query<{ case_id: string; body: string }>(
    `SELECT case_id, body FROM messages WHERE account_id = $1 AND case_id = ANY($2::uuid[]) AND type = 'inbound' AND body ~* '[a-z]{2} ?[0-9]{2}'
     ORDER BY created_at, id`,
    [accountId, cases.map((c) => c.case_id)],
  );
  const given = new Map<string, string>();
  for (const m of messages) {
    const iban = ibanInText(m.body);
    if (iban) given.set(m.case_id, iban);
  }
  for (const c of cases) {
    const cu = byId.get(c.customer_id);
    const g = given.get(c.case_id);
    const holder = g && (cu?.refund_iban === g ? cu.refund_account_holder : cu?.name.trim().slice(0, 70));
    if (g && holder) out.set(c.case_id, { destination: 'iban', iban: g, account_holder: holder, iban_source: 'given' });
    else if (cu?.refund_iban && cu.refund_account_holder) {
      out.set(c.case_id, { destination: 'iban', iban: cu.refund_iban, account_holder: cu.refund_account_holder, iban_source: 'on_file' });
    }
  }
  return out;
}

/**
 * Refunds a problem's customers in one approval: per customer one approved refund (to the IBAN they
 * gave or have on file, so the SEPA export pays them; else back to the original payment) with its refund_by promise, and a message with their own amount through the
 * reply checks. Each customer is their own transaction: one refusal holds back no one else.
 * Running it again refunds no one twice.
 */
export async function refundProblem(db: Db, actor: Actor, problemId: string, o: { amounts?: Record<string, number>; now?: Date } = {}) {
  requirePermission(actor, 'refunds.manage_ledger', 'Refunding a problem\'s customers');
  const problem = await loadProblem(db, actor.accountId, problemId);
  const preview = await previewProblemRefund(db, actor.accountId, problemId, o.amounts);
  const results: { case_id: string; ref: string; outcome: 'refunded' | 'skipped' | 'failed'; refund_id?: string; amount_cents?: number; destination?: 'iban' | 'original_payment'; error?: { code: string; message: string } }[] = [];
  for (const line of preview.data) {
    if (line.amount_cents === null) {
      results.push({ case_id: line.case_id, ref: line.ref, outcome: 'skipped', error: { code: `amount_${line.source}`, message: `${line.ref}: ${line.source === 'already_refunded' ? 'already refunded for this problem' : 'no certain amount: choose one in amounts'}` } });
      continue;
    }
    try {
      const refund = await db.transaction(async (tx) => {
        const requested = await requestRefund(tx, { ...actor, agentId: null }, {
          caseId: line.case_id, amountCents: line.amount_cents!, currency: line.currency, reason: `Probleem: ${problem.title}`.slice(0, 1000),
          destination: line.destination, iban: line.iban, accountHolder: line.account_holder, problemId, ownerId: actor.agentId, now: o.now,
        });
        const approved = await approveRefund(tx, actor, requested.id, { now: o.now });
        if (line.finding_ids.length) {
          await tx.query(`UPDATE charge_findings SET status = 'approved', refund_id = $3, decided_by = $4, decided_at = now() WHERE account_id = $1 AND id = ANY($2::uuid[]) AND status = 'proposed'`,
            [actor.accountId, line.finding_ids, approved.id, actor.agentId]);
        }
        const facts = await refundTextFacts(tx, actor.accountId, approved);
        await tellCustomer(tx, actor, approved.case_id, facts.status, bulkRefundText(facts, problem.title, { destination: approved.destination, iban: approved.iban }), facts.language);
        return approved;
      });
      results.push({ case_id: line.case_id, ref: line.ref, outcome: 'refunded', refund_id: refund.id, amount_cents: refund.amount_cents, destination: refund.destination });
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
