import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import { recordAudit } from '../../shared/audit.ts';
import type { FieldDefinition, FieldValues } from '../../custom-fields/fields.ts';
import { DOMAIN_PATTERN, isFreeMailDomain, normaliseDomain } from '../../organisations/domains.ts';
import { linkCustomersByDomain } from '../../organisations/link-by-domain.ts';
import { count, type ImportSummary } from '../summary.ts';
import type { SourceOrganisation } from './export.ts';
import { mapFields } from './fields.ts';
import { reportFields } from './report.ts';

/** The domains Luister can let an organisation claim, and why the others cannot (free mail is everyone's). */
export function usableDomains(domains: readonly string[]): { ok: string[]; refused: { domain: string; reason: string }[] } {
  const out = { ok: [] as string[], refused: [] as { domain: string; reason: string }[] };
  for (const d of new Set(domains.map(normaliseDomain))) {
    if (!d) continue;
    if (d.length > 253 || !DOMAIN_PATTERN.test(d)) out.refused.push({ domain: d, reason: 'not an e-mail domain' });
    else if (isFreeMailDomain(d)) out.refused.push({ domain: d, reason: 'a free e-mail provider, not one organisation' });
    else out.ok.push(d);
  }
  return out;
}

export const orgKey = (name: string) => name.trim().slice(0, 200).toLowerCase();

/**
 * The export's organisations as Luister's, in the caller's transaction: one of the same name
 * (case-insensitive) is the same organisation — its values already set are kept, empty ones filled —
 * else it is made. Its domains are claimed where no other organisation holds them, and the
 * customers writing from them join it. Importing again finds every one by name and changes nothing.
 */
export async function storeOrganisations(tx: Db, actor: Actor, orgs: readonly SourceOrganisation[], defs: readonly FieldDefinition[], s: ImportSummary, product: string): Promise<void> {
  const seen = new Set<string>();
  for (const o of orgs) {
    const name = o.name.trim().slice(0, 200);
    if (!name) {
      count(s.not_mapped, 'organisations without a name');
      continue;
    }
    if (seen.has(orgKey(name))) {
      count(s.not_mapped, 'organisations with the same name as another in the export (merged into one)');
      continue;
    }
    seen.add(orgKey(name));
    const fields = mapFields(defs, o.fields);
    reportFields(s, 'organisation', fields);
    const [existing] = await tx.query<{ id: string; custom_fields: FieldValues }>(
      'SELECT id, custom_fields FROM organisations WHERE account_id = $1 AND lower(name) = lower($2) FOR UPDATE', [actor.accountId, name]);
    let id: string;
    if (existing) {
      id = existing.id;
      count(s.mapped, 'organisations matched by name');
      const next = { ...fields.values, ...existing.custom_fields };
      if (JSON.stringify(next) !== JSON.stringify(existing.custom_fields)) {
        await tx.query('UPDATE organisations SET custom_fields = $3::jsonb, updated_at = now() WHERE account_id = $1 AND id = $2', [actor.accountId, id, JSON.stringify(next)]);
      }
    } else {
      [{ id }] = await tx.query<{ id: string }>(
        'INSERT INTO organisations (account_id, name, custom_fields) VALUES ($1, $2, $3::jsonb) RETURNING id', [actor.accountId, name, JSON.stringify(fields.values)]);
      await recordAudit(tx, actor, { action: 'organisation.created', entityType: 'organisation', entityId: id, after: { name, imported_from: product, source_id: o.id } });
      count(s.mapped, 'organisations created');
    }
    const domains = usableDomains(o.domains);
    for (const r of domains.refused) count(s.not_mapped, `organisation domains not claimed (${r.reason})`);
    if (!domains.ok.length) continue;
    const held = await tx.query<{ domain: string; organisation_id: string }>(
      'SELECT domain, organisation_id FROM organisation_domains WHERE account_id = $1 AND domain = ANY($2::text[])', [actor.accountId, domains.ok]);
    const taken = held.filter((h) => h.organisation_id !== id);
    if (taken.length) count(s.not_mapped, 'organisation domains not claimed (another organisation holds them)', taken.length);
    const fresh = domains.ok.filter((d) => !held.some((h) => h.domain === d));
    if (!fresh.length) continue;
    await tx.query('INSERT INTO organisation_domains (account_id, domain, organisation_id) SELECT $1, unnest($3::text[]), $2', [actor.accountId, id, fresh]);
    count(s.mapped, 'organisation domains claimed', fresh.length);
    await linkCustomersByDomain(tx, actor.accountId, { domains: fresh });
  }
}

/** Luister's organisation ids by (lower-cased) name, for the names given. */
export async function organisationIds(tx: Db, accountId: string, names: string[]): Promise<Map<string, string>> {
  if (!names.length) return new Map();
  const rows = await tx.query<{ id: string; key: string }>(
    'SELECT id, lower(name) AS key FROM organisations WHERE account_id = $1 AND lower(name) = ANY($2::text[])', [accountId, names]);
  return new Map(rows.map((r) => [r.key, r.id]));
}
