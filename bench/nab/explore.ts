/**
 * Development aid, not the benchmark: `node bin/run-ts.mjs bench/nab/explore.ts [options-json] [--files]`
 * Runs our detector (product defaults merged with the given options) on the NAB corpus and prints
 * standard / low FP / low FN at the corpus-optimal threshold and at the product threshold, the two
 * halves of the corpus (odd / even files by sorted name, each at its own optimum and at the product
 * threshold), per category, and with --files each file's raw standard score beside HTM's and
 * ARTime's published per-file scores (where we lose).
 */
import { loadCorpus, loadPublishedScores, type Series } from './corpus.ts';
import { PROFILE_NAMES, PROFILES, bestThreshold, normalise, scoreAtThreshold, sweepRows, type SweptFile } from './scorer.ts';
import { PRODUCT_THRESHOLD, runOurDetector } from './our-detector.ts';

const args = process.argv.slice(2);
const options = JSON.parse(args.find((a) => a.startsWith('{')) ?? '{}');
const corpus = loadCorpus();
const t0 = Date.now();
const swept = corpus.map((s) => sweepRows(runOurDetector(s, options), s.windows));
const ms = Date.now() - t0;
const f1 = (x: number) => x.toFixed(1);

function score(idx: number[], profile: (typeof PROFILE_NAMES)[number], threshold?: number) {
  const files = idx.map((i) => swept[i]);
  const windows = idx.reduce((n, i) => n + corpus[i].windows.length, 0);
  const t = threshold ?? bestThreshold(files, PROFILES[profile]).threshold;
  const raw = files.reduce((a, f) => a + scoreAtThreshold(f, PROFILES[profile], t).score, 0);
  return { norm: normalise(raw, windows, PROFILES[profile]), t };
}
const all = corpus.map((_, i) => i);
const line = PROFILE_NAMES.map((p) => {
  const o = score(all, p);
  return `${p.replace('reward_', '').replace('_rate', '')} ${f1(o.norm)}@${o.t.toFixed(3)} / ${f1(score(all, p, PRODUCT_THRESHOLD).norm)}`;
});
console.log(`${JSON.stringify(options)} (${(ms / 1000).toFixed(1)} s)\n  ${line.join('  ')}`);
const halves = [0, 1].map((k) => all.filter((i) => i % 2 === k));
console.log(`  halves std (own optimum / ${PRODUCT_THRESHOLD}): ${halves.map((h) => `${f1(score(h, 'standard').norm)} / ${f1(score(h, 'standard', PRODUCT_THRESHOLD).norm)}`).join('  |  ')}`);
const tStd = score(all, 'standard').t;
const cats = [...new Set(corpus.map((s) => s.category))].filter((c) => corpus.some((s) => s.category === c && s.windows.length));
console.log('  ' + cats.map((c) => `${c.replace(/^real|artificial/, '')} ${f1(score(all.filter((i) => corpus[i].category === c), 'standard', tStd).norm)}`).join('  '));

if (args.includes('--files')) {
  const pub = (det: string) => new Map(loadPublishedScores(det, 'standard').map((r) => [r.file, r.score]));
  const htm = pub('numenta');
  const art = pub('ARTime');
  const cad = pub('contextOSE');
  let lossVsHtm = 0;
  corpus.forEach((s: Series, i) => {
    const f: SweptFile = swept[i];
    const r = scoreAtThreshold(f, PROFILES.standard, tStd);
    const h = htm.get(s.name) ?? NaN;
    lossVsHtm += h - r.score;
    console.log(
      `${s.name.padEnd(62)} w${s.windows.length} ours ${r.score.toFixed(2).padStart(6)} fp ${String(r.fp).padStart(3)} | htm ${h.toFixed(2).padStart(6)} art ${(art.get(s.name) ?? NaN).toFixed(2).padStart(6)} cad ${(cad.get(s.name) ?? NaN).toFixed(2).padStart(6)}`,
    );
  });
  console.log(`sum(htm - ours) raw ${lossVsHtm.toFixed(2)}`);
}
