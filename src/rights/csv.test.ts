import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCsv } from './csv.ts';

test('quotes what needs quoting, defuses formulas, keeps numbers and empties plain', () => {
  const csv = toCsv([{ a: 'x, y', b: 'zei "nee"', c: 3.5, d: null }, { a: '=HYPERLINK("x")', b: 'regel\nnieuw', c: -2, d: new Date('2026-12-07T00:00:00Z') }], ['a', 'b', 'c', 'd']);
  assert.equal(csv, 'a,b,c,d\r\n"x, y","zei ""nee""",3.5,\r\n"\'=HYPERLINK(""x"")","regel\nnieuw",-2,2026-12-07T00:00:00.000Z\r\n');
});
