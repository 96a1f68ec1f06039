/** The spike detector's options, its serialisable state and what one update returns. */
import type { NoveltyState } from './novelty.ts';
import type { Tail } from './tail-model.ts';

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

export const FEATURES = [
  'valueHigh',
  'valueLow',
  'volatility',
  'levelHigh',
  'levelLow',
  'seasonHigh',
  'seasonLow',
  'novelty',
] as const;
export type Feature = (typeof FEATURES)[number];

export interface Profile {
  mean: number[];
  dev: number[];
  seen: number[];
  err: number;
}

export interface SpikeDetectorState {
  version: 1;
  n: number;
  gapSamples: number[];
  perDay: number; // time-of-day slots, 0 until the bucket size is known
  isCount: boolean;
  level: number;
  dev: number;
  day: Profile;
  week: Profile;
  poolDev: number;
  poolN: number;
  lastAt: number | null;
  recentValues: number[];
  levelResiduals: number[];
  seasonResiduals: number[];
  tails: Record<Feature, Tail>; // states saved before 'novelty' existed lack it; it is added on restore
  lastAlarm: number;
  /** The smallest and largest value seen so far (absent in states saved before the range rule). */
  min?: number;
  max?: number;
  /** Recent shape, for the novelty evidence (absent in older states). */
  novelty?: NoveltyState;
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
  /** The strongest kind of evidence (what `reason` says in words), for a translated explanation. */
  kind: SpikeEvidence;
  /** Which seasonal baseline the expected value came from: the hour of day, or that hour on this kind of day. */
  season: 'hour' | 'weekday_hour' | null;
}

/** The kinds of evidence of spike-explain.ts, and 'warmup' while the baseline is still being learned. */
export type SpikeEvidence = 'value' | 'volatility' | 'level' | 'seasonal' | 'novelty' | 'range' | 'warmup';

export interface SpikeDetector {
  update(at: Date, value: number): SpikeUpdate;
  state(): SpikeDetectorState;
}

export const SPIKE_DEFAULTS = {
  warmup: 168,
  historySize: 1000,
  blockSize: 4,
  holdoff: 100,
  alarmSurprise: 6,
  bucketMinutes: 0,
  utcOffsetMinutes: 0,
  direction: 'both' as 'both' | 'up',
};
export type ResolvedOptions = typeof SPIKE_DEFAULTS;

export function emptyTail(): Tail {
  return { buf: [], head: 0, blockMax: 0, blockCount: 0 };
}

function emptyProfile(): Profile {
  return { mean: [], dev: [], seen: [], err: 0 };
}

export function initialSpikeState(): SpikeDetectorState {
  const tails = {} as Record<Feature, Tail>;
  for (const f of FEATURES) tails[f] = emptyTail();
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
