import { parse } from 'csv-parse/sync';
import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError } from '../shared/errors.ts';
import { insertIdentity } from './create-customer.ts';
import { type Identity, normaliseIdentity } from './identity.ts';
import { findCustomerIdByIdentity, refreshCustomerSearch } from './store.ts';

const COLUMNS = ['name', 'email', 'phone', 'segment', 'language', 'vulnerable', 'media', 'sales_opt_out'] as const;
const TRUE = new Set(['1', 'true', 'yes', 'ja', 'y', 'j', 'x']);
const FALSE = new Set(['', '0', 'false', 'no', 'nee', 'n']);

export interface ImportRow {
  line: number;
  name: string;
  identities: Identity[];
  segment: string | null;
  language: string | null;
  vulnerable: boolean;
  media: boolean;
  sales_opt_out: boolean;
}

export interface ImportProblem {
  line: number;
  code: string;
  message: string;
}

/** Pure: CSV text to rows and problems. A header row names the columns (any order; unknown ones refused). */
export function parseCustomerCsv(text: string): { rows: ImportRow[]; problems: ImportProblem[] } {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (err) {
    return { rows: [], problems: [{ line: 0, code: 'invalid_csv', message: (err as Error).message }] };
  }
  const header = (records.shift() ?? []).map((h) => h.toLowerCase());
  const unknown = header.filter((h) => !(COLUMNS as readonly string[]).includes(h));
  if (unknown.length || !header.length) {
    return { rows: [], problems: [{ line: 1, code: 'invalid_header', message: `Unknown columns: ${unknown.join(', ') || '(none)'}; use ${COLUMNS.join(',')}` }] };
  }
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  records.forEach((rec, i) => {
    const line = i + 2;
    const get = (c: string) => rec[header.indexOf(c)] ?? '';
    try {
      const identities: Identity[] = [];
      if (get('email')) identities.push({ kind: 'email', value: normaliseIdentity('email', get('email')) });
      if (get('phone')) identities.push({ kind: 'phone', value: normaliseIdentity('phone', get('phone')) });
      if (!identities.length) throw new AppError('identity_required', 'Give an email or phone');
      for (const id of identities) {
        const k = `${id.kind}:${id.value}`;
        if (seen.has(k)) throw new AppError('duplicate_in_file', `${id.value} is also on line ${seen.get(k)}`);
        seen.set(k, line);
      }
      const segment = get('segment').toLowerCase() || null;
      if (segment && !/^[a-z][a-z0-9_-]{0,31}$/.test(segment)) throw new AppError('invalid_segment', `"${segment}" is not a segment name`);
      const language = get('language').toLowerCase() || null;
      if (language && !/^[a-z]{2}(-[a-z]{2})?$/.test(language)) throw new AppError('invalid_language', `"${language}" is not a language code`);
      rows.push({ line, name: get('name'), identities, segment, language, vulnerable: flag(get('vulnerable')), media: flag(get('media')), sales_opt_out: flag(get('sales_opt_out')) });
    } catch (err) {
      const e = err as AppError;
      problems.push({ line, code: e.code ?? 'invalid_row', message: e.message });
    }
  });
  return { rows, problems };
}

function flag(v: string): boolean {
  const x = v.toLowerCase();
  if (TRUE.has(x)) return true;
  if (FALSE.has(x)) return false;
  throw new AppError('invalid_flag', `"${v}" is not yes/no`);
}

/**
 * All or nothing: any problem in the file and nothing is written. Existing customers (matched
 * by any identity) are updated, new ones created; flags are only ever switched on by an import.
 */
export async function importCustomers(db: Db, actor: Actor, csv: string, opts: { dryRun?: boolean } = {}) {
  const { rows, problems } = parseCustomerCsv(csv);
  if (problems.length) {
    throw new AppError('import_invalid', `${problems.length} problem(s) in the file; nothing was imported`, 422, problems);
  }
  let created = 0;
  let updated = 0;
  const run = async (tx: Db) => {
    for (const row of rows) {
      let id: string | null = null;
      for (const i of row.identities) id ??= await findCustomerIdByIdentity(tx, actor.accountId, i.kind, i.value);
      if (id) {
        await tx.query(
          `UPDATE customers SET name = CASE WHEN $3 <> '' THEN $3 ELSE name END, segment = coalesce($4, segment),
             language = coalesce($5, language), vulnerable = vulnerable OR $6, media = media OR $7,
             sales_opt_out = sales_opt_out OR $8, updated_at = now() WHERE account_id = $1 AND id = $2`,
          [actor.accountId, id, row.name, row.segment, row.language, row.vulnerable, row.media, row.sales_opt_out],
        );
        for (const i of row.identities) {
          const owner = await findCustomerIdByIdentity(tx, actor.accountId, i.kind, i.value);
          if (!owner) await insertIdentity(tx, actor.accountId, id, i);
          else if (owner !== id) {
            throw new AppError('import_conflict', `Line ${row.line}: ${i.value} belongs to another customer than the row's other identity; merge them first`, 409);
          }
        }
        updated++;
      } else {
        const [c] = await tx.query<{ id: string }>(
          `INSERT INTO customers (account_id, name, segment, language, vulnerable, media, sales_opt_out)
           VALUES ($1, $2, coalesce($3, 'standard'), $4, $5, $6, $7) RETURNING id`,
          [actor.accountId, row.name, row.segment, row.language, row.vulnerable, row.media, row.sales_opt_out],
        );
        id = c.id;
        for (const i of row.identities) await insertIdentity(tx, actor.accountId, id, i);
        created++;
      }
      await refreshCustomerSearch(tx, actor.accountId, id);
    }
    await recordAudit(tx, actor, { action: 'customers.imported', entityType: 'account', entityId: actor.accountId, after: { created, updated, rows: rows.length } });
    if (opts.dryRun) throw new DryRun();
  };
  try {
    await db.transaction(run);
  } catch (err) {
    if (!(err instanceof DryRun)) throw err;
  }
  return { dry_run: Boolean(opts.dryRun), rows: rows.length, created, updated };
}

class DryRun extends Error {}
