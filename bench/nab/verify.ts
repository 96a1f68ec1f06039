/**
 * Checks of our NAB scorer against what NAB ships:
 * 1. windows and probation: every published per-file row count (TP+FN in windows, TN+FP outside,
 *    Total_Count) must equal ours;
 * 2. normalisation: the per-file raw scores of every published detector, summed and normalised by
 *    us, must give final_results.json;
 * 3. end to end: NAB's windowedGaussian detector, ported line by line, scored by us per file at its
 *    published threshold and at our own corpus-optimal threshold, must give NAB's per-file scores.
 */
import { loadFinalResults, loadPublishedScores, publishedDetectors, type Series } from './corpus.ts';
import {
  PROFILE_NAMES,
  PROFILES,
  bestThreshold,
  normalise,
  scoreAtThreshold,
  sweepRows,
  type ProfileName,
} from './scorer.ts';
import { windowedGaussianScores } from './windowed-gaussian.ts';

export interface CheckLine {
  what: string;
  ours: number;
  theirs: number;
}

/** Published normalised scores from the per-file files, for a subset of files (all when omitted). */
export function publishedNormalised(
  detector: string,
  profile: ProfileName,
  corpus: Series[],
  filter: (s: Series) => boolean = () => true,
): number {
  const wanted = new Map(corpus.filter(filter).map((s) => [s.name, s]));
  let raw = 0;
  let windows = 0;
  let files = 0;
  for (const row of loadPublishedScores(detector, profile)) {
    const s = wanted.get(row.file);
    if (!s) continue;
    raw += row.score;
    windows += s.windows.length;
    files++;
  }
  if (files !== wanted.size) return NaN; // detector did not run on every file (NAB's "random")
  return normalise(raw, windows, PROFILES[profile]);
}

export function checkRowCounts(corpus: Series[]): { files: number; mismatches: string[] } {
  const mismatches: string[] = [];
  const byName = new Map(corpus.map((s) => [s.name, s]));
  let files = 0;
  for (const row of loadPublishedScores('null', 'standard')) {
    const s = byName.get(row.file);
    if (!s) continue;
    files++;
    const swept = sweepRows(new Float64Array(s.values.length), s.windows);
    let inWin = 0;
    for (const w of swept.inWindow) if (w >= 0) inWin++;
    const outWin = swept.scores.length - inWin;
    if (row.tp + row.fn !== inWin || row.tn + row.fp !== outWin || row.total !== s.values.length) {
      mismatches.push(`${row.file}: ours ${inWin}/${outWin}/${s.values.length}, NAB ${row.tp + row.fn}/${row.tn + row.fp}/${row.total}`);
    }
  }
  return { files, mismatches };
}

export function checkNormalisation(corpus: Series[]): CheckLine[] {
  const final = loadFinalResults();
  const out: CheckLine[] = [];
  for (const det of publishedDetectors()) {
    if (!final[det]) continue;
    for (const p of PROFILE_NAMES) {
      const ours = publishedNormalised(det, p, corpus);
      if (Number.isNaN(ours)) continue;
      out.push({ what: `${det} ${p}`, ours, theirs: final[det][p] });
    }
  }
  return out;
}

export interface WindowedGaussianCheck {
  profile: ProfileName;
  filesExact: number; // per-file score within 1e-6 and identical counts
  files: number;
  maxFileDiff: number;
  oursAtPublished: number; // normalised, at NAB's threshold 1.0
  oursOptimal: number; // normalised, at our own corpus-optimal threshold
  ourThreshold: number;
  published: number;
}

export function checkWindowedGaussian(corpus: Series[]): WindowedGaussianCheck[] {
  const swept = corpus.map((s) => ({ s, f: sweepRows(windowedGaussianScores(s.values), s.windows) }));
  const windows = corpus.reduce((n, s) => n + s.windows.length, 0);
  const final = loadFinalResults().windowedGaussian;
  return PROFILE_NAMES.map((profile) => {
    const cost = PROFILES[profile];
    const published = new Map(loadPublishedScores('windowedGaussian', profile).map((r) => [r.file, r]));
    let exact = 0;
    let maxDiff = 0;
    let raw = 0;
    let threshold = 1;
    for (const { s, f } of swept) {
      const pub = published.get(s.name)!;
      threshold = pub.threshold;
      const r = scoreAtThreshold(f, cost, pub.threshold);
      raw += r.score;
      const diff = Math.abs(r.score - pub.score);
      maxDiff = Math.max(maxDiff, diff);
      if (diff < 1e-6 && r.tp === pub.tp && r.fp === pub.fp && r.fn === pub.fn && r.tn === pub.tn) exact++;
    }
    const best = bestThreshold(
      swept.map((x) => x.f),
      cost,
    );
    return {
      profile,
      filesExact: exact,
      files: swept.length,
      maxFileDiff: maxDiff,
      oursAtPublished: normalise(raw, windows, cost),
      oursOptimal: normalise(best.score, windows, cost),
      ourThreshold: best.threshold,
      published: final[profile],
    };
  });
}
