/**
 * The conversations of an archive, known before any message is stored: every Message-ID joined
 * with the ids it references (union-find). The intake's threading (src/intake/thread.ts,
 * lookup-inbound.ts) finds a message's case through References in either direction; this index
 * completes it for the orders it cannot see through alone, e.g. a grandchild that names only its
 * parent stored before the root and the parent. Holds ids only (tens of bytes each), never bodies.
 */
export class ThreadIndex {
  private parent = new Map<string, string>();

  add(messageId: string | null, references: string[]): void {
    const ids = messageId ? [messageId, ...references] : references;
    for (let i = 1; i < ids.length; i++) this.union(ids[0], ids[i]);
    if (ids.length === 1 && !this.parent.has(ids[0])) this.parent.set(ids[0], ids[0]);
  }

  /** The conversation a message belongs to: one key for every message of it, or null when it has no ids. */
  conversation(messageId: string | null, references: string[]): string | null {
    const first = messageId ?? references[0];
    return first && this.parent.has(first) ? this.find(first) : null;
  }

  /** How many conversations the archive holds (messages without any id each count on their own elsewhere). */
  get size(): number {
    let n = 0;
    for (const [k, v] of this.parent) if (k === v) n++;
    return n;
  }

  private find(id: string): string {
    let root = id;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    // path compression
    for (let cur = id; cur !== root; ) {
      const next = this.parent.get(cur)!;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }

  private union(a: string, b: string): void {
    if (!this.parent.has(a)) this.parent.set(a, a);
    if (!this.parent.has(b)) this.parent.set(b, b);
    const ra = this.find(a);
    const rb = this.find(b);
    // the smaller id wins: the same archive gives the same keys in any order
    if (ra !== rb) {
      if (ra < rb) this.parent.set(rb, ra);
      else this.parent.set(ra, rb);
    }
  }
}
