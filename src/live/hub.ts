import type { Db } from '../storage/db.ts';
import { LIVE_CHANNEL, type LiveNotice } from './notice.ts';
import { PresenceBoard } from './presence.ts';

export type LiveListener = (notice: LiveNotice) => void;
/** Hears every account's notices; null when notices may have been missed (a lost database connection is back). */
export type LiveWatcher = (notice: LiveNotice | null) => void;

/**
 * One per server process: one LISTEN on the database, fanned out to the browsers of the notice's
 * account (server-sent events). On PostgreSQL several processes each hear every notice, so an
 * agent on one process sees what a colleague did on another; on PGlite it is the same NOTIFY,
 * in-process. The presence board is fed from the same notices.
 */
export class LiveHub {
  readonly presence = new PresenceBoard();
  private readonly accounts = new Map<string, Set<LiveListener>>();
  private readonly watchers = new Set<LiveWatcher>();
  private started: Promise<() => Promise<void>> | null = null;
  private up = false;

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

  /** Every notice of every account, in this process (the status page cache); returns the unsubscribe function. */
  watch(fn: LiveWatcher): () => void {
    this.watchers.add(fn);
    return () => this.watchers.delete(fn);
  }

  /**
   * True while notices are known to arrive: the LISTEN is in place and its connection is up (always on
   * PGlite). A cache may trust what it holds only then.
   */
  get listening(): boolean {
    return this.up && (this.db.listening?.() ?? true);
  }

  /** Listens without a subscriber too: the presence API reads the board. */
  async start(): Promise<void> {
    const started = (this.started ??= this.db.listen(LIVE_CHANNEL, (payload) => this.deliver(payload)));
    try {
      await started;
      if (this.started === started) this.up = true;
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
      for (const fn of this.watchers) this.safely(fn, null);
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
    for (const fn of this.watchers) this.safely(fn, n);
    for (const fn of this.accounts.get(n.account_id) ?? []) this.safely(fn, n);
  }

  private safely<N extends LiveNotice | null>(fn: (n: N) => void, n: N) {
    try {
      fn(n);
    } catch {
      // one broken connection must not stop the others
    }
  }

  async close(): Promise<void> {
    const started = this.started;
    this.started = null;
    this.up = false;
    this.accounts.clear();
    this.watchers.clear();
    if (started) await (await started)().catch(() => {});
  }
}
