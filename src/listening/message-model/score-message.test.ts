import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseMessage } from '../analyse-message.ts';
import { HEADS, shippedModel } from './score-message.ts';

// Fresh sentences written for this test: none is in the training data (scripts/message-model-data/,
// bench/eval-dev); they check that the shipped model generalises to wordings no rule lists.

test('the shipped model loads from the package itself: no ../shared, nothing downloaded', () => {
  const model = shippedModel();
  assert.ok(model, 'src/listening/message-model/weights.json is shipped and matches the features');
  assert.deepEqual([...model.heads], [...HEADS]);
});

test('factual complaints without a word of complaint', () => {
  for (const text of [
    'Op de bon staan zes flessen, er zaten er vier in de krat.',
    'Uw monteur had om negen uur zou komen. Nu is het half twee en er is niemand geweest.',
    'The meter was read at 1200 but the bill says 1900.',
  ]) {
    assert.ok(analyseMessage(text).intents.includes('complaint'), text);
  }
});

test('sarcasm reads as the complaint it is, in Dutch and English', () => {
  for (const text of ['Thanks for nothing, really.', 'Wat een topbedrijf, al vier weken geen internet.']) {
    assert.ok(analyseMessage(text).sentiment <= -0.2, text);
  }
  // a subtler one: not past the -0.2 line, but negative and a complaint
  const subtle = analyseMessage('Super geregeld weer, de derde keer dat mijn pakket bij het verkeerde huisnummer ligt.');
  assert.ok(subtle.sentiment < 0 && subtle.intents.includes('complaint'));
});

test('understatement is still a complaint', () => {
  for (const text of ['Het was allemaal niet helemaal zoals afgesproken.', 'Not exactly the experience I was promised.']) {
    const a = analyseMessage(text);
    assert.ok(a.intents.includes('complaint') || a.sentiment <= -0.2, text);
  }
});

test('a refund asked for in other words', () => {
  for (const text of ['Kunnen jullie de twaalf euro weer op mijn rekening zetten?', 'Please put the money back on my card.']) {
    assert.ok(analyseMessage(text).intents.includes('refund_request'), text);
  }
});

test('sincere thanks stay positive and a plain notice stays calm', () => {
  const thanks = analyseMessage('Hartelijk dank, de nieuwe router doet het prima.');
  assert.ok(thanks.sentiment >= 0.2 && thanks.anger < 0.3);
  const notice = analyseMessage('Per 1 maart woon ik op de Kerkweg 12 in Zeist.');
  assert.ok(Math.abs(notice.sentiment) < 0.2 && notice.anger < 0.3);
  assert.ok(!notice.intents.includes('complaint'));
});
