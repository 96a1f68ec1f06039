import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText } from './clean-text.ts';
import type { InboundMessage } from '../types.ts';

const message = (over: Partial<InboundMessage>): InboundMessage => ({
  channel: 'email', accountId: 'a', inboxId: null, from: { email: 'klant@example.test' }, to: null, subject: 'Vraag',
  text: 'Hallo', newText: 'Hallo', html: null, externalId: null, references: [], caseRef: null, attachments: [],
  automated: { kind: null, reason: null, bouncedRecipients: [], permanent: false }, language: null, receivedAt: new Date(), notes: [], ...over,
});
const attachment = (filename: string) => ({ filename, declaredType: 'image/jpeg', content: Buffer.from('x') });

test('bidi overrides, embeddings, isolates and marks are removed from attachment names: what shows is the real extension', async () => {
  const names = ['factuur\u202Egpj.exe', 'a\u202Ab\u202Bc\u202Cd\u202De.pdf', 'x\u2066y\u2067z\u2068w\u2069.js', 'p\u200Eq\u200Fr\u061C.zip'];
  const m = await cleanText(message({ attachments: names.map(attachment) }));
  assert.ok(!('drop' in m));
  assert.deepEqual(m.attachments.map((a) => a.filename), ['factuurgpj.exe', 'abcde.pdf', 'xyzw.js', 'pqr.zip']);
  assert.ok(m.notes.some((n) => /bidi/.test(n)));
});

test('bidi controls are removed from the sender display name; Arabic or Hebrew letters themselves stay', async () => {
  const m = await cleanText(message({ from: { email: 'x@example.test', name: 'Bank\u202E lanoitaN \u2067شركة\u2069 שלום\u200F' } }));
  assert.ok(!('drop' in m));
  assert.equal(m.from.name, 'Bank lanoitaN شركة שלום');
});

test('a name without bidi controls is left alone and gets no note', async () => {
  const m = await cleanText(message({ from: { email: 'x@example.test', name: 'Anouk de Vries' }, attachments: [attachment('foto.jpg')] }));
  assert.ok(!('drop' in m));
  assert.equal(m.from.name, 'Anouk de Vries');
  assert.equal(m.attachments[0].filename, 'foto.jpg');
  assert.deepEqual(m.notes, []);
});
