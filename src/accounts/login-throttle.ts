import type { Db } from '../storage/db.ts';
import { AppError } from '../shared/errors.ts';

/**
 * Failed sign-ins slow down, per e-mail address and per client address, with a growing delay
 * (OWASP: throttle, don't lock out). An account sees few free guesses and then a doubling wait up
 * to 15 minutes; a client address sees many (an office behind one proxy shares it) and a wait of at
 * most a minute, so one attacker behind a proxy never locks out everyone else there. Every attempt
 * counts before the password is checked (parallel guesses cannot slip through); a success takes
 * its attempt back.
 */
export interface ThrottlePolicy {
  /** attempts without any wait */
  free: number;
  /** the first wait after the free attempts, doubling with each further attempt */
  baseMs: number;
  maxMs: number;
  /** a quiet period after which the count starts again */
  forgetMs: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { free: 5, baseMs: 1_000, maxMs: 15 * 60_000, forgetMs: 60 * 60_000 };
export const CLIENT_POLICY: ThrottlePolicy = { free: 50, baseMs: 1_000, maxMs: 60_000, forgetMs: 15 * 60_000 };

export interface ThrottleState {
  failures: number;
  lastFailedAt: Date;
  blockedUntil: Date | null;
}

export type ThrottleDecision = { allowed: false; retryAfterMs: number } | { allowed: true; next: ThrottleState };

/** Pure: may this attempt go ahead, and what is the count after it. */
export function decideAttempt(state: ThrottleState | null, now: Date, p: ThrottlePolicy): ThrottleDecision {
  if (state?.blockedUntil && state.blockedUntil > now) return { allowed: false, retryAfterMs: state.blockedUntil.getTime() - now.getTime() };
  const stale = !state || now.getTime() - state.lastFailedAt.getTime() > p.forgetMs;
  const failures = (stale ? 0 : state.failures) + 1;
  // the attempt that uses up the free ones starts the first wait; each one after doubles it
  const over = failures - p.free;
  const blockedUntil = over >= 0 ? new Date(now.getTime() + Math.min(p.maxMs, p.baseMs * 2 ** Math.min(over, 30))) : null;
  return { allowed: true, next: { failures, lastFailedAt: now, blockedUntil } };
}

export interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

/** Two keys: the person, then (when known) the client address. */
export const throttleKeys = (person: string, clientIp: string | undefined): ThrottleKey[] => [
  { key: person, policy: ACCOUNT_POLICY },
  ...(clientIp ? [{ key: `ip:${clientIp}`, policy: CLIENT_POLICY }] : []),
];
const keys = (email: string, clientIp: string | undefined) => throttleKeys(`email:${email.trim().toLowerCase()}`, clientIp);

/** Counts the attempt, or throws 429 with how long to wait. */
export async function countLoginAttempt(db: Db, email: string, clientIp: string | undefined, now = new Date()): Promise<void> {
  await countAttempt(db, keys(email, clientIp), now);
}

/** The same throttle for any attempt to prove who one is (a password, a two-factor code), under its own keys. */
export async function countAttempt(db: Db, entries: readonly ThrottleKey[], now = new Date()): Promise<void> {
  // forgotten counts are cleared now and then (one attempt in fifty), so guesses at random
  // addresses leave no lasting rows
  if (Math.random() < 0.02) {
    await db.query(`DELETE FROM login_failures WHERE last_failed_at < now() - interval '2 hours' AND (blocked_until IS NULL OR blocked_until < now())`);
  }
  const refused = await db.transaction(async (tx) => {
    const decisions: { key: string; d: ThrottleDecision }[] = [];
    for (const { key, policy } of entries) decisions.push({ key, d: decideAttempt(await lockState(tx, key), now, policy) });
    const waits = decisions.flatMap(({ d }) => (d.allowed ? [] : [d.retryAfterMs]));
    if (waits.length) return Math.max(...waits);
    for (const { key, d } of decisions) {
      if (!d.allowed) continue;
      await tx.query('UPDATE login_failures SET failures = $2, last_failed_at = $3, blocked_until = $4 WHERE key = $1', [
        key, d.next.failures, d.next.lastFailedAt, d.next.blockedUntil,
      ]);
    }
    return 0;
  });
  if (refused > 0) {
    const seconds = Math.ceil(refused / 1000);
    throw new AppError('too_many_attempts', `Too many failed sign-ins: try again in ${seconds} s`, 429, { retry_after_seconds: seconds });
  }
}

/** A successful sign-in: the account starts afresh, the client address gets its attempt back. */
export async function forgiveLoginAttempt(db: Db, email: string, clientIp: string | undefined): Promise<void> {
  await forgiveAttempt(db, keys(email, clientIp));
}

/** The first key (the person) starts afresh; a second one (the client address) gets its attempt back. */
export async function forgiveAttempt(db: Db, entries: readonly ThrottleKey[]): Promise<void> {
  const [account, client] = entries;
  await db.query('DELETE FROM login_failures WHERE key = $1', [account.key]);
  if (client) {
    await db.query(
      `UPDATE login_failures SET failures = greatest(failures - 1, 0),
         blocked_until = CASE WHEN failures - 1 <= $2 THEN NULL ELSE blocked_until END
       WHERE key = $1`,
      [client.key, client.policy.free],
    );
  }
}

async function lockState(tx: Db, key: string): Promise<ThrottleState | null> {
  await tx.query('INSERT INTO login_failures (key, failures) VALUES ($1, 0) ON CONFLICT (key) DO NOTHING', [key]);
  const [row] = await tx.query<{ failures: number; last_failed_at: Date; blocked_until: Date | null }>(
    'SELECT failures, last_failed_at, blocked_until FROM login_failures WHERE key = $1 FOR UPDATE',
    [key],
  );
  return row.failures === 0 ? null : { failures: row.failures, lastFailedAt: row.last_failed_at, blockedUntil: row.blocked_until };
}
