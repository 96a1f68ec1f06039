import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppError } from '../../shared/errors.ts';
import { parseAbsences, parseHours } from './hours-text.ts';
import { validateAgentHours } from './callback-rota.ts';

test('hours as a person writes them, in Dutch or English, with day ranges', () => {
  assert.deepEqual(parseHours('ma-vr 09:00-12:00, wo 13:00-17:00'), {
    1: [{ start: '09:00', end: '12:00' }], 2: [{ start: '09:00', end: '12:00' }], 3: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }],
    4: [{ start: '09:00', end: '12:00' }], 5: [{ start: '09:00', end: '12:00' }],
  });
  assert.deepEqual(parseHours('Saturday–Monday 9.30–12:00'), { 6: [{ start: '09:30', end: '12:00' }], 0: [{ start: '09:30', end: '12:00' }], 1: [{ start: '09:30', end: '12:00' }] });
  assert.deepEqual(parseHours(''), {});
  // what the parser lets through, the calendar's rules then check
  const code = (f: () => unknown) => { try { f(); return 'ok'; } catch (e) { return (e as AppError).code; } };
  assert.equal(code(() => validateAgentHours({ weekly: parseHours('ma 09:00-12:00; ma 11:00-13:00') })), 'calendar_overlapping_intervals');
  assert.equal(code(() => parseHours('maandagochtend')), 'hours_unreadable');
  assert.equal(code(() => parseHours('mo 09:00-12:00')), 'hours_unknown_day');
});

test('absences: single days and ranges', () => {
  assert.deepEqual(parseAbsences('2027-01-11, 2027-07-19..2027-08-06'), [{ start: '2027-01-11', end: '2027-01-11' }, { start: '2027-07-19', end: '2027-08-06' }]);
  assert.throws(() => parseAbsences('2027-01-01..2027-01-02..2027-01-03'), /write a date or a range/);
});

test('formatting joins days with the same hours and reads back to the same week', async () => {
  const { formatHours, formatAbsences } = await import('./hours-text.ts');
  const week = validateAgentHours({ weekly: parseHours('ma-vr 09:00-12:00, wo 13:00-17:00, za 10:00-12:00') }).weekly;
  assert.equal(formatHours(week), 'ma-vr 09:00-12:00, wo 13:00-17:00, za 10:00-12:00');
  assert.equal(formatHours(week, 'en'), 'mon-fri 09:00-12:00, wed 13:00-17:00, sat 10:00-12:00');
  assert.deepEqual(validateAgentHours({ weekly: parseHours(formatHours(week)) }).weekly, week);
  const gap = validateAgentHours({ weekly: parseHours('ma 09:00-12:00, di 09:00-12:00, do 09:00-12:00') }).weekly;
  assert.equal(formatHours(gap), 'ma-di 09:00-12:00, do 09:00-12:00');
  assert.equal(formatAbsences([{ start: '2027-01-11', end: '2027-01-11' }, { start: '2027-07-19', end: '2027-08-06' }]), '2027-01-11, 2027-07-19..2027-08-06');
});
