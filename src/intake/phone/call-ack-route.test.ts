import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callbackTemplate, chooseCallAck, unreachedNote, type CallerReach } from './call-ack-route.ts';
import { callAckText, callbackPromiseWhen } from './call-ack-text.ts';

const now = new Date('2026-12-08T09:00:00Z');
const base: CallerReach = { language: 'nl', whatsappConnected: true, whatsappLastInbound: null, templates: [], whatsappSentLastHour: 0, email: null, perHour: 3, now };
const email = { address: 'fatima@example.nl', role: null, own: false, bouncing: false, sentLastHour: 0 };
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

test('a caller who wrote on WhatsApp in the last 24 hours is told there in free text, before e-mail', () => {
  assert.deepEqual(chooseCallAck({ ...base, whatsappLastInbound: hoursAgo(3), email }), { via: 'whatsapp', template: null });
});

test('outside the window only a template marked for callbacks in their language goes; else e-mail', () => {
  const templates = [{ name: 'case_update', language: 'nl' }, { name: 'terugbellen', language: 'nl', use: 'callback' as const }, { name: 'callback_en', language: 'en_US', use: 'callback' as const }];
  assert.deepEqual(chooseCallAck({ ...base, whatsappLastInbound: hoursAgo(30), templates }), { via: 'whatsapp', template: { name: 'terugbellen', language: 'nl' } });
  assert.deepEqual(chooseCallAck({ ...base, language: 'en', whatsappLastInbound: hoursAgo(30), templates }), { via: 'whatsapp', template: { name: 'callback_en', language: 'en_US' } });
  // an approved template not marked for callbacks is not used for this
  assert.deepEqual(chooseCallAck({ ...base, whatsappLastInbound: hoursAgo(30), templates: [templates[0]], email }), { via: 'email', to: email.address });
  assert.equal(callbackTemplate(templates, 'en')?.name, 'callback_en');
});

test('nobody reachable: the reasons for the agents, in Dutch', () => {
  assert.deepEqual(chooseCallAck(base), { via: 'none', reasons: ['geen e-mailadres of WhatsApp bekend'] });
  const closed = chooseCallAck({ ...base, whatsappLastInbound: hoursAgo(30) });
  assert.equal(closed.via, 'none');
  assert.match(unreachedNote((closed as { reasons: string[] }).reasons, '+31612345678'), /^De beller \(\+31612345678\) kon niet worden geïnformeerd over het terugbellen: WhatsApp-venster van 24 uur gesloten/);
  assert.deepEqual(chooseCallAck({ ...base, whatsappConnected: false, whatsappLastInbound: hoursAgo(1) }).via, 'none');
});

test('the acknowledgement rules hold: role, own, bouncing addresses and the hourly limit stop the mail; the WhatsApp limit falls back to mail', () => {
  for (const e of [{ ...email, role: 'noreply' }, { ...email, own: true }, { ...email, bouncing: true }, { ...email, sentLastHour: 3 }]) {
    const r = chooseCallAck({ ...base, email: e });
    assert.equal(r.via, 'none');
    assert.match((r as { reasons: string[] }).reasons[0], /^geen e-mail naar fatima@example\.nl \(/);
  }
  assert.deepEqual(chooseCallAck({ ...base, whatsappLastInbound: hoursAgo(1), whatsappSentLastHour: 3, email }), { via: 'email', to: email.address });
});

test('the text: reference and the callback window in the caller\'s language and the account\'s time zone', () => {
  const o = { kind: 'missed' as const, language: 'nl' as const, ref: 'LU-42', phone: '+31612345678', windowStart: new Date('2026-12-08T09:00:00Z'),
    dueAt: new Date('2026-12-08T09:30:00Z'), timeZone: 'Europe/Amsterdam', name: 'Fatima', team: 'Klantenservice' };
  const nl = callAckText(o);
  assert.equal(nl.whatsapp, 'We hebben uw oproep gemist. We bellen u dinsdag 8 december tussen 10:00 en 10:30 terug op +31612345678. Uw dossiernummer is LU-42. — Klantenservice');
  assert.match(nl.mail, /^Beste Fatima,\n/);
  assert.equal(nl.subject, 'We bellen u terug [LU-42]');
  assert.deepEqual(nl.parameters, ['LU-42', 'dinsdag 8 december tussen 10:00 en 10:30']);
  const en = callAckText({ ...o, kind: 'requested', language: 'en', windowStart: null });
  assert.match(en.whatsapp, /^We have received your callback request\. We will call you back by Tuesday 8 December at 10:30 at the latest on \+31612345678\. Your case number is LU-42\./);
  assert.equal(callbackPromiseWhen({ language: 'nl', windowStart: null, dueAt: o.dueAt, timeZone: 'Europe/Amsterdam' }), 'uiterlijk dinsdag 8 december om 10:30');
});
