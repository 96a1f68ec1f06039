import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acknowledgementText, formatWhen, shouldAcknowledge } from './acknowledgement-text.ts';

const at = new Date('2026-11-25T13:30:00Z'); // 14:30 in Amsterdam (CET)

test('acknowledgement in Dutch: reference, when, a named team', () => {
  const a = acknowledgementText({ language: 'nl', customerName: 'Anouk de Vries', ref: 'LU-1042', subject: 'Dubbel betaald', answerBy: at, team: 'Klantenservice Parkeren' });
  assert.equal(a.language, 'nl');
  assert.equal(a.subject, 'Re: Dubbel betaald [LU-1042]');
  assert.match(a.body, /^Beste Anouk de Vries,/);
  assert.match(a.body, /onder nummer LU-1042/);
  assert.match(a.body, /uiterlijk woensdag 25 november om 14:30/);
  assert.match(a.body, /Klantenservice Parkeren$/);
  assert.doesNotMatch(a.body, /noreply|no-reply/i);
});

test('acknowledgement in English, and Dutch for anything else', () => {
  const en = acknowledgementText({ language: 'en', customerName: null, ref: 'LU-7', subject: 'Refund', answerBy: at, team: 'Support' });
  assert.match(en.body, /^Hello,/);
  assert.match(en.body, /by Wednesday 25 November at 14:30/);
  const de = acknowledgementText({ language: 'de', customerName: null, ref: 'LU-7', subject: 'x', answerBy: at, team: 'Support' });
  assert.equal(de.language, 'nl');
  assert.match(de.body, /^Beste klant,/);
});

test('times are shown in the account time zone, across daylight saving', () => {
  assert.equal(formatWhen(new Date('2026-07-01T08:00:00Z'), 'nl', 'Europe/Amsterdam'), 'woensdag 1 juli om 10:00');
  assert.equal(formatWhen(new Date('2026-12-01T08:00:00Z'), 'nl', 'Europe/Amsterdam'), 'dinsdag 1 december om 09:00');
});

test('never acknowledge machines, ourselves, bouncing addresses, follow-ups, or too often', () => {
  const base = { inboxAcknowledges: true, createdCase: true, automated: null, senderIsInbox: false, bouncing: false, sentLastHour: 0, perHour: 3 };
  assert.deepEqual(shouldAcknowledge(base), { send: true });
  assert.equal(shouldAcknowledge({ ...base, automated: 'auto_reply' }).send, false);
  assert.equal(shouldAcknowledge({ ...base, automated: 'bulk' }).send, false);
  assert.equal(shouldAcknowledge({ ...base, senderIsInbox: true }).send, false);
  assert.equal(shouldAcknowledge({ ...base, createdCase: false }).send, false);
  assert.equal(shouldAcknowledge({ ...base, bouncing: true }).send, false);
  assert.equal(shouldAcknowledge({ ...base, inboxAcknowledges: false }).send, false);
  assert.equal(shouldAcknowledge({ ...base, sentLastHour: 2 }).send, true);
  const limited = shouldAcknowledge({ ...base, sentLastHour: 3 });
  assert.equal(limited.send, false);
  assert.match((limited as { reason: string }).reason, /3 acknowledgements/);
});

test('never acknowledge a role or machine address, whatever the mail looked like', () => {
  const base = { inboxAcknowledges: true, createdCase: true, automated: null, senderIsInbox: false, bouncing: false, sentLastHour: 0, perHour: 3 };
  for (const role of ['postmaster', 'mail daemon', 'no-reply', 'list manager', 'bounce handler']) {
    const d = shouldAcknowledge({ ...base, senderRole: role });
    assert.equal(d.send, false, role);
    assert.match((d as { reason: string }).reason, new RegExp(role));
  }
  assert.deepEqual(shouldAcknowledge({ ...base, senderRole: null }), { send: true });
});
