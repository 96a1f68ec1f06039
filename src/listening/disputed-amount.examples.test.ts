import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { disputedAmount } from './disputed-amount.ts';

/**
 * Our own labelled complaints (tests/fixtures/amounts/own*.jsonl, written for issue 14 in the roles amounts play:
 * charged, usual, difference, balance, earlier, fine, repeated, in words): never a certain wrong amount — a wrong
 * amount promises a customer the wrong refund, a flagged one asks a person to choose. bench/amounts-eval.ts prints
 * the same with the development stories.
 */
const files = ['own.jsonl', 'own2.jsonl', 'own3.jsonl', 'own4.jsonl', 'own5.jsonl', 'own6.jsonl', 'own7.jsonl', 'own8.jsonl', 'own9.jsonl', 'own10.jsonl', 'own12.jsonl'];
const examples = files.flatMap((f) =>
  readFileSync(new URL(`../../tests/fixtures/amounts/${f}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; subject: string; text: string; charged: number | null }),
);

test('no certain wrong amount on our own labelled complaints, and most are right', () => {
  let right = 0;
  const wrong: string[] = [];
  for (const e of examples) {
    const d = disputedAmount(e.text, undefined, { subject: e.subject });
    if (!d) {
      if (e.charged === null) right++;
      continue;
    }
    if (!d.certain) continue;
    if (d.amount.cents === e.charged) right++;
    else wrong.push(`${e.id}: ${d.amount.cents} for ${e.charged}`);
  }
  assert.deepEqual(wrong, []);
  // each batch was run first as written; the misses it showed were fixed by class, not by sentence
  assert.ok(right >= Math.floor(examples.length * 0.85), `right ${right} of ${examples.length}`);
});
