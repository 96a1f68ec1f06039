import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkNotice, recipientSendAt } from './notice.ts';

const rule = { noticeDays: {}, vulnerableExtraDays: 7, timeZone: 'Europe/Amsterdam' };
const at = (s: string) => new Date(s);

test('a rebranding needs 14 calendar days, counted in Amsterdam', () => {
  const sendAt = at('2026-12-01T09:00:00Z');
  // 15 December 00:00 in Amsterdam is 14 December 23:00 UTC: exactly enough
  const enough = checkNotice(rule, { kind: 'rebranding', sendAt, effectiveAt: at('2026-12-14T23:00:00Z'), anyVulnerable: false });
  assert.equal(enough.ok, true);
  assert.equal(enough.givenDays, 14);
  const short = checkNotice(rule, { kind: 'rebranding', sendAt, effectiveAt: at('2026-12-14T22:59:00Z'), anyVulnerable: false });
  assert.equal(short.ok, false);
  assert.equal(short.givenDays, 13);
  assert.equal(short.requiredDays, 14);
  assert.equal(short.earliestDate, '2026-12-15');
  assert.equal(short.earliestAt.toISOString(), '2026-12-14T23:00:00.000Z');
});

test('vulnerable customers add the extra days; an account may set its own notice', () => {
  const sendAt = at('2026-12-01T09:00:00Z');
  const v = checkNotice(rule, { kind: 'price_change', sendAt, effectiveAt: at('2027-01-01T09:00:00Z'), anyVulnerable: true });
  assert.equal(v.ok, false);
  assert.equal(v.requiredDays, 37);
  assert.equal(v.earliestDate, '2027-01-07');
  const own = checkNotice({ ...rule, noticeDays: { planned_maintenance: 5 } }, { kind: 'planned_maintenance', sendAt, effectiveAt: at('2026-12-05T09:00:00Z'), anyVulnerable: false });
  assert.equal(own.ok, false);
  assert.equal(own.earliestDate, '2026-12-06');
});

test('an effective time before the send is never enough, even with no minimum', () => {
  const v = checkNotice(rule, { kind: 'other', sendAt: at('2026-12-01T09:00:00Z'), effectiveAt: at('2026-12-01T08:00:00Z'), anyVulnerable: false });
  assert.equal(v.ok, false);
});

test('vulnerable customers hear first; the others follow by the extra days, never on the day itself', () => {
  const o = { sendAt: at('2026-12-01T09:00:00Z'), effectiveAt: at('2027-01-15T09:00:00Z'), anyVulnerable: true, vulnerableExtraDays: 7 };
  assert.equal(recipientSendAt({ ...o, vulnerable: true }).toISOString(), '2026-12-01T09:00:00.000Z');
  assert.equal(recipientSendAt({ ...o, vulnerable: false }).toISOString(), '2026-12-08T09:00:00.000Z');
  assert.equal(recipientSendAt({ ...o, vulnerable: false, anyVulnerable: false }).toISOString(), '2026-12-01T09:00:00.000Z');
  assert.equal(recipientSendAt({ ...o, vulnerable: false, effectiveAt: at('2026-12-03T09:00:00Z') }).toISOString(), '2026-12-02T09:00:00.000Z');
});
