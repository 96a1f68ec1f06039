import type { Db } from '../storage/db.ts';
import { sepaText } from '../refunds/export-sepa.ts';
import type { Person } from './person.ts';

/** Open money matters that make an erasure ask for an explicit override. */
export interface OpenMatters { open_promises: number; open_refunds: number }

export async function openMatters(tx: Db, accountId: string, customerIds: string[]): Promise<OpenMatters> {
  const [r] = await tx.query<OpenMatters>(
    `SELECT (SELECT count(*)::int FROM promises WHERE account_id = $1 AND customer_id = ANY($2::uuid[]) AND state = 'open') AS open_promises,
            (SELECT count(*)::int FROM refunds WHERE account_id = $1 AND customer_id = ANY($2::uuid[]) AND state IN ('requested', 'approved')) AS open_refunds`,
    [accountId, customerIds],
  );
  return r;
}

const ERASED = 'erased';

/**
 * The person's money trail, emptied of who they are while the amounts and states stay (the dashboard's
 * refund figures keep adding up): refunds lose IBAN, holder and the reasons written about them (an open
 * one is rejected — with no account left it cannot be paid — unless it is in a SEPA file already sent to
 * the bank: that money is on its way, and the batch marks it paid), a SEPA batch's XML loses their name and IBAN,
 * and imported charges and findings lose the billing reference (their e-mail address or phone number).
 * Returns how many open refunds were rejected.
 */
export async function eraseMoney(tx: Db, accountId: string, p: Person): Promise<number> {
  const ids = p.customerIds;
  const refunds = await tx.query<{ id: string; iban: string | null; account_holder: string | null; batch_id: string | null }>(
    'SELECT id, iban, account_holder, batch_id FROM refunds WHERE account_id = $1 AND customer_id = ANY($2::uuid[])', [accountId, ids]);
  // the batch file went to the bank already; our copy keeps its amounts, not this person
  const batches = new Map<string, Set<string>>();
  for (const r of refunds) {
    if (!r.batch_id) continue;
    const words = batches.get(r.batch_id) ?? new Set<string>();
    for (const v of [r.iban, r.account_holder && sepaText(r.account_holder, 70), r.account_holder]) if (v && v.trim().length >= 4) words.add(v.trim());
    batches.set(r.batch_id, words);
  }
  for (const [batchId, words] of batches) {
    const [b] = await tx.query<{ xml: string }>('SELECT xml FROM refund_batches WHERE account_id = $1 AND id = $2', [accountId, batchId]);
    if (!b) continue;
    let xml = b.xml;
    for (const w of [...words].sort((a, z) => z.length - a.length)) xml = xml.split(w).join(ERASED);
    await tx.query('UPDATE refund_batches SET xml = $3 WHERE account_id = $1 AND id = $2', [accountId, batchId, xml]);
  }
  const rejected = await tx.query(
    `UPDATE refunds SET state = 'rejected', rejected_at = now(), rejection_reason = $3, updated_at = now()
     WHERE account_id = $1 AND customer_id = ANY($2::uuid[]) AND state IN ('requested', 'approved') AND batch_id IS NULL RETURNING id`, [accountId, ids, ERASED]);
  await tx.query(
    `UPDATE refunds SET reason = $3, rejection_reason = CASE WHEN rejection_reason IS NULL THEN NULL ELSE $3 END,
       iban = CASE WHEN iban IS NULL THEN NULL ELSE '' END, account_holder = CASE WHEN account_holder IS NULL THEN NULL ELSE '' END
     WHERE account_id = $1 AND customer_id = ANY($2::uuid[])`, [accountId, ids, ERASED]);
  // billing knew them by a reference (normalised e-mail, phone or external id): the one a finding matched, or one of their identities
  const refs = await tx.query<{ customer_ref: string }>(
    `SELECT DISTINCT customer_ref FROM charge_findings WHERE account_id = $1 AND customer_id = ANY($2::uuid[])
     UNION SELECT DISTINCT customer_ref FROM charges WHERE account_id = $1 AND lower(customer_ref) = ANY($3::text[])`,
    [accountId, ids, p.values.map((v) => v.toLowerCase())]);
  const known = refs.map((r) => r.customer_ref);
  if (known.length) {
    const marker = `${ERASED}:${p.customerId}`;
    await tx.query('UPDATE charges SET customer_ref = $3 WHERE account_id = $1 AND customer_ref = ANY($2::text[])', [accountId, known, marker]);
    await tx.query('UPDATE charge_findings SET customer_ref = $3, explanation = $4 WHERE account_id = $1 AND customer_ref = ANY($2::text[])', [accountId, known, marker, ERASED]);
  }
  return rejected.length;
}
