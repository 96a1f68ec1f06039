import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';

export type DbKind = 'pglite' | 'postgres';

/**
 * The one database interface every use case receives. Same SQL on both engines:
 * PGlite (embedded, one process per data folder) and a PostgreSQL server.
 */
export interface Db {
  readonly kind: DbKind;
  /** Parametrised query; returns the rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs fn in one transaction; nested calls join the outer one. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Calls fn with the payload of every NOTIFY on channel (from any process on PostgreSQL; a
   * notification sent inside a transaction arrives only if and after it commits). Returns unlisten.
   * fn gets null after a lost connection was reopened: notices may have been missed meanwhile.
   */
  listen(channel: string, fn: (payload: string | null) => void): Promise<() => Promise<void>>;
  /** Whether the connection that listens is up (notices arrive); PGlite's always is. */
  listening?(): boolean;
  /**
   * Inside a transaction: `COPY … FROM STDIN` of one piece of text (COPY's text format) on the
   * transaction's connection; returns the number of rows copied. PostgreSQL streams it over the wire
   * (pg-copy-streams); PGlite reads it from its `/dev/blob` device. Callers keep pieces to a few MB.
   */
  copyFrom(sql: string, data: string | Buffer): Promise<number>;
  /** PGlite: the data folder as a tarball, for `OpenDbOptions.pgliteLoad` (tests start from a migrated one). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  databaseUrl?: string;
  dataDir?: string;
  poolSize?: number;
  /** PostgreSQL: the name pg_stat_activity shows for the pool's connections */
  applicationName?: string;
  /** PostgreSQL: give up connecting after this many ms (default: wait) */
  connectTimeoutMs?: number;
  /** PostgreSQL: connect once while opening, so a wrong URL fails at start (default true) */
  connectNow?: boolean;
  /** PGlite: let V8 optimise the database's WebAssembly in the background (default false: baseline code only) */
  pgliteOptimise?: boolean;
  /** PGlite in memory: start from this dumped data folder (`Db.dumpDataDir`) instead of a new cluster */
  pgliteLoad?: Blob;
}

export async function openDb(opts: OpenDbOptions): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10, opts);
  return openPglite(opts.dataDir, opts.pgliteOptimise ?? false, opts.pgliteLoad);
}

// int8 (count(*), bigserial) as JS numbers on both engines: our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * Every parametrised statement is a named prepared statement: each connection parses and plans
 * it once instead of on every call (the same few dozen statements run all day).
 */
const names = new Map<string, string>();
function prepared(text: string, values?: unknown[]): pg.QueryConfig {
  let name = names.get(text);
  if (!name) {
    name = `l${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    if (names.size < 5_000) names.set(text, name);
  }
  return { name, text, values: values as unknown[] };
}

async function openPostgres(url: string, max: number, opts: OpenDbOptions): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max, application_name: opts.applicationName, connectionTimeoutMillis: opts.connectTimeoutMs });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => {});
  if (opts.connectNow !== false) {
    const probe = await pool.connect();
    probe.release();
  }

  // One connection runs one query at a time: code that asks a transaction for two things at once
  // (Promise.all) gets them one after the other, in order, instead of pg's deprecated implicit queue.
  const lanes = new WeakMap<pg.PoolClient, Promise<unknown>>();
  const inLane = <T>(client: pg.PoolClient, work: () => Promise<T>): Promise<T> => {
    const run = (lanes.get(client) ?? Promise.resolve()).then(work, work);
    lanes.set(client, run.catch(() => {}));
    return run;
  };
  const clientDb = (client: pg.PoolClient): Db => ({
    kind: 'postgres',
    async query<T>(sql: string, params?: unknown[]) {
      return (await inLane(client, () => client.query(prepared(sql, params)))).rows as T[];
    },
    async exec(sql: string) {
      await inLane(client, () => client.query(sql));
    },
    transaction: (fn) => fn(clientDb(client)),
    listen: (channel, fn) => listener.listen(channel, fn),
    copyFrom(sql: string, data: string | Buffer) {
      return inLane(client, async () => {
        const copy = client.query(copyFromStdin(sql));
        await pipeline(Readable.from([typeof data === 'string' ? Buffer.from(data) : data]), copy);
        return copy.rowCount ?? 0;
      });
    },
    close: async () => {},
  });
  const listener = postgresListener(url);

  return {
    kind: 'postgres',
    async query<T>(sql: string, params?: unknown[]) {
      return (await pool.query(prepared(sql, params))).rows as T[];
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      const client = await pool.connect();
      // The pool listens for errors only on idle clients: a connection that breaks while the
      // transaction waits between two statements (the server was killed) would emit an unhandled
      // 'error' and end the process. The transaction's next statement fails instead, and the
      // broken client is discarded on release.
      let broken: Error | undefined;
      const onError = (err: Error) => {
        broken = err;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await fn(clientDb(client));
        // after whatever the transaction still has queued on its connection
        await inLane(client, () => client.query('COMMIT'));
        return result;
      } catch (err) {
        await inLane(client, () => client.query('ROLLBACK')).catch(() => {});
        throw err;
      } finally {
        client.removeListener('error', onError);
        client.release(broken);
      }
    },
    listen: (channel, fn) => listener.listen(channel, fn),
    listening: () => listener.up,
    copyFrom: () => Promise.reject(new Error('copyFrom runs inside a transaction')),
    close: async () => {
      await listener.close();
      await pool.end();
    },
  };
}

async function openPglite(dataDir?: string, optimise = false, load?: Blob): Promise<Db> {
  // PostgreSQL in WebAssembly: by default V8 keeps it in its baseline (Liftoff) code and does not re-compile hot
  // functions with TurboFan in the background. That re-compilation held ~25-60 MB of native memory for good and
  // took CPU from requests; measured on this machine, queries were as fast or faster without it (issue 21, idle
  // memory). PGLITE_OPTIMISE=on brings it back. A process-wide V8 flag: set before the module is compiled.
  if (!optimise) setFlagsFromString('--liftoff-only');
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // int8 parsed to number like on the pg side.
  // PGlite's defaults run without fsync (-F) and with 128 MB of shared buffers. On disk we want
  // durability (a committed message survives a crash) and a small footprint; in memory (tests)
  // there is nothing to sync.
  const base = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;
  const startParams = [...(dataDir ? base.filter((p) => p !== '-F') : base), '-c', 'shared_buffers=16MB'];
  const options = { parsers: { 20: (v: string) => Number(v) }, startParams, ...(load && !dataDir ? { loadDataDir: load } : {}) };
  const lite = await PGlite.create(dataDir, options as Parameters<typeof PGlite.create>[1]);

  type Queryable = { query: typeof lite.query; exec: typeof lite.exec };
  const wrap = (q: Queryable, inTx: boolean): Db => ({
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      return (await q.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
    transaction: inTx
      ? (fn) => fn(wrap(q, true))
      : (fn) => lite.transaction((tx) => fn(wrap(tx as unknown as Queryable, true))),
    listen: async (channel, fn) => {
      const unlisten = await lite.listen(channel, fn);
      return async () => {
        if (!lite.closed) await unlisten();
      };
    },
    async copyFrom(sql: string, data: string | Buffer) {
      if (!inTx) throw new Error('copyFrom runs inside a transaction');
      const r = await q.query(sql.replace(/\bFROM STDIN\b/i, "FROM '/dev/blob'"), [], { blob: new Blob([data as string | Uint8Array<ArrayBuffer>]) });
      return r.affectedRows ?? 0;
    },
    dumpDataDir: () => lite.dumpDataDir('none'),
    close: () => lite.close(),
  });
  return wrap(lite, false);
}

/**
 * LISTEN on PostgreSQL needs one connection of its own (a pooled one would hand the
 * subscription to whoever borrows it next). It is opened on the first listen, and a lost
 * connection is reopened with backoff, subscriptions replayed: a restarted database only
 * pauses live updates.
 */
function postgresListener(url: string) {
  const handlers = new Map<string, Set<(payload: string | null) => void>>();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;
  let retryMs = 250;
  let lost = false;

  const quote = (channel: string) => `"${channel.replace(/"/g, '""')}"`;
  const connect = (): Promise<pg.Client> =>
    (connecting ??= (async () => {
      // named per process, so pg_stat_activity tells which server listens
      const c = new pg.Client({ connectionString: url, application_name: `luister-live-${process.pid}` });
      c.on('notification', (n) => {
        for (const fn of handlers.get(n.channel) ?? []) fn(n.payload ?? '');
      });
      c.on('error', () => reconnect(c));
      c.on('end', () => reconnect(c));
      await c.connect();
      for (const channel of handlers.keys()) await c.query(`LISTEN ${quote(channel)}`);
      client = c;
      retryMs = 250;
      if (lost) {
        lost = false;
        for (const set of handlers.values()) for (const fn of set) fn(null);
      }
      return c;
    })().finally(() => {
      connecting = null;
    }));
  const reconnect = (c: pg.Client) => {
    if (closed || client !== c) return;
    client = null;
    lost = true;
    const again = () => {
      if (closed || client || connecting) return;
      connect().catch(() => {
        retryMs = Math.min(retryMs * 2, 10_000);
        setTimeout(again, retryMs).unref();
      });
    };
    setTimeout(again, retryMs).unref();
  };

  return {
    get up() {
      return client !== null && !closed;
    },
    async listen(channel: string, fn: (payload: string | null) => void) {
      let set = handlers.get(channel);
      const first = !set;
      if (!set) handlers.set(channel, (set = new Set()));
      set.add(fn);
      try {
        const c = client ?? (await connect());
        // a second LISTEN on the same channel is a no-op, so a race with the replay in connect() is harmless
        if (first) await c.query(`LISTEN ${quote(channel)}`);
      } catch (err) {
        set.delete(fn);
        if (!set.size && handlers.get(channel) === set) handlers.delete(channel);
        throw err;
      }
      return async () => {
        set.delete(fn);
        if (set.size || handlers.get(channel) !== set) return;
        handlers.delete(channel);
        await client?.query(`UNLISTEN ${quote(channel)}`).catch(() => {});
      };
    },
    async close() {
      closed = true;
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
