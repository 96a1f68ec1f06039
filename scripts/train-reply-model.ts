/**
 * Trains the reply model (src/replies/model/weights.json):
 *   node bin/run-ts.mjs scripts/train-reply-model.ts            (every label)
 *   RM_LABELS=blame,condescension,apology node bin/run-ts.mjs scripts/train-reply-model.ts   (as shipped: the rest kept)
 *
 * Data, all of it ours or written for this project: src/replies/model/training.jsonl (sentences we wrote for
 * the model, each with its labels), src/replies/model/training-varied.jsonl (~1,000 sentences for blame,
 * condescension and hard negatives in many registers and sectors, issue 14; in the cross-validation folds), the
 * development set bench/eval-dev/replies.jsonl and the reply fixtures tests/fixtures/replies/drafts.jsonl and
 * heldout.jsonl, the tuning set bench/eval-tune/replies.jsonl and our own sentences by class of meaning
 * (training-meaning.jsonl), issue 14's second round, and for the apology label our sentences of the third round
 * (training-h14.jsonl: apologies in other words; empathy, condolences and non-apologies as negatives). Fourth round: the
 * used-up blind sets bench/eval-blind and bench/eval-blind2 (blame and condescension, in the folds; the thresholds must
 * keep P >= 0.92 on them) and training-h14b.jsonl. Never read: the frozen blind sets 3 and 4, the generalisation sets
 * tests/fixtures/replies/generalise*.jsonl (bench/reply-generalise.ts) and our held-out replies (meaning-heldout.jsonl,
 * replies-h14-heldout.jsonl).
 *
 * One logistic regression per label over hashed sentence features (features.ts). A reply is labelled as a
 * whole, but a fault sits in one sentence, so replies are read as bags of sentences (multiple-instance
 * learning): every sentence of a reply without the label is a negative; of a reply with the label, the one
 * sentence the current model finds most telling is the positive, and the model is trained again (3 rounds).
 *
 * The threshold per label is chosen by 5-fold cross-validation (training.jsonl always in training): the lowest
 * threshold at which the model alone keeps precision >= TARGET. Blame and condescension: on all cross-validated
 * units together, raised until the dev set alone keeps precision 0.85; the other labels: the stricter of the dev set
 * and all units. It prints those cross-validated figures (RM_CURVE=1: the curves). Deterministic: fixed order, seed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
// the rules alone: the checks must not consult the model being trained (see classify.ts)
process.env.LUISTER_REPLY_MODEL = 'off';
const { checkDraft } = await import('../src/replies/check-draft.ts');
import { bodyWithoutSignature, sentences } from '../src/replies/text-match.ts';
import { CUE_LABELS, features, HASH_BITS } from '../src/replies/model/features.ts';
import { modelSentences, norm, score, sigmoid, type LabelWeights, type ModelLabel, type ModelWeights } from '../src/replies/model/classify.ts';
import type { CheckName } from '../src/replies/types.ts';
import { ownsIt, vetoed } from '../src/replies/model/veto.ts';

type Lang = 'nl' | 'en';
const REPLY_LABELS = ['blame', 'condescension', 'apology', 'thanks', 'sales_pitch', 'stock_reply'] as const;
type ReplyLabel = (typeof REPLY_LABELS)[number];
// apology and thanks: the rules already find nearly all, so the model may only add what it is very sure of
const TARGET: Record<ModelLabel, number> = { blame: 0.9, condescension: 0.9, apology: 0.98, thanks: 0.99, sales_pitch: 0.95, stock_reply: 0.9, stock_complaint: 0.9 };
// no labelled replies carry these two, and 40 of our own sentences each are too few to pick a threshold by
// cross-validation (the curves are printed); set by hand from those curves
const FIXED_THRESHOLD: Partial<Record<ModelLabel, number>> = { stock_reply: 0.35, stock_complaint: 0.25 };

interface Doc {
  /** sentences (feature vectors, with the construction cues) of the unit */
  sents: Uint32Array[];
  /** the same without the cues, for the labels that do not read them */
  plain?: Uint32Array[];
  texts: string[];
  lang: Lang;
  labels: Partial<Record<ModelLabel, boolean>>;
  /** labelled as a whole reply (bag) rather than as one sentence */
  bag: boolean;
  /** for the threshold: what the rule-based check already says per label (true = label found by rule) */
  rule?: Partial<Record<ModelLabel | 'acts', boolean>>;
  fold: number;
  /** our own sentences: a fold of their own, used for the labels no labelled reply carries */
  ownFold: number;
  source: string;
}

const read = (path: string) => readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

function splitSentences(text: string): string[] {
  const s = modelSentences(bodyWithoutSignature(text), sentences).map((x) => x.text);
  return s.length ? s : [text];
}

function ruleSays(text: string, lang: Lang): Partial<Record<ModelLabel | 'acts', boolean>> {
  const ctx = { language: lang, isComplaint: true, salesOptOut: true };
  const fired = new Set<CheckName>(checkDraft(text, ctx).map((f) => f.check));
  return { blame: fired.has('blame'), condescension: fired.has('condescension'), apology: !fired.has('apology'), thanks: !fired.has('thanks'), sales_pitch: fired.has('sales_pitch'), stock_reply: false, acts: !fired.has('action') };
}

function loadDocs(): Doc[] {
  const docs: Doc[] = [];
  let n = 0;
  let own = 0;
  // our own sentences: always in training, never in a test fold
  for (const r of read('src/replies/model/training.jsonl')) {
    const labels: Partial<Record<ModelLabel, boolean>> = {};
    if (r.of === 'customer') labels.stock_complaint = r.labels.includes('stock_complaint');
    else for (const l of REPLY_LABELS) labels[l] = r.labels.includes(l);
    docs.push({ sents: [features(r.text, r.lang, true)], texts: [r.text], lang: r.lang, labels, bag: false, fold: -1, ownFold: own++ % 5, source: 'ours' });
  }
  const addBag = (text: string, lang: Lang, labels: Partial<Record<ModelLabel, boolean>>, source: string) => {
    const texts = splitSentences(text);
    docs.push({ sents: texts.map((t) => features(t, lang, true)), texts, lang, labels, bag: true, rule: ruleSays(text, lang), fold: n++ % 5, ownFold: -1, source });
  };
  for (const r of read('bench/eval-dev/replies.jsonl')) {
    addBag(r.text, r.lang, { blame: r.blame, condescension: r.condescension, apology: r.apology, thanks: r.thanks, sales_pitch: r.sales_pitch }, 'dev');
  }
  // what customers wrote in the development set (messages, background mail, the replies' context lines): none
  // complains about stock replies, so every sentence is a negative for stock_complaint
  const customerTexts = [
    ...read('bench/eval-dev/messages.jsonl').map((r) => [r.text, r.lang]),
    ...read('bench/eval-dev/background.jsonl').map((r) => [r.text, /\b(the|and|my|you)\b/i.test(r.text) ? 'en' : 'nl']),
    ...read('bench/eval-dev/replies.jsonl').map((r) => [r.customer_context, r.lang]),
  ] as [string, Lang][];
  for (const [text, lang] of customerTexts) {
    const texts = modelSentences(text, sentences).map((x) => x.text);
    if (texts.length) docs.push({ sents: texts.map((t) => features(t, lang, true)), texts, lang, labels: { stock_complaint: false }, bag: true, fold: -1, ownFold: -1, source: 'dev-customer' });
  }
  for (const file of ['tests/fixtures/replies/drafts.jsonl', 'tests/fixtures/replies/heldout.jsonl']) {
    for (const r of read(file)) {
      const exp: string[] = r.expected;
      const labels: Partial<Record<ModelLabel, boolean>> = { blame: exp.includes('blame'), condescension: exp.includes('condescension'), thanks: !exp.includes('thanks') };
      if (r.isComplaint) labels.apology = !exp.includes('apology');
      if (r.salesOptOut) labels.sales_pitch = exp.includes('sales_pitch');
      addBag(r.text, r.language, labels, 'fixture');
    }
  }
  // the tuning set (bench/eval-tune: written blind by another annotator, issue 14): labelled replies like the dev set
  for (const r of read('bench/eval-tune/replies.jsonl')) {
    const has = (l: string) => (r.labels as string[]).includes(l);
    addBag(r.text, r.lang, { blame: has('blame'), condescension: has('condescension'), apology: has('apology'), thanks: has('thanks') }, 'tune');
  }
  // the first two frozen blind sets of issue 14 (bench/eval-blind, bench/eval-blind2): used up as blind sets, now
  // development data (issue 14, fourth round). Labelled replies written by someone who never read the code: their
  // edges of blame (a cause laid on a partner, the system or the customer, even when the reply then acts) and of
  // condescension are what the later blind sets are written to. Blame and condescension only; in the folds
  for (const [file, source] of [['bench/eval-blind/replies.jsonl', 'blind1'], ['bench/eval-blind2/replies.jsonl', 'blind2']] as const) {
    for (const r of read(file)) addBag(r.text, r.lang, { blame: r.blame, condescension: r.condescension }, source);
  }
  // sentences written for issue 14 in many registers and sectors (blame, condescension, hard negatives): in the
  // cross-validation folds like a labelled reply, so the thresholds must hold on them too. training-meaning.jsonl
  // (second round) is written by class of meaning and also labels apologies
  for (const [file, source, own] of [['training-varied.jsonl', 'varied', ['blame', 'condescension']], ['training-meaning.jsonl', 'meaning', ['blame', 'condescension', 'apology']],
    // issue 14, third round (branch h14replies): apologies in other words, and empathy, condolences and non-apologies as
    // their negatives. Read for apology only: as blame / condescension data they moved the cross-validated figures by
    // noise (tuning set blame 0.89 / 0.69 → 0.88 / 0.64, condescension 0.82 / 0.80 → 0.84 / 0.80), so those two
    // labels keep their weights
    ['training-h14.jsonl', 'h14', ['apology']],
    // fourth round: the classes the blind sets showed missing (the customer's own doing said as a fact, "the system
    // did it", "standard practice / everyone pays it", a colleague's word, "it is right there"), and hard negatives
    // of plain instructions, status lines and a third party named while owning it
    ['training-h14b.jsonl', 'h14b', ['blame', 'condescension']]] as const) {
    for (const r of read(`src/replies/model/${file}`)) {
      const labels: Partial<Record<ModelLabel, boolean>> = {};
      for (const l of own) labels[l] = r.labels.includes(l);
      docs.push({ sents: [features(r.text, r.lang, true)], texts: [r.text], lang: r.lang, labels, bag: false, rule: ruleSays(r.text, r.lang), fold: n++ % 5, ownFold: -1, source });
    }
  }
  for (const d of docs) d.plain = d.texts.map((t) => features(t, d.lang));
  return docs;
}

// ---- logistic regression (Adagrad, L2), deterministic
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

interface Example { f: Uint32Array; y: number; weight: number }

const OWN_WEIGHT = Number(process.env.RM_OWN ?? 2);
const FIXED_BIAS = Number(process.env.RM_BIAS ?? -2);
const HP = { epochs: Number(process.env.RM_EPOCHS ?? 25), lr: Number(process.env.RM_LR ?? 0.5), l2: Number(process.env.RM_L2 ?? 1e-5) };
// blame and condescension: a stronger L2 (chosen by cross-validation: condescension recall at P 0.9, 0.62 → 0.67)
const L2_CUE = Number(process.env.RM_L2_CUE ?? 1e-4);
function train(examples: Example[], epochs = HP.epochs, lr = HP.lr, l2 = HP.l2): { w: Float64Array; bias: number } {
  const dim = 1 << HASH_BITS;
  const w = new Float64Array(dim);
  const g2 = new Float64Array(dim);
  // the bias is fixed, not learned: a sentence is flagged only on the strength of its own words. A learned bias
  // drifted positive (the common words of negatives took the negative weight), so text of words the model had
  // never seen — lorem ipsum, a mailing-list footer — scored above the threshold
  const bias = FIXED_BIAS;
  const order = examples.map((_, i) => i);
  const rand = rng(14);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const ex = examples[i]!;
      const p = sigmoid(score(w, bias, ex.f));
      const g = (p - ex.y) * ex.weight;
      const scale = 1 / norm(ex.f.length);
      for (const f of ex.f) {
        const gi = g * scale + l2 * w[f]!;
        g2[f] += gi * gi;
        w[f] -= (lr * gi) / (Math.sqrt(g2[f]!) + 1e-8);
      }
    }
  }
  return { w, bias };
}

/** The sentences' feature vectors as this label reads them (features.ts: CUE_LABELS). */
const vecs = (d: Doc, label: ModelLabel) => (CUE_LABELS.has(label) ? d.sents : d.plain!);

function examplesFor(label: ModelLabel, docs: Doc[], model: { w: Float64Array; bias: number } | null): Example[] {
  const out: Example[] = [];
  for (const d of docs) {
    const sents = vecs(d, label);
    const y = d.labels[label];
    if (y === undefined) continue;
    if (!d.bag || !y) {
      for (const f of sents) out.push({ f, y: y ? 1 : 0, weight: d.bag ? 1 : OWN_WEIGHT });
      continue;
    }
    // a reply with the label: its most telling sentence is the positive (none before a model exists: the
    // first round learns from our own sentences and the negatives only)
    if (!model) continue;
    let best = 0;
    let bestScore = -Infinity;
    sents.forEach((f, i) => {
      const s = score(model.w, model.bias, f);
      if (s > bestScore) [best, bestScore] = [i, s];
    });
    out.push({ f: sents[best]!, y: 1, weight: 1 });
  }
  const pos = out.filter((e) => e.y === 1).length;
  const neg = out.length - pos;
  const pw = Math.min(4, Math.max(1, Math.sqrt(neg / Math.max(1, pos))));
  for (const e of out) if (e.y === 1) e.weight *= pw;
  return out;
}

function trainLabel(label: ModelLabel, docs: Doc[]) {
  let model: { w: Float64Array; bias: number } | null = null;
  for (let round = 0; round < 3; round++) model = train(examplesFor(label, docs, model), HP.epochs, HP.lr, CUE_LABELS.has(label) ? L2_CUE : HP.l2);
  return model!;
}

const VETO = process.env.RM_VETO ?? 'sent';
/** What the check does with the model: sentences the check vetoes (owning the fault, "graag") count 0. */
const docProb = (label: ModelLabel, m: { w: Float64Array; bias: number }, d: Doc) =>
  // blame: a reply that owns the fault somewhere is no blame (blame.ts)
  label === 'blame' && VETO.includes('sent') && ownsIt(d.texts.join(' ')) ? 0 : Math.max(...vecs(d, label).map((f, i) => (VETO.includes('sent') && vetoed(label, d.texts[i]!) ? 0 : sigmoid(score(m.w, m.bias, f)))));

interface Scored { gold: boolean; rule: boolean; p: number; acts: boolean; source: string }
/** t: the threshold; ta: for blame, the threshold when the reply itself acts (naming the courier while fixing it is no blame) */
interface Th { t: number; ta: number; P: number; R: number }
const modelSays = (label: ModelLabel, s: Scored, th: Th) => s.p >= (label === 'blame' && s.acts ? th.ta : th.t);

function counts(label: ModelLabel, xs: Scored[], th: Th, useRule = false, useModel = true) {
  let tp = 0, fp = 0, fn = 0;
  for (const s of xs) {
    const pred = (useRule && s.rule) || (useModel && modelSays(label, s, th));
    if (pred && s.gold) tp++;
    else if (pred) fp++;
    else if (s.gold) fn++;
  }
  return { tp, fp, fn, P: tp / Math.max(1, tp + fp), R: tp / Math.max(1, tp + fn) };
}

/**
 * The thresholds at which the model alone finds the most while keeping precision >= TARGET on all cross-validated
 * units and >= the floor on the labelled replies (the rules are tuned on the dev set, so their precision there says
 * little). Ties go to the higher thresholds. Blame has a second, higher threshold for replies that act.
 */
function chooseThreshold(label: ModelLabel, scored: Scored[], dev: Scored[], devFloor: number, blind: Scored[] = []): Th {
  // RM_T / RM_TA: score the cross-validation at a given threshold instead of choosing one (to print a curve point)
  if (process.env.RM_T) return { t: Number(process.env.RM_T), ta: Number(process.env.RM_TA ?? process.env.RM_T), P: NaN, R: NaN };
  let best: Th = { t: 0.99, ta: 0.99, P: 0, R: -1 };
  let bestAll = -1;
  for (let ti = 99; ti >= 30; ti--) {
    const t = ti / 100;
    const tas = label === 'blame' ? Array.from({ length: Math.floor((101 - ti) / 2) + 1 }, (_, k) => Math.min(1.01, (ti + 2 * k) / 100)) : [t];
    for (const ta of tas) {
      const th = { t, ta, P: 0, R: 0 };
      const c = counts(label, scored, th);
      if (c.P < TARGET[label] || (dev.length && counts(label, dev, th).P < devFloor)) continue;
      // issue 14, fourth round: the used-up blind sets (replies labelled by someone who never read the code, as the
      // later blind sets are) must keep the target precision as the product runs (rule or model), and the threshold
      // is the one that finds most of them; the other labelled replies keep the floor
      if (blind.length) {
        const b = counts(label, blind, th, true, true);
        if (b.P < BLIND_TARGET) continue;
        if (b.R > best.R || (b.R === best.R && c.R > bestAll)) [best, bestAll] = [{ t, ta, P: b.P, R: b.R }, c.R];
        continue;
      }
      // blame: the replies that act must keep the floor on their own (a third party named while we fix it is no blame)
      if (label === 'blame' && counts(label, dev.filter((s) => s.acts), th).P < devFloor) continue;
      if (c.R > best.R) best = { t, ta, P: c.P, R: c.R };
    }
  }
  return best;
}

// the precision whole replies (dev, tune, fixtures) must keep at the chosen thresholds; single sentences are easier,
// and 0.92 rather than 0.9 leaves a margin for unseen replies (0.9 held P 0.86 on tests/fixtures/replies/generalise.jsonl)
const REPLY_FLOOR = Number(process.env.RM_REPLY_FLOOR ?? 0.92);
// with the blind sets as the target: the other labelled replies (dev, tune, fixtures; other annotators, whose edges
// differ: the tune set counts a partner named while we act as no blame) keep this floor
const BLIND_REPLY_FLOOR = Number(process.env.RM_BLIND_REPLY_FLOOR ?? 0.85);
// the precision the used-up blind sets must keep (cross-validated, rule or model): 0.92, a margin over the goal of 0.9
// (cross-validated figures overstate what holds on text written later: earlier rounds lost precision on each new set)
const BLIND_TARGET = Number(process.env.RM_BLIND_P ?? 0.92);

const docs = loadDocs();
const labels: ModelLabel[] = process.env.RM_LABELS ? (process.env.RM_LABELS.split(',') as ModelLabel[]) : [...REPLY_LABELS, 'stock_complaint'];
// RM_LABELS=a,b: retrain those labels only; the others keep their shipped weights (issue 14's second round retrained
// blame, condescension and apology; thanks, sales_pitch and the stock labels kept theirs)
const shipped = JSON.parse(readFileSync('src/replies/model/weights.json', 'utf8')) as ModelWeights;
const out: ModelWeights = { hash_bits: HASH_BITS, labels: process.env.RM_LABELS ? { ...shipped.labels } : {} };
const report: string[] = [];
for (const label of labels) {
  // cross-validated scores for every labelled reply
  const scored: Scored[] = [];
  const onOwn = !docs.some((d) => d.bag && d.labels[label] === true);
  const foldOf = (d: Doc) => (onOwn ? d.ownFold : d.fold);
  for (let k = 0; k < 5; k++) {
    const trainDocs = docs.filter((d) => foldOf(d) !== k);
    const test = docs.filter((d) => foldOf(d) === k && d.labels[label] !== undefined);
    if (!test.length) continue;
    const m = trainLabel(label, trainDocs);
    for (const d of test) {
      const p = docProb(label, m, d);
      scored.push({ gold: d.labels[label]!, rule: !!d.rule?.[label], p, acts: !!d.rule?.acts, source: d.source });
      if (process.env.RM_SHOW && d.source === process.env.RM_SHOW && (p >= Number(process.env.RM_AT ?? 0.5)) !== d.labels[label]) console.log(`${label} ${d.labels[label] ? 'FN' : 'FP'} ${p.toFixed(2)} ${d.texts.join(' ')}`);
    }
  }
    // it must hold on the development set and on all held-out replies (dev set and fixtures) alike: the dev set
  // alone (160 replies) gave thresholds too low to hold on unseen replies
  const devScored = scored.filter((s) => s.source === 'dev');
  const replyScored = scored.filter((s) => ['dev', 'tune', 'fixture'].includes(s.source));
  const blindScored = CUE_LABELS.has(label) && !process.env.RM_NO_BLIND ? scored.filter((s) => s.source === 'blind1' || s.source === 'blind2') : [];
  const fixed = FIXED_THRESHOLD[label];
  // chosen on all cross-validated units together (dev, fixtures, the varied sentences: ~1,000); on the dev set alone
  // (~45 positives) one reply moved precision by 0.05 and the threshold by 0.15. The dev set still has a floor: it
  // may not fall below its floor at the chosen threshold: since issue 14 (second round) every labelled reply (dev, tune,
  // fixtures) together must keep REPLY_FLOOR for blame and condescension, the others TARGET
  // (blame and condescension, the labels the varied sentences are about; the others keep the stricter of the two)
  const th: Th = fixed !== undefined ? { t: fixed, ta: fixed, P: NaN, R: NaN }
    : chooseThreshold(label, scored, replyScored, blindScored.length ? BLIND_REPLY_FLOOR : CUE_LABELS.has(label) ? REPLY_FLOOR : TARGET[label], blindScored);
  if (process.env.RM_CURVE) for (const [name, xs] of [['all', scored], ['dev', devScored]] as const) console.log(label, name, [0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9].map((t) => { const tp = xs.filter((x) => x.gold && x.p >= t).length, fp = xs.filter((x) => !x.gold && x.p >= t).length; return `${t}:${tp}/${fp}`; }).join(' '));
  const m = trainLabel(label, docs);
  // sparse: the features seen in training with a weight that matters, indices as gaps from the one before
  const idx: number[] = [];
  const val: number[] = [];
  let last = 0;
  m.w.forEach((v, i) => {
    if (Math.abs(v) < 0.01) return;
    idx.push(i - last);
    val.push(Math.round(v * 1000) / 1000);
    last = i;
  });
  out.labels[label] = { bias: Math.round(m.bias * 1000) / 1000, threshold: th.t, ...(label === 'blame' ? { threshold_acting: Math.min(1, th.ta) } : {}), idx, val } satisfies LabelWeights;
  const dev = scored.filter((s) => s.source === 'dev');
  const at = (xs: Scored[], useRule: boolean, useModel: boolean) => {
    const c = counts(label, xs, th, useRule, useModel);
    return `P ${c.P.toFixed(2)} R ${c.R.toFixed(2)} (tp ${c.tp} fp ${c.fp} fn ${c.fn})`;
  };
  const curve = [0.3, 0.5, 0.7, 0.9].map((t) => {
    let tp = 0, fp = 0, fn = 0;
    for (const s of dev.length ? dev : scored) { const pred = s.p >= t; if (pred && s.gold) tp++; else if (pred) fp++; else if (s.gold) fn++; }
    return `${t}: P ${(tp / Math.max(1, tp + fp)).toFixed(2)} R ${(tp / Math.max(1, tp + fn)).toFixed(2)}`;
  });
  report.push(`${label} model alone ${curve.join(' | ')}`);
  const bySource = [...new Set(scored.map((x) => x.source))].map((src) => {
    const xs = scored.filter((x) => x.source === src);
    return `\n   ${src.padEnd(8)} CV: rule ${at(xs, true, false)} | model ${at(xs, false, true)} | rule or model ${at(xs, true, true)}`;
  });
  report.push(`${label.padEnd(16)} threshold ${th.t.toFixed(2)}${label === 'blame' ? ` (when the reply acts ${th.ta.toFixed(2)})` : ''}  weights ${idx.length}` +
    (onOwn ? `\n   our sentences (5-fold CV): model ${at(scored, false, true)}` : '') +
    (scored.length ? `\n   all CV units: rule or model ${at(scored, true, true)}` : '') + bySource.join(''));
}
writeFileSync('src/replies/model/weights.json', JSON.stringify(out));
console.log(report.join('\n'));
