// The charge-ledger import's write path (issue 16): batches COPYed (binary) into a staging table, moved
// into charges every few batches with INSERT … ON CONFLICT DO NOTHING on the one key (account, charge id),
// on PGlite and PostgreSQL alike. Small batches here, so one file crosses several moves.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import type { Db } from '../../src/storage/db.ts';
import { type Actor, systemActor } from '../../src/shared/actor.ts';
import { importLedger } from '../../src/refunds/import-ledger.ts';
import { newAccount, testDb } from '../helpers.ts';
import { snapshotAccount } from '../account-snapshot.ts';

const HEADER = 'charge_id,customer,amount,currency,charged_at,merchant_ref,description,product,quantity\n';
const file = (rows: string[]) => Readable.from([Buffer.from(HEADER + rows.join('\n') + '\n')]);
const row = (ref: string, amount = '1.00', description = '') => `${ref},klant@example.test,${amount},EUR,2026-12-01 10:00,M-${ref},${description},,`;

describe('ledger import: COPY in batches, idempotent by charge id', () => {
  let db: Db;
  let actor: Actor;
  let accountId: string;
  const charges = (like = '%') =>
    db.query<{ charge_ref: string; amount_cents: number; description: string | null; import_id: string }>(
      `SELECT charge_ref, amount_cents, description, import_id FROM charges WHERE account_id = $1 AND charge_ref LIKE $2 ORDER BY charge_ref`,
      [accountId, like],
    );

  before(async () => {
    db = await testDb();
    accountId = (await newAccount(db, 'Grootboek')).accountId;
    actor = systemActor(accountId);
  });
  after(() => db.close());

  test('known ids and an id twice in the file are skipped wherever they fall; the rest is kept', async () => {
    const first = await importLedger(db, actor, file(['A1', 'A2', 'A3', 'A4', 'A5'].map((r) => row(r))), { batchRows: 2, flushRows: 2 });
    assert.equal(first.rows_imported, 5);
    // batches of two, moved two batches at a time: [A4 A10 | A6 A6'] one known and one id twice in one move (the
    // first kept), [A5 A7 | A8 A10' | A9] one known and A10 again, a move after its first
    const second = await importLedger(db, actor, file([row('A4'), row('A10', '10.00'), row('A6', '6.00'), row('A6', '60.00'), row('A5'), row('A7'), row('A8'), row('A10', '11.00'), row('A9')]),
      { batchRows: 2, flushRows: 4 });
    assert.deepEqual([second.rows_read, second.rows_imported, second.rows_already_there], [9, 5, 4]);
    const all = await charges('A%');
    assert.deepEqual(all.map((c) => c.charge_ref), ['A1', 'A10', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9']);
    assert.equal(all.find((c) => c.charge_ref === 'A6')!.amount_cents, 600, 'the first of the two rows with one id');
    assert.equal(all.find((c) => c.charge_ref === 'A10')!.amount_cents, 1000, 'the first of the two rows with one id, a move apart');
    assert.deepEqual(new Set(all.filter((c) => !['A1', 'A2', 'A3', 'A4', 'A5'].includes(c.charge_ref)).map((c) => c.import_id)), new Set([second.import_id]));
    assert.deepEqual(new Set(all.filter((c) => ['A4', 'A5'].includes(c.charge_ref)).map((c) => c.import_id)), new Set([first.import_id]), 'a known charge is left as it was');
    const third = await importLedger(db, actor, file(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10'].map((r) => row(r))), { batchRows: 4 });
    assert.deepEqual([third.rows_imported, third.rows_already_there], [0, 10], 'a re-import changes nothing');
    assert.deepEqual(await charges('A%'), all, 'a re-import changes nothing');
  });

  test('through the staging table always (write: staging): the same outcome, moves of several batches', async () => {
    const o = { batchRows: 2, flushRows: 4, write: 'staging' as const };
    const first = await importLedger(db, actor, file([row('S1'), row('S2'), row('S3', '3.00'), row('S3', '30.00'), row('S4'), row('S5', 'vijf')]), o);
    assert.deepEqual([first.rows_read, first.rows_imported, first.rows_already_there, first.rows_bad], [6, 4, 1, 1]);
    const again = await importLedger(db, actor, file([row('S4'), row('S6'), row('S1'), row('S7'), row('S2')]), o);
    assert.deepEqual([again.rows_imported, again.rows_already_there], [2, 3]);
    const all = await charges('S%');
    assert.deepEqual(all.map((c) => [c.charge_ref, c.amount_cents]), [['S1', 100], ['S2', 100], ['S3', 300], ['S4', 100], ['S6', 100], ['S7', 100]]);
    const third = await importLedger(db, actor, file([row('S4'), row('S6'), row('S1'), row('S7'), row('S2')]), o);
    assert.equal(third.rows_imported, 0, 'a re-import changes nothing');
    assert.deepEqual(await charges('S%'), all);
  });

  test('bad rows between good ones, batch after batch: each named by its line, the good ones all kept', async () => {
    const r = await importLedger(db, actor, file([row('B1'), row('B2', 'twee'), row('B3'), row('B4'), row('B5', '-1'), row('B6'), row('B7')]), { batchRows: 2, flushRows: 2 });
    assert.equal(r.rows_imported, 5);
    assert.deepEqual(r.errors.map((e) => [e.line, e.field]), [[3, 'amount'], [6, 'amount']]);
    assert.deepEqual((await charges('B%')).map((c) => c.charge_ref), ['B1', 'B3', 'B4', 'B6', 'B7']);
  });

  test('text COPY would read as its own (tabs, backslashes, line breaks) is stored as written', async () => {
    const odd = 'tab\there, back\\slash \\N, "quoted"\nnext line\r\nand \\t';
    const r = await importLedger(db, actor, file([row('C1', '1.00', `"${odd.replace(/"/g, '""')}"`), row('C\\2')]));
    assert.equal(r.rows_imported, 2, JSON.stringify(r.errors));
    const [c1, c2] = await charges('C%');
    assert.equal(c1.description, odd);
    assert.equal(c2.charge_ref, 'C\\2');
  });

  test('every column arrives as read: amounts, times before 2000 and in summer, quantities, text beyond ASCII, nulls', async () => {
    const r = await importLedger(db, actor, file([
      'E1,Zoë@Example.test,9999999999999.99,EUR,1999-12-31T23:59:59.123Z,M-1,Crème brûlée 🍮,parkeren,123456789012.123456',
      'E2,+31612345678,0.01,usd,2026-07-01 12:00,,,,"0,5"',
      'E3,KLANT-42,12,EUR,2026-01-01 00:00,M-3,,product,0.000001',
      'E4,b@example.test,1.5,EUR,2026-03-29 03:30,M-4,x,,10000',
    ]), { batchRows: 3 });
    assert.equal(r.rows_imported, 4, JSON.stringify(r.errors));
    const rows = await db.query<Record<string, unknown>>(
      `SELECT charge_ref, customer_ref, amount_cents, currency, to_char(charged_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at,
         merchant_ref, description, product, quantity::text AS quantity
       FROM charges WHERE account_id = $1 AND charge_ref LIKE 'E%' ORDER BY charge_ref`,
      [accountId],
    );
    assert.deepEqual(rows, [
      { charge_ref: 'E1', customer_ref: 'zoë@example.test', amount_cents: 999999999999999, currency: 'EUR', at: '1999-12-31T23:59:59.123',
        merchant_ref: 'M-1', description: 'Crème brûlée 🍮', product: 'parkeren', quantity: '123456789012.123456' },
      { charge_ref: 'E2', customer_ref: '+31612345678', amount_cents: 1, currency: 'USD', at: '2026-07-01T10:00:00.000',
        merchant_ref: null, description: null, product: null, quantity: '0.5' },
      { charge_ref: 'E3', customer_ref: 'KLANT-42', amount_cents: 1200, currency: 'EUR', at: '2025-12-31T23:00:00.000',
        merchant_ref: 'M-3', description: null, product: 'product', quantity: '0.000001' },
      { charge_ref: 'E4', customer_ref: 'b@example.test', amount_cents: 150, currency: 'EUR', at: '2026-03-29T01:30:00.000',
        merchant_ref: 'M-4', description: 'x', product: null, quantity: '10000' },
    ]);
  });

  test('over two connections (write: parallel): the same charges and report as one transaction; a re-import changes nothing', async () => {
    const rows = [row('P1'), row('P2', '2.00'), row('P3', 'drie'), row('P2', '20.00'), ...Array.from({ length: 40 }, (_, i) => row(`P${i + 10}`, `${i + 1}.50`)), row('P1')];
    const one = (await newAccount(db, 'Eén weg')).accountId;
    const two = (await newAccount(db, 'Twee wegen')).accountId;
    const o = { batchRows: 3, flushRows: 6 };
    const a = await importLedger(db, systemActor(one), file(rows), o);
    const b = await importLedger(db, systemActor(two), file(rows), { ...o, write: 'parallel' });
    const strip = (r: typeof a) => ({ ...r, import_id: null });
    assert.deepEqual(strip(b), strip(a));
    assert.deepEqual([b.rows_read, b.rows_imported, b.rows_already_there, b.rows_bad], [45, 42, 2, 1]);
    const of = (acc: string) => db.query(`SELECT charge_ref, customer_ref, amount_cents, currency, charged_at, merchant_ref, description, product, quantity
      FROM charges WHERE account_id = $1 ORDER BY charge_ref`, [acc]);
    const [ca, cb] = [await of(one), await of(two)];
    assert.equal(cb.length, 42);
    assert.deepEqual(cb, ca);
    assert.equal((await db.query<{ n: number }>(`SELECT count(DISTINCT import_id)::int AS n FROM charges WHERE account_id = $1`, [two]))[0].n, 1);
    const again = await importLedger(db, systemActor(two), file(rows), { ...o, write: 'parallel' });
    assert.deepEqual([again.rows_imported, again.rows_already_there], [0, 44]);
    assert.deepEqual(await of(two), cb, 'a re-import changes nothing');
  });

  test('over two connections, a file that breaks off writes nothing on either', async () => {
    const before = await snapshotAccount(db, accountId);
    async function* broken() {
      yield Buffer.from(HEADER + ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7'].map((x) => row(x)).join('\n') + '\n');
      await new Promise((r) => setTimeout(r, 20));
      throw new Error('the disk went away');
    }
    await assert.rejects(importLedger(db, actor, Readable.from(broken()), { batchRows: 2, flushRows: 2, write: 'parallel' }), /the disk went away/);
    assert.deepEqual(await snapshotAccount(db, accountId), before, 'nothing half-written');
    assert.equal((await charges('Q%')).length, 0);
  });

  test('the same charge id in another account is another charge', async () => {
    const other = (await newAccount(db, 'Ander grootboek')).accountId;
    const r = await importLedger(db, systemActor(other), file([row('A1'), row('A2')]));
    assert.equal(r.rows_imported, 2);
  });

  test('a file that breaks off with a read error after some batches writes nothing', async () => {
    const before = await snapshotAccount(db, accountId);
    async function* broken() {
      yield Buffer.from(HEADER + ['D1', 'D2', 'D3', 'D4', 'D5'].map((x) => row(x)).join('\n') + '\n');
      await new Promise((r) => setTimeout(r, 20));
      throw new Error('the disk went away');
    }
    await assert.rejects(importLedger(db, actor, Readable.from(broken()), { batchRows: 2, flushRows: 2 }), /the disk went away/);
    assert.deepEqual(await snapshotAccount(db, accountId), before, 'nothing half-written');
    assert.equal((await charges('D%')).length, 0);
  });
});
