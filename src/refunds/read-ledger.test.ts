import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { parseMapping } from './ledger-mapping.ts';
import { emptyReadReport, readLedger } from './read-ledger.ts';

const HEADER = 'charge_id,customer,amount,currency,charged_at,merchant_ref,description,product,quantity\n';
const read = async (bytes: Buffer | string, mapping: unknown = {}) => {
  const report = emptyReadReport();
  const out = [];
  for await (const batch of readLedger(Readable.from([Buffer.from(bytes)]), parseMapping(mapping), report)) out.push(...batch);
  return { out, report };
};

test('good rows flow on, bad rows are reported by line, field and reason', async () => {
  const { out, report } = await read(HEADER +
    'C1,anna@example.test,12.50,EUR,2026-11-24 10:00,P1,parkeren,parkeren,60\n' +
    'C2,anna@example.test,abc,EUR,2026-11-24 10:00,P1,,,\n' +
    '\n' +
    'C3,bram@example.test,3.00,XYZ,2026-11-24 10:00,P1,,,\n' +
    'C4,bram@example.test,3.00,EUR,2026-11-24 10:00,P1,"met, komma",,\n' +
    'C5,bram@example.test,3.00\n');
  assert.deepEqual(out.map((c) => c.charge_ref), ['C1', 'C4']);
  assert.equal(out[1].description, 'met, komma');
  assert.deepEqual(report.errors, [
    { line: 3, field: 'amount', reason: '"abc" is not an amount' },
    { line: 5, field: 'currency', reason: '"XYZ" is not an ISO 4217 currency code' },
    { line: 7, field: null, reason: '3 fields where the header has 9: the last line is cut off' },
  ]);
  assert.equal(report.rows_read, 5);
  assert.equal(report.rows_bad, 3);
  assert.equal(report.truncated_last_line, true);
});

test('a last line cut off inside quotes is reported; the rows before it are kept', async () => {
  const { out, report } = await read(HEADER + 'C1,a@example.test,1,EUR,2026-11-24,P,,,\nC2,a@example.test,1,EUR,2026-11-24,P,"cut off her');
  assert.deepEqual(out.map((c) => c.charge_ref), ['C1']);
  assert.equal(report.truncated_last_line, true);
  assert.match(report.errors[0].reason, /ends inside a quoted field/);
});

test('mixed encodings: Windows-1252 lines are read right and counted', async () => {
  const { out, report } = await read(Buffer.concat([
    Buffer.from(HEADER + 'C1,a@example.test,1,EUR,2026-11-24,P,Café,,\n'),
    iconv.encode('C2,a@example.test,1,EUR,2026-11-24,P,Crème brûlée,,\n', 'win1252'),
  ]));
  assert.deepEqual(out.map((c) => c.description), ['Café', 'Crème brûlée']);
  assert.equal(report.lines_reencoded, 1);
  assert.deepEqual(report.reencoded_lines, [3]);
});

test('a wrong header stops before the first charge', async () => {
  await assert.rejects(read('id,klant,bedrag\nC1,a@example.test,1\n'), (e: { code?: string }) => e.code === 'ledger_bad_header');
  await assert.rejects(read(''), (e: { code?: string }) => e.code === 'ledger_bad_header');
});

test('a mapping for a Dutch export: semicolons, decimal commas, own column names', async () => {
  const { out } = await read('Datum;Klant;Bedrag;Transactie\n24-11-2026 10:15;06 12345678;1.234,50;T-9\n',
    { columns: { charge_id: 'Transactie', customer: 'Klant', amount: 'Bedrag', charged_at: 'Datum' }, delimiter: ';', decimal: ',' });
  assert.deepEqual({ ref: out[0].charge_ref, who: out[0].customer_ref, cents: out[0].amount_cents }, { ref: 'T-9', who: '+31612345678', cents: 123450 });
});
