import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { invalid, notFound } from '../shared/errors.ts';
import { checkDestination } from '../refunds/destination.ts';
import { type Customer, loadCustomer } from './store.ts';

/**
 * The account a customer's refunds are paid to (an IBAN checked by ibantools, with the holder's
 * name), or none (null). A bulk refund pays the customer there, so the SEPA export includes them.
 * The audit keeps the last four digits only.
 */
export async function setRefundAccount(db: Db, actor: Actor, customerId: string, o: { iban: string | null; account_holder?: string | null }): Promise<Customer> {
  let iban: string | null = null;
  let holder: string | null = null;
  if (o.iban !== null) {
    const d = checkDestination({ destination: 'iban', iban: o.iban, account_holder: o.account_holder });
    if (!d.ok) throw invalid(d.code, `${d.field}: ${d.message}`, { field: d.field });
    if (d.destination.kind === 'iban') ({ iban, holder } = d.destination);
  }
  return db.transaction(async (tx) => {
    const before = await loadCustomer(tx, actor.accountId, customerId, true);
    if (!before) throw notFound('customer', customerId);
    await tx.query('UPDATE customers SET refund_iban = $3, refund_account_holder = $4, updated_at = now() WHERE account_id = $1 AND id = $2',
      [actor.accountId, customerId, iban, holder]);
    await recordAudit(tx, actor, {
      action: 'customer.refund_account_set', entityType: 'customer', entityId: customerId,
      before: { iban_last4: before.refund_iban?.slice(-4) ?? null }, after: { iban_last4: iban?.slice(-4) ?? null },
    });
    return (await loadCustomer(tx, actor.accountId, customerId))!;
  });
}
