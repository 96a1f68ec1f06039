import type { Db } from '../../storage/db.ts';
import type { LiveHub } from '../../live/hub.ts';
import type { LiveNotice } from '../../live/notice.ts';
import { type ChatEntry, ENTRY_FROM_SQL } from './chat-entries.ts';

/** One open widget stream: its session, the case it listens to, and the last entry it has. */
interface Reader {
  accountId: string;
  sessionId: string;
  caseId: string;
  cursor: number;
  write: (e: ChatEntry) => void;
  fail: () => void;
}

const PER_READ = 200;

/**
 * Delivers chat entries to the open widget streams of one server process. One hub subscription
 * per account (not one per stream): a notice is routed to the streams of its case by a map, so a
 * notice costs the same with 10 or 2,000 open chats. Streams with news are read together, one
 * query per account for all of them (each from its own cursor), at most one read in flight: a
 * notice during a read marks its streams for the next one. The order and the "after the cursor"
 * rule are chatEntriesAfter's, so a reconnect still resumes with nothing missed or doubled.
 */
export class ChatFeed {
  private readonly byCase = new Map<string, Set<Reader>>();
  private readonly perAccount = new Map<string, { readers: Set<Reader>; unsubscribe: () => void }>();
  private readonly dirty = new Set<Reader>();
  private reading = false;
  private scheduled = false;

  /** `reader`: the database the reads go to (a connection of their own on PostgreSQL) */
  constructor(private readonly reader: () => Promise<Db>, private readonly hub: LiveHub) {}

  /** Starts delivering the session's entries after `cursor` (those already there at once); returns the stop function. */
  async open(r: Reader): Promise<() => void> {
    let account = this.perAccount.get(r.accountId);
    if (!account) {
      const readers = new Set<Reader>();
      const pending = { readers, unsubscribe: () => {} };
      this.perAccount.set(r.accountId, pending);
      account = pending;
      try {
        pending.unsubscribe = await this.hub.subscribe(r.accountId, (n) => this.notice(r.accountId, n));
      } catch (err) {
        if (this.perAccount.get(r.accountId) === pending && !pending.readers.size) this.perAccount.delete(r.accountId);
        throw err;
      }
    }
    account.readers.add(r);
    const key = `${r.accountId}:${r.caseId}`;
    let set = this.byCase.get(key);
    if (!set) this.byCase.set(key, (set = new Set()));
    set.add(r);
    this.mark(r);
    return () => {
      this.dirty.delete(r);
      set.delete(r);
      if (!set.size && this.byCase.get(key) === set) this.byCase.delete(key);
      const a = this.perAccount.get(r.accountId);
      if (a?.readers.delete(r) && !a.readers.size) {
        this.perAccount.delete(r.accountId);
        a.unsubscribe();
      }
    };
  }

  get streams(): number {
    let n = 0;
    for (const a of this.perAccount.values()) n += a.readers.size;
    return n;
  }

  private notice(accountId: string, n: LiveNotice) {
    if (n.event === 'ready') {
      // the database connection was back after a loss: every stream reads from its cursor
      for (const r of this.perAccount.get(accountId)?.readers ?? []) this.mark(r);
    } else if (n.event === 'message.created' && n.case_id) {
      for (const r of this.byCase.get(`${accountId}:${n.case_id}`) ?? []) this.mark(r);
    }
  }

  private mark(r: Reader) {
    this.dirty.add(r);
    if (this.reading || this.scheduled) return;
    this.scheduled = true;
    // notices that arrive together (one commit's, or several commits') are read together
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.reading || !this.dirty.size) return;
    this.reading = true;
    const batch = [...this.dirty];
    this.dirty.clear();
    const byAccount = new Map<string, Reader[]>();
    for (const r of batch) {
      const list = byAccount.get(r.accountId);
      if (list) list.push(r);
      else byAccount.set(r.accountId, [r]);
    }
    try {
      for (const [accountId, readers] of byAccount) {
        let rows: (ChatEntry & { reader: number })[];
        try {
          rows = await (await this.reader()).query<ChatEntry & { reader: number }>(
            `SELECT q.reader, x.* FROM unnest($2::uuid[], $3::int[], $4::int[]) AS q(session_id, after, reader)
             CROSS JOIN LATERAL (
               SELECT e.seq, e.message_id, ${ENTRY_FROM_SQL} AS "from",
                 CASE WHEN m.type = 'outbound' THEN split_part(a.name, ' ', 1) END AS author, m.body, m.created_at AS at
               FROM chat_entries e JOIN messages m ON m.account_id = e.account_id AND m.id = e.message_id
               LEFT JOIN agents a ON a.account_id = m.account_id AND a.id = m.author_agent_id
               WHERE e.account_id = $1 AND e.session_id = q.session_id AND e.seq > q.after AND m.type IN ('inbound', 'outbound')
               ORDER BY e.seq LIMIT ${PER_READ}) x
             ORDER BY q.reader, x.seq`,
            [accountId, readers.map((r) => r.sessionId), readers.map((r) => r.cursor), readers.map((_, i) => i)],
          );
        } catch {
          for (const r of readers) r.fail();
          continue;
        }
        const counts = new Map<number, number>();
        const open = this.perAccount.get(accountId)?.readers;
        for (const { reader, ...e } of rows) {
          const r = readers[reader];
          if (e.seq <= r.cursor || !open?.has(r)) continue;
          r.write(e);
          r.cursor = e.seq;
          counts.set(reader, (counts.get(reader) ?? 0) + 1);
        }
        // a long backlog: the rest in the next read
        for (const [i, n] of counts) if (n >= PER_READ && open?.has(readers[i])) this.dirty.add(readers[i]);
      }
    } finally {
      this.reading = false;
      if (this.dirty.size) void this.flush();
    }
  }
}
