import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type SplitMessage, splitSelection, splitSubject } from './split-plan.ts';

let n = 0;
const msg = (over: Partial<SplitMessage>): SplitMessage => ({
  id: `m${++n}`, type: 'inbound', automated: null, subject: null, body: 'Vraag', email_message_id: null, email_references: null,
  created_at: new Date(Date.UTC(2026, 11, 1, 9, n)), ...over,
});

test('the chosen messages move, with the acknowledgement that answered a chosen mail', () => {
  const q1 = msg({ email_message_id: 'q1@x' });
  const ack1 = msg({ type: 'outbound', automated: 'acknowledgement', email_references: ['q1@x'] });
  const q2 = msg({ email_message_id: 'q2@x', email_references: ['q1@x'] });
  const ack2 = msg({ type: 'outbound', automated: 'acknowledgement', email_references: ['q1@x', 'q2@x'] });
  const note = msg({ type: 'note' });
  const moving = splitSelection('LU-1', [q1, ack1, q2, ack2, note], [q2.id, note.id]);
  assert.deepEqual(moving.map((m) => m.id), [q2.id, ack2.id, note.id]);
});

test('refused: a message of another case, nothing from the customer, or nothing left behind', () => {
  const q1 = msg({});
  const q2 = msg({});
  const note = msg({ type: 'note' });
  assert.throws(() => splitSelection('LU-1', [q1, q2], ['elders']), (e: Error & { code?: string }) => e.code === 'message_not_in_case');
  assert.throws(() => splitSelection('LU-1', [q1, q2, note], [note.id]), (e: Error & { code?: string }) => e.code === 'no_customer_message');
  assert.throws(() => splitSelection('LU-1', [q1, q2, note], [q1.id, q2.id]), (e: Error & { code?: string }) => e.code === 'split_everything');
  const auto = msg({ automated: 'auto_reply' });
  assert.throws(() => splitSelection('LU-1', [q1, auto], [auto.id]), (e: Error & { code?: string }) => e.code === 'no_customer_message');
});

test("the new case's subject: the one given, else the moved mail's without Re: and the old reference, else its first line", () => {
  const q = msg({ subject: 'Re: Antw: Parkeerkosten te hoog [LU-1042]', body: 'Tweede vraag' });
  assert.equal(splitSubject('  Vergunning  ', [q]), 'Vergunning');
  assert.equal(splitSubject(undefined, [q]), 'Parkeerkosten te hoog');
  assert.equal(splitSubject(undefined, [msg({ body: '\nHoe vraag ik een vergunning aan?\nGroet' })]), 'Hoe vraag ik een vergunning aan?');
});
