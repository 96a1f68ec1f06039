/**
 * What the spike detector expects: a slow, outlier-clipped level, and time-of-day profiles (one
 * per slot of the day, and one split weekday / weekend) at the series' own bucket size, learned
 * online. Each `observe` returns the residuals of the new value against them (z-like: divided by
 * the models' typical error, and for counts never by less than Poisson noise), then learns it.
 */
import type { Profile, ResolvedOptions, SpikeDetectorState } from './spike-types.ts';

const LEVEL_RATE = 0.01;
const SEASON_RATE = 0.3;
const CLIP = 4;
const DAY_MS = 86_400_000;

export interface BaselineResult {
  /** The level's expectation and the residual against it. */
  levelExpected: number;
  levelZ: number;
  /** The better time-of-day profile's expectation (the level's until profiles exist) and residual (0 then). */
  expected: number;
  seasonZ: number;
  seasonKind: string;
}

/** Poisson noise (sd) at an expected count; 0 for series that are not counts. */
export function countNoise(st: SpikeDetectorState, expected: number): number {
  return st.isCount ? Math.sqrt(Math.max(expected, 0) + 0.25) : 0;
}

/** Learns the bucket size (slots per day) from the option or the median gap of the first updates. */
export function learnBucketSize(st: SpikeDetectorState, o: ResolvedOptions, atMs: number): void {
  if (st.perDay) return;
  if (o.bucketMinutes > 0) {
    st.perDay = Math.max(1, Math.min(288, Math.round(1440 / o.bucketMinutes)));
  } else if (st.lastAt !== null && atMs > st.lastAt) {
    st.gapSamples.push(atMs - st.lastAt);
    if (st.gapSamples.length >= 8) {
      const g = [...st.gapSamples].sort((a, b) => a - b)[st.gapSamples.length >> 1];
      st.perDay = Math.max(1, Math.min(288, Math.round(DAY_MS / Math.max(60_000, g))));
    }
  }
  if (st.perDay) {
    for (const p of [st.day, st.week]) {
      const size = p === st.day ? st.perDay : 2 * st.perDay;
      p.mean = new Array(size).fill(0);
      p.dev = new Array(size).fill(0);
      p.seen = new Array(size).fill(0);
    }
  }
}

function slotsFor(st: SpikeDetectorState, o: ResolvedOptions, atMs: number): { day: number; week: number } {
  const local = atMs + o.utcOffsetMinutes * 60_000;
  const tod = ((local % DAY_MS) + DAY_MS) % DAY_MS;
  const day = Math.min(st.perDay - 1, Math.floor((tod / DAY_MS) * st.perDay));
  const weekday = new Date(local).getUTCDay();
  return { day, week: day + (weekday === 0 || weekday === 6 ? st.perDay : 0) };
}

/** Residual of x against one time-of-day profile, then learn x into it. */
function seasonal(st: SpikeDetectorState, p: Profile, slot: number, x: number) {
  if (!p.seen[slot]) {
    p.mean[slot] = x;
    p.dev[slot] = st.poolDev;
    p.seen[slot] = 1;
    return null;
  }
  const expected = p.mean[slot];
  const scale = Math.max(0.5 * (p.dev[slot] + st.poolDev), countNoise(st, expected)) + 1e-9 + 1e-6 * Math.abs(expected);
  const e = x - expected;
  const warm = st.poolN < 100;
  p.dev[slot] += SEASON_RATE * ((warm ? Math.abs(e) : Math.min(Math.abs(e), 5 * (p.dev[slot] + st.poolDev))) - p.dev[slot]);
  p.mean[slot] += SEASON_RATE * (warm ? e : Math.max(-5 * scale, Math.min(5 * scale, e)));
  p.seen[slot] = Math.min(1e6, p.seen[slot] + 1);
  return { expected, z: e / scale, absErr: Math.abs(e) };
}

/** Residuals of update number `i` (value x at atMs) against the level and the seasonal profiles, then learns x. */
export function observe(st: SpikeDetectorState, o: ResolvedOptions, i: number, atMs: number, x: number): BaselineResult {
  // Level model: a slow mean with outlier-clipped updates; dev is its mean absolute error.
  if (i === 0) st.level = x;
  const levelExpected = st.level;
  const levelScale = Math.max(st.dev, countNoise(st, levelExpected)) + 1e-9 + 1e-6 * Math.abs(levelExpected);
  const levelZ = (x - levelExpected) / levelScale;
  const warm = i < 50;
  const el = x - st.level;
  st.level += LEVEL_RATE * (warm ? el : Math.max(-CLIP * st.dev, Math.min(CLIP * st.dev, el)));
  st.dev += (warm ? 0.1 : LEVEL_RATE) * ((warm ? Math.abs(el) : Math.min(Math.abs(el), CLIP * st.dev)) - st.dev);

  // Seasonal models: time of day, and time of day split weekday/weekend; the better one is used.
  const out: BaselineResult = { levelExpected, levelZ, expected: levelExpected, seasonZ: 0, seasonKind: '' };
  if (!st.perDay) return out;
  const slots = slotsFor(st, o, atMs);
  const d = seasonal(st, st.day, slots.day, x);
  const w = seasonal(st, st.week, slots.week, x);
  if (d && w) {
    st.day.err += 0.01 * (d.absErr - st.day.err);
    st.week.err += 0.01 * (w.absErr - st.week.err);
  }
  const use = w && st.week.err < st.day.err ? w : d;
  if (use) {
    out.seasonZ = use.z;
    out.expected = use.expected;
    out.seasonKind = use === w ? 'this hour on this kind of day' : 'this hour of day';
    const ae = use.absErr;
    const warmPool = st.poolN < 100;
    st.poolDev += (warmPool ? 1 / ++st.poolN : 0.01) * ((warmPool ? ae : Math.min(ae, 5 * st.poolDev)) - st.poolDev);
  }
  return out;
}
