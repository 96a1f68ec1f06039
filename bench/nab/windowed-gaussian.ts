/**
 * A line-by-line port of NAB's published "windowedGaussian" detector
 * (nab/detectors/gaussian/windowedGaussian_detector.py: mean and population standard deviation of
 * the last <= 6,400 values, refreshed every 100 rows once the window is full; score = 1 - the
 * Gaussian tail probability). It is not ours and not good (39.6): it exists to check the scorer end
 * to end, because NAB ships its per-file scores but not its per-row outputs, and this detector is
 * simple enough to reproduce exactly.
 *
 * NAB v1.0 wrote its result files under Python 2, whose str(float) keeps 12 significant digits, so the
 * scores NAB thresholded were rounded: 1 - 4e-13 was written, read back and scored as 1.0. Without that
 * rounding 26 of the 58 files differ; with it all 58 match (see verify.ts).
 */
export function asWrittenByNab(score: number): number {
  return Number(score.toPrecision(12));
}

/** erfc with ~1e-15 relative accuracy where it matters here (the far tail). */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2) {
    // erf by its Taylor series; fine for x < 2 (the terms stay below ~10).
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let n = 1; n < 200; n++) {
      term *= -x2 / n;
      const t = term / (2 * n + 1);
      sum += t;
      if (Math.abs(t) < 1e-17 * Math.abs(sum)) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  // Continued fraction erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))),
  // evaluated by the modified Lentz method.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

function normalProbability(x: number, mean: number, std: number): number {
  if (x < mean) return normalProbability(2 * mean - x, mean, std);
  const z = (x - mean) / std;
  return 0.5 * erfc(z / Math.SQRT2);
}

/** numpy.mean's pairwise summation (blocks of 8, split at 128) so rounding matches closely. */
function pairwiseSum(a: Float64Array, lo: number, n: number): number {
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[lo + i];
    return s;
  }
  if (n <= 128) {
    const r = [a[lo], a[lo + 1], a[lo + 2], a[lo + 3], a[lo + 4], a[lo + 5], a[lo + 6], a[lo + 7]];
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] += a[lo + i + j];
    let s = (r[0] + r[1] + (r[2] + r[3])) + (r[4] + r[5] + (r[6] + r[7]));
    for (; i < n; i++) s += a[lo + i];
    return s;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, lo, n2) + pairwiseSum(a, lo + n2, n - n2);
}

export function windowedGaussianScores(values: ArrayLike<number>): Float64Array {
  const windowSize = 6400;
  const stepSize = 100;
  const out = new Float64Array(values.length);
  const win = new Float64Array(windowSize);
  const tmp = new Float64Array(windowSize);
  let len = 0;
  let step: number[] = [];
  let mean = 0;
  let std = 1;
  const update = () => {
    mean = pairwiseSum(win, 0, len) / len;
    for (let i = 0; i < len; i++) {
      const d = win[i] - mean;
      tmp[i] = d * d;
    }
    std = Math.sqrt(pairwiseSum(tmp, 0, len) / len);
    if (std === 0) std = 0.000001;
  };
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = len > 0 ? asWrittenByNab(1 - normalProbability(v, mean, std)) : 0;
    if (len < windowSize) {
      win[len++] = v;
      update();
    } else {
      step.push(v);
      if (step.length === stepSize) {
        win.copyWithin(0, stepSize);
        win.set(step, windowSize - stepSize);
        step = [];
        update();
      }
    }
  }
  return out;
}
