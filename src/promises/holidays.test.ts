import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holidayPartsOn, isKnownHolidayRegion, publicHolidays } from './holidays.ts';

const NL = { country: 'NL' };
const dates = (year: number) => [...publicHolidays(NL, year).keys()].sort();

test('Dutch days off in 2026: Koningsdag on Monday 27 April, no Bevrijdingsdag, no Goede Vrijdag', () => {
  assert.deepEqual(dates(2026), [
    '2026-01-01', '2026-04-05', '2026-04-06', '2026-04-27', '2026-05-14',
    '2026-05-24', '2026-05-25', '2026-12-25', '2026-12-26',
  ]);
});

test('Koningsdag moves to Saturday the 26th when the 27th is a Sunday (2025)', () => {
  assert.equal(holidayPartsOn(NL, '2025-04-26')[0]?.name, 'Koningsdag');
  assert.equal(holidayPartsOn(NL, '2025-04-27').length, 0);
});

test('Bevrijdingsdag is not a day off, not even in a lustrum year (date-holidays types it "school")', () => {
  assert.equal(holidayPartsOn(NL, '2025-05-05').length, 0);
  assert.equal(holidayPartsOn(NL, '2030-05-05').length, 0);
});

test('holidays close the whole local day', () => {
  assert.deepEqual(
    holidayPartsOn(NL, '2026-12-25').map(({ from, to }) => [from, to]),
    [[0, 1440]],
  );
});

test('the year is computed once and then cached', () => {
  // the same map comes back: a look-up never recomputes the year (speed belongs in bench/sla.ts, not in a timed test)
  assert.equal(publicHolidays(NL, 2031), publicHolidays(NL, 2031));
  assert.deepEqual(holidayPartsOn(NL, '2031-06-02'), holidayPartsOn(NL, '2031-06-02'));
});

test('other countries and regions', () => {
  assert.ok(holidayPartsOn({ country: 'US', region: 'NY' }, '2026-11-26').length > 0); // Thanksgiving
  assert.ok(holidayPartsOn({ country: 'DE', region: 'BY' }, '2026-01-06').length > 0); // Heilige Drei Könige
  assert.equal(holidayPartsOn({ country: 'DE', region: 'BE' }, '2026-01-06').length, 0);
  assert.ok(isKnownHolidayRegion('NL'));
  assert.ok(isKnownHolidayRegion('US', 'NY'));
  assert.ok(!isKnownHolidayRegion('XX'));
  assert.ok(!isKnownHolidayRegion('US', 'ZZ'));
});
