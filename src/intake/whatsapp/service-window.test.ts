import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serviceWindow, whatsappAcknowledgement } from './service-window.ts';
import { whatsappText } from '../channels/whatsapp.ts';

const at = new Date('2026-12-07T10:00:00Z');

test('the service window is open for 24 hours after the customer\'s last message, then closed', () => {
  assert.deepEqual(serviceWindow(at, new Date('2026-12-08T09:59:59Z')), { open: true, closesAt: new Date('2026-12-08T10:00:00Z') });
  assert.deepEqual(serviceWindow(at, new Date('2026-12-08T10:00:00Z')), { open: false, closedAt: new Date('2026-12-08T10:00:00Z') });
  assert.deepEqual(serviceWindow(null, at), { open: false, closedAt: null });
});

test('the acknowledgement names the case and the time, in the customer\'s language', () => {
  assert.match(whatsappAcknowledgement('nl', 'LU-1042', 'dinsdag 8 december om 10:00', 'Klantenservice').body, /nummer LU-1042; u hoort uiterlijk dinsdag/);
  assert.match(whatsappAcknowledgement('en', 'LU-1042', 'Tuesday 8 December at 10:00', 'Support').body, /case LU-1042; you will hear from us by Tuesday/);
});

test('a message without text reads as its kind, with its caption when it has one', () => {
  const base = { from: '31612345678', id: 'wamid.1', timestamp: '1765100000' };
  assert.equal(whatsappText({ ...base, type: 'text', text: { body: 'Hallo' } }), 'Hallo');
  assert.equal(whatsappText({ ...base, type: 'image', image: { caption: 'de kapotte pas' } }), '[image] de kapotte pas');
  assert.equal(whatsappText({ ...base, type: 'document', document: { filename: 'factuur.pdf' } }), '[document: factuur.pdf]');
});
