/** A bounded history of block maxima per evidence kind, serialisable in the detector's state. */
export interface Tail {
  buf: number[]; // ring of block maxima, oldest first once full
  head: number;
  blockMax: number; // meaningful only when blockCount > 0 (JSON has no -Infinity)
  blockCount: number;
}

const TAIL_QUANTILE = 0.99;

/** Surprise (-log10 p) of v against a tail's history: ranks, and an exponential tail above q99. */
export class TailModel {
  private sorted: Float64Array;
  private len = 0;
  constructor(
    private t: Tail,
    private size: number,
    private block: number,
  ) {
    this.sorted = new Float64Array(size);
    for (const v of t.buf) this.insert(v);
  }
  private lowerBound(v: number): number {
    let lo = 0;
    let hi = this.len;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (this.sorted[m] < v) lo = m + 1;
      else hi = m;
    }
    return lo;
  }
  private insert(v: number): void {
    const i = this.lowerBound(v);
    this.sorted.copyWithin(i + 1, i, this.len);
    this.sorted[i] = v;
    this.len++;
  }
  private remove(v: number): void {
    const i = this.lowerBound(v);
    this.sorted.copyWithin(i, i + 1, this.len);
    this.len--;
  }
  /** floor: the smallest tail scale to use (see MIN_BETA). */
  surprise(v: number, floor = 0): number {
    const n = this.len;
    if (n < 20 || !Number.isFinite(v)) return 0;
    const ti = Math.floor(TAIL_QUANTILE * (n - 1));
    const t = this.sorted[ti];
    let s: number;
    if (v <= t) {
      s = -Math.log10((n - this.lowerBound(v) + 1) / (n + 1));
    } else {
      let excess = 0;
      for (let i = ti + 1; i < n; i++) excess += this.sorted[i] - t;
      const beta = Math.max(excess / Math.max(1, n - ti - 1), floor);
      const base = -Math.log10((n - ti) / (n + 1));
      // A history with no spread above its 99th percentile (a flat line) makes any rise very surprising.
      s = beta > 1e-12 ? base + (v - t) / beta / Math.LN10 : base + 3;
    }
    // A block keeps the max of `block` updates: one update is `block` times less likely to exceed.
    return Math.max(0, s + Math.log10(this.block));
  }
  push(v: number): void {
    if (!Number.isFinite(v)) return;
    const t = this.t;
    t.blockMax = t.blockCount === 0 ? v : Math.max(t.blockMax, v);
    if (++t.blockCount < this.block) return;
    const m = t.blockMax;
    t.blockCount = 0;
    if (t.buf.length < this.size) {
      t.buf.push(m);
    } else {
      this.remove(t.buf[t.head]);
      t.buf[t.head] = m;
      t.head = (t.head + 1) % this.size;
    }
    this.insert(m);
  }
}
