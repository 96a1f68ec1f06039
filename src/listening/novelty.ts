/**
 * Novelty of the recent shape of a series, online: the series is cut into blocks (the mean of
 * `blockSize` updates), the last `length` blocks form the current pattern, and its novelty is the
 * distance to the nearest earlier pattern that does not overlap it, within the last `memory`
 * blocks (a left matrix profile, as in matrix-profile discord search). A shape the series has
 * shown before (a daily peak, a regular batch job) is close to something in memory; a shape it
 * has never shown (a peak that does not come, a new plateau, a new rhythm) is far from all of it.
 * The distance is the mean absolute difference per block, in the caller's units (`scale`).
 * State is plain JSON and bounded (memory + length numbers).
 */
export interface NoveltyState {
  sum: number;
  count: number;
  blocks: number[]; // block means, oldest first
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

  /**
   * Adds one value. When it completes a block, returns the new pattern's distance to its nearest
   * non-overlapping earlier pattern divided by `scale`; otherwise (and while memory holds fewer
   * than `length` earlier patterns) NaN.
   */
  push(x: number, scale: number): number {
    const st = this.st;
    st.sum += x;
    if (++st.count < this.blockSize) return NaN;
    const b = st.blocks;
    b.push(st.sum / st.count);
    st.sum = 0;
    st.count = 0;
    if (b.length > this.memory + this.length) b.shift();
    const L = this.length;
    const end = b.length - L; // the current pattern is b[end .. end+L-1]
    // earlier patterns start at s with s + L <= end (no overlap)
    if (end - L + 1 < Math.max(L, this.minMemory)) return NaN;
    let best = Infinity;
    for (let s = 0; s + L <= end; s++) {
      let d = 0;
      for (let k = 0; k < L && d < best; k++) d += Math.abs(b[s + k] - b[end + k]);
      if (d < best) best = d;
    }
    return best / L / (scale > 0 ? scale : 1);
  }
}
