/**
 * Online spike detection for one count series (one topic): `createSpikeDetector(options, state?)`
 * gives `{ update(at, value), state() }`. Each update returns a score in 0..1 (>= 0.5 is an
 * alarm), the expected value and the reason in words. No look-ahead; the state is a plain,
 * JSON-serialisable object of bounded size (a few thousand numbers), so the product can keep it
 * per topic in the database and restore it with `createSpikeDetector(options, saved)`.
 *
 * Method (measured on the Numenta Anomaly Benchmark, bench/nab/run.ts): four kinds of evidence,
 * each turned into a surprise (-log10 p) against the series' OWN history, combined with Fisher's
 * method, then one alarm per episode (later rows are held down for `holdoff` updates):
 *  - value: the value itself (high or low), against the history of values;
 *  - seasonal: the mean of the last 6 residuals against a time-of-day profile (and a weekday /
 *    weekend profile where that predicts better), so a normal Monday-morning peak is no spike;
 *  - level: the mean of the last 24 residuals against a slow, outlier-clipped level (a shift);
 *  - volatility: the standard deviation of the last 48 values (the series starts to jump).
 * p comes from ranks within the last `historySize` blocks (each block keeps the max of `blockSize`
 * updates) and, beyond the 99th percentile, an exponential tail fitted to the excesses, so a value
 * far above anything seen gets a finite, graded surprise. For counts (non-negative integers) the
 * surprises are capped by the Poisson tail at the expected rate and scales never fall below Poisson
 * noise, so one message in a quiet topic is not a spike.
 *
 * `newTopicSignal` is the separate rule for brand-new topics that have no baseline yet.
 */

import { fisher, poissonSurprise } from './surprise.ts';
import { type Tail, TailModel } from './tail-model.ts';

export interface SpikeDetectorOptions {
  /** Updates before any score is given (the baseline is learning). Default 168 (a week of hours). */
  warmup?: number;
  /** Blocks of history kept per evidence kind. Default 1000. */
  historySize?: number;
  /** Updates per history block (the block's max is kept). Default 4. */
  blockSize?: number;
  /** Updates after an alarm during which scores are halved (one alarm per episode). Default 100. */
  holdoff?: number;
  /** Combined surprise (-log10 p) that is an alarm, i.e. a score of 0.5. Default 6. */
  alarmSurprise?: number;
  /** Minutes per bucket for the time-of-day profile; default: the median gap of the first updates. */
  bucketMinutes?: number;
  /** Minutes to add to UTC for the local hour and weekday (e.g. 60 or 120 for Amsterdam). Default 0. */
  utcOffsetMinutes?: number;
  /** 'up' ignores drops (a complaint topic going quiet is no spike). Default 'both'. */
  direction?: 'both' | 'up';
}


export interface SpikeDetectorState {
  version: 1;
  n: number;
  gapSamples: number[];
  perDay: number; // time-of-day slots, 0 until the bucket size is known
  isCount: boolean;
  level: number;
  dev: number;
  day: { mean: number[]; dev: number[]; seen: number[]; err: number };
  week: { mean: number[]; dev: number[]; seen: number[]; err: number };
  poolDev: number;
  poolN: number;
  lastAt: number | null;
  recentValues: number[];
  levelResiduals: number[];
  seasonResiduals: number[];
  tails: Record<Feature, Tail>;
  lastAlarm: number;
}

export interface SpikeUpdate {
  /** 0..1; >= 0.5 is an alarm (combined surprise >= alarmSurprise, not held down). */
  score: number;
  alarm: boolean;
  /** What the baseline expected for this bucket. */
  expected: number;
  /** Combined surprise, -log10 of the combined p-value. */
  surprise: number;
  reason: string;
}

export interface SpikeDetector {
  update(at: Date, value: number): SpikeUpdate;
  state(): SpikeDetectorState;
}

const FEATURES = ['valueHigh', 'valueLow', 'volatility', 'levelHigh', 'levelLow', 'seasonHigh', 'seasonLow'] as const;
type Feature = (typeof FEATURES)[number];
const LEVEL_RATE = 0.01;
const SEASON_RATE = 0.3;
const CLIP = 4;
const DAY_MS = 86_400_000;
/**
 * For counts, the smallest tail scale per evidence kind, in its own units: residuals are z-like
 * against Poisson noise, so a history of near-ties (a quiet topic: zeros and the odd 1) must not
 * make a rise of one unit look extreme; volatility is a log (0.5 ~ x1.6). Values keep no floor:
 * the Poisson cap bounds them. Other series keep no floor: a flat line that moves is the anomaly.
 */
const MIN_BETA: Record<Feature, number> = {
  valueHigh: 0,
  valueLow: 0,
  volatility: 0.5,
  levelHigh: 1,
  levelLow: 1,
  seasonHigh: 1,
  seasonLow: 1,
};

const defaults = {
  warmup: 168,
  historySize: 1000,
  blockSize: 4,
  holdoff: 100,
  alarmSurprise: 6,
  bucketMinutes: 0,
  utcOffsetMinutes: 0,
  direction: 'both' as 'both' | 'up',
};

function emptyProfile() {
  return { mean: [] as number[], dev: [] as number[], seen: [] as number[], err: 0 };
}

export function initialSpikeState(): SpikeDetectorState {
  const tails = {} as Record<Feature, Tail>;
  for (const f of FEATURES) tails[f] = { buf: [], head: 0, blockMax: 0, blockCount: 0 };
  return {
    version: 1,
    n: 0,
    gapSamples: [],
    perDay: 0,
    isCount: true,
    level: 0,
    dev: 0,
    day: emptyProfile(),
    week: emptyProfile(),
    poolDev: 0,
    poolN: 0,
    lastAt: null,
    recentValues: [],
    levelResiduals: [],
    seasonResiduals: [],
    tails,
    lastAlarm: -1e12,
  };
}



const clip = (e: number, d: number) => Math.max(-CLIP * d, Math.min(CLIP * d, e));
const meanOfLast = (a: number[], m: number) => {
  const c = Math.min(m, a.length);
  let s = 0;
  for (let i = a.length - c; i < a.length; i++) s += a[i];
  return { sum: s, count: c };
};
const pushBounded = (a: number[], v: number, max: number) => {
  a.push(v);
  if (a.length > max) a.shift();
};

export function createSpikeDetector(options: SpikeDetectorOptions = {}, saved?: SpikeDetectorState): SpikeDetector {
  const o = { ...defaults, ...options };
  const st: SpikeDetectorState = saved ? structuredClone(saved) : initialSpikeState();
  if (st.version !== 1) throw new Error(`Unknown spike detector state version ${String(st.version)}`);
  const tails = Object.fromEntries(
    FEATURES.map((f) => [f, new TailModel(st.tails[f], o.historySize, o.blockSize)]),
  ) as Record<Feature, TailModel>;

  function slotsFor(atMs: number): { day: number; week: number } {
    const local = atMs + o.utcOffsetMinutes * 60_000;
    const tod = ((local % DAY_MS) + DAY_MS) % DAY_MS;
    const day = Math.min(st.perDay - 1, Math.floor((tod / DAY_MS) * st.perDay));
    const weekday = new Date(local).getUTCDay();
    return { day, week: day + (weekday === 0 || weekday === 6 ? st.perDay : 0) };
  }

  function learnBucketSize(atMs: number): void {
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

  /** Residual of x against one time-of-day profile, then learn x into it. */
  function seasonal(p: SpikeDetectorState['day'], slot: number, x: number, noise: (expected: number) => number) {
    if (!p.seen[slot]) {
      p.mean[slot] = x;
      p.dev[slot] = st.poolDev;
      p.seen[slot] = 1;
      return null;
    }
    const expected = p.mean[slot];
    const scale = Math.max(0.5 * (p.dev[slot] + st.poolDev), noise(expected)) + 1e-9 + 1e-6 * Math.abs(expected);
    const e = x - expected;
    const warm = st.poolN < 100;
    p.dev[slot] += SEASON_RATE * ((warm ? Math.abs(e) : Math.min(Math.abs(e), 5 * (p.dev[slot] + st.poolDev))) - p.dev[slot]);
    p.mean[slot] += SEASON_RATE * (warm ? e : Math.max(-5 * scale, Math.min(5 * scale, e)));
    p.seen[slot] = Math.min(1e6, p.seen[slot] + 1);
    return { expected, z: e / scale, absErr: Math.abs(e) };
  }

  function update(at: Date, value: number): SpikeUpdate {
    const atMs = at.getTime();
    const x = Number(value);
    if (!Number.isFinite(x) || !Number.isFinite(atMs)) throw new Error('Spike detector needs a finite value and a valid date');
    learnBucketSize(atMs);
    st.lastAt = Math.max(st.lastAt ?? atMs, atMs);
    if (!(x >= 0 && Number.isInteger(x))) st.isCount = false;
    const noise = (expected: number) => (st.isCount ? Math.sqrt(Math.max(expected, 0) + 0.25) : 0);

    // Level model: a slow mean with outlier-clipped updates; dev is its mean absolute error.
    const i = st.n++;
    if (i === 0) st.level = x;
    const levelExpected = st.level;
    const levelScale = Math.max(st.dev, noise(levelExpected)) + 1e-9 + 1e-6 * Math.abs(levelExpected);
    const levelZ = (x - levelExpected) / levelScale;
    const warm = i < 50;
    const el = x - st.level;
    st.level += LEVEL_RATE * (warm ? el : clip(el, st.dev));
    st.dev += (warm ? 0.1 : LEVEL_RATE) * ((warm ? Math.abs(el) : Math.min(Math.abs(el), CLIP * st.dev)) - st.dev);

    // Seasonal models: time of day, and time of day split weekday/weekend; the better one is used.
    let seasonZ = 0;
    let expected = levelExpected;
    let seasonKind = '';
    if (st.perDay) {
      const slots = slotsFor(atMs);
      const d = seasonal(st.day, slots.day, x, noise);
      const w = seasonal(st.week, slots.week, x, noise);
      if (d && w) {
        st.day.err += 0.01 * (d.absErr - st.day.err);
        st.week.err += 0.01 * (w.absErr - st.week.err);
      }
      const use = w && st.week.err < st.day.err ? w : d;
      if (use) {
        seasonZ = use.z;
        expected = use.expected;
        seasonKind = use === w ? 'this hour on this kind of day' : 'this hour of day';
        const ae = use.absErr;
        const warmPool = st.poolN < 100;
        st.poolDev += (warmPool ? 1 / ++st.poolN : 0.01) * ((warmPool ? ae : Math.min(ae, 5 * st.poolDev)) - st.poolDev);
      }
    }
    pushBounded(st.levelResiduals, levelZ, 24);
    pushBounded(st.seasonResiduals, seasonZ, 6);
    pushBounded(st.recentValues, x, 48);

    // Evidence, each as a surprise against its own history.
    const lv = meanOfLast(st.levelResiduals, 24);
    const ss = meanOfLast(st.seasonResiduals, 6);
    const mu = meanOfLast(st.recentValues, 48);
    const m = mu.sum / mu.count;
    let sq = 0;
    for (let k = st.recentValues.length - mu.count; k < st.recentValues.length; k++) sq += (st.recentValues[k] - m) ** 2;
    const sd = Math.sqrt(sq / mu.count);
    const raw: Record<Feature, number> = {
      valueHigh: x,
      valueLow: -x,
      volatility: Math.log(Math.max(sd, st.isCount ? 0.5 : 0) + 1e-9 + 1e-6 * Math.abs(m)),
      levelHigh: lv.sum / Math.sqrt(lv.count),
      levelLow: -lv.sum / Math.sqrt(lv.count),
      seasonHigh: ss.count && st.perDay ? ss.sum / Math.sqrt(ss.count) : NaN,
      seasonLow: ss.count && st.perDay ? -ss.sum / Math.sqrt(ss.count) : NaN,
    };
    const s = {} as Record<Feature, number>;
    for (const f of FEATURES) {
      s[f] = tails[f].surprise(raw[f], st.isCount ? MIN_BETA[f] : 0);
      tails[f].push(raw[f]);
    }
    if (st.isCount) s.valueHigh = Math.min(s.valueHigh, poissonSurprise(x, Math.max(expected, levelExpected, 0.05)));
    if (o.direction === 'up') s.valueLow = s.levelLow = s.seasonLow = 0;

    const pair = (a: number, b: number) => Math.max(0, Math.max(a, b) - Math.log10(2));
    const groups = {
      value: pair(s.valueHigh, s.valueLow),
      volatility: s.volatility,
      level: pair(s.levelHigh, s.levelLow),
      seasonal: pair(s.seasonHigh, s.seasonLow),
    };
    const surprise = fisher(Object.values(groups));
    const exp = st.isCount ? Math.max(0, expected) : expected;

    if (i < o.warmup) {
      return { score: 0, alarm: false, expected: exp, surprise, reason: `learning the baseline (${i + 1}/${o.warmup})` };
    }
    const score = surprise / (surprise + o.alarmSurprise);
    const held = i - st.lastAlarm < o.holdoff;
    const alarm = !held && surprise >= o.alarmSurprise;
    if (alarm) st.lastAlarm = i;
    const top = (Object.entries(groups) as [keyof typeof groups, number][]).sort((a, b) => b[1] - a[1])[0];
    const reason = explain(top[0], { x, expected: exp, seasonKind, held, alarm, surprise, up: x >= exp });
    return { score: held ? score * 0.5 : score, alarm, expected: exp, surprise, reason };
  }

  return { update, state: () => structuredClone(st) };
}

function explain(
  kind: 'value' | 'volatility' | 'level' | 'seasonal',
  c: { x: number; expected: number; seasonKind: string; held: boolean; alarm: boolean; surprise: number; up: boolean },
): string {
  const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1));
  const what = {
    value: `${fmt(c.x)} is ${c.up ? 'above' : 'below'} what this series usually shows`,
    volatility: 'the series swings much more than usual',
    level: `sustained ${c.up ? 'rise' : 'drop'} over the last 24 buckets`,
    seasonal: `${fmt(c.x)} against ${fmt(c.expected)} expected for ${c.seasonKind || 'this time'}`,
  }[kind];
  const p = `p ~ 1e-${c.surprise.toFixed(1)}`;
  if (c.alarm) return `spike: ${what} (${p})`;
  if (c.held) return `within the hold-off after the last alarm; ${what} (${p})`;
  return `normal: ${what} (${p})`;
}
