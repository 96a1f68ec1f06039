import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseCustomerRef, parseChargedAt, parseMapping, readChargeRow, resolveColumns } from './ledger-mapping.ts';

test('the sample format maps itself; a header without a required column is refused with what it lacks', () => {
  const m = parseMapping({});
  const header = ['charge_id', 'customer', 'amount', 'currency', 'charged_at', 'merchant_ref', 'description', 'product', 'quantity'];
  assert.equal(resolveColumns(header, m).amount, 2);
  assert.deepEqual(resolveColumns(['charge_id', 'customer', 'amount', 'charged_at'], m), { charge_id: 0, customer: 1, amount: 2, charged_at: 3 }, 'optional columns may be absent');
  assert.throws(() => resolveColumns(['charge_id', 'customer', 'bedrag', 'charged_at'], m), (e: { code?: string; message: string }) =>
    e.code === 'ledger_bad_header' && /Line 1: the header lacks amount \(column "amount"\)/.test(e.message));
  const dutch = parseMapping({ columns: { charge_id: 'Transactie', customer: 'Klant', amount: 'Bedrag', charged_at: 'Datum' }, delimiter: ';', decimal: ',' });
  assert.deepEqual(resolveColumns(['Datum', 'Klant', 'Bedrag', 'Transactie'], dutch), { charge_id: 3, customer: 1, amount: 2, charged_at: 0 });
  assert.throws(() => parseMapping({ columns: { bedrag: 'x' } }), /mapping is not valid/);
  // an explicit mapping names columns that must be there
  assert.throws(() => resolveColumns(['Datum', 'Klant', 'Bedrag', 'Transactie'], parseMapping({ columns: { ...dutch.columns, merchant_ref: 'Kenmerk' } })), /merchant_ref \(column "Kenmerk"\)/);
});

test('a row becomes a charge, or names its first wrong field', () => {
  const m = parseMapping({ columns: { charge_id: 'id', customer: 'klant', amount: 'bedrag', charged_at: 'datum', merchant_ref: 'ref', quantity: 'minuten' }, decimal: ',' });
  const idx = resolveColumns(['id', 'klant', 'bedrag', 'datum', 'ref', 'minuten'], m);
  const r = readChargeRow(['T1', ' Anna@Example.TEST ', '12,50', '24-11-2026 10:15', 'P-7', '95,5'], idx, m);
  assert.ok(r.ok);
  assert.deepEqual(r.charge, {
    charge_ref: 'T1', customer_ref: 'anna@example.test', amount_cents: 1250, currency: 'EUR', charged_at: new Date('2026-11-24T09:15:00Z'),
    merchant_ref: 'P-7', description: null, product: null, quantity: '95.5', cancelled_at: null,
  });
  const why = (fields: string[]) => {
    const x = readChargeRow(fields, idx, m);
    return x.ok ? 'ok' : `${x.field}: ${x.reason}`;
  };
  assert.equal(why(['', 'a@b.nl', '1', '2026-11-24', '', '']), 'charge_id: empty');
  assert.equal(why(['T', 'a@b.nl', '0', '2026-11-24', '', '']), 'amount: 0 is not a positive amount');
  assert.equal(why(['T', 'a@b.nl', '-5', '2026-11-24', '', '']), 'amount: -5 is not a positive amount');
  assert.match(why(['T', 'a@b.nl', '1,234', '2026-11-24', '', '']), /^amount: .*fractions of a cent/);
  assert.match(why(['T', 'a@b.nl', '1', '31-04-2026', '', '']), /^charged_at:/);
  assert.match(why(['T', 'a@b.nl', '1', 'gisteren', '', '']), /^charged_at:/);
  assert.match(why(['T', 'a@b.nl', '1', '2026-11-24', '', 'veel']), /^quantity:/);
  assert.equal(why(['T', 'a@b.nl', '1', '2026-11-24T10:00:00+01:00', '', '']), 'ok');
  assert.equal(why(['T', 'a@b.nl', '1', '2026-11-24', 'P\u0000', '']), 'merchant_ref: contains a NUL character');
});

test('times: with an offset as given, without one in the account\'s zone (summer and winter)', () => {
  assert.equal(parseChargedAt('2026-07-01 12:00', 'Europe/Amsterdam')?.toISOString(), '2026-07-01T10:00:00.000Z');
  assert.equal(parseChargedAt('2026-01-01T12:00', 'Europe/Amsterdam')?.toISOString(), '2026-01-01T11:00:00.000Z');
  assert.equal(parseChargedAt('2026-01-01T12:00:00Z', 'Europe/Amsterdam')?.toISOString(), '2026-01-01T12:00:00.000Z');
  assert.equal(parseChargedAt('2026-13-01', 'Europe/Amsterdam'), null);
  assert.equal(parseChargedAt('2026-04-31', 'Europe/Amsterdam'), null);
  // the digit-by-digit reading of 2026-11-24 10:15(:00) checks as much as the pattern
  assert.equal(parseChargedAt('2026-07-01 12:00:30', 'Europe/Amsterdam')?.toISOString(), '2026-07-01T10:00:30.000Z');
  assert.equal(parseChargedAt(' 2026-07-01T12:00:30 ', 'UTC')?.toISOString(), '2026-07-01T12:00:30.000Z');
  assert.equal(parseChargedAt('2026-02-29 10:00:00', 'UTC'), null);
  assert.equal(parseChargedAt('2026-11-24 24:00', 'UTC'), null);
  assert.equal(parseChargedAt('2026-11-24 10:60:00', 'UTC'), null);
  assert.equal(parseChargedAt('2026-11-24 10:15:60', 'UTC'), null);
  assert.equal(parseChargedAt('2026-11-24x10:15', 'UTC'), null);
  assert.equal(parseChargedAt('2026-1a-24 10:15', 'UTC'), null);
  assert.equal(parseChargedAt('2026-11-24 10:15:0Z', 'UTC'), null);
});

test('times on the days summer time starts and ends, in any order (the offset is cached per day)', () => {
  const at = (s: string) => parseChargedAt(s, 'Europe/Amsterdam')?.toISOString();
  for (let round = 0; round < 2; round++) {
    assert.equal(at('2026-03-29 23:30'), '2026-03-29T21:30:00.000Z');
    assert.equal(at('2026-03-29 01:30'), '2026-03-29T00:30:00.000Z');
    assert.equal(at('2026-03-29 03:30'), '2026-03-29T01:30:00.000Z');
    assert.equal(at('2026-03-28 23:30'), '2026-03-28T22:30:00.000Z');
    assert.equal(at('2026-10-25 00:30'), '2026-10-24T22:30:00.000Z');
    assert.equal(at('2026-10-25 12:00'), '2026-10-25T11:00:00.000Z');
    assert.equal(at('2026-10-26 00:30'), '2026-10-25T23:30:00.000Z');
    assert.equal(at('2026-01-01 00:00'), '2025-12-31T23:00:00.000Z');
  }
  assert.equal(parseChargedAt('2026-03-29 12:00', 'UTC')?.toISOString(), '2026-03-29T12:00:00.000Z');
  assert.equal(at('2026-03-29 12:00'), '2026-03-29T10:00:00.000Z');
});

test('customer references: e-mail lower-cased, Dutch phone numbers in E.164, other ids as written', () => {
  assert.equal(normaliseCustomerRef('06 12345678'), '+31612345678');
  assert.equal(normaliseCustomerRef('KLANT-0042'), 'KLANT-0042');
  assert.equal(normaliseCustomerRef('12345'), '12345');
});

test('a ledger may carry the customer\'s cancellation: an optional cancelled_at column, read like charged_at', () => {
  const m = parseMapping({ columns: { charge_id: 'id', customer: 'klant', amount: 'bedrag', charged_at: 'datum', product: 'product', cancelled_at: 'opgezegd' } });
  const idx = resolveColumns(['id', 'klant', 'bedrag', 'datum', 'product', 'opgezegd'], m);
  const r = readChargeRow(['T1', 'K-000123', '29.95', '2026-12-01 06:00', 'abonnement', '2026-11-15'], idx, m);
  assert.ok(r.ok);
  assert.equal(r.charge.customer_ref, 'K-000123', 'an external id as written');
  assert.deepEqual(r.charge.cancelled_at, new Date('2026-11-14T23:00:00Z'));
  const bad = readChargeRow(['T2', 'K-000123', '29.95', '2026-12-01 06:00', 'abonnement', 'gisteren'], idx, m);
  assert.deepEqual(bad, { ok: false, field: 'cancelled_at', reason: '"gisteren" is not a date and time' });
});
