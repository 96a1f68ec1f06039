import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyseMessage } from './analyse-message.ts';
import { scoreMessage } from './message-model/score-message.ts';
import { readMessage } from './read-message.ts';

// Forty messages written for this test (Dutch, English, a little Afrikaans and German; money,
// vulnerability, sarcasm, links, emoji, capitals, odd letters, empty) and what analyseMessage and
// the message model gave for them before the speed work of issue 14. Making the analysis faster
// must not change a single value; a change that means to (new rules, a retrained model) updates
// the expected values with the reason in its commit.
interface Case {
  text: string;
  analysis: unknown;
  heads: unknown;
}
const { cases } = JSON.parse(readFileSync(new URL('./analysis-fixture.json', import.meta.url), 'utf8')) as { cases: Case[] };

// compared as JSON: numbers to the last bit (shortest round-trip form), field order included
const same = (actual: unknown, expected: unknown, text: string) => assert.equal(JSON.stringify(actual), JSON.stringify(expected), text);

test('analyseMessage gives exactly the values it gave before', () => {
  assert.ok(cases.length >= 40);
  for (const c of cases) same(analyseMessage(c.text), c.analysis, c.text);
});

test('the message model gives exactly the scores it gave before', () => {
  for (const c of cases) {
    const r = readMessage(c.text);
    const heads = r.all.length ? scoreMessage({ folded: r.folded, all: r.all, language: r.language, stems: r.stems, lexicon: r.lexicon, lexiconSentiment: r.lexiconSentiment }) : null;
    same(heads, c.heads, c.text);
  }
});

test('a word that objects have as a property is no lexicon word ("constructor" made sentiment NaN)', () => {
  for (const text of ['The constructor was rude.', 'De constructor was onbeschoft.', 'constructor']) {
    const a = analyseMessage(text);
    assert.ok(Number.isFinite(a.sentiment) && Number.isFinite(a.anger), text);
  }
});
