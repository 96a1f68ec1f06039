import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenise, words } from './tokenise.ts';

test('words keep elisions, plurals with an apostrophe and hyphens; numbers keep separators', () => {
  assert.deepEqual(words("Ik heb m'n auto's geparkeerd, don't e-mail me"), ['ik', 'heb', "m'n", "auto's", 'geparkeerd', "don't", 'e-mail', 'me']);
  const t = tokenise('Betaald: € 12,50 op 3.000 plekken');
  assert.deepEqual(
    t.map((x) => [x.norm, x.kind]),
    [['betaald', 'word'], ['12,50', 'number'], ['op', 'word'], ['3.000', 'number'], ['plekken', 'word']],
  );
});

test('offsets point into the original text and norms are folded', () => {
  const text = 'Ik ben NIET geïnteresseerd';
  for (const tok of tokenise(text)) assert.equal(text.slice(tok.start, tok.end), tok.text);
  assert.deepEqual(words(text), ['ik', 'ben', 'niet', 'geinteresseerd']);
  assert.deepEqual(words("'s avonds"), ['s', 'avonds']);
});
