/**
 * The range rule (after Numenta HTM's NAB detector): a value beyond everything the series has
 * shown so far, by more than a margin of the range seen, is news in itself, whatever the
 * statistics of the recent past say. The range is learned online from the series' own values
 * (no look-ahead, no limits given up front).
 */
import { poissonSurprise } from './surprise.ts';

/** Margin beyond the seen range, as a share of its width (HTM uses 5% of the seen range). */
export const RANGE_MARGIN = 0.05;
/** A record count must also be beyond Poisson noise: p < 0.001 (surprise 3). */
export const COUNT_RECORD_SURPRISE = 3;

/** 'above' or 'below' when x lies beyond [min, max] by more than margin × (max − min); else null. */
export function outsideRange(x: number, min: number | undefined, max: number | undefined, margin = RANGE_MARGIN): 'above' | 'below' | null {
  if (min === undefined || max === undefined) return null;
  const m = margin * (max - min);
  if (x > max + m) return 'above';
  if (x < min - m) return 'below';
  return null;
}

/**
 * For counts: is a record high also beyond count noise against `rate`? A quiet topic whose most
 * ever was 2 an hour does not spike on 3. `rate` is the expected count, or during a hold-off the
 * peak so far (an escalation must clearly exceed the episode's own peak).
 */
export function countRecordIsReal(x: number, rate: number): boolean {
  return poissonSurprise(x, Math.max(rate, 0.05)) >= COUNT_RECORD_SURPRISE;
}
