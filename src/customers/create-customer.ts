import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError, isUniqueViolation } from '../shared/errors.ts';
import { type Identity, normaliseIdentity } from './identity.ts';
import { linkCustomersByDomain } from '../organisations/link-by-domain.ts';
import { writeFieldValues } from '../custom-fields/write-values.ts';
import { notFound } from '../shared/errors.ts';
import { type Customer, CUSTOMER_COLUMNS, type CustomerRow, loadCustomer, refreshCustomerSearch } from './store.ts';

export interface CustomerFields {
  name?: string;
  segment?: string;
  language?: string | null;
  vulnerable?: boolean;
  media?: boolean;
  sales_opt_out?: boolean;
  /** the organisation (null: none); left out on create: found by e-mail domain */
  organisation_id?: string | null;
  /** custom field values (null clears one), checked against the account's customer fields */
  custom_fields?: Record<string, unknown>;
}

export interface CreateCustomerOptions extends CustomerFields {
  identities: Identity[];
}

export const identityTaken = (i: Identity, customerId?: string) =>
  new AppError('identity_taken', `${i.kind} ${i.value} already belongs to another customer`, 409, customerId ? { customer_id: customerId } : undefined);

export async function createCustomer(db: Db, actor: Actor, opts: CreateCustomerOptions): Promise<Customer> {
  const identities = dedupe(opts.identities.map((i) => ({ kind: i.kind, value: normaliseIdentity(i.kind, i.value) })));
  return db.transaction(async (tx) => {
    const [row] = await tx.query<CustomerRow>(
      `INSERT INTO customers (account_id, name, segment, language, vulnerable, media, sales_opt_out)
       VALUES ($1, $2, coalesce($3, 'standard'), $4, coalesce($5, false), coalesce($6, false), coalesce($7, false))
       RETURNING ${CUSTOMER_COLUMNS}`,
      [actor.accountId, (opts.name ?? '').trim(), opts.segment ?? null, opts.language ?? null,
        opts.vulnerable ?? null, opts.media ?? null, opts.sales_opt_out ?? null],
    );
    for (const i of identities) await insertIdentity(tx, actor.accountId, row.id, i);
    if (opts.organisation_id) await setOrganisation(tx, actor.accountId, row.id, opts.organisation_id);
    else if (opts.organisation_id === undefined) await linkCustomersByDomain(tx, actor.accountId, { customerIds: [row.id] });
    if (opts.custom_fields) await writeFieldValues(tx, actor, 'customer', row.id, {}, opts.custom_fields);
    await refreshCustomerSearch(tx, actor.accountId, row.id);
    await recordAudit(tx, actor, {
      action: 'customer.created',
      entityType: 'customer',
      entityId: row.id,
      after: { name: row.name, segment: row.segment, identities },
    });
    return (await loadCustomer(tx, actor.accountId, row.id))!;
  });
}

export async function insertIdentity(tx: Db, accountId: string, customerId: string, i: Identity) {
  try {
    const [row] = await tx.query<{ id: string }>(
      'INSERT INTO customer_identities (account_id, customer_id, kind, value) VALUES ($1, $2, $3, $4) RETURNING id',
      [accountId, customerId, i.kind, i.value],
    );
    return row.id;
  } catch (err) {
    if (isUniqueViolation(err)) throw identityTaken(i);
    throw err;
  }
}

function dedupe(list: Identity[]): Identity[] {
  const seen = new Set<string>();
  return list.filter((i) => !seen.has(`${i.kind}:${i.value}`) && seen.add(`${i.kind}:${i.value}`));
}

/** Puts a customer in an organisation of the same account (404 for any other). */
export async function setOrganisation(tx: Db, accountId: string, customerId: string, organisationId: string | null) {
  if (organisationId) {
    const [o] = await tx.query('SELECT 1 FROM organisations WHERE account_id = $1 AND id = $2', [accountId, organisationId]);
    if (!o) throw notFound('organisation', organisationId);
  }
  await tx.query('UPDATE customers SET organisation_id = $3, updated_at = now() WHERE account_id = $1 AND id = $2', [accountId, customerId, organisationId]);
}
