import SEPA from 'sepa';
import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { conflict, invalid, notFound } from '../shared/errors.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { markRefundPaid } from './pay-refund.ts';
import { getRefundSettings } from './settings.ts';

export type SepaFormat = 'pain.001.001.03' | 'pain.001.001.09';

export interface RefundBatch {
  id: string;
  message_id: string;
  format: SepaFormat;
  refund_count: number;
  total_cents: number;
  status: 'exported' | 'paid';
  created_at: Date;
  paid_at: Date | null;
  xml: string;
}
const BATCH_COLUMNS = 'id, message_id, format, refund_count, total_cents, status, created_at, paid_at, xml';

interface Payable {
  id: string;
  amount_cents: number;
  iban: string;
  account_holder: string;
  case_ref: string;
}

/** SEPA's character set (Latin letters, digits, a few signs): anything else becomes a space or its base letter. */
export const sepaText = (s: string, max: number) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9/?:().,'+ -]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max);

/** The XML of one credit transfer: the paying account to each refund's IBAN. Pure. */
export function buildPain001(o: { format: SepaFormat; messageId: string; created: Date; debtorName: string; debtorIban: string; debtorBic: string | null; refunds: Payable[] }): string {
  const doc = new SEPA.Document(o.format);
  doc.grpHdr.id = o.messageId;
  doc.grpHdr.created = o.created;
  doc.grpHdr.initiatorName = sepaText(o.debtorName, 70);
  const info = doc.createPaymentInfo();
  info.requestedExecutionDate = o.created;
  info.debtorIBAN = o.debtorIban;
  if (o.debtorBic) info.debtorBIC = o.debtorBic;
  info.debtorName = sepaText(o.debtorName, 70);
  info.batchBooking = true;
  doc.addPaymentInfo(info);
  for (const r of o.refunds) {
    const tx = info.createTransaction();
    tx.creditorName = sepaText(r.account_holder, 70);
    tx.creditorIBAN = r.iban;
    tx.amount = r.amount_cents / 100;
    tx.currency = 'EUR';
    tx.remittanceInfo = sepaText(`Terugbetaling ${r.case_ref}`, 140);
    tx.end2endId = r.id.replace(/-/g, '');
    info.addTransaction(tx);
  }
  return doc.toString();
}

/**
 * Every approved refund to an IBAN (in euros, not yet in a batch) as one SEPA credit transfer
 * (pain.001.001.03 by default, .09 on request) from the account's paying IBAN. The batch has an id
 * and a total; its refunds stay approved until the batch is marked paid.
 */
export async function exportSepaBatch(db: Db, actor: Actor, o: { format?: SepaFormat; now?: Date } = {}): Promise<RefundBatch> {
  requirePermission(actor, 'refunds.pay', 'Exporting refunds for the bank');
  const settings = await getRefundSettings(db, actor.accountId);
  if (!settings.debtor_name || !settings.debtor_iban) {
    throw invalid('sepa_debtor_missing', 'Set the account refunds are paid from first (settings: debtor_name and debtor_iban)');
  }
  const now = o.now ?? new Date();
  return db.transaction(async (tx) => {
    const refunds = await tx.query<Payable>(
      `SELECT r.id, r.amount_cents, r.iban, r.account_holder, c.ref AS case_ref FROM refunds r
       JOIN cases c ON c.account_id = r.account_id AND c.id = r.case_id
       WHERE r.account_id = $1 AND r.state = 'approved' AND r.destination = 'iban' AND r.currency = 'EUR' AND r.batch_id IS NULL
       ORDER BY r.approved_at, r.id FOR UPDATE OF r`,
      [actor.accountId],
    );
    if (!refunds.length) throw invalid('nothing_to_export', 'No approved refund to an IBAN is waiting to be paid');
    const messageId = `LU-${now.toISOString().replace(/\D/g, '').slice(0, 14)}-${refunds[0].id.slice(0, 8)}`;
    const xml = buildPain001({ format: o.format ?? 'pain.001.001.03', messageId, created: now, debtorName: settings.debtor_name!, debtorIban: settings.debtor_iban!, debtorBic: settings.debtor_bic, refunds });
    const total = refunds.reduce((s, r) => s + r.amount_cents, 0);
    const [batch] = await tx.query<RefundBatch>(
      `INSERT INTO refund_batches (account_id, message_id, format, refund_count, total_cents, xml, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${BATCH_COLUMNS}`,
      [actor.accountId, messageId, o.format ?? 'pain.001.001.03', refunds.length, total, xml, actor.agentId, now],
    );
    await tx.query('UPDATE refunds SET batch_id = $2, updated_at = $4 WHERE account_id = $1 AND id = ANY($3::uuid[])', [actor.accountId, batch.id, refunds.map((r) => r.id), now]);
    await recordAudit(tx, actor, { action: 'refund_batch.exported', entityType: 'refund_batch', entityId: batch.id, after: { message_id: messageId, refund_count: refunds.length, total_cents: total } });
    return batch;
  });
}

/** The bank paid the batch: every refund in it is paid, its promise kept, its customer told their amount. */
export async function markBatchPaid(db: Db, actor: Actor, batchId: string, o: { now?: Date } = {}): Promise<RefundBatch> {
  requirePermission(actor, 'refunds.pay', 'Marking a SEPA batch paid');
  return db.transaction(async (tx) => {
    const [b] = await tx.query<RefundBatch>(`SELECT ${BATCH_COLUMNS} FROM refund_batches WHERE account_id = $1 AND id = $2 FOR UPDATE`, [actor.accountId, batchId]);
    if (!b) throw notFound('refund_batch', batchId);
    if (b.status !== 'exported') throw conflict('batch_paid', 'This batch was already marked paid');
    const now = o.now ?? new Date();
    const ids = await tx.query<{ id: string }>(`SELECT id FROM refunds WHERE account_id = $1 AND batch_id = $2 AND state = 'approved' ORDER BY id`, [actor.accountId, batchId]);
    for (const { id } of ids) await markRefundPaid(tx, actor, id, { now, batchId });
    const [row] = await tx.query<RefundBatch>(
      `UPDATE refund_batches SET status = 'paid', paid_at = $3 WHERE account_id = $1 AND id = $2 RETURNING ${BATCH_COLUMNS}`, [actor.accountId, batchId, now]);
    await recordAudit(tx, actor, { action: 'refund_batch.paid', entityType: 'refund_batch', entityId: batchId, after: { refunds_paid: ids.length } });
    return row;
  });
}

export async function listBatches(db: Db, accountId: string) {
  const rows = await db.query<Omit<RefundBatch, 'xml'>>(
    'SELECT id, message_id, format, refund_count, total_cents, status, created_at, paid_at FROM refund_batches WHERE account_id = $1 ORDER BY created_at DESC LIMIT 200',
    [accountId],
  );
  return { data: rows };
}

export async function getBatch(db: Db, accountId: string, id: string): Promise<RefundBatch> {
  const [b] = await db.query<RefundBatch>(`SELECT ${BATCH_COLUMNS} FROM refund_batches WHERE account_id = $1 AND id = $2`, [accountId, id]);
  if (!b) throw notFound('refund_batch', id);
  return b;
}
