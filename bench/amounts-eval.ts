/**
 * The disputed amount per customer (issue 14's {{amount}}), as a pure function over labelled story mails: the
 * development stories (bench/eval-dev/stories.jsonl, a–d) and our own SMTP story (tests/fixtures/story/). No
 * database: disputedAmount on each mail's text and subject, as problems/case-amounts.ts calls it. A mail counts
 * right when the amount is certain and equal to the label (or none is found where the label is none), flagged
 * when the product says it is uncertain (a person chooses), wrong when it is certain and not the label.
 * The frozen blind story is not read here: bench/eval-blind.ts runs it end to end.
 *
 * AMOUNTS_SHOW=1 prints every mail that is not right.
 */
import { disputedAmount, MARGIN } from '../src/listening/disputed-amount.ts';
import { findMoneyMentions } from '../src/listening/money.ts';

import { sets, heldOutSets, type Labelled } from './lib/amount-sets.ts';

const show = process.env.AMOUNTS_SHOW === '1';
let right = 0;
let flagged = 0;
let missed = 0;
let wrong = 0;
let total = 0;
console.log('| set | mails | right | flagged | wrong | of the flagged: none found |\n|---|---:|---:|---:|---:|---:|');
for (const [name, mails] of [...sets, ...heldOutSets]) {
  const isHeldOut = heldOutSets.some(([n]) => n === name);
  const f = { right: 0, flagged: 0, wrong: 0 };
  let none = 0;
  for (const m of mails) {
    // as case-amounts.ts: only a message the analysis found money in (bare prices too) is read
    const d = findMoneyMentions(m.text).length ? disputedAmount(m.text, undefined, { subject: m.subject }) : null;
    let verdict: keyof typeof f;
    // none found where the customer named one: the reply is held back (bench/eval-blind.ts counts it as not right)
    if (!d) {
      verdict = m.charged_amount_cents === null ? 'right' : 'flagged';
      if (m.charged_amount_cents !== null) none++;
    } else if (!d.certain) verdict = 'flagged';
    else verdict = d.amount.cents === m.charged_amount_cents ? 'right' : 'wrong';
    f[verdict]++;
    if (show && !isHeldOut && verdict !== 'right') {
      console.log(`  ${verdict.toUpperCase()} ${m.id}: picked ${d ? d.amount.cents : 'none'}${d && !d.certain ? ' (uncertain)' : ''} alt [${d?.alternatives.map((a) => a.cents).join(', ') ?? ''}], label ${m.charged_amount_cents} others [${m.other_amounts_cents?.join(', ') ?? ''}]`);
      console.log(`    ${m.text.replace(/\s+/g, ' ').slice(0, 400)}`);
    }
  }
  console.log(`| ${name} | ${mails.length} | ${f.right} | ${f.flagged} | ${f.wrong} | ${none} |`);
  if (isHeldOut) continue;
  right += f.right;
  flagged += f.flagged;
  missed += none;
  wrong += f.wrong;
  total += mails.length;
}
console.log(`| all but the held-out batch | ${total} | ${right} | ${flagged} | ${wrong} | ${missed} |`);

// the margin that makes a choice certain, swept over every labelled mail: where wrong turns into flagged
console.log('\n| margin | right | flagged | wrong |\n|---:|---:|---:|---:|');
for (const margin of [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2]) {
  const f = { right: 0, flagged: 0, wrong: 0 };
  for (const [, mails] of sets) for (const m of mails) f[verdictOf(m, margin)]++;
  console.log(`| ${margin}${margin === MARGIN ? ' (shipped)' : ''} | ${f.right} | ${f.flagged} | ${f.wrong} |`);
}

function verdictOf(m: Labelled, margin?: number): 'right' | 'flagged' | 'wrong' {
  // as case-amounts.ts: only a message the analysis found money in (bare prices too) is read
  const d = findMoneyMentions(m.text).length ? disputedAmount(m.text, undefined, { subject: m.subject, margin }) : null;
  if (!d) return m.charged_amount_cents === null ? 'right' : 'flagged';
  if (!d.certain) return 'flagged';
  return d.amount.cents === m.charged_amount_cents ? 'right' : 'wrong';
}
// wrong is what matters most (a customer promised the wrong refund): the figure is the share right, with wrong beside it.
// Baseline: main before this change (3d6c1c6) on the same 358 mails, measured 2026-12-07: 273 right, 65 flagged (4 with
// no amount found), 20 wrong.
const BASELINE = 273 / 358;
const share = right / total;
console.log(`wrong ${wrong} of ${total} (main: 20), flagged ${flagged} (main: 65)`);
console.log(`RESULT amounts_right ${share.toFixed(3)} share baseline=${BASELINE.toFixed(3)} ratio=${(share / BASELINE).toFixed(2)}`);
