import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paidText, rejectionText } from './refund-messages.ts';
import { findPromises } from '../promises/find-promises.ts';

const t = { name: 'Anna', amountCents: 1250, currency: 'EUR', caseRef: 'LU-1001' };

test('the customer is told in their language, with the amount', () => {
  assert.match(rejectionText({ ...t, language: 'nl' }, 'het abonnement liep nog'), /Beste Anna.*\n\nHet spijt me: wij kunnen €\s12,50 niet terugbetalen.*\nDe reden: het abonnement liep nog/s);
  assert.match(rejectionText({ ...t, language: 'en' }, 'the plan was still running'), /Dear Anna.*cannot refund €12\.50.*The reason: the plan was still running/s);
  assert.match(paidText({ ...t, language: 'nl' }, 'iban', 'NL91ABNA0417164300'), /€\s12,50 teruggestort naar de rekening die eindigt op 4300/);
  assert.match(paidText({ ...t, language: 'en' }, 'original_payment', null), /refunded €12\.50 back to the payment method/);
});

test('the texts make no new promise (the reply promise finder finds none)', async () => {
  const { addBusinessDays } = await import('../promises/due-time.ts');
  const { DEFAULT_CALENDAR } = await import('../promises/calendar.ts');
  const { bulkRefundText } = await import('./refund-messages.ts');
  const opts = { now: new Date('2026-11-24T09:00:00Z'), timeZone: 'Europe/Amsterdam', addBusinessDays: (d: Date, n: number) => addBusinessDays(d, n, DEFAULT_CALENDAR) };
  for (const language of ['nl', 'en'] as const) {
    for (const text of [rejectionText({ ...t, language }, 'x'), paidText({ ...t, language }, 'iban', 'NL91ABNA0417164300'), bulkRefundText({ ...t, language }, 'te veel betaald'), bulkRefundText({ ...t, language }, 'te veel betaald', { destination: 'iban', iban: 'NL91ABNA0417164300' })]) {
      assert.deepEqual(findPromises(text, { ...opts, language }), [], text);
    }
  }
});
