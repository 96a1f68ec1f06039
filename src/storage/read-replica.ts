import { openDb, type Db } from './db.ts';
import { formatLsn, lagMs, parseLsn, readTarget, replicaFault, type LsnSample, type Lsn, type ReplicaState } from './replica-route.ts';

/**
 * Read-only work (search, dashboard, lists, exports) can run on a PostgreSQL streaming replica
 * (DATABASE_REPLICA_URL). The replica never causes an error: when it is down, promoted, more than
 * maxLagMs behind, or has not yet replayed the reader's own last write, the query runs on the
 * primary; a query that fails on it for the replica's sake is run again on the primary.
 *
 * Read-your-writes: after a change, the HTTP layer asks writePosition() (the primary's WAL
 * position, which is past the change's commit) and hands it to reader() for that agent's reads
 * (src/http/read-your-writes.ts). A reader is sent to the replica only once the replica has
 * replayed that position, so an agent always sees their own change; others may see the replica's
 * state, at most maxLagMs old.
 */
export interface ReadReplica {
  /** A Db for the reads of one request; `after`: the reader's last write (null: none lately). */
  reader(after: Lsn | null): Db;
  /** The primary's WAL position now; null without a replica (nothing to wait for). */
  writePosition(): Promise<Lsn | null>;
  /** What /healthz shows; null without a replica. */
  status(): ReplicaStatus | null;
  close(): Promise<void>;
}

export interface ReplicaStatus {
  state: 'streaming' | 'lagging' | 'down' | 'not_a_standby';
  lag_ms: number;
  lag_bytes: number;
  replayed_lsn: string | null;
  checked_at: string | null;
  /** reads of this process since start: served by the replica, sent to the primary, retried on the primary after a replica fault */
  reads: { replica: number; primary: number; fallbacks: number };
}

/** No replica configured: every read is the primary's, and nothing is measured. */
export function primaryOnly(db: Db): ReadReplica {
  return { reader: () => db, writePosition: async () => null, status: () => null, close: async () => {} };
}

export interface ReadReplicaOptions {
  poolSize: number;
  /** past this lag reads go to the primary */
  maxLagMs: number;
  /** how often the replica's position and the primary's are compared */
  probeMs: number;
}

export async function openReadReplica(primary: Db, url: string, opts: ReadReplicaOptions): Promise<ReadReplica> {
  if (primary.kind !== 'postgres') throw new Error('DATABASE_REPLICA_URL needs DATABASE_URL: a replica follows a PostgreSQL server');
  // no connection at start: an unreachable replica must not stop the server (its reads go to the primary)
  const replica = await openDb({ databaseUrl: url, poolSize: opts.poolSize, applicationName: `luister-read-${process.pid}`, connectTimeoutMs: 2_000, connectNow: false });
  const state: ReplicaState = { reachable: false, recovering: false, replayed: null, lagMs: 0, lagBytes: 0, checkedAt: 0 };
  const limits = { maxLagMs: opts.maxLagMs, staleMs: Math.max(3 * opts.probeMs, 2_000) };
  const samples: LsnSample[] = [];
  const keepMs = Math.max(2 * opts.maxLagMs, 10_000);
  const reads = { replica: 0, primary: 0, fallbacks: 0 };

  const primaryPosition = async () => parseLsn((await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn'))[0]?.lsn);
  const replayedNow = async () => {
    const [r] = await timeout(
      replica.query<{ recovering: boolean; replayed: string | null }>('SELECT pg_is_in_recovery() AS recovering, pg_last_wal_replay_lsn()::text AS replayed'),
      2_000,
    );
    const replayed = parseLsn(r.replayed);
    state.reachable = true;
    state.recovering = r.recovering;
    // replay only moves forward; a lower value means a different (rebuilt) standby: believe it
    state.replayed = replayed;
    return replayed;
  };

  let probing = false;
  const probe = async () => {
    if (probing) return;
    probing = true;
    try {
      const at = Date.now();
      const lsn = await primaryPosition().catch(() => null);
      if (lsn !== null) {
        samples.push({ at, lsn });
        while (samples.length > 1 && samples[0].at < at - keepMs) samples.shift();
      }
      const replayed = await replayedNow();
      const now = Date.now();
      state.lagMs = replayed === null ? 0 : lagMs(samples, replayed, now);
      state.lagBytes = replayed === null || lsn === null || replayed >= lsn ? 0 : Number(lsn - replayed);
      state.checkedAt = now;
    } catch {
      state.reachable = false;
      state.checkedAt = Date.now();
    } finally {
      probing = false;
    }
  };
  await probe();
  const timer = setInterval(() => void probe(), opts.probeMs);
  timer.unref();

  const onFault = (err: unknown) => {
    reads.fallbacks++;
    const code = (err as { code?: unknown }).code;
    // a broken connection: the next reads go straight to the primary until a probe gets an answer again
    if (typeof code !== 'string' || /^(08|57)/.test(code) || !/^[0-9A-Z]{5}$/.test(code)) state.reachable = false;
  };

  const choose = async (after: Lsn | null): Promise<Db> => {
    const target = readTarget(state, after, Date.now(), limits);
    if (target === 'replica') return replica;
    if (target === 'check' && after !== null) {
      const replayed = await replayedNow().catch(() => null);
      if (replayed !== null && replayed >= after) return replica;
    }
    return primary;
  };

  return {
    reader(after) {
      let decided: Promise<Db> | null = null;
      // decided once per reader (one request): its queries all see the same side
      const target = () =>
        (decided ??= choose(after).then((d) => {
          if (d === replica) reads.replica++;
          else reads.primary++;
          return d;
        }));
      const run = async <T>(op: (d: Db) => Promise<T>): Promise<T> => {
        const d = await target();
        if (d === primary) return op(primary);
        try {
          return await op(d);
        } catch (err) {
          if (!replicaFault(err)) throw err;
          onFault(err);
          return op(primary);
        }
      };
      return {
        kind: 'postgres',
        query: (sql, params) => run((d) => d.query(sql, params)),
        transaction: (fn) => run((d) => d.transaction(fn)),
        // not reads: the primary's
        exec: (sql) => primary.exec(sql),
        listen: (channel, fn) => primary.listen(channel, fn),
        listening: () => primary.listening?.() ?? true,
        copyFrom: (sql, data) => primary.copyFrom(sql, data),
        close: async () => {},
      };
    },
    writePosition: () => primaryPosition().catch(() => null),
    status() {
      const fresh = Date.now() - state.checkedAt <= limits.staleMs;
      return {
        state: !state.reachable || !fresh ? 'down' : !state.recovering ? 'not_a_standby' : state.lagMs > opts.maxLagMs ? 'lagging' : 'streaming',
        lag_ms: state.lagMs,
        lag_bytes: state.lagBytes,
        replayed_lsn: state.replayed === null ? null : formatLsn(state.replayed),
        checked_at: state.checkedAt ? new Date(state.checkedAt).toISOString() : null,
        reads: { ...reads },
      };
    },
    async close() {
      clearInterval(timer);
      await replica.close();
    },
  };
}

function timeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let t: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<never>((_, reject) => (t = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)))]).finally(() => clearTimeout(t));
}
