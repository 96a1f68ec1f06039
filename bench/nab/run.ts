/**
 * NAB (Numenta Anomaly Benchmark) evaluation: `node bin/run-ts.mjs bench/nab/run.ts`
 *
 * 1. Verifies our scorer (bench/nab/scorer.ts) against what NAB ships in ../shared/data/spikes/nab.
 * 2. Runs Luister's spike detector (src/listening/spike-detector.ts) online on all 58 series and
 *    prints its normalised scores (standard, reward_low_FP, reward_low_FN) at the corpus-optimal
 *    threshold and at the product's fixed threshold, beside the published detectors, on the whole
 *    corpus and on the ten realTweets series, and on two halves of the corpus (odd / even files).
 * Ends with one `RESULT nab_standard ...` line. Skips with a message when the corpus is absent.
 */
import { corpusAvailable, loadCorpus, loadFinalResults, publishedDetectors, NAB_DIR, type Series } from './corpus.ts';
import {
  PROFILE_NAMES,
  PROFILES,
  bestThreshold,
  normalise,
  scoreAtThreshold,
  sweepRows,
  type ProfileName,
  type SweptFile,
} from './scorer.ts';
import { checkNormalisation, checkRowCounts, checkWindowedGaussian, publishedNormalised } from './verify.ts';
import { PRODUCT_THRESHOLD, runOurDetector } from './our-detector.ts';

const HTM_BASELINE = 70.5;
const SHORT: Record<ProfileName, string> = { standard: 'standard', reward_low_FP_rate: 'low FP', reward_low_FN_rate: 'low FN' };
/** The scoreboard in NAB's README (standard / low FP / low FN); NuPIC 1.0 HTM is not in the shipped files. */
const README_BOARD: [string, string, number[]][] = [
  ['ARTime', 'ARTime', [74.9, 65.1, 80.4]],
  ['Numenta HTM (NuPIC 1.0, README)', '', [70.5, 62.6, 75.2]],
  ['CAD OSE', 'contextOSE', [69.9, 67.0, 73.2]],
  ['earthgecko Skyline', 'earthgeckoSkyline', [58.2, 46.2, 63.9]],
  ['KNN CAD', 'knncad', [58.0, 43.4, 64.8]],
  ['Relative Entropy', 'relativeEntropy', [54.6, 47.6, 58.8]],
  ['Random Cut Forest', 'randomCutForest', [51.7, 38.4, 59.7]],
  ['Twitter ADVec', 'twitterADVec', [47.1, 33.6, 53.5]],
  ['Windowed Gaussian', 'windowedGaussian', [39.6, 20.9, 47.4]],
  ['Etsy Skyline', 'skyline', [35.7, 27.1, 44.5]],
];

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const pad = (s: string, n: number) => s.padEnd(n);

function subsetScore(files: SweptFile[], series: Series[], profile: ProfileName, threshold: number, keep: (s: Series) => boolean) {
  let raw = 0;
  let windows = 0;
  series.forEach((s, i) => {
    if (!keep(s)) return;
    raw += scoreAtThreshold(files[i], PROFILES[profile], threshold).score;
    windows += s.windows.length;
  });
  return normalise(raw, windows, PROFILES[profile]);
}

function main(): void {
  if (!corpusAvailable()) {
    console.log(`SKIP: the NAB corpus is not at ${NAB_DIR} (it comes with ../shared/data/spikes); nothing to score.`);
    return;
  }
  const t0 = Date.now();
  const corpus = loadCorpus();
  const windows = corpus.reduce((n, s) => n + s.windows.length, 0);
  const isTweets = (s: Series) => s.category === 'realTweets';
  console.log(`NAB corpus: ${corpus.length} series, ${corpus.reduce((n, s) => n + s.values.length, 0)} rows, ${windows} windows`);

  console.log('\n## Scorer verification');
  const rows = checkRowCounts(corpus);
  console.log(`windows and probation: per-file rows in/outside windows and totals match NAB for ${rows.files - rows.mismatches.length}/${rows.files} files`);
  for (const m of rows.mismatches) console.log(`  mismatch ${m}`);
  const norm = checkNormalisation(corpus);
  const worst = Math.max(...norm.map((l) => Math.abs(l.ours - l.theirs)));
  console.log(`normalisation: ${norm.length} published detector/profile totals re-derived from their per-file scores, max |diff| ${worst.toExponential(1)}`);
  console.log('end to end: NAB\'s windowedGaussian detector ported, run and scored by us (per-row outputs are not shipped):');
  for (const c of checkWindowedGaussian(corpus)) {
    console.log(
      `  ${pad(SHORT[c.profile], 9)} files matching NAB's per-file score and counts: ${c.filesExact}/${c.files} (max diff ${c.maxFileDiff.toExponential(1)}); ` +
        `at NAB's threshold ${c.oursAtPublished.toFixed(4)}, our optimum ${c.oursOptimal.toFixed(4)} at ${c.ourThreshold}, published ${c.published.toFixed(4)}`,
    );
  }

  console.log('\n## Luister spike detector, online, one setting for all 58 files');
  const tRun = Date.now();
  const scores = corpus.map((s) => runOurDetector(s));
  const swept = corpus.map((s, i) => sweepRows(scores[i], s.windows));
  const runMs = Date.now() - tRun;
  const ours: Record<ProfileName, { optimal: number; threshold: number; fixed: number; tweetsOpt: number; tweetsFixed: number }> =
    {} as never;
  for (const p of PROFILE_NAMES) {
    const best = bestThreshold(swept, PROFILES[p]);
    ours[p] = {
      optimal: normalise(best.score, windows, PROFILES[p]),
      threshold: best.threshold,
      fixed: subsetScore(swept, corpus, p, PRODUCT_THRESHOLD, () => true),
      tweetsOpt: subsetScore(swept, corpus, p, best.threshold, isTweets),
      tweetsFixed: subsetScore(swept, corpus, p, PRODUCT_THRESHOLD, isTweets),
    };
  }
  console.log(`ran in ${(runMs / 1000).toFixed(1)} s (${Math.round(corpus.reduce((n, s) => n + s.values.length, 0) / (runMs / 1000))} rows/s)`);
  for (const p of PROFILE_NAMES) {
    console.log(`  ${pad(SHORT[p], 9)} corpus-optimal threshold ${ours[p].threshold.toFixed(4)}: ${f1(ours[p].optimal)}; fixed ${PRODUCT_THRESHOLD}: ${f1(ours[p].fixed)}`);
  }

  // How optimistic is fitting the threshold on the test files? Fit on half the files, score the other half.
  const folds = [0, 1].map((k) => corpus.map((_, i) => i % 2 === k));
  let cvRaw = 0;
  for (const [fit, test] of [[folds[0], folds[1]], [folds[1], folds[0]]]) {
    const t = bestThreshold(swept.filter((_, i) => fit[i]), PROFILES.standard).threshold;
    swept.forEach((f, i) => {
      if (test[i]) cvRaw += scoreAtThreshold(f, PROFILES.standard, t).score;
    });
  }
  console.log(`  standard, threshold fitted on the other half of the files (2-fold): ${f1(normalise(cvRaw, windows, PROFILES.standard))}`);
  // Over-fitting check: the same one setting on two halves of the corpus (odd / even files by sorted name).
  for (const k of [0, 1]) {
    const part = folds[k];
    const sub = swept.filter((_, i) => part[i]);
    const w = corpus.reduce((n, s, i) => n + (part[i] ? s.windows.length : 0), 0);
    const own = normalise(bestThreshold(sub, PROFILES.standard).score, w, PROFILES.standard);
    const at = subsetScore(swept, corpus, 'standard', PRODUCT_THRESHOLD, (s) => part[corpus.indexOf(s)]);
    console.log(`  standard, half ${k + 1} (${k ? 'even' : 'odd'} files by name, ${sub.length} files, ${w} windows): ${f1(own)} at its own optimum, ${f1(at)} at ${PRODUCT_THRESHOLD}`);
  }

  const fixedStd = corpus.map((s, i) => ({ s, r: scoreAtThreshold(swept[i], PROFILES.standard, PRODUCT_THRESHOLD), f: swept[i] }));
  let hit = 0;
  let fp = 0;
  for (const { f } of fixedStd) {
    const seen = new Set<number>();
    for (let k = 0; k < f.scores.length; k++) {
      if (f.scores[k] < PRODUCT_THRESHOLD) continue;
      if (f.inWindow[k] >= 0) seen.add(f.inWindow[k]);
      else fp++;
    }
    hit += seen.size;
  }
  console.log(`  at ${PRODUCT_THRESHOLD}: ${hit}/${windows} windows detected, ${fp} detection rows outside windows`);

  console.log('\nper category (standard, corpus-optimal threshold; normalised over the category\'s windows):');
  const cats = [...new Set(corpus.map((s) => s.category))].filter((c) => corpus.some((s) => s.category === c && s.windows.length));
  for (const c of cats) {
    console.log(`  ${pad(c, 22)} ${f1(subsetScore(swept, corpus, 'standard', ours.standard.threshold, (s) => s.category === c))}`);
  }

  console.log('\n## Scoreboard: whole corpus (58 files) | realTweets (10 files, each detector at its corpus threshold)');
  console.log(`| Detector | Standard | Low FP | Low FN | Tweets std | Tweets low FP | Tweets low FN |`);
  console.log(`|---|---:|---:|---:|---:|---:|---:|`);
  const line = (name: string, all: number[], tw: number[]) => console.log(`| ${name} | ${all.map(f1).join(' | ')} | ${tw.map(f1).join(' | ')} |`);
  line('**Luister (corpus-optimal threshold)**', PROFILE_NAMES.map((p) => ours[p].optimal), PROFILE_NAMES.map((p) => ours[p].tweetsOpt));
  line(`**Luister (fixed threshold ${PRODUCT_THRESHOLD})**`, PROFILE_NAMES.map((p) => ours[p].fixed), PROFILE_NAMES.map((p) => ours[p].tweetsFixed));
  const shipped = new Set(publishedDetectors());
  const final = loadFinalResults();
  for (const [name, det, board] of README_BOARD) {
    const tw = PROFILE_NAMES.map((p) => (det && shipped.has(det) ? publishedNormalised(det, p, corpus, isTweets) : NaN));
    const all = det && final[det] ? PROFILE_NAMES.map((p) => final[det][p]) : board;
    line(name, all, tw);
  }
  const htm = PROFILE_NAMES.map((p) => publishedNormalised('numenta', p, corpus, isTweets));
  line('Numenta HTM (NuPIC 0.5.6, shipped files)', PROFILE_NAMES.map((p) => final.numenta[p]), htm);

  const score = ours.standard.optimal;
  console.log(`\nfinished in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`shipped threshold ${PRODUCT_THRESHOLD}: standard ${f1(ours.standard.fixed)}`);
  console.log(`RESULT nab_standard ${score.toFixed(2)} score baseline=${HTM_BASELINE} ratio=${(score / HTM_BASELINE).toFixed(3)}`);
}

main();
