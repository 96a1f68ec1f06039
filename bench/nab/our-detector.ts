/**
 * Runs Luister's spike detector online over one NAB series: one update per row, in order, a fresh
 * detector per file, one setting for the whole corpus. The only thing taken from NAB besides the
 * rows is the probationary length, which NAB itself hands to every detector (nab/detectors/base.py);
 * the detector stays silent (score 0) while it learns during it, as NAB's own detectors do.
 */
import { createSpikeDetector, type SpikeDetectorOptions } from '../../src/listening/spike-detector.ts';
import type { Series } from './corpus.ts';
import { probationLength } from './scorer.ts';

/**
 * The one setting used for the whole corpus: the detector's defaults. The product (sweep-topics.ts)
 * adds direction 'up', bucketMinutes 60 and utcOffsetMinutes 60 for hourly complaint counts; NAB
 * needs drops, so 'both' is kept here. The range the detector uses is its own running min/max.
 */
export const NAB_SETTING: SpikeDetectorOptions = {};

/** The threshold the product ships with: score >= 0.5, i.e. combined surprise >= alarmSurprise (6). */
export const PRODUCT_THRESHOLD = 0.5;

export function runOurDetector(series: Series, options: SpikeDetectorOptions = NAB_SETTING): Float64Array {
  const n = series.values.length;
  const detector = createSpikeDetector({ ...options, warmup: probationLength(n) });
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = detector.update(new Date(series.timestamps[i]), series.values[i]).score;
  return out;
}
