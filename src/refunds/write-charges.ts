// Sending an import's checked rows to the writers (store-charges.ts): one writer on the import's
// transaction, or (`write: 'parallel'`, PostgreSQL) two, the second on a transaction of its own.
//
// Why two: a million rows cost the backend that writes `charges` about four times a bare COPY of the
// file (its one unique B-tree on (account, charge id) and the write-ahead log of it), and that one
// backend is what the import waits for: Node's reading and checking already runs beside it. PostgreSQL
// cannot share a transaction between two connections, so the second writer has its own. The rows are
// split by charge id (one id always goes the same way: the two never wait on each other's keys), both
// transactions commit only when both have written everything, the second one first; a failure anywhere
// before that rolls both back. What is lost against one transaction: if the second commits and the
// import's own transaction then fails to (the server dies between the two commits), half of the rows
// stay without their import's record. A re-import completes them (idempotent by charge id).
// Parallel imports of one account are exclusive among each other and against ordinary ones (an advisory
// lock; ordinary imports take it shared), or the two could wait on each other outside PostgreSQL's sight.
// Measured in bench/README.md, "Charge-ledger import: parsing in PostgreSQL?".
import type { Db } from '../storage/db.ts';
import type { ChargeInput } from './ledger-mapping.ts';
import { type ChargeBatch, ChargeWriter } from './store-charges.ts';

export interface WriterOptions {
  batchRows?: number;
  flushRows?: number;
  mode?: 'copy' | 'staging';
}

/** The lock a parallel import holds exclusively and an ordinary one shared (PostgreSQL). */
export async function lockLedgerImports(tx: Db, accountId: string, exclusive: boolean): Promise<void> {
  if (tx.kind !== 'postgres') return;
  await tx.query(`SELECT ${exclusive ? 'pg_advisory_xact_lock' : 'pg_advisory_xact_lock_shared'}(hashtextextended('luister.ledger_import.' || $1, 0))`, [accountId]);
}

/** Which writer a charge id goes to: always the same for one id. */
export function laneOf(chargeRef: string, lanes: number): number {
  if (lanes === 1) return 0;
  let h = 0;
  for (let i = 0; i < chargeRef.length; i++) h = (h * 31 + chargeRef.charCodeAt(i)) | 0;
  return (h >>> 0) % lanes;
}

/**
 * Each batch is staged while the next ones are read and formatted: at most `maxInFlight` batches per
 * writer waiting for the database, so memory stays flat whatever the file's size. Returns the rows new.
 */
export async function writeBatches(writers: ChargeWriter[], pieces: AsyncIterable<ChargeInput[]>): Promise<number> {
  const out: Promise<void>[][] = writers.map(() => []);
  const send = async (i: number, batch: ChargeBatch | null) => {
    if (!batch) return;
    const p = writers[i].write(batch);
    // a failed write is awaited (and thrown) in turn, or at the end
    p.catch(() => {});
    out[i].push(p);
    if (out[i].length >= writers[i].maxInFlight) await out[i].shift();
  };
  const n = writers.length;
  try {
    for await (const charges of pieces) {
      for (const c of charges) {
        const i = laneOf(c.charge_ref, n);
        const full = writers[i].add(c);
        if (full) await send(i, full);
      }
    }
    for (let i = 0; i < n; i++) await send(i, writers[i].finish());
    for (const q of out) for (const p of q) await p;
    const ended = await Promise.all(writers.map((w) => w.end()));
    return ended.reduce((a, b) => a + b, 0);
  } catch (e) {
    // the reader failed (or a write): let the database work still queued end before the transactions do
    await Promise.all(writers.map((w) => w.settle()));
    throw e;
  }
}

/** The second transaction of a parallel import: commit it just before the import's own, or roll it back. */
export interface SecondWriter {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/**
 * Writes the pieces with a writer on `tx` and, on PostgreSQL with a pool to take a second connection
 * from, one on a second transaction (see the top of this file). Returns the rows new and the second
 * transaction, still open: the caller commits it right before its own, or rolls it back.
 */
export async function writeCharges(
  db: Db, tx: Db, accountId: string, importId: string, pieces: AsyncIterable<ChargeInput[]>, o: WriterOptions & { parallel: boolean },
): Promise<{ inserted: number; second: SecondWriter }> {
  const first = new ChargeWriter(tx, accountId, importId, o.batchRows, o.flushRows, undefined, o.mode);
  const none: SecondWriter = { commit: async () => {}, rollback: async () => {} };
  if (!o.parallel || db.kind !== 'postgres') return { inserted: await writeBatches([first], pieces), second: none };

  let decide!: (commit: boolean) => void;
  const decided = new Promise<boolean>((r) => (decide = r));
  let opened!: (w: ChargeWriter | null) => void;
  const ready = new Promise<ChargeWriter | null>((r) => (opened = r));
  const [{ p: mine }] = await tx.query<{ p: number }>('SELECT pg_backend_pid() AS p');
  const done = db.transaction(async (tx2) => {
    const [{ p }] = await tx2.query<{ p: number }>('SELECT pg_backend_pid() AS p');
    // `db` was itself a transaction: one connection, one writer
    if (p === mine) return opened(null);
    const w = new ChargeWriter(tx2, accountId, importId, o.batchRows, o.flushRows, undefined, o.mode, '_2');
    opened(w);
    if (!(await decided)) {
      await w.settle();
      throw new Error('rolled back with the import');
    }
  });
  done.catch(() => {});
  const second = await Promise.race([ready, done.then(() => null)]);
  if (!second) return { inserted: await writeBatches([first], pieces), second: none };
  const handle: SecondWriter = {
    async commit() {
      decide(true);
      await done;
    },
    async rollback() {
      decide(false);
      await done.catch(() => {});
    },
  };
  try {
    return { inserted: await writeBatches([first, second], pieces), second: handle };
  } catch (e) {
    await handle.rollback();
    throw e;
  }
}
