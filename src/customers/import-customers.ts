import { randomUUID } from 'node:crypto';
import { linkCustomersByDomain } from '../organisations/link-by-domain.ts';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError, isUniqueViolation } from '../shared/errors.ts';
import { type ImportRow, parseCustomerCsv } from './parse-customer-csv.ts';
import { refreshCustomerSearch, searchText } from './store.ts';

export { parseCustomerCsv } from './parse-customer-csv.ts';

/**
 * Rows per batch: a few statements each, in a transaction of its own, with the event loop free in
 * between, so the embedded database (one connection) serves other requests between batches.
 */
const BATCH = 250;


interface Target {
  id: string;
  existing: boolean;
  row: ImportRow;
  /** identities of the row that no customer has yet */
  newIdentities: ImportRow['identities'];
}

/**
 * The whole file is checked first: any problem in it (a bad row, identities of two customers in
 * one row) and nothing is written. Existing customers (matched by any identity) are updated, new
 * ones created; flags are only ever switched on by an import. Set-based: the file's identities are
 * looked up a batch at a time, then each batch of rows is a handful of statements in a short
 * transaction of its own, so a large file never holds the database for long; a dry run writes
 * nothing. Running the same file twice changes nothing the second time.
 */
export async function importCustomers(db: Db, actor: Actor, csv: string, opts: { dryRun?: boolean } = {}) {
  requirePermission(actor, 'customers.import', 'Importing customers');
  const { rows, problems } = await parseCustomerCsv(csv);
  if (problems.length) {
    throw new AppError('import_invalid', `${problems.length} problem(s) in the file; nothing was imported`, 422, problems);
  }
  const owners = await lookUpOwners(db, actor.accountId, rows);
  const targets = planTargets(rows, owners);
  const created = targets.filter((t) => !t.existing).length;
  const updated = new Set(targets.filter((t) => t.existing).map((t) => t.id)).size;
  if (!opts.dryRun) {
    let written = 0;
    try {
      for (let i = 0; i < targets.length; i += BATCH) {
        const batch = targets.slice(i, i + BATCH);
        await db.transaction((tx) => writeBatch(tx, actor.accountId, batch));
        written += batch.length;
        await yieldToEvents();
      }
    } catch (err) {
      // only a change made meanwhile gets here (the whole file was checked first); what was written
      // is consistent, and running the same file again finishes it (rows match their customers)
      if (written) await audit(db, actor, { created, updated, rows: rows.length, written, interrupted: true });
      if (isUniqueViolation(err)) {
        throw new AppError('import_interrupted', `An identity in the file was given to another customer meanwhile; ${written} of ${rows.length} rows were imported: run the same file again to finish`, 409, { written });
      }
      throw err;
    }
    // the imported customers whose e-mail domain an organisation claims join it
    await db.transaction((tx) => linkCustomersByDomain(tx, actor.accountId));
    await audit(db, actor, { created, updated, rows: rows.length });
  }
  return { dry_run: Boolean(opts.dryRun), rows: rows.length, created, updated };
}

const key = (i: { kind: string; value: string }) => `${i.kind}:${i.value}`;

async function lookUpOwners(db: Db, accountId: string, rows: ImportRow[]): Promise<Map<string, string>> {
  const all = rows.flatMap((r) => r.identities);
  const owners = new Map<string, string>();
  for (let i = 0; i < all.length; i += 2 * BATCH) {
    const part = all.slice(i, i + 2 * BATCH);
    const found = await db.query<{ kind: string; value: string; customer_id: string }>(
      `SELECT i.kind, i.value, i.customer_id FROM customer_identities i
       JOIN unnest($2::text[], $3::text[]) AS f(kind, value) ON i.kind = f.kind AND i.value = f.value
       WHERE i.account_id = $1`,
      [accountId, part.map((x) => x.kind), part.map((x) => x.value)],
    );
    for (const f of found) owners.set(key(f), f.customer_id);
  }
  return owners;
}

/** Pure: which customer each row lands on. A row whose identities belong to two customers is refused. */
function planTargets(rows: ImportRow[], owners: Map<string, string>): Target[] {
  return rows.map((row) => {
    const ids = [...new Set(row.identities.map((i) => owners.get(key(i))).filter((x): x is string => Boolean(x)))];
    if (ids.length > 1) {
      throw new AppError('import_conflict', `Line ${row.line}: its identities belong to different customers; merge them first`, 409);
    }
    const newIdentities = row.identities.filter((i) => !owners.has(key(i)));
    return { id: ids[0] ?? randomUUID(), existing: ids.length === 1, row, newIdentities };
  });
}

async function writeBatch(tx: Db, accountId: string, batch: Target[]) {
  const col = <T>(list: Target[], f: (t: Target) => T) => list.map(f);
  // rows on the same existing customer apply in file order (the last name and segment win, flags add up)
  for (const group of inFileOrderGroups(batch.filter((t) => t.existing))) {
    await tx.query(
      `UPDATE customers c SET name = CASE WHEN u.name <> '' THEN u.name ELSE c.name END, segment = coalesce(u.segment, c.segment),
         language = coalesce(u.language, c.language), vulnerable = c.vulnerable OR u.vulnerable, media = c.media OR u.media,
         sales_opt_out = c.sales_opt_out OR u.opt_out, updated_at = now(),
         refund_iban = coalesce(u.iban, c.refund_iban), refund_account_holder = CASE WHEN u.iban IS NULL THEN c.refund_account_holder ELSE u.holder END
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::boolean[], $8::boolean[], $9::text[], $10::text[])
         AS u(id, name, segment, language, vulnerable, media, opt_out, iban, holder)
       WHERE c.account_id = $1 AND c.id = u.id`,
      [accountId, col(group, (t) => t.id), col(group, (t) => t.row.name), col(group, (t) => t.row.segment), col(group, (t) => t.row.language),
        col(group, (t) => t.row.vulnerable), col(group, (t) => t.row.media), col(group, (t) => t.row.sales_opt_out),
        col(group, (t) => t.row.refund_iban), col(group, (t) => t.row.refund_account_holder)],
    );
  }
  const fresh = batch.filter((t) => !t.existing);
  if (fresh.length) {
    // a new customer's identities are all in its row: its search text is written with it, no second pass
    await tx.query(
      `INSERT INTO customers (account_id, id, name, segment, language, vulnerable, media, sales_opt_out, search_text, refund_iban, refund_account_holder)
       SELECT $1, u.id, u.name, coalesce(u.segment, 'standard'), u.language, u.vulnerable, u.media, u.opt_out, u.search_text, u.iban, u.holder
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::boolean[], $8::boolean[], $9::text[], $10::text[], $11::text[])
         AS u(id, name, segment, language, vulnerable, media, opt_out, search_text, iban, holder)`,
      [accountId, col(fresh, (t) => t.id), col(fresh, (t) => t.row.name), col(fresh, (t) => t.row.segment), col(fresh, (t) => t.row.language),
        col(fresh, (t) => t.row.vulnerable), col(fresh, (t) => t.row.media), col(fresh, (t) => t.row.sales_opt_out),
        col(fresh, (t) => searchText(t.row.name, t.row.identities)), col(fresh, (t) => t.row.refund_iban), col(fresh, (t) => t.row.refund_account_holder)],
    );
  }
  const ids = batch.flatMap((t) => t.newIdentities.map((i) => ({ customer: t.id, ...i })));
  if (ids.length) {
    await tx.query(
      `INSERT INTO customer_identities (account_id, customer_id, kind, value)
       SELECT $1, u.customer_id, u.kind, u.value FROM unnest($2::uuid[], $3::text[], $4::text[]) AS u(customer_id, kind, value)`,
      [accountId, ids.map((i) => i.customer), ids.map((i) => i.kind), ids.map((i) => i.value)],
    );
  }
  const touched = [...new Set(batch.filter((t) => t.existing).map((t) => t.id))];
  if (touched.length) await refreshCustomerSearch(tx, accountId, touched);
}

/** Splits rows so no customer appears twice in one group: later rows for it come in later groups. */
function inFileOrderGroups(list: Target[]): Target[][] {
  const groups: Target[][] = [];
  const seen: Set<string>[] = [];
  for (const t of list) {
    let g = 0;
    while (seen[g]?.has(t.id)) g++;
    (groups[g] ??= []).push(t);
    (seen[g] ??= new Set()).add(t.id);
  }
  return groups;
}

const audit = (db: Db, actor: Actor, after: Record<string, unknown>) =>
  recordAudit(db, actor, { action: 'customers.imported', entityType: 'account', entityId: actor.accountId, after });
