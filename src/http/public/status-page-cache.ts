import { createHash } from 'node:crypto';
import type { Db } from '../../storage/db.ts';
import type { LiveHub } from '../../live/hub.ts';
import type { LiveNotice } from '../../live/notice.ts';
import { loadStatusPage, type StatusPageData, statusPageVersion } from '../../announcements/status-page-data.ts';
import { onStatusPageHint, STATUS_PAGE_CHANGED } from '../../announcements/status-changes.ts';

/** One rendering of a page (a language, a format, an origin): the bytes and their ETag, made once. */
export interface Rendering { body: Buffer; etag: string }

export interface CachedPage {
  accountId: string;
  version: number;
  data: StatusPageData;
  validUntil: number;
  rendered: Map<string, Rendering>;
}

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;
const MAX_PAGES = 1000;
/** the Host header is the client's to choose: a page keeps a bounded number of renderings */
const MAX_RENDERINGS = 64;
/** how long a hint of a version not yet committed (see onStatusPageHint) keeps the cache from trusting older data */
const HINT_MS = 30_000;

/**
 * The public status pages this process has built, in memory, trusted without asking the database
 * while the live hub listens: every change to what a page shows raises the account's version in its
 * transaction and sends a `status_page.changed` notice on commit (LISTEN/NOTIFY on PostgreSQL, so
 * every server process hears it; in-process on PGlite), which drops the account's page here. A page
 * read from a snapshot older than a version announced since is never kept. In the process that made
 * the change the version is known before the commit (a hint), so the answer to the POST is never
 * followed by the old page; in other processes the page is fresh once the notice arrives (a few ms).
 * While the listening connection is down (or not yet up), every request asks for the page's version
 * as before (one indexed lookup, shared by concurrent requests), and a reconnect drops everything.
 */
export class StatusPageCache {
  private readonly pages = new Map<string, CachedPage>();
  /** slugs that are no page, while listening (any status notice clears it: a slug may have been taken) */
  private readonly missing = new Set<string>();
  /** per account, the highest version announced by a notice */
  private readonly announced = new Map<string, number>();
  private readonly hinted = new Map<string, { version: number; until: number }>();
  /** raised by every notice, hint or reconnect: a load started before it is not shared with later requests */
  private generation = 0;
  private readonly loading = new Map<string, { generation: number; page: Promise<CachedPage | null> }>();
  private readonly versions = new Map<string, ReturnType<typeof statusPageVersion>>();
  /** raised when trust starts or ends (listening began, a lost connection is back): nothing loaded before is kept */
  private epoch = 0;
  private trusted = false;
  private retryAt = 0;
  private readonly stop: (() => void)[] = [];
  private readonly waiters = new Set<{ accountId: string; version: number; done: () => void }>();

  constructor(private readonly db: Db, private readonly hub: LiveHub) {
    this.stop.push(hub.watch((n) => this.heard(n)), onStatusPageHint((accountId, version) => this.hint(accountId, version)));
    this.listen();
  }

  close(): void {
    for (const s of this.stop) s();
    this.pages.clear();
    for (const w of this.waiters) w.done();
  }

  /**
   * Resolves once this process has heard the notice of that version back from the database (or after
   * timeoutMs, or at once while not listening). PostgreSQL hands a notice to every listening connection
   * at the same moment, so an answer sent after this leaves other server processes with the notice
   * already on their socket: the next page they serve is, in practice, the new one.
   */
  heardBack(accountId: string, version: number, timeoutMs: number): Promise<void> {
    if (!this.hub.listening || (this.announced.get(accountId) ?? 0) >= version) return Promise.resolve();
    return new Promise((resolve) => {
      const w = { accountId, version, done: () => {
        clearTimeout(timer);
        this.waiters.delete(w);
        resolve();
      } };
      const timer = setTimeout(w.done, timeoutMs);
      this.waiters.add(w);
    });
  }

  /** The page for a slug, from memory when it can be trusted; null when there is none. */
  async get(slug: string): Promise<CachedPage | null> {
    if (!SLUG.test(slug)) return null;
    const now = Date.now();
    const listening = this.hub.listening;
    if (listening !== this.trusted) {
      // a change committed before the LISTEN was in place was never heard: start from nothing
      this.trusted = listening;
      this.reset();
    }
    if (listening) {
      const hit = this.pages.get(slug);
      if (hit && hit.validUntil > now && hit.version >= this.floor(hit.accountId, now)) return hit;
      if (!hit && this.missing.has(slug)) return null;
      return this.load(slug);
    }
    this.listen();
    const v = await this.version(slug);
    if (!v) return null;
    const hit = this.pages.get(slug);
    if (hit && hit.accountId === v.accountId && hit.version === v.version && hit.validUntil > now) return hit;
    return this.load(slug);
  }

  /** A rendering of a page, made on first use. */
  render(page: CachedPage, key: string, make: (d: StatusPageData) => string): Rendering {
    let r = page.rendered.get(key);
    if (r) return r;
    if (page.rendered.size >= MAX_RENDERINGS) page.rendered.clear();
    const body = Buffer.from(make(page.data));
    // from the bytes: the same page from another server process has the same tag
    r = { body, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"` };
    page.rendered.set(key, r);
    return r;
  }

  private floor(accountId: string, now: number): number {
    const h = this.hinted.get(accountId);
    const a = this.announced.get(accountId) ?? 0;
    if (!h) return a;
    if (h.until <= now) {
      this.hinted.delete(accountId);
      return a;
    }
    return Math.max(a, h.version);
  }

  private load(slug: string): Promise<CachedPage | null> {
    const running = this.loading.get(slug);
    if (running && running.generation === this.generation) return running.page;
    const { generation, epoch } = this;
    const page = loadStatusPage(this.db, slug).then((data) => {
      if (!data) {
        // a slug nobody has: remembered only if nothing changed meanwhile
        if (this.hub.listening && this.generation === generation) this.missing.add(slug);
        return null;
      }
      const p: CachedPage = { accountId: data.accountId, version: data.version, data, validUntil: data.validUntil.getTime(), rendered: new Map() };
      if (this.epoch === epoch && data.version >= this.floor(data.accountId, Date.now())) {
        if (this.pages.size >= MAX_PAGES) this.pages.clear();
        this.pages.set(slug, p);
      }
      return p;
    });
    const entry = { generation, page };
    this.loading.set(slug, entry);
    void page.finally(() => {
      if (this.loading.get(slug) === entry) this.loading.delete(slug);
    }).catch(() => {});
    return page;
  }

  /** Requests that arrive while a version lookup is on its way share it (only while not listening). */
  private version(slug: string) {
    let p = this.versions.get(slug);
    if (!p) {
      this.versions.set(slug, (p = statusPageVersion(this.db, slug)));
      void p.finally(() => this.versions.delete(slug)).catch(() => {});
    }
    return p;
  }

  private heard(n: LiveNotice | null) {
    this.generation++;
    if (n === null) {
      // notices may have been missed: nothing held can be trusted
      this.reset();
      for (const w of this.waiters) w.done();
      return;
    }
    if (n.event !== STATUS_PAGE_CHANGED) return;
    if (typeof n.version === 'number') this.announced.set(n.account_id, Math.max(this.announced.get(n.account_id) ?? 0, n.version));
    this.drop(n.account_id);
    for (const w of this.waiters) if (w.accountId === n.account_id && (this.announced.get(w.accountId) ?? 0) >= w.version) w.done();
  }

  private hint(accountId: string, version: number) {
    this.generation++;
    const h = this.hinted.get(accountId);
    this.hinted.set(accountId, { version: Math.max(version, h?.version ?? 0), until: Date.now() + HINT_MS });
    this.drop(accountId);
  }

  private reset() {
    this.epoch++;
    this.generation++;
    this.pages.clear();
    this.missing.clear();
  }

  private drop(accountId: string) {
    this.missing.clear();
    for (const [slug, p] of this.pages) if (p.accountId === accountId) this.pages.delete(slug);
  }

  private listen() {
    if (this.hub.listening || Date.now() < this.retryAt) return;
    this.retryAt = Date.now() + 1000;
    this.hub.start().catch(() => {});
  }
}
