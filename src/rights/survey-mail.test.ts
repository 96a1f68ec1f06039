import { test } from 'node:test';
import assert from 'node:assert/strict';
import { netPromoterScore, npsFromCounts, surveyMail } from './survey-mail.ts';

test('a CSAT mail has one link per score and the unsubscribe link, in the customer\'s language', () => {
  const m = surveyMail({ kind: 'csat', language: 'nl', link: 'https://x.nl/s/T', unsubscribe: 'https://x.nl/u/U', caseRef: 'LU-1042', company: 'Kabel' });
  assert.equal(m.subject, 'Hoe hebben wij u geholpen? [LU-1042]');
  for (const s of [1, 2, 3, 4, 5]) assert.ok(m.text.includes(`https://x.nl/s/T?score=${s}`));
  assert.ok(!m.text.includes('score=6'));
  assert.ok(m.text.includes('https://x.nl/u/U'));
  const nps = surveyMail({ kind: 'nps', language: 'en', link: 'L', unsubscribe: 'U', caseRef: null, company: 'Kabel' });
  assert.ok(nps.text.includes('L?score=0') && nps.text.includes('L?score=10'));
});

test('NPS: promoters minus detractors, in whole percents', () => {
  assert.equal(netPromoterScore([]), null);
  assert.equal(netPromoterScore([10, 9, 8, 7, 6]), 20);
  assert.equal(netPromoterScore([0, 3, 10]), -33);
});

test('NPS from a week\'s counts agrees with NPS from the scores', () => {
  assert.equal(npsFromCounts(0, 0, 0), null);
  assert.equal(npsFromCounts(2, 1, 5), netPromoterScore([10, 9, 8, 7, 6]));
  assert.equal(npsFromCounts(1, 2, 3), -33);
});
