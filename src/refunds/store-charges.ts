// Writing charges in bulk, idempotent by charge id, on both engines the same way: each batch is one
// `COPY … FROM STDIN` straight into `charges` (streamed over the wire on PostgreSQL, from PGlite's
// /dev/blob device) inside a savepoint. A batch holding a charge id already there (a re-import, or
// the same id twice in the file) fails on the unique index; it is rolled back to its savepoint and
// written instead through a staging table with INSERT … ON CONFLICT DO NOTHING. The next batch goes
// the staging way too until one meets no known id. In the caller's transaction; returns how many
// rows were new.
import type { Db } from '../storage/db.ts';
import type { ChargeInput } from './ledger-mapping.ts';
import { chargeId, chargeIdPrefix } from './charge-ids.ts';

const COLUMNS = 'account_id, import_id, id, charge_ref, customer_ref, amount_cents, currency, charged_at, merchant_ref, description, product, quantity';

/** COPY's text format: tab-separated, \N for null, backslash escapes. */
const SPECIAL = /[\\\t\n\r]/;
const esc = (v: string) =>
  SPECIAL.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : v;
const escOrNull = (v: string | null) => (v === null ? '\\N' : esc(v));

export class ChargeWriter {
  private readonly prefix = chargeIdPrefix();
  private rows = 0;
  private staged = false;
  private stagingReady = false;

  constructor(
    private readonly tx: Db,
    private readonly accountId: string,
    private readonly importId: string,
  ) {}

  /** A batch as COPY text, each row with its id (made here, so ids follow the file's order). */
  format(batch: ChargeInput[]): string {
    const head = `${this.accountId}\t${this.importId}\t`;
    let out = '';
    for (const c of batch) {
      out += `${head}${chargeId(this.prefix, this.rows++)}\t${esc(c.charge_ref)}\t${esc(c.customer_ref)}\t${c.amount_cents}\t${c.currency}\t${c.charged_at.toISOString()}\t${escOrNull(c.merchant_ref)}\t${escOrNull(c.description)}\t${escOrNull(c.product)}\t${c.quantity ?? '\\N'}\n`;
    }
    return out;
  }

  /** Writes one formatted batch of `count` rows; returns how many were new. */
  async write(text: string, count: number): Promise<number> {
    if (!count) return 0;
    if (!this.staged) {
      await this.tx.exec('SAVEPOINT ledger_batch');
      try {
        await this.tx.copyFrom(`COPY charges (${COLUMNS}) FROM STDIN`, text);
        await this.tx.exec('RELEASE SAVEPOINT ledger_batch');
        return count;
      } catch (e) {
        if ((e as { code?: string }).code !== '23505') throw e;
        await this.tx.exec('ROLLBACK TO SAVEPOINT ledger_batch');
        await this.tx.exec('RELEASE SAVEPOINT ledger_batch');
      }
    }
    const n = await this.writeStaged(text);
    // every row new: the next batch may well be all new too
    this.staged = n < count;
    return n;
  }

  private async writeStaged(text: string): Promise<number> {
    if (!this.stagingReady) {
      await this.tx.exec(
        `CREATE TEMP TABLE ledger_staging (account_id uuid, import_id uuid, id uuid, charge_ref text, customer_ref text, amount_cents bigint,
           currency text, charged_at timestamptz, merchant_ref text, description text, product text, quantity numeric) ON COMMIT DROP`,
      );
      this.stagingReady = true;
    } else await this.tx.exec('TRUNCATE ledger_staging');
    await this.tx.copyFrom(`COPY ledger_staging (${COLUMNS}) FROM STDIN`, text);
    const [{ n }] = await this.tx.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO charges (${COLUMNS}) SELECT ${COLUMNS} FROM ledger_staging
         ON CONFLICT (account_id, charge_ref) DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
    );
    return n;
  }
}
