import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { diff, recordAudit } from '../shared/audit.ts';
import { AppError, isUniqueViolation } from '../shared/errors.ts';
import { writeFieldValues } from '../custom-fields/write-values.ts';
import { checkDomains } from './domains.ts';
import { linkCustomersByDomain } from './link-by-domain.ts';
import { loadOrganisation, type Organisation, writeDomains } from './store.ts';

export interface OrganisationFields {
  name?: string;
  segment?: string;
  notes?: string;
  /** replaces the claimed e-mail domains */
  domains?: string[];
  custom_fields?: Record<string, unknown>;
  /** its people see each other's cases in the customer portal (off unless set) */
  portal_shares_cases?: boolean;
}

const nameTaken = (name: string) => new AppError('organisation_exists', `An organisation called "${name}" already exists`, 409);

/**
 * Makes an organisation, claims its domains and takes in the customers who write from them.
 * Any agent may; everything is checked before anything is written.
 */
export async function createOrganisation(db: Db, actor: Actor, o: OrganisationFields & { name: string }): Promise<Organisation> {
  const domains = checkDomains(o.domains ?? []);
  return db.transaction(async (tx) => {
    let id: string;
    try {
      [{ id }] = await tx.query<{ id: string }>(
        `INSERT INTO organisations (account_id, name, segment, notes, portal_shares_cases)
         VALUES ($1, $2, coalesce($3, 'standard'), coalesce($4, ''), coalesce($5, false)) RETURNING id`,
        [actor.accountId, o.name.trim(), o.segment ?? null, o.notes ?? null, o.portal_shares_cases ?? null],
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(o.name.trim());
      throw err;
    }
    if (o.custom_fields) await writeFieldValues(tx, actor, 'organisation', id, {}, o.custom_fields);
    await writeDomains(tx, actor.accountId, id, domains);
    const linked = domains.length ? await linkCustomersByDomain(tx, actor.accountId, { domains }) : 0;
    await recordAudit(tx, actor, { action: 'organisation.created', entityType: 'organisation', entityId: id, after: { name: o.name.trim(), segment: o.segment, domains, linked, portal_shares_cases: o.portal_shares_cases ?? false } });
    return loadOrganisation(tx, actor.accountId, id);
  });
}

/** Changes name, segment, notes, domains, custom fields or whether its people share cases in the portal; newly claimed domains take in their unlinked customers. */
export async function updateOrganisation(db: Db, actor: Actor, id: string, o: OrganisationFields): Promise<Organisation> {
  const domains = o.domains === undefined ? undefined : checkDomains(o.domains);
  return db.transaction(async (tx) => {
    const before = await loadOrganisation(tx, actor.accountId, id, true);
    if (o.custom_fields) await writeFieldValues(tx, actor, 'organisation', id, before.custom_fields, o.custom_fields);
    const d = diff(before as unknown as Record<string, unknown>, { name: o.name?.trim(), segment: o.segment, notes: o.notes, domains, portal_shares_cases: o.portal_shares_cases });
    if (!d.changed) return loadOrganisation(tx, actor.accountId, id);
    try {
      await tx.query(
        `UPDATE organisations SET name = coalesce($3, name), segment = coalesce($4, segment), notes = coalesce($5, notes),
           portal_shares_cases = coalesce($6, portal_shares_cases), updated_at = now()
         WHERE account_id = $1 AND id = $2`,
        [actor.accountId, id, o.name?.trim() ?? null, o.segment ?? null, o.notes ?? null, o.portal_shares_cases ?? null],
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(o.name!.trim());
      throw err;
    }
    if (domains) {
      const added = await writeDomains(tx, actor.accountId, id, domains);
      if (added.length) await linkCustomersByDomain(tx, actor.accountId, { domains: added });
    }
    await recordAudit(tx, actor, { action: 'organisation.updated', entityType: 'organisation', entityId: id, before: d.before, after: d.after });
    return loadOrganisation(tx, actor.accountId, id);
  });
}
