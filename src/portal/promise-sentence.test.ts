import assert from 'node:assert/strict';
import { test } from 'node:test';
import { promiseSentence } from './promise-sentence.ts';

const tz = 'Europe/Amsterdam';
// Tuesday 8 December 2026, 10:00–10:30 in Amsterdam (UTC+1)
const start = new Date('2026-12-08T09:00:00Z');
const end = new Date('2026-12-08T09:30:00Z');

test('a callback in a window reads as the customer was told it, in Dutch and English', () => {
  assert.equal(promiseSentence({ kind: 'callback', window_start: start, due_at: end }, 'nl', tz), 'We bellen u dinsdag 8 december tussen 10:00 en 10:30');
  assert.equal(promiseSentence({ kind: 'callback', window_start: start, due_at: end }, 'en', tz), 'We will call you on Tuesday 8 December between 10:00 and 10:30');
});

test('a deadline without a window says "by"', () => {
  assert.equal(promiseSentence({ kind: 'answer_by', window_start: null, due_at: end }, 'nl', tz), 'U hoort uiterlijk dinsdag 8 december om 10:30 van ons');
  assert.equal(promiseSentence({ kind: 'refund_by', window_start: null, due_at: end }, 'en', tz), 'We will refund you by Tuesday 8 December at 10:30');
  assert.equal(promiseSentence({ kind: 'callback', window_start: null, due_at: end }, 'nl', tz), 'We bellen u uiterlijk dinsdag 8 december om 10:30');
});

test('every kind has a sentence in both languages', () => {
  for (const kind of ['callback', 'appointment_window', 'answer_by', 'refund_by', 'next_update_by', 'custom'] as const) {
    for (const lang of ['nl', 'en'] as const) {
      for (const window_start of [null, start]) assert.ok(promiseSentence({ kind, window_start, due_at: end }, lang, tz).length > 10, `${kind} ${lang}`);
    }
  }
});

test('in the account\'s time zone, not the server\'s', () => {
  assert.match(promiseSentence({ kind: 'answer_by', window_start: null, due_at: end }, 'en', 'Europe/London'), /09:30/);
});
