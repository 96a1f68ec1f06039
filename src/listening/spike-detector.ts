/**
 * Online spike detection for one series (one topic's hourly complaint counts in the product):
 * `createSpikeDetector(options, state?)` gives `{ update(at, value), state() }`. Each update returns
 * a score in 0..1 (>= 0.5 is an alarm), the expected value and the reason in words. No look-ahead;
 * the state is a plain, JSON-serialisable object of bounded size (a few thousand numbers), so the
 * product can keep it per topic in the database and restore it with `createSpikeDetector(options, saved)`.
 *
 * Method (measured on the Numenta Anomaly Benchmark, bench/nab/run.ts). Kinds of evidence, each
 * turned into a surprise (-log10 p) against the series' OWN history, combined with Fisher's method:
 *  - value: the value itself (high or low), against the history of values;
 *  - seasonal: the mean of the last 6 residuals against a time-of-day profile (and a weekday /
 *    weekend profile where that predicts better), so a normal Monday-morning peak is no spike;
 *  - level: the mean of the last 24 residuals against a slow, outlier-clipped level (a shift);
 *  - volatility: the standard deviation of the last 48 values (the series starts to jump);
 *  - novelty (real-valued series only): how far the shape of the last ~4 hours is from every
 *    earlier shape in the last ~10 days (./novelty.ts), so a peak that does not come or a new
 *    plateau counts even when each value is ordinary. Counts leave it out: their shape is mostly
 *    Poisson noise, which the seasonal evidence already judges.
 * p comes from ranks within the last `historySize` blocks (each block keeps the max of `blockSize`
 * updates) and, beyond the 99th percentile, an exponential tail (./tail-model.ts). For counts the
 * value surprise is capped by the Poisson tail at the expected rate and scales never fall below
 * Poisson noise, so one message in a quiet topic is not a spike.
 * One alarm per episode: scores are halved for `holdoff` updates after an alarm. Besides the
 * combined surprise, a value beyond the whole range seen so far (./range-check.ts) is an alarm by
 * itself, also during a hold-off (an escalation beyond the episode's own peak); for counts only
 * when it is also beyond Poisson noise.
 *
 * `newTopicSignal` (./new-topic-signal.ts) is the separate rule for brand-new topics.
 */
import { learnBucketSize, observe } from './baseline.ts';
import { PatternNovelty, initialNoveltyState } from './novelty.ts';
import { countRecordIsReal, outsideRange } from './range-check.ts';
import { explain } from './spike-explain.ts';
import {
  FEATURES,
  SPIKE_DEFAULTS,
  emptyTail,
  initialSpikeState,
  type Feature,
  type SpikeDetector,
  type SpikeDetectorOptions,
  type SpikeDetectorState,
  type SpikeUpdate,
} from './spike-types.ts';
import { fisher, poissonSurprise } from './surprise.ts';
import { TailModel } from './tail-model.ts';

export { initialSpikeState };
export type { SpikeDetector, SpikeDetectorOptions, SpikeDetectorState, SpikeUpdate };

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
  novelty: 0,
};
/** Shape memory for the novelty evidence: blocks of ~30 minutes, patterns of 8 blocks, 500 blocks kept, a day before scoring. */
const NOVELTY = { blocksPerDay: 48, length: 8, memory: 500, minDays: 1 };

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
  const o = { ...SPIKE_DEFAULTS, ...options };
  const st: SpikeDetectorState = saved ? structuredClone(saved) : initialSpikeState();
  if (st.version !== 1) throw new Error(`Unknown spike detector state version ${String(st.version)}`);
  for (const f of FEATURES) st.tails[f] ??= emptyTail(); // states saved before a feature existed
  const tails = Object.fromEntries(
    FEATURES.map((f) => [f, new TailModel(st.tails[f], o.historySize, o.blockSize)]),
  ) as Record<Feature, TailModel>;

  /** Novelty of the recent shape, for real-valued series once the bucket size is known; null otherwise. */
  function shapeNovelty(x: number) {
    if (!st.perDay || st.isCount) return null;
    const blockSize = Math.max(1, Math.round(st.perDay / NOVELTY.blocksPerDay));
    const minMemory = Math.ceil((st.perDay / blockSize) * NOVELTY.minDays);
    st.novelty ??= initialNoveltyState();
    const scale = Math.max(st.max ?? x, x) - Math.min(st.min ?? x, x);
    return new PatternNovelty(st.novelty, blockSize, NOVELTY.length, NOVELTY.memory, minMemory).push(x, scale);
  }

  function update(at: Date, value: number): SpikeUpdate {
    const atMs = at.getTime();
    const x = Number(value);
    if (!Number.isFinite(x) || !Number.isFinite(atMs)) throw new Error('Spike detector needs a finite value and a valid date');
    learnBucketSize(st, o, atMs);
    st.lastAt = Math.max(st.lastAt ?? atMs, atMs);
    if (!(x >= 0 && Number.isInteger(x))) st.isCount = false;
    const i = st.n++;
    const b = observe(st, o, i, atMs, x);
    pushBounded(st.levelResiduals, b.levelZ, 24);
    pushBounded(st.seasonResiduals, b.seasonZ, 6);
    pushBounded(st.recentValues, x, 48);
    const novelty = shapeNovelty(x);

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
      novelty: novelty ? novelty.distance : NaN,
    };
    const s = {} as Record<Feature, number>;
    for (const f of FEATURES) {
      s[f] = tails[f].surprise(raw[f], st.isCount ? MIN_BETA[f] : 0);
      tails[f].push(raw[f]);
    }
    if (st.isCount) s.valueHigh = Math.min(s.valueHigh, poissonSurprise(x, Math.max(b.expected, b.levelExpected, 0.05)));
    if (o.direction === 'up') {
      s.valueLow = s.levelLow = s.seasonLow = 0;
      if (novelty && novelty.rise <= 0) s.novelty = 0;
    }

    const pair = (a: number, c: number) => Math.max(0, Math.max(a, c) - Math.log10(2));
    const groups: Partial<Record<'value' | 'volatility' | 'level' | 'seasonal' | 'novelty', number>> = {
      value: pair(s.valueHigh, s.valueLow),
      volatility: s.volatility,
      level: pair(s.levelHigh, s.levelLow),
      seasonal: pair(s.seasonHigh, s.seasonLow),
    };
    if (!st.isCount) groups.novelty = s.novelty;
    let surprise = fisher(Object.values(groups));

    // The range rule: beyond everything seen so far (learned online, this value not yet included).
    const held = i - st.lastAlarm < o.holdoff;
    const side = outsideRange(x, st.min, st.max);
    const record =
      (side === 'above' || (side === 'below' && o.direction === 'both')) &&
      !(side === 'above' && st.isCount && !countRecordIsReal(x, held ? (st.max ?? 0) : Math.max(b.expected, b.levelExpected)));
    st.min = Math.min(st.min ?? x, x);
    st.max = Math.max(st.max ?? x, x);
    if (record) surprise = Math.max(surprise, o.alarmSurprise);

    const exp = st.isCount ? Math.max(0, b.expected) : b.expected;
    const season = b.seasonKind === 'this hour on this kind of day' ? 'weekday_hour' : b.seasonKind ? 'hour' : null;
    if (i < o.warmup) {
      return { score: 0, alarm: false, expected: exp, surprise, reason: `learning the baseline (${i + 1}/${o.warmup})`, kind: 'warmup', season };
    }
    const score = surprise / (surprise + o.alarmSurprise);
    const holdsDown = held && !record;
    const alarm = !holdsDown && surprise >= o.alarmSurprise;
    if (alarm) st.lastAlarm = i;
    const top = record ? 'range' : (Object.entries(groups) as [keyof typeof groups, number][]).sort((p, q) => q[1] - p[1])[0][0];
    const reason = explain(top, { x, expected: exp, seasonKind: b.seasonKind, held: holdsDown, alarm, surprise, up: x >= exp });
    return { score: holdsDown ? score * 0.5 : score, alarm, expected: exp, surprise, reason, kind: top, season };
  }

  return { update, state: () => structuredClone(st) };
}
