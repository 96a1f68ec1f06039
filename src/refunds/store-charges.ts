// Writing charges in bulk, idempotent by charge id, on both engines the same way (issue 16; the
// measurements behind it are in bench/README.md, "Charge-ledger import"). `charges` has one unique index,
// its key (account, billing's charge id; migration 0052). Two ways, chosen by `mode`:
//
// - 'copy' (the default): each batch of checked rows (10,000) is one binary `COPY … FROM STDIN` straight
//   into `charges` inside a savepoint (streamed over the wire on PostgreSQL, from PGlite's /dev/blob
//   device). A batch holding a charge id already there (a re-import, or one twice in the file) fails on
//   the key; it is rolled back to its savepoint and goes the staging way, and so do the batches after it
//   until a move finds nothing known. COPY fills the heap a page at a time, which an INSERT does not.
// - 'staging': every batch is COPYed into a temporary table without any index or constraint, and every
//   `flushRows` rows (100,000) one set-based statement moves them into `charges`:
//   `INSERT … SELECT … ORDER BY charge_ref, ctid ON CONFLICT (account_id, charge_ref) DO NOTHING` (of two
//   rows with one charge id the first in the file is kept). Measured on a million rows it costs the
//   database about half as much again as the COPY straight in (bench/README.md), so it is the way of
//   the batches that meet known ids only, and a choice for the bench.
//
// The database work runs in order on the transaction's connection while Node reads and checks the
// next batches: a ring of buffers (bounded: memory stays flat) lets parsing go on meanwhile.
// In the caller's transaction; the staging table goes at its commit.
import type { Db } from '../storage/db.ts';
import type { ChargeInput } from './ledger-mapping.ts';
import {
  COPY_BINARY_HEADER, COPY_BINARY_TRAILER, maxFieldBytes, uuidBytes, writeBytes, writeInt8, writeNull, writeNumeric, writeText, writeTimestamptz,
} from './copy-binary.ts';

const COLUMNS = 'account_id, import_id, charge_ref, customer_ref, amount_cents, currency, charged_at, merchant_ref, description, product, quantity, cancelled_at';
const FIELDS = 12;

/** Rows sent in one COPY, rows moved into `charges` at a time, and the bytes a buffer starts with (it grows for long rows). */
export const BATCH_ROWS = 10_000;
export const FLUSH_ROWS = 100_000;
const BATCH_BYTES = 2 << 20;
/** Batches formatted ahead of the database at most (each in its own buffer). */
export const MAX_IN_FLIGHT = 12;
/** int16 field count, account (4 + 16), import (4 + 16) */
const ROW_START_BYTES = 2 + 20 + 20;

/** A batch of charges in COPY's binary format, in bytes outside the JS heap. */
export interface ChargeBatch {
  data: Buffer;
  rows: number;
  /** the ring slot the batch's bytes are in: free again once written */
  slot: number;
}

export class ChargeWriter {
  /** What every row of this import starts with, made once: the field count, the account, the import. */
  private readonly rowStart: Buffer;
  private readonly buffers: Buffer[];
  private readonly free: number[];
  private current: number;
  private len = 0;
  private rows = 0;
  private staged = 0;
  private stagingReady = false;
  /** 'copy': the last batch met a known charge id, so batches go through the staging table for now */
  private detour = false;
  /** the database work, one step after the other on the connection */
  private chain: Promise<unknown> = Promise.resolve();
  private inserted = 0;

  constructor(
    private readonly tx: Db,
    accountId: string,
    importId: string,
    private readonly batchRows = BATCH_ROWS,
    private readonly flushRows = Math.max(FLUSH_ROWS, batchRows),
    readonly maxInFlight = MAX_IN_FLIGHT,
    private readonly mode: 'copy' | 'staging' = 'copy',
    /** names this writer's savepoint and staging table apart from another writer's on the same connection */
    private readonly lane = '',
  ) {
    const start = Buffer.alloc(ROW_START_BYTES);
    let o = start.writeInt16BE(FIELDS, 0);
    o = writeBytes(start, o, uuidBytes(accountId));
    writeBytes(start, o, uuidBytes(importId));
    this.rowStart = start;
    // one buffer filling, the others written or waiting to be
    this.buffers = Array.from({ length: maxInFlight + 1 }, () => Buffer.allocUnsafe(0));
    this.free = this.buffers.map((_, i) => i).reverse();
    this.current = this.free.pop()!;
  }

  /**
   * Formats a charge into the batch being filled; returns the batch when it is full. Its bytes stay
   * untouched until `write` of it has finished: at most `maxInFlight` batches may be out at once.
   */
  add(c: ChargeInput): ChargeBatch | null {
    const room = ROW_START_BYTES + 3 * 12 + 4 + 8 + 30 + maxFieldBytes(c.charge_ref) + maxFieldBytes(c.customer_ref) + maxFieldBytes(c.currency) +
      maxFieldBytes(c.merchant_ref) + maxFieldBytes(c.description) + maxFieldBytes(c.product) + COPY_BINARY_HEADER.length + COPY_BINARY_TRAILER.length;
    let buf = this.buffers[this.current];
    if (this.len + room > buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, BATCH_BYTES, this.len + room));
      buf.copy(bigger, 0, 0, this.len);
      buf = this.buffers[this.current] = bigger;
    }
    let o = this.len || COPY_BINARY_HEADER.copy(buf, 0);
    // 42 bytes: a loop of stores costs less than a native copy's call
    const start = this.rowStart;
    for (let i = 0; i < ROW_START_BYTES; i++) buf[o + i] = start[i];
    o += ROW_START_BYTES;
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
    const batch = { data: buf.subarray(0, end), rows: this.rows, slot: this.current };
    const next = this.free.pop();
    if (next === undefined) throw new Error(`more than ${this.maxInFlight} batches out at once`);
    this.current = next;
    this.len = 0;
    this.rows = 0;
    return batch;
  }

  /**
   * Writes one batch (straight in, or staged and moved when there are enough); resolves when its bytes
   * are sent and its buffer is free again. Calls may overlap: the work is queued in order.
   */
  write(batch: ChargeBatch): Promise<void> {
    const sent = this.step(async () => {
      try {
        if (this.mode === 'copy' && !this.detour) {
          await this.tx.exec(`SAVEPOINT ledger_batch${this.lane}`);
          try {
            await this.tx.copyFrom(`COPY charges (${COLUMNS}) FROM STDIN WITH (FORMAT binary)`, batch.data);
            await this.tx.exec(`RELEASE SAVEPOINT ledger_batch${this.lane}`);
            this.inserted += batch.rows;
            return;
          } catch (e) {
            if ((e as { code?: string }).code !== '23505') throw e;
            await this.tx.exec(`ROLLBACK TO SAVEPOINT ledger_batch${this.lane}`);
            await this.tx.exec(`RELEASE SAVEPOINT ledger_batch${this.lane}`);
            this.detour = true;
          }
        }
        await this.stage(batch);
      } finally {
        this.free.push(batch.slot);
      }
      // 'copy': a batch that met a known id is moved at once (the next may go straight in again)
      if (this.mode === 'copy' || this.staged >= this.flushRows) await this.move();
    });
    return sent;
  }

  private async stage(batch: ChargeBatch): Promise<void> {
    if (!this.stagingReady) {
      await this.tx.exec(
        `CREATE TEMP TABLE ledger_staging${this.lane} (account_id uuid, import_id uuid, charge_ref text COLLATE "C", customer_ref text, amount_cents bigint,
           currency text, charged_at timestamptz, merchant_ref text, description text, product text, quantity numeric, cancelled_at timestamptz)
         ON COMMIT DROP`,
      );
      this.stagingReady = true;
    }
    await this.tx.copyFrom(`COPY ledger_staging${this.lane} (${COLUMNS}) FROM STDIN WITH (FORMAT binary)`, batch.data);
    this.staged += batch.rows;
  }

  /** Moves what is staged into `charges`. */
  private async move(): Promise<void> {
    if (!this.staged) return;
    const staged = this.staged;
    this.staged = 0;
    // ctid: the staging table's rows in file order, so of two rows with one charge id the first is kept
    const [{ n }] = await this.tx.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO charges (${COLUMNS}) SELECT ${COLUMNS} FROM ledger_staging${this.lane} ORDER BY charge_ref, ctid
         ON CONFLICT (account_id, charge_ref) DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
    );
    await this.tx.exec(`TRUNCATE ledger_staging${this.lane}`);
    this.inserted += n;
    // every row new: the next batch may well be all new too
    if (n === staged) this.detour = false;
  }

  /** Moves the rest into `charges`; returns how many rows of the whole import were new. */
  async end(): Promise<number> {
    await this.step(() => this.move());
    return this.inserted;
  }

  /** Waits for the queued work to end, whether it failed or not (before the transaction ends on an error). */
  settle(): Promise<void> {
    return this.chain.then(() => {}, () => {});
  }

  private step(fn: () => Promise<void>): Promise<void> {
    const p = this.chain.then(fn);
    // a failed step fails every later one (they are chained on it) and whoever awaits them
    this.chain = p;
    return p;
  }
}
