import { test } from 'node:test';
import assert from 'node:assert/strict';
import { surveyFormPage } from './survey-pages.ts';

test('the survey page preselects the clicked score, posts to itself and escapes the comment', () => {
  const html = surveyFormPage('lsr_T', { kind: 'csat', score: null, comment: null, open: true }, 4);
  assert.match(html, /<form method="post" action="\/s\/lsr_T">/);
  assert.match(html, /value="4" required checked/);
  assert.equal((html.match(/ checked/g) ?? []).length, 1);
  assert.ok(!html.includes('value="0"'), 'CSAT is 1–5');
  const nps = surveyFormPage('lsr_T', { kind: 'nps', score: 7, comment: '<b>ok</b>', open: true }, null);
  assert.match(nps, /value="7" required checked/);
  assert.match(nps, /value="0" required/);
  assert.ok(nps.includes('&lt;b&gt;ok&lt;/b&gt;'));
});
