import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { diff, recordAudit } from '../shared/audit.ts';
import { notFound } from '../shared/errors.ts';
import { type CustomerFields, setOrganisation } from './create-customer.ts';
import { writeFieldValues } from '../custom-fields/write-values.ts';
import { type Customer, loadCustomer, refreshCustomerSearch } from './store.ts';
import { setContactPreference } from '../rights/set-contact-preference.ts';

export async function updateCustomer(db: Db, actor: Actor, id: string, fields: CustomerFields): Promise<Customer> {
  return db.transaction(async (tx) => {
    const before = await loadCustomer(tx, actor.accountId, id, true);
    if (!before) throw notFound('customer', id);
    const { custom_fields: fieldChange, organisation_id: organisationId, ...plain } = fields;
    if (fieldChange) await writeFieldValues(tx, actor, 'customer', id, before.custom_fields, fieldChange);
    if (organisationId !== undefined && organisationId !== before.organisation_id) {
      await setOrganisation(tx, actor.accountId, id, organisationId);
      await recordAudit(tx, actor, { action: 'customer.organisation_changed', entityType: 'customer', entityId: id, before: { organisation_id: before.organisation_id }, after: { organisation_id: organisationId } });
    }
    const d = diff(before as unknown as Record<string, unknown>, { ...plain, name: fields.name?.trim() });
    if (!d.changed) return (await loadCustomer(tx, actor.accountId, id))!;
    await tx.query(
      `UPDATE customers SET name = coalesce($3, name), segment = coalesce($4, segment),
         language = CASE WHEN $5::boolean THEN $6 ELSE language END,
         vulnerable = coalesce($7, vulnerable), media = coalesce($8, media),
         sales_opt_out = coalesce($9, sales_opt_out), updated_at = now(),
         -- where the flag came from: set by hand now, or nowhere once it is off
         vulnerable_source = CASE WHEN $7 IS NULL OR $7 = vulnerable THEN vulnerable_source WHEN $7 THEN $10::jsonb ELSE NULL END
       WHERE account_id = $1 AND id = $2`,
      [actor.accountId, id, fields.name?.trim() ?? null, fields.segment ?? null, fields.language !== undefined,
        fields.language ?? null, fields.vulnerable ?? null, fields.media ?? null, fields.sales_opt_out ?? null,
        JSON.stringify({ source: 'agent', by: actor.agentId ?? actor.id, at: new Date() })],
    );
    // the sales flag is a contact preference: recorded with its source (src/rights/)
    if (fields.sales_opt_out !== undefined && fields.sales_opt_out !== before.sales_opt_out) {
      await setContactPreference(tx, actor, { customerId: id, kind: 'sales', allowed: !fields.sales_opt_out, source: 'agent' });
    }
    if (fields.name !== undefined) await refreshCustomerSearch(tx, actor.accountId, id);
    await recordAudit(tx, actor, { action: 'customer.updated', entityType: 'customer', entityId: id, before: d.before, after: d.after });
    return (await loadCustomer(tx, actor.accountId, id))!;
  });
}
