/**
 * Novelty of the recent shape of a series, online (after the pattern-memory idea of ARTime and
 * CAD OSE on NAB, in the form of a left matrix profile as in matrix-profile discord search): the
 * series is cut into blocks (the mean of `blockSize` updates), the last `length` blocks form the
 * current pattern, and its novelty is the distance to the nearest earlier pattern that does not
 * overlap it, within the last `memory` blocks. A shape the series has shown before (a daily peak,
 * a regular batch job) is close to something in memory; a shape it has never shown (a peak that
 * does not come, a new plateau, a new rhythm) is far from all of it. Nothing is returned until the
 * memory spans `minMemory` blocks (e.g. a day), so the first occurrence of every daily shape is not
 * mistaken for news. State is plain JSON and bounded (memory + length numbers).
 */
export interface NoveltyState {
  sum: number;
  count: number;
  blocks: number[]; // block means, oldest first
}

export interface Novelty {
  /** Mean absolute difference per block to the nearest earlier pattern, divided by `scale`. */
  distance: number;
  /** Mean of the current pattern minus that of its nearest neighbour, divided by `scale` (> 0: higher). */
  rise: number;
}

export function initialNoveltyState(): NoveltyState {
  return { sum: 0, count: 0, blocks: [] };
}

export class PatternNovelty {
  constructor(
    private st: NoveltyState,
    private blockSize: number,
    private length = 8,
    private memory = 500,
    private minMemory = 0,
  ) {}

  /** Adds one value; returns the novelty when it completes a block (and memory is deep enough), else null. */
  push(x: number, scale: number): Novelty | null {
    const st = this.st;
    st.sum += x;
    if (++st.count < this.blockSize) return null;
    const b = st.blocks;
    b.push(st.sum / st.count);
    st.sum = 0;
    st.count = 0;
    if (b.length > this.memory + this.length) b.shift();
    const L = this.length;
    const end = b.length - L; // the current pattern is b[end .. end + L - 1]
    // earlier patterns start at s with s + L <= end: end - L + 1 candidates
    if (end - L + 1 < Math.max(L, this.minMemory)) return null;
    let best = Infinity;
    let at = 0;
    for (let s = 0; s + L <= end; s++) {
      let d = 0;
      for (let k = 0; k < L && d < best; k++) d += Math.abs(b[s + k] - b[end + k]);
      if (d < best) {
        best = d;
        at = s;
      }
    }
    let rise = 0;
    for (let k = 0; k < L; k++) rise += b[end + k] - b[at + k];
    const unit = L * (scale > 0 ? scale : 1);
    return { distance: best / unit, rise: rise / unit };
  }
}
