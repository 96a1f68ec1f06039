/**
 * NAB scoring (Numenta Anomaly Benchmark v1.x), as NAB's own `nab/sweeper.py` does it:
 * per-row sigmoid weights (`sweepRows`), the score of every threshold over a set of files
 * (`scoresByThreshold`, which also gives the corpus-optimal threshold), the score at one fixed
 * threshold (`scoreAtThreshold`) and the normalisation between the null and the perfect detector.
 * Pure functions; files are read elsewhere (corpus.ts).
 */

export interface CostMatrix {
  tpWeight: number;
  fpWeight: number;
  fnWeight: number;
}

export type ProfileName = 'standard' | 'reward_low_FP_rate' | 'reward_low_FN_rate';

export const PROFILES: Record<ProfileName, CostMatrix> = {
  standard: { tpWeight: 1, fpWeight: 0.11, fnWeight: 1 },
  reward_low_FP_rate: { tpWeight: 1, fpWeight: 0.22, fnWeight: 1 },
  reward_low_FN_rate: { tpWeight: 1, fpWeight: 0.11, fnWeight: 2 },
};

export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];

/** A window as row indices into its file, both ends inclusive. */
export interface RowWindow {
  start: number;
  end: number;
}

/**
 * One file's rows after the probationary period, ready for any profile: `inWindow` is the
 * window's index in the file (-1 outside every window), `position` the unweighted sigmoid value:
 * inside a window A(y)/A(-1) (1 at the left edge, ~0 at the right), outside A(y) (<= 0).
 */
export interface SweptFile {
  scores: Float64Array;
  position: Float64Array;
  inWindow: Int32Array;
  windows: number;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** NAB's scaledSigmoid: 2*sigmoid(-5y) - 1, and -1 beyond three window widths. */
export function scaledSigmoid(y: number): number {
  return y > 3 ? -1 : 2 * sigmoid(-5 * y) - 1;
}

/** min(floor(0.15 n), 0.15 * 5000 = 750), as NAB's sweeper. */
export function probationLength(rows: number, percent = 0.15): number {
  return Math.min(Math.floor(percent * rows), percent * 5000);
}

/** Per-row weights of one file (sweeper.calcSweepScore), probationary rows dropped. */
export function sweepRows(scores: ArrayLike<number>, windows: RowWindow[], probationPercent = 0.15): SweptFile {
  const n = scores.length;
  const probation = probationLength(n, probationPercent);
  const keep = n - Math.min(n, Math.ceil(probation));
  const out: SweptFile = {
    scores: new Float64Array(keep),
    position: new Float64Array(keep),
    inWindow: new Int32Array(keep),
    windows: windows.length,
  };
  const maxTP = scaledSigmoid(-1);
  let next = 0; // next window to enter
  let cur = -1; // window we are in
  let prevRight = -1;
  let prevWidth = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (cur < 0 && next < windows.length && i === windows[next].start) cur = next++;
    let position: number;
    if (cur >= 0) {
      const w = windows[cur];
      const width = w.end - w.start + 1;
      position = scaledSigmoid(-(w.end - i + 1) / width) / maxTP;
    } else if (prevRight < 0) {
      position = -1;
    } else {
      position = scaledSigmoid(Math.abs(prevRight - i) / (prevWidth - 1));
    }
    if (i >= probation) {
      out.scores[k] = scores[i];
      out.position[k] = position;
      out.inWindow[k] = cur;
      k++;
    }
    if (cur >= 0 && i === windows[cur].end) {
      prevRight = i;
      prevWidth = windows[cur].end - windows[cur].start + 1;
      cur = -1;
    }
  }
  return out;
}

export interface ThresholdScore {
  threshold: number;
  score: number;
  tp: number;
  tn: number;
  fp: number;
  fn: number;
}

/**
 * The raw score at every distinct threshold over a set of files (sweeper.calcScoreByThreshold on
 * the concatenated rows), highest threshold first, starting at 1.1 (nothing detected). A row is a
 * detection when its score >= the threshold.
 */
export function scoresByThreshold(files: SweptFile[], cost: CostMatrix): ThresholdScore[] {
  let total = 0;
  let windowCount = 0;
  for (const f of files) {
    total += f.scores.length;
    windowCount += f.windows;
  }
  const score = new Float64Array(total);
  const weight = new Float64Array(total);
  const win = new Int32Array(total);
  let k = 0;
  let base = 0;
  for (const f of files) {
    for (let i = 0; i < f.scores.length; i++, k++) {
      score[k] = f.scores[i];
      const w = f.inWindow[i];
      win[k] = w < 0 ? -1 : base + w;
      weight[k] = w < 0 ? f.position[i] * cost.fpWeight : f.position[i] * cost.tpWeight;
    }
    base += f.windows;
  }
  const order = Array.from({ length: total }, (_, i) => i);
  order.sort((a, b) => score[b] - score[a] || a - b);

  const best = new Float64Array(windowCount).fill(-cost.fnWeight);
  const seen = new Uint8Array(windowCount);
  let windowSum = -cost.fnWeight * windowCount; // sum of best[]
  let fpSum = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < total; i++) if (win[i] >= 0) fn++;
  let tn = total - fn;
  // Windows with no scorable row (all in probation) never count: NAB only scores windows it sees.
  for (let i = 0; i < total; i++) if (win[i] >= 0) seen[win[i]] = 1;
  for (let w = 0; w < windowCount; w++) if (!seen[w]) windowSum += cost.fnWeight;

  const out: ThresholdScore[] = [];
  let threshold = 1.1;
  for (const i of order) {
    if (score[i] !== threshold) {
      out.push({ threshold, score: windowSum + fpSum, tp, tn, fp, fn });
      threshold = score[i];
    }
    const w = win[i];
    if (w >= 0) {
      tp++;
      fn--;
      if (weight[i] > best[w]) {
        windowSum += weight[i] - best[w];
        best[w] = weight[i];
      }
    } else {
      fp++;
      tn--;
      fpSum += weight[i];
    }
  }
  out.push({ threshold, score: windowSum + fpSum, tp, tn, fp, fn });
  return out;
}

/** The corpus-optimal threshold: the highest score, the highest threshold among equals (NAB's optimizer). */
export function bestThreshold(files: SweptFile[], cost: CostMatrix): ThresholdScore {
  let best: ThresholdScore | undefined;
  for (const s of scoresByThreshold(files, cost)) if (!best || s.score > best.score) best = s;
  return best!;
}

/** The raw score of one file at a fixed threshold (detection: score >= threshold). */
export function scoreAtThreshold(file: SweptFile, cost: CostMatrix, threshold: number): ThresholdScore {
  const best = new Float64Array(file.windows).fill(-Infinity);
  const seen = new Uint8Array(file.windows);
  let fpSum = 0;
  let tp = 0;
  let tn = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < file.scores.length; i++) {
    const w = file.inWindow[i];
    const hit = file.scores[i] >= threshold;
    if (w >= 0) {
      seen[w] = 1;
      if (hit) {
        tp++;
        best[w] = Math.max(best[w], file.position[i] * cost.tpWeight);
      } else fn++;
    } else if (hit) {
      fp++;
      fpSum += file.position[i] * cost.fpWeight;
    } else tn++;
  }
  let windowSum = 0;
  for (let w = 0; w < file.windows; w++) {
    if (!seen[w]) continue;
    windowSum += best[w] === -Infinity ? -cost.fnWeight : best[w];
  }
  return { threshold, score: windowSum + fpSum, tp, tn, fp, fn };
}

/** 100 * (raw - null) / (perfect - null): 0 for the null detector, 100 for the perfect one. */
export function normalise(raw: number, windows: number, cost: CostMatrix): number {
  const nullScore = -windows * cost.fnWeight;
  const perfect = windows * cost.tpWeight;
  return (100 * (raw - nullScore)) / (perfect - nullScore);
}
