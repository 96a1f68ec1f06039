import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalTimeZone, dayNumber, formatLocal, isoDate, localToUtc, weekdayOf, zoneOffsetMs } from './zoned-time.ts';

const AMS = 'Europe/Amsterdam';
const iso = (ms: number) => new Date(ms).toISOString();

test('offsets in winter and summer, east and west of Greenwich', () => {
  assert.equal(zoneOffsetMs(AMS, Date.parse('2026-01-15T12:00:00Z')), 3_600_000);
  assert.equal(zoneOffsetMs(AMS, Date.parse('2026-07-15T12:00:00Z')), 7_200_000);
  assert.equal(zoneOffsetMs('America/New_York', Date.parse('2026-01-15T12:00:00Z')), -5 * 3_600_000);
  assert.equal(zoneOffsetMs('Asia/Kathmandu', Date.parse('2026-01-15T12:00:00Z')), 5.75 * 3_600_000);
  assert.equal(zoneOffsetMs('UTC', Date.parse('2026-01-15T12:34:56.789Z')), 0);
});

test('offsets switch at exactly 01:00 UTC on the last Sundays of March and October', () => {
  assert.equal(zoneOffsetMs(AMS, Date.parse('2026-03-29T00:59:59Z')), 3_600_000);
  assert.equal(zoneOffsetMs(AMS, Date.parse('2026-03-29T01:00:00Z')), 7_200_000);
  assert.equal(zoneOffsetMs(AMS, Date.parse('2026-10-25T00:59:59Z')), 7_200_000);
  assert.equal(zoneOffsetMs(AMS, Date.parse('2026-10-25T01:00:00Z')), 3_600_000);
});

test('local to UTC on ordinary days', () => {
  assert.equal(iso(localToUtc(AMS, Date.UTC(2026, 0, 5, 9, 0))), '2026-01-05T08:00:00.000Z');
  assert.equal(iso(localToUtc(AMS, Date.UTC(2026, 6, 6, 9, 0))), '2026-07-06T07:00:00.000Z');
  assert.equal(iso(localToUtc('America/New_York', Date.UTC(2026, 6, 6, 9, 0))), '2026-07-06T13:00:00.000Z');
});

test('a skipped wall-clock time moves forward by the gap (spring)', () => {
  // 2026-03-29 02:30 does not exist in Amsterdam: read as 03:30 CEST
  assert.equal(iso(localToUtc(AMS, Date.UTC(2026, 2, 29, 2, 30))), '2026-03-29T01:30:00.000Z');
  assert.equal(iso(localToUtc(AMS, Date.UTC(2026, 2, 29, 3, 0))), '2026-03-29T01:00:00.000Z');
  assert.equal(iso(localToUtc(AMS, Date.UTC(2026, 2, 29, 1, 59))), '2026-03-29T00:59:00.000Z');
});

test('a repeated wall-clock time gives the earlier instant (autumn)', () => {
  assert.equal(iso(localToUtc(AMS, Date.UTC(2026, 9, 25, 2, 30))), '2026-10-25T00:30:00.000Z');
  assert.equal(iso(localToUtc(AMS, Date.UTC(2026, 9, 25, 3, 0))), '2026-10-25T02:00:00.000Z');
  // New York falls back a week later, at 02:00 local
  assert.equal(iso(localToUtc('America/New_York', Date.UTC(2026, 10, 1, 1, 30))), '2026-11-01T05:30:00.000Z');
});

test('round trip over every hour of 2026 in Amsterdam', () => {
  for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 3_600_000) {
    const local = t + zoneOffsetMs(AMS, t);
    const back = localToUtc(AMS, local);
    // only the first of the two 02:xx hours in October comes back as itself
    if (back !== t) assert.equal(formatLocal(AMS, back), formatLocal(AMS, t), iso(t));
  }
});

test('time zone names, day numbers and weekdays', () => {
  assert.equal(canonicalTimeZone('europe/amsterdam'), AMS);
  assert.equal(canonicalTimeZone('Mars/Olympus_Mons'), null);
  assert.equal(canonicalTimeZone(''), null);
  const n = dayNumber(2026, 4, 27);
  assert.equal(isoDate(n), '2026-04-27');
  assert.equal(weekdayOf(n), 1); // Monday
  assert.equal(weekdayOf(dayNumber(1969, 12, 28)), 0); // a Sunday before day 0
});
