import { test } from 'node:test';
import assert from 'node:assert/strict';
import { utcToLocal } from '../promises/zoned-time.ts';
import { demoScript, HISTORY_DAYS } from './history.ts';

const TZ = 'Europe/Amsterdam';
const localHour = (d: Date) => new Date(utcToLocal(TZ, d.getTime())).getUTCHours();

test('the demo\'s fortnight: the same for the same moment, all of it before now, spread over 14 days, Dutch first', () => {
  const now = new Date('2026-12-06T21:30:00Z');
  const a = demoScript(now, TZ);
  assert.deepEqual(demoScript(now, TZ), a, 'deterministic');
  const all = [...a.history, ...a.burst, ...a.rename];
  assert.ok(all.every((t) => t.at < now && (!t.reply || t.reply.at < now) && (!t.solvedAt || t.solvedAt < now) && (!t.again || t.again.at < now)));
  const days = new Set(a.history.map((t) => Math.floor((now.getTime() - t.at.getTime()) / 86_400_000)));
  assert.ok(days.size >= HISTORY_DAYS - 1, `${days.size} days`);
  const english = a.history.filter((t) => t.customer.language === 'en').length;
  assert.ok(english > 0 && english < a.history.length / 4, `${english} of ${a.history.length} in English`);
  // agents answer and solve during working hours
  assert.ok(a.history.every((t) => !t.reply || (localHour(t.reply.at) >= 8 && localHour(t.reply.at) < 19)));
  assert.ok(a.history.every((t) => !t.solvedAt || (localHour(t.solvedAt) >= 8 && localHour(t.solvedAt) < 19)));
});

test('today\'s burst and the new topic come from different customers within hours, before the last full hour', () => {
  const now = new Date('2026-12-07T10:20:00Z');
  const { burst, rename } = demoScript(now, TZ);
  for (const wave of [burst, rename]) {
    assert.equal(new Set(wave.map((t) => t.customer.email)).size, wave.length, 'distinct customers');
    assert.ok(wave.every((t) => now.getTime() - t.at.getTime() < 48 * 3_600_000));
  }
  // the sweep counts whole hours: most of the burst lies before the current hour
  const hour = Math.floor(now.getTime() / 3_600_000) * 3_600_000;
  assert.ok(burst.filter((t) => t.at.getTime() < hour).length >= 5);
});
