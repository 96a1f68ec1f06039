/**
 * Part 1 of bench/eval-blind.ts: messages.jsonl through the product's message analysis, as the intake does it
 * (receiveMessage guesses the language with guessLanguage, the analysis job calls analyseMessage with it).
 *
 * The product gives a sentiment number (-1..1) and an anger number (0..1), no labels. Mappings used here:
 *  - sentiment: negative when <= -0.2 (the product's own line: isComplaintLike), positive when >= +0.2 (the same
 *    line mirrored), neutral between;
 *  - anger: angry when >= 0.5 (the case brief's "klant is boos"); the escalation rule's 0.7 is shown beside it;
 *  - vulnerable: analysis.vulnerability (signs, each a suggestion for an agent); predicted when any sign is found,
 *    the kind scored separately.
 */
import { analyseMessage, type Intent } from '../../src/listening/analyse-message.ts';
import { INTENTS } from '../../src/listening/intents.ts';
import { guessLanguage } from '../../src/text/language.ts';
import { alwaysTrueF1, confusion, num, pct, prf, prfRow, PRF_HEAD, readSet } from './eval-lib.ts';

interface Item {
  id: string;
  lang: 'nl' | 'en';
  text: string;
  intents: Intent[];
  sentiment: 'negative' | 'neutral' | 'positive';
  anger: boolean;
  sarcasm: boolean;
  vulnerable: string | null;
}

const FACTUAL = [3, 6, 9, 21, 24, 27, 34, 56, 59, 60, 62, 73, 78, 99, 134, 141, 156, 158, 162, 167, 173, 182, 194, 195, 209, 213, 215, 220, 243, 256]
  .map((n) => `msg-${String(n).padStart(3, '0')}`);
const CLASSES = ['negative', 'neutral', 'positive'] as const;
const sentimentClass = (s: number): Item['sentiment'] => (s <= -0.2 ? 'negative' : s >= 0.2 ? 'positive' : 'neutral');
const RANK = { negative: 0, neutral: 1, positive: 2 } as const;

export interface MessagesResult {
  macroF1: number;
  baselineF1: number;
  labels: number;
}

export function evalMessages(): MessagesResult {
  const items = readSet<Item>('messages.jsonl');
  const rows = items.map((m) => {
    const a = analyseMessage(m.text, { language: guessLanguage(m.text) });
    return { m, a, cls: sentimentClass(a.sentiment) };
  });
  const n = items.length;
  console.log(`## 1. Messages (${n}: ${items.filter((m) => m.lang === 'nl').length} nl, ${items.filter((m) => m.lang === 'en').length} en) — analyseMessage\n`);
  const langRight = rows.filter((r) => r.a.language === r.m.lang).length;
  console.log(`language as the intake sees it: ${langRight}/${n} right\n`);

  console.log(PRF_HEAD);
  const f1s: number[] = [];
  const base: number[] = [];
  for (const intent of INTENTS) {
    const c = confusion(rows.map((r) => [r.m.intents.includes(intent), r.a.intents.includes(intent)]));
    console.log(prfRow(intent, c));
    f1s.push(prf(c).f1);
    base.push(alwaysTrueF1(c.tp + c.fn, n));
  }
  const anger = confusion(rows.map((r) => [r.m.anger, r.a.anger >= 0.5]));
  console.log(prfRow('anger (>= 0.5)', anger));
  f1s.push(prf(anger).f1);
  base.push(alwaysTrueF1(anger.tp + anger.fn, n));
  console.log(prfRow('anger (>= 0.7, escalation)', confusion(rows.map((r) => [r.m.anger, r.a.anger >= 0.7])), 'not in the macro'));
  const vuln = confusion(rows.map((r) => [r.m.vulnerable !== null, (r.a.vulnerability?.length ?? 0) > 0]));
  console.log(prfRow('vulnerable', vuln, 'any sign found'));
  f1s.push(prf(vuln).f1);
  base.push(alwaysTrueF1(vuln.tp + vuln.fn, n));
  const noIntent = confusion(rows.map((r) => [r.m.intents.length === 0, r.a.intents.length === 0]));
  console.log(prfRow('(no intent)', noIntent, 'not in the macro'));
  const macroF1 = f1s.reduce((s, x) => s + x, 0) / f1s.length;
  const baselineF1 = base.reduce((s, x) => s + x, 0) / base.length;
  console.log(`\nmacro-F1 over the 7 labels (5 intents, anger >= 0.5, vulnerable): ${num(macroF1, 3)}; ` +
    `"always true" baseline ${num(baselineF1, 3)}`);

  // sentiment
  const right = rows.filter((r) => r.cls === r.m.sentiment).length;
  console.log(`\nSentiment, 3-way (negative <= -0.2 < neutral < +0.2 <= positive): accuracy ${right}/${n} = ${pct(right, n)}`);
  console.log('\n| gold \\ product | negative | neutral | positive | total |\n|---|---:|---:|---:|---:|');
  for (const g of CLASSES) {
    const cells = CLASSES.map((p) => rows.filter((r) => r.m.sentiment === g && r.cls === p).length);
    console.log(`| ${g} | ${cells.join(' | ')} | ${cells.reduce((s, x) => s + x, 0)} |`);
  }
  const wrong = rows.filter((r) => r.cls !== r.m.sentiment);
  const tooPositive = wrong.filter((r) => RANK[r.cls] > RANK[r.m.sentiment]).length;
  console.log(`\nerrors: ${wrong.length}; ${tooPositive} lean positive (product more positive than gold), ${wrong.length - tooPositive} lean negative`);
  const negAsPos = rows.filter((r) => r.m.sentiment === 'negative' && r.cls === 'positive').length;
  const posAsNeg = rows.filter((r) => r.m.sentiment === 'positive' && r.cls === 'negative').length;
  console.log(`negative scored positive: ${negAsPos} of ${rows.filter((r) => r.m.sentiment === 'negative').length}; positive scored negative: ${posAsNeg} of ${rows.filter((r) => r.m.sentiment === 'positive').length}`);
  const polar = rows.filter((r) => r.m.sentiment !== 'neutral' && r.a.sentiment !== 0);
  const polarRight = polar.filter((r) => (r.a.sentiment > 0) === (r.m.sentiment === 'positive')).length;
  console.log(`positive vs negative (gold polar, product score not 0, sign only): ${polarRight}/${polar.length} = ${pct(polarRight, polar.length)}; ` +
    `score exactly 0 on ${rows.filter((r) => r.a.sentiment === 0).length}/${n}`);

  // sarcasm
  const sarc = rows.filter((r) => r.m.sarcasm);
  const sarcPos = sarc.filter((r) => r.a.sentiment > 0).length;
  const sarcPos2 = sarc.filter((r) => r.cls === 'positive').length;
  const sarcNeg = sarc.filter((r) => r.cls === 'negative').length;
  const sarcComplaint = sarc.filter((r) => r.a.intents.includes('complaint')).length;
  const sarcGoldComplaint = sarc.filter((r) => r.m.intents.includes('complaint')).length;
  console.log(`\nSarcasm (${sarc.length} sarcastic items; the product has no sarcasm output): scored > 0 on ${sarcPos}, ` +
    `positive (>= 0.2) on ${sarcPos2}, negative (<= -0.2) on ${sarcNeg}; complaint intent on ${sarcComplaint} (gold: ${sarcGoldComplaint})`);

  // factual complaints
  const fact = rows.filter((r) => FACTUAL.includes(r.m.id));
  const factComplaint = fact.filter((r) => r.a.intents.includes('complaint')).length;
  const factNeg = fact.filter((r) => r.cls === 'negative').length;
  console.log(`Factual complaints without emotional words (${fact.length}): complaint intent on ${factComplaint}, negative sentiment on ${factNeg}`);

  // vulnerable per kind
  const kinds = [...new Set(items.map((m) => m.vulnerable).filter((v): v is string => v !== null))].sort();
  const kindRight = rows.filter((r) => r.m.vulnerable && r.a.vulnerability?.some((v) => v.kind === r.m.vulnerable)).length;
  console.log(`Vulnerable (${vuln.tp + vuln.fn}: ${kinds.map((k) => `${k} ${items.filter((m) => m.vulnerable === k).length}/${rows.filter((r) => r.m.vulnerable === k && r.a.vulnerability?.length).length} found`).join(', ')}): ` +
    `kind right on ${kindRight}\n`);
  // the development set only (bench/eval-dev): the items to learn from; the blind set's items are never shown
  if (process.env.EVAL_SET_DIR && process.env.EVAL_SHOW_MISSES === '1') {
    for (const r of rows.filter((x) => x.m.vulnerable && !x.a.vulnerability?.length)) console.log(`  missed ${r.m.vulnerable}: ${r.m.text}`);
    for (const r of rows.filter((x) => !x.m.vulnerable && x.a.vulnerability?.length)) console.log(`  false ${r.a.vulnerability[0].kind}: ${r.a.vulnerability[0].sentence}`);
  }
  return { macroF1, baselineF1, labels: f1s.length };
}
