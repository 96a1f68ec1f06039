import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { conflict, notFound } from '../shared/errors.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { decodeCursor, page } from '../shared/pagination.ts';
import { addMessage } from '../cases/add-message.ts';
import { subjectKey } from '../cases/subject.ts';
import { CASE_COLUMNS, type CaseRow } from '../cases/store.ts';
import { approveRefund } from './approve-refund.ts';
import { requestRefund } from './request-refund.ts';
import type { RefundRow } from './store.ts';

export type FindingKind = 'double_charge' | 'overcharge' | 'after_cancellation';
export type FindingStatus = 'proposed' | 'approved' | 'dismissed';
export interface FindingRow {
  id: string;
  kind: FindingKind;
  charge_id: string;
  related_charge_id: string | null;
  customer_ref: string;
  customer_id: string | null;
  customer_name: string | null;
  case_id: string | null;
  case_ref: string | null;
  amount_cents: number;
  currency: string;
  explanation: string;
  status: FindingStatus;
  refund_id: string | null;
  charged_at: Date;
  created_at: Date;
}

const SELECT = `SELECT f.id, f.kind, f.charge_id, f.related_charge_id, f.customer_ref, f.customer_id, cu.name AS customer_name, f.case_id, c.ref AS case_ref,
    f.amount_cents, f.currency, f.explanation, f.status, f.refund_id, ch.charged_at, f.created_at
  FROM charge_findings f
  JOIN charges ch ON ch.account_id = f.account_id AND ch.charge_ref = f.charge_id
  LEFT JOIN customers cu ON cu.account_id = f.account_id AND cu.id = f.customer_id
  LEFT JOIN cases c ON c.account_id = f.account_id AND c.id = f.case_id`;

export async function listFindings(db: Db, accountId: string, q: { limit: number; cursor?: string; status?: FindingStatus; customer_id?: string; case_id?: string }) {
  const after = decodeCursor(q.cursor);
  const params: unknown[] = [accountId];
  const where = ['f.account_id = $1'];
  if (q.status) where.push(`f.status = $${params.push(q.status)}`);
  if (q.customer_id) where.push(`f.customer_id = $${params.push(q.customer_id)}`);
  if (q.case_id) where.push(`f.case_id = $${params.push(q.case_id)}`);
  if (after) where.push(`(f.created_at, f.id) < (SELECT created_at, id FROM charge_findings WHERE account_id = $1 AND id = $${params.push(after)})`);
  const rows = await db.query<FindingRow>(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY f.created_at DESC, f.id DESC LIMIT ${q.limit + 1}`, params);
  return page(rows, q.limit);
}

const FINDING_REASON: Record<FindingKind, string> = {
  double_charge: 'Dubbele afschrijving', overcharge: 'Boven het tarief', after_cancellation: 'Afgeschreven na opzegging',
};

/** A case for a finding whose customer has none open: opened by us, with a note saying what was found. */
async function openCaseFor(tx: Db, actor: Actor, f: FindingRow): Promise<string> {
  const [cu] = await tx.query<{ language: string | null; has_email: boolean }>(
    `SELECT language, EXISTS (SELECT 1 FROM customer_identities WHERE account_id = $1 AND customer_id = $2 AND kind = 'email') AS has_email
     FROM customers WHERE account_id = $1 AND id = $2`,
    [actor.accountId, f.customer_id],
  );
  const subject = cu.language === 'en' ? 'Refund: we charged you too much' : 'Terugbetaling: wij hebben te veel afgeschreven';
  const [c] = await tx.query<CaseRow>(
    `INSERT INTO cases (account_id, customer_id, subject, subject_key, channel, language, status, owner_id)
     VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::uuid IS NULL THEN 'new' ELSE 'open' END, $7) RETURNING ${CASE_COLUMNS}`,
    [actor.accountId, f.customer_id, subject, subjectKey(subject), cu.has_email ? 'email' : 'phone', cu.language ?? 'nl', actor.agentId],
  );
  await recordAudit(tx, actor, { action: 'case.created', entityType: 'case', entityId: c.id, after: { ref: c.ref, subject, from_finding: f.id } });
  await addMessage(tx, actor, c.id, { type: 'note', body: `Gevonden in de afschrijvingen (${f.kind}): ${f.explanation}` });
  await tx.query('UPDATE charge_findings SET case_id = $3 WHERE account_id = $1 AND id = $2', [actor.accountId, f.id, c.id]);
  return c.id;
}

/**
 * A supervisor approves a finding: a refund of the proposed amount is requested on the customer's
 * open case (one is opened when there is none) and approved at once — the system found it, so the
 * supervisor is not approving their own request. Back to the original payment.
 */
export async function approveFinding(db: Db, actor: Actor, id: string, o: { now?: Date } = {}): Promise<{ finding_id: string; refund: RefundRow }> {
  requirePermission(actor, 'refunds.manage_ledger', 'Approving a ledger finding');
  return db.transaction(async (tx) => {
    const [f] = await tx.query<FindingRow>(`${SELECT} WHERE f.account_id = $1 AND f.id = $2 FOR UPDATE OF f`, [actor.accountId, id]);
    if (!f) throw notFound('finding', id);
    if (f.status !== 'proposed') throw conflict('finding_decided', `This finding was already ${f.status}`);
    if (!f.customer_id) throw conflict('finding_without_customer', `No customer has the reference ${f.customer_ref}: add it to a customer (e-mail, phone or external id), then detect again`);
    const caseId = f.case_id ?? (await openCaseFor(tx, actor, f));
    const requested = await requestRefund(tx, { ...actor, agentId: null }, {
      caseId, amountCents: f.amount_cents, currency: f.currency, chargeId: f.charge_id, findingId: f.id, destination: 'original_payment', now: o.now,
      reason: `${FINDING_REASON[f.kind]}: ${f.explanation}`,
      ownerId: actor.agentId,
    });
    const refund = await approveRefund(tx, actor, requested.id, o);
    await tx.query(`UPDATE charge_findings SET status = 'approved', refund_id = $3, decided_by = $4, decided_at = now() WHERE account_id = $1 AND id = $2`,
      [actor.accountId, id, refund.id, actor.agentId]);
    await recordAudit(tx, actor, { action: 'finding.approved', entityType: 'charge_finding', entityId: id, after: { refund_id: refund.id, amount_cents: f.amount_cents } });
    return { finding_id: id, refund };
  });
}

export async function dismissFinding(db: Db, actor: Actor, id: string, reason: string): Promise<{ id: string; status: FindingStatus }> {
  requirePermission(actor, 'refunds.manage_ledger', 'Dismissing a ledger finding');
  return db.transaction(async (tx) => {
    const [f] = await tx.query<{ status: FindingStatus }>('SELECT status FROM charge_findings WHERE account_id = $1 AND id = $2 FOR UPDATE', [actor.accountId, id]);
    if (!f) throw notFound('finding', id);
    if (f.status !== 'proposed') throw conflict('finding_decided', `This finding was already ${f.status}`);
    await tx.query(`UPDATE charge_findings SET status = 'dismissed', decided_by = $3, decided_at = now() WHERE account_id = $1 AND id = $2`, [actor.accountId, id, actor.agentId]);
    await recordAudit(tx, actor, { action: 'finding.dismissed', entityType: 'charge_finding', entityId: id, after: { reason: reason.slice(0, 1000) } });
    return { id, status: 'dismissed' };
  });
}

/** Bulk: each finding on its own (one that cannot be approved is reported, the others go ahead). */
export async function approveFindings(db: Db, actor: Actor, ids: string[]) {
  const results: { finding_id: string; refund_id?: string; error?: { code: string; message: string } }[] = [];
  for (const id of ids) {
    try {
      const r = await approveFinding(db, actor, id);
      results.push({ finding_id: id, refund_id: r.refund.id });
    } catch (e) {
      const err = e as { code?: string; message: string };
      results.push({ finding_id: id, error: { code: err.code ?? 'error', message: err.message } });
    }
  }
  return { data: results };
}
