/**
 * A learned weighting for issue 14's {{amount}}: a conditional logit (softmax over a mail's distinct amounts) on the
 * parts that apply to each amount (disputed-amount.ts mentionParts + the sums' adjustment), L2-shrunk towards the hand
 * weights, fit on our labelled mails (bench/lib/amount-sets.ts, the held-out batch excluded). 5-fold cross-validation
 * compares hand and fitted weights on mails none of the fold's weights saw, at several margins; the held-out batch is
 * scored once with weights fit on everything else. The blind sets are not read.
 *
 * Args: --lambda L (shrinkage, default 1), --print (print the weights fit on everything).
 */
import { disputedAmount, rankAmounts, WEIGHTS, MARGIN, type Weights, type WeightName } from '../src/listening/disputed-amount.ts';
import { findMoneyMentions } from '../src/listening/money.ts';
import { sets, heldOutSets, type Labelled } from './lib/amount-sets.ts';

const arg = (k: string, d: string) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1] : d; };
const LAMBDA = Number(arg('--lambda', '1'));
const keys = Object.keys(WEIGHTS) as WeightName[];

interface Example { mail: Labelled; x: number[][]; y: number }
function example(mail: Labelled): Example | null {
  const mentions = findMoneyMentions(mail.text);
  if (!mentions.length || mail.charged_amount_cents === null) return null;
  const { ranked } = rankAmounts(mail.text, mentions);
  if (ranked.length < 2) return null;
  const y = ranked.findIndex((r) => r.m.cents === mail.charged_amount_cents);
  if (y < 0) return null;
  return { mail, x: ranked.map((r) => keys.map((k) => r.parts[k] ?? 0)), y };
}

/** Softmax-likelihood gradient ascent with a pull towards the hand weights (plain full-batch, fixed steps). */
function fit(train: Example[], lambda = LAMBDA): Weights {
  const prior = keys.map((k) => WEIGHTS[k]);
  const w = [...prior];
  const lr = 0.05;
  for (let it = 0; it < 1500; it++) {
    const g = w.map((wi, k) => -lambda * (wi - prior[k]));
    for (const e of train) {
      const s = e.x.map((row) => row.reduce((a, v, k) => a + v * w[k], 0));
      const mx = Math.max(...s);
      const ex = s.map((v) => Math.exp(v - mx));
      const z = ex.reduce((a, b) => a + b, 0);
      for (let i = 0; i < e.x.length; i++) {
        const p = ex[i] / z;
        const t = i === e.y ? 1 : 0;
        for (let k = 0; k < keys.length; k++) g[k] += (t - p) * e.x[i][k];
      }
    }
    for (let k = 0; k < keys.length; k++) w[k] += (lr * g[k]) / Math.max(1, train.length / 50);
  }
  return Object.fromEntries(keys.map((k, i) => [k, Math.round(w[i] * 100) / 100])) as Weights;
}

function verdict(m: Labelled, weights: Weights, margin: number): 'right' | 'flagged' | 'wrong' {
  const d = findMoneyMentions(m.text).length ? disputedAmount(m.text, undefined, { subject: m.subject, margin, weights }) : null;
  if (!d) return m.charged_amount_cents === null ? 'right' : 'flagged';
  if (!d.certain) return 'flagged';
  return d.amount.cents === m.charged_amount_cents ? 'right' : 'wrong';
}

const mails = sets.flatMap(([, ms]) => ms);
const fold = (i: number) => (i * 7919) % 5;
const margins = [0.5, 0.75, 1, 1.25, 1.5];
const cv = { hand: margins.map(() => ({ right: 0, flagged: 0, wrong: 0 })), fitted: margins.map(() => ({ right: 0, flagged: 0, wrong: 0 })) };
for (let f = 0; f < 5; f++) {
  const train = mails.filter((_, i) => fold(i) !== f).map(example).filter((e): e is Example => e !== null);
  const test = mails.filter((_, i) => fold(i) === f);
  const w = fit(train);
  margins.forEach((mg, j) => {
    for (const m of test) {
      cv.hand[j][verdict(m, WEIGHTS, mg)]++;
      cv.fitted[j][verdict(m, w, mg)]++;
    }
  });
}
console.log(`5-fold cross-validation on ${mails.length} labelled mails (lambda ${LAMBDA}): right / flagged / wrong on the folds held out\n`);
console.log('| margin | hand weights | fitted weights |\n|---:|---|---|');
margins.forEach((mg, j) => {
  const h = cv.hand[j], t = cv.fitted[j];
  console.log(`| ${mg}${mg === MARGIN ? ' (shipped)' : ''} | ${h.right} / ${h.flagged} / ${h.wrong} | ${t.right} / ${t.flagged} / ${t.wrong} |`);
});
const all = fit(mails.map(example).filter((e): e is Example => e !== null));
if (process.argv.includes('--print')) console.log('\nfitted on everything:', JSON.stringify(all));
for (const [name, ms] of heldOutSets) {
  for (const mg of [MARGIN]) {
    const h = { right: 0, flagged: 0, wrong: 0 }, t = { right: 0, flagged: 0, wrong: 0 };
    for (const m of ms) { h[verdict(m, WEIGHTS, mg)]++; t[verdict(m, all, mg)]++; }
    console.log(`\n${name}, margin ${mg}: hand ${h.right} / ${h.flagged} / ${h.wrong}, fitted ${t.right} / ${t.flagged} / ${t.wrong}`);
  }
}
const j = margins.indexOf(MARGIN);
const share = cv.fitted[j].right / mails.length, base = cv.hand[j].right / mails.length;
console.log(`RESULT amounts_fit_cv_right ${share.toFixed(3)} share baseline=${base.toFixed(3)} ratio=${(share / base).toFixed(2)}`);
