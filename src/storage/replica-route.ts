/**
 * Where a read-only query goes when a streaming replica is configured (DATABASE_REPLICA_URL):
 * pure decisions, unit-tested beside this file; read-replica.ts does the I/O.
 */

/** A WAL position (`pg_current_wal_lsn()`, `16/B374D848`) as a number of bytes. */
export type Lsn = bigint;

export function parseLsn(text: string | null | undefined): Lsn | null {
  const m = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text ?? '');
  return m ? (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`) : null;
}

export function formatLsn(lsn: Lsn): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** What the last probe learnt about the replica. */
export interface ReplicaState {
  /** it answered the last probe */
  reachable: boolean;
  /** it is a standby replaying the primary's WAL (false: promoted, or a primary by mistake — never read from it) */
  recovering: boolean;
  /** the WAL it has replayed: every commit at or below it is visible there */
  replayed: Lsn | null;
  /** how far behind the primary it was at the last probe, in ms (see lagMs) and bytes */
  lagMs: number;
  lagBytes: number;
  /** when the last probe finished (ms since the epoch); 0: never */
  checkedAt: number;
}

export interface RouteLimits {
  /** past this lag, reads go to the primary */
  maxLagMs: number;
  /** a state older than this is not believed (the probe hangs, or stopped) */
  staleMs: number;
}

/**
 * `replica`: it is up, close enough, and has replayed the reader's own last write (`after`);
 * `check`: all of that but the last probe saw it short of `after` — ask it for its position now;
 * `primary`: anything else. A reader that never wrote (after = null) takes the replica's state
 * as it is: a few ms behind, never more than maxLagMs.
 */
export function readTarget(s: ReplicaState, after: Lsn | null, now: number, limits: RouteLimits): 'replica' | 'check' | 'primary' {
  if (!s.reachable || !s.recovering || s.replayed === null) return 'primary';
  if (now - s.checkedAt > limits.staleMs || s.lagMs > limits.maxLagMs) return 'primary';
  if (after !== null && s.replayed < after) return 'check';
  return 'replica';
}

/** The primary's WAL position at the time of each probe, newest last. */
export interface LsnSample {
  at: number;
  lsn: Lsn;
}

/**
 * The replica's lag in ms: 0 when it has replayed what the primary had at the newest sample; else
 * how long ago the primary first had WAL the replica still lacks (at probe granularity; when every
 * sample is past it, the oldest sample's age, which is a lower bound).
 */
export function lagMs(samples: readonly LsnSample[], replayed: Lsn, now: number): number {
  if (!samples.length || replayed >= samples[samples.length - 1].lsn) return 0;
  const first = samples.find((x) => x.lsn > replayed)!;
  return Math.max(0, now - first.at);
}

/**
 * Whether a failed query on the replica is the replica's fault (retry it on the primary) rather
 * than the query's (the primary would fail the same way). No SQLSTATE: the connection broke or timed
 * out. 08 connection, 25 read-only transaction, 40 a cancel for a recovery conflict, 53 resources,
 * 57 shutdown / cannot connect now, 58 system, XX internal.
 */
export function replicaFault(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return true;
  return ['08', '25', '40', '53', '57', '58', 'XX'].includes(code.slice(0, 2));
}
