import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMessage } from '../read-message.ts';
import { BUCKETS, messageFeatures, metaId } from './features.ts';

function features(text: string) {
  const r = readMessage(text, { language: 'nl' });
  return messageFeatures({ folded: r.folded, all: r.all, language: r.language, stems: r.stems, lexicon: r.lexicon, lexiconSentiment: r.lexiconSentiment, pattern: new Map() });
}

test('the same text gives the same features, all inside the table', () => {
  const a = features('Er is twee keer €14,95 afgeschreven, graag terugstorten.');
  const b = features('Er is twee keer €14,95 afgeschreven, graag terugstorten.');
  assert.deepEqual(a, b);
  for (const id of [...a.text, ...a.meta]) assert.ok(Number.isInteger(id) && id >= 0 && id < BUCKETS);
  assert.ok(a.meta.includes(metaId('#money')));
  assert.ok(Math.abs(a.textWeight * Math.sqrt(a.text.length) - 1) < 1e-9, 'text features share a weight of 1/sqrt(n)');
});

test('a negated word is another feature than the word ("niet goed" is not "goed")', () => {
  const plain = new Set(features('Het is goed').text);
  const negated = new Set(features('Het is niet goed').text);
  const onlyNegated = [...negated].filter((id) => !plain.has(id));
  assert.ok(onlyNegated.length >= 2, 'the negator itself and the negated "goed"');
});

test('compounds share character n-grams with their parts', () => {
  const compound = new Set(features('parkeersessie').text);
  const part = features('sessie').text;
  const shared = part.filter((id) => compound.has(id)).length;
  assert.ok(shared >= 4, `shared ${shared}`);
});

test('shape and sarcasm cues become named features', () => {
  const f = features('Geweldig!!! Alweer 3 weken wachten?');
  for (const name of ['#question', '#exclaim', '#duration', '#sarcasm:praise-trouble']) assert.ok(f.meta.includes(metaId(name)), name);
});
