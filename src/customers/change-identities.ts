import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { notFound } from '../shared/errors.ts';
import { insertIdentity } from './create-customer.ts';
import { linkCustomersByDomain } from '../organisations/link-by-domain.ts';
import { type Identity, normaliseIdentity } from './identity.ts';
import { type Customer, loadCustomer, refreshCustomerSearch } from './store.ts';

export async function addIdentity(db: Db, actor: Actor, customerId: string, raw: Identity): Promise<Customer> {
  const identity = { kind: raw.kind, value: normaliseIdentity(raw.kind, raw.value) };
  return db.transaction(async (tx) => {
    if (!(await loadCustomer(tx, actor.accountId, customerId, true))) throw notFound('customer', customerId);
    const id = await insertIdentity(tx, actor.accountId, customerId, identity);
    if (identity.kind === 'email') await linkCustomersByDomain(tx, actor.accountId, { customerIds: [customerId] });
    await refreshCustomerSearch(tx, actor.accountId, customerId);
    await recordAudit(tx, actor, { action: 'customer.identity_added', entityType: 'customer', entityId: customerId, after: { id, ...identity } });
    return (await loadCustomer(tx, actor.accountId, customerId))!;
  });
}

export async function removeIdentity(db: Db, actor: Actor, customerId: string, identityId: string): Promise<Customer> {
  return db.transaction(async (tx) => {
    if (!(await loadCustomer(tx, actor.accountId, customerId, true))) throw notFound('customer', customerId);
    const [gone] = await tx.query<Identity>(
      'DELETE FROM customer_identities WHERE account_id = $1 AND customer_id = $2 AND id = $3 RETURNING kind, value',
      [actor.accountId, customerId, identityId],
    );
    if (!gone) throw notFound('identity', identityId);
    await refreshCustomerSearch(tx, actor.accountId, customerId);
    await recordAudit(tx, actor, {
      action: 'customer.identity_removed',
      entityType: 'customer',
      entityId: customerId,
      before: { id: identityId, kind: gone.kind, value: gone.value },
    });
    return (await loadCustomer(tx, actor.accountId, customerId))!;
  });
}
