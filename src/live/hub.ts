import type { Db } from '../storage/db.ts';
import { LIVE_CHANNEL, type LiveNotice } from './notice.ts';
import { PresenceBoard } from './presence.ts';

export type LiveListener = (notice: LiveNotice) => void;

/**
 * One per server process: one LISTEN on the database, fanned out to the browsers of the notice's
 * account (server-sent events). On PostgreSQL several processes each hear every notice, so an
 * agent on one process sees what a colleague did on another; on PGlite it is the same NOTIFY,
 * in-process. The presence board is fed from the same notices.
 */
export class LiveHub {
  readonly presence = new PresenceBoard();
  private readonly accounts = new Map<string, Set<LiveListener>>();
  private started: Promise<() => Promise<void>> | null = null;

  constructor(private readonly db: Db) {}

  /** Starts listening on the first subscriber; returns the unsubscribe function. */
  async subscribe(accountId: string, fn: LiveListener): Promise<() => void> {
    await this.start();
    let set = this.accounts.get(accountId);
    if (!set) this.accounts.set(accountId, (set = new Set()));
    set.add(fn);
    return () => {
      set.delete(fn);
      if (set.size === 0 && this.accounts.get(accountId) === set) this.accounts.delete(accountId);
    };
  }

  /** Listens without a subscriber too: the presence API reads the board. */
  async start(): Promise<void> {
    const started = (this.started ??= this.db.listen(LIVE_CHANNEL, (payload) => this.deliver(payload)));
    try {
      await started;
    } catch (err) {
      // the database was unreachable: the next subscriber (a browser reconnecting) tries again
      if (this.started === started) this.started = null;
      throw err;
    }
  }

  get subscribers(): number {
    let n = 0;
    for (const s of this.accounts.values()) n += s.size;
    return n;
  }

  private deliver(payload: string | null) {
    // the database connection was lost and is back: notices may be missing, every browser refreshes
    if (payload === null) {
      const at = new Date().toISOString();
      for (const [accountId, set] of this.accounts) for (const fn of set) this.safely(fn, { account_id: accountId, event: 'ready', at });
      return;
    }
    let n: LiveNotice;
    try {
      n = JSON.parse(payload) as LiveNotice;
    } catch {
      return;
    }
    if (!n || typeof n.account_id !== 'string' || typeof n.event !== 'string') return;
    this.presence.apply(n);
    for (const fn of this.accounts.get(n.account_id) ?? []) this.safely(fn, n);
  }

  private safely(fn: LiveListener, n: LiveNotice) {
    try {
      fn(n);
    } catch {
      // one broken connection must not stop the others
    }
  }

  async close(): Promise<void> {
    const started = this.started;
    this.started = null;
    this.accounts.clear();
    if (started) await (await started)().catch(() => {});
  }
}
