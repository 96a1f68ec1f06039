import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldForMatching } from '../../text/normalise.ts';
import { isSarcastic, sarcasmCues } from './sarcasm.ts';

const cues = (text: string, lexicon = 0.5) => sarcasmCues(foldForMatching(text), lexicon);

test('thanks for nothing, in either language and other words', () => {
  for (const t of ['Nou, dank je wel voor niets dan.', 'Bedankt hoor voor helemaal niks', 'Thank you so much for absolutely nothing.', 'thanks again for nothing']) {
    assert.ok(isSarcastic(cues(t)), t);
  }
});

test('praise beside a complaint context is a cue, not yet a verdict', () => {
  const c = cues('Fantastisch, de bezorger is er alweer niet geweest.');
  assert.ok(c.includes('praise-trouble'));
  assert.equal(isSarcastic(c), false, 'the model weighs this cue; the rule alone does not decide');
  assert.ok(cues('Awesome, four days waiting for a callback.').includes('praise-trouble'));
});

test('praise in quotation marks, and eye-rolls', () => {
  assert.ok(isSarcastic(cues('Dit noemen jullie "service"?')));
  assert.ok(isSarcastic(cues('Geweldig weer, alweer een uur in de wacht 🙄')));
});

test('sincere thanks and plain complaints carry no cue', () => {
  assert.deepEqual(cues('Dank u wel voor de snelle hulp, het werkt weer.'), []);
  assert.deepEqual(cues('Mijn factuur klopt niet.', -0.4), []);
  assert.deepEqual(cues('Thanks for your help with the refund!'), []);
});
