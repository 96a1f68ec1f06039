// Writing charges in bulk, idempotent by charge id, on both engines the same way: each batch is one
// binary `COPY … FROM STDIN` straight into `charges` (streamed over the wire on PostgreSQL, from PGlite's
// /dev/blob device) inside a savepoint. A batch holding a charge id already there (a re-import, or
// the same id twice in the file) fails on the unique index; it is rolled back to its savepoint and
// written instead through a staging table with INSERT … ON CONFLICT DO NOTHING. The next batch goes
// the staging way too until one meets no known id. In the caller's transaction; returns how many
// rows were new.
import type { Db } from '../storage/db.ts';
import type { ChargeInput } from './ledger-mapping.ts';
import { chargeIdPrefix, MAX_CHARGES_PER_IMPORT } from './charge-ids.ts';
import {
  COPY_BINARY_HEADER, COPY_BINARY_TRAILER, maxFieldBytes, uuidBytes, writeBytes, writeInt8, writeNull, writeNumeric, writeText, writeTimestamptz,
} from './copy-binary.ts';

const COLUMNS = 'account_id, import_id, id, charge_ref, customer_ref, amount_cents, currency, charged_at, merchant_ref, description, product, quantity, cancelled_at';

/** Rows sent in one COPY, and the bytes a batch starts with (it grows for long rows). */
export const BATCH_ROWS = 10_000;
const BATCH_BYTES = 4 << 20;
/** int16 field count, account (4 + 16), import (4 + 16), the id's length (4) and its first 12 bytes */
const ROW_START_BYTES = 2 + 20 + 20 + 4 + 12;

/** A batch of charges in COPY's binary format, in bytes outside the JS heap. */
export interface ChargeBatch {
  data: Buffer;
  rows: number;
}

export class ChargeWriter {
  /**
   * What every row of this import starts with, made once: the field count, the account, the import,
   * and the id's length and first 12 bytes (a row then adds the id's last 4, its count)
   */
  private readonly rowStart: Buffer;
  private ids = 0;
  private staged = false;
  private stagingReady = false;
  // two buffers in turn: one is being written to the database while the other fills
  private buffers: [Buffer, Buffer] = [Buffer.allocUnsafe(BATCH_BYTES), Buffer.allocUnsafe(BATCH_BYTES)];
  private current = 0;
  private len = 0;
  private rows = 0;

  constructor(
    private readonly tx: Db,
    accountId: string,
    importId: string,
    private readonly batchRows = BATCH_ROWS,
  ) {
    const start = Buffer.alloc(ROW_START_BYTES);
    let o = start.writeInt16BE(13, 0);
    o = writeBytes(start, o, uuidBytes(accountId));
    o = writeBytes(start, o, uuidBytes(importId));
    o = start.writeInt32BE(16, o);
    uuidBytes(`${chargeIdPrefix()}00000000`).copy(start, o, 0, 12);
    this.rowStart = start;
  }

  /**
   * Formats a charge into the batch being filled; returns the batch when it is full. Its bytes stay
   * untouched until the next batch is full: write it before then.
   */
  add(c: ChargeInput): ChargeBatch | null {
    const room = 2 + 3 * 20 + 3 * 12 + 4 + 8 + 30 + maxFieldBytes(c.charge_ref) + maxFieldBytes(c.customer_ref) + maxFieldBytes(c.currency) +
      maxFieldBytes(c.merchant_ref) + maxFieldBytes(c.description) + maxFieldBytes(c.product) + COPY_BINARY_HEADER.length + COPY_BINARY_TRAILER.length;
    let buf = this.buffers[this.current];
    if (this.len + room > buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, this.len + room));
      buf.copy(bigger, 0, 0, this.len);
      buf = this.buffers[this.current] = bigger;
    }
    let o = this.len || COPY_BINARY_HEADER.copy(buf, 0);
    if (this.ids > MAX_CHARGES_PER_IMPORT) throw new RangeError(`an import holds at most ${MAX_CHARGES_PER_IMPORT} charges`);
    // 58 bytes: a loop of stores costs less than a native copy's call
    const start = this.rowStart;
    for (let i = 0; i < ROW_START_BYTES; i++) buf[o + i] = start[i];
    o = buf.writeUInt32BE(this.ids++, o + ROW_START_BYTES);
    o = writeText(buf, o, c.charge_ref);
    o = writeText(buf, o, c.customer_ref);
    o = writeInt8(buf, o, c.amount_cents);
    o = writeText(buf, o, c.currency);
    o = writeTimestamptz(buf, o, c.charged_at);
    o = writeText(buf, o, c.merchant_ref);
    o = writeText(buf, o, c.description);
    o = writeText(buf, o, c.product);
    o = writeNumeric(buf, o, c.quantity);
    this.len = c.cancelled_at === null ? writeNull(buf, o) : writeTimestamptz(buf, o, c.cancelled_at);
    return ++this.rows >= this.batchRows ? this.take() : null;
  }

  /** The last batch, not full. */
  finish(): ChargeBatch | null {
    return this.rows ? this.take() : null;
  }

  private take(): ChargeBatch {
    const buf = this.buffers[this.current];
    const end = this.len + COPY_BINARY_TRAILER.copy(buf, this.len);
    const batch = { data: buf.subarray(0, end), rows: this.rows };
    this.current = 1 - this.current;
    this.len = 0;
    this.rows = 0;
    return batch;
  }

  /** Writes one batch; returns how many of its rows were new. */
  async write(batch: ChargeBatch): Promise<number> {
    const { data: text, rows: count } = batch;
    if (!count) return 0;
    if (!this.staged) {
      await this.tx.exec('SAVEPOINT ledger_batch');
      try {
        await this.tx.copyFrom(`COPY charges (${COLUMNS}) FROM STDIN WITH (FORMAT binary)`, text);
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

  private async writeStaged(text: Buffer): Promise<number> {
    if (!this.stagingReady) {
      await this.tx.exec(
        `CREATE TEMP TABLE ledger_staging (account_id uuid, import_id uuid, id uuid, charge_ref text, customer_ref text, amount_cents bigint,
           currency text, charged_at timestamptz, merchant_ref text, description text, product text, quantity numeric, cancelled_at timestamptz) ON COMMIT DROP`,
      );
      this.stagingReady = true;
    } else await this.tx.exec('TRUNCATE ledger_staging');
    await this.tx.copyFrom(`COPY ledger_staging (${COLUMNS}) FROM STDIN WITH (FORMAT binary)`, text);
    const [{ n }] = await this.tx.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO charges (${COLUMNS}) SELECT ${COLUMNS} FROM ledger_staging
         ON CONFLICT (account_id, charge_ref) DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
    );
    return n;
  }
}
