// Writing charges in bulk, idempotent by charge id: on PostgreSQL COPY into a staging table and
// one INSERT … ON CONFLICT DO NOTHING from it; on PGlite (no COPY from a stream) batched INSERTs
// of unnested arrays. Both in the caller's transaction; both return how many rows were new.
import type { Db } from '../storage/db.ts';
import type { ChargeInput } from './ledger-mapping.ts';

const COLUMNS = 'charge_ref, customer_ref, amount_cents, currency, charged_at, merchant_ref, description, product, quantity';

/** COPY's text format: tab-separated, \N for null, backslash escapes. */
const esc = (v: string | null) =>
  v === null ? '\\N' : v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

async function* copyText(charges: AsyncIterable<ChargeInput>): AsyncGenerator<string> {
  let buf = '';
  for await (const c of charges) {
    buf += `${esc(c.charge_ref)}\t${esc(c.customer_ref)}\t${c.amount_cents}\t${c.currency}\t${c.charged_at.toISOString()}\t${esc(c.merchant_ref)}\t${esc(c.description)}\t${esc(c.product)}\t${c.quantity ?? '\\N'}\n`;
    if (buf.length > 256 * 1024) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

export async function copyCharges(tx: Db, accountId: string, importId: string, charges: AsyncIterable<ChargeInput>): Promise<number> {
  if (!tx.copyIn) throw new Error('copyCharges needs PostgreSQL');
  await tx.exec(
    `CREATE TEMP TABLE ledger_staging (charge_ref text, customer_ref text, amount_cents bigint, currency text, charged_at timestamptz,
       merchant_ref text, description text, product text, quantity numeric) ON COMMIT DROP`,
  );
  await tx.copyIn(`COPY ledger_staging (${COLUMNS}) FROM STDIN`, copyText(charges));
  const [{ n }] = await tx.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO charges (account_id, import_id, ${COLUMNS})
       SELECT $1, $2, ${COLUMNS} FROM ledger_staging
       ON CONFLICT (account_id, charge_ref) DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [accountId, importId],
  );
  await tx.exec('DROP TABLE ledger_staging');
  return n;
}

export async function insertChargeBatches(tx: Db, accountId: string, importId: string, charges: AsyncIterable<ChargeInput>, batchSize = 2000): Promise<number> {
  let inserted = 0;
  let cols: unknown[][] = Array.from({ length: 9 }, () => []);
  const flush = async () => {
    if (!cols[0].length) return;
    const [{ n }] = await tx.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO charges (account_id, import_id, ${COLUMNS})
         SELECT $1, $2, u.* FROM unnest($3::text[], $4::text[], $5::bigint[], $6::text[], $7::timestamptz[], $8::text[], $9::text[], $10::text[], $11::numeric[]) AS u
         ON CONFLICT (account_id, charge_ref) DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [accountId, importId, ...cols],
    );
    inserted += n;
    cols = Array.from({ length: 9 }, () => []);
  };
  for await (const c of charges) {
    cols[0].push(c.charge_ref);
    cols[1].push(c.customer_ref);
    cols[2].push(c.amount_cents);
    cols[3].push(c.currency);
    cols[4].push(c.charged_at.toISOString());
    cols[5].push(c.merchant_ref);
    cols[6].push(c.description);
    cols[7].push(c.product);
    cols[8].push(c.quantity);
    if (cols[0].length >= batchSize) await flush();
  }
  await flush();
  return inserted;
}
