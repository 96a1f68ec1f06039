import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chatAckText } from './chat-ack.ts';

test('the chat acknowledgement names the case and the latest answer time, in the visitor\'s language and the account\'s zone', () => {
  const answerBy = new Date('2026-12-08T09:30:00Z'); // 10:30 in Amsterdam
  assert.equal(chatAckText({ ref: 'LST-42', answerBy, language: 'nl', timeZone: 'Europe/Amsterdam' }),
    'Uw vraag heeft nummer LST-42. U hoort uiterlijk dinsdag 8 december om 10:30 van ons, eerder als het kan.');
  const en = chatAckText({ ref: 'LST-42', answerBy, language: 'en', timeZone: 'Europe/London' });
  assert.match(en, /^Your question is case LST-42\. You will hear from us by Tuesday 8 December at 09:30 at the latest/);
});
