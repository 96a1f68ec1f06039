import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMoney, isCurrency, parseAmount } from './money.ts';

test('amounts in Dutch and English notation become cents', () => {
  const cents = (s: string, d?: ',' | '.' | 'auto') => {
    const r = parseAmount(s, d);
    return r.ok ? r.cents : r.reason;
  };
  assert.equal(cents('12,50'), 1250);
  assert.equal(cents('12.50'), 1250);
  assert.equal(cents('€ 7'), 700);
  assert.equal(cents('1.234,56'), 123456);
  assert.equal(cents('1,234.56'), 123456);
  assert.equal(cents('1.234'), 123400);
  assert.equal(cents('0.5'), 50);
  assert.equal(cents('12,5', ','), 1250);
  assert.equal(cents('1.000.000', ','), 100000000);
  assert.equal(cents('-3,00'), -300);
  assert.equal(cents('12.500'), 1250000);
  assert.equal(cents('12.50', '.'), 1250);
  assert.equal(cents('12.500', '.'), 1250);
  assert.match(String(cents('12.345', '.')), /fractions of a cent/);
  assert.match(String(cents('abc')), /not an amount/);
  assert.match(String(cents('')), /empty/);
  assert.match(String(cents('1,2,3', ',')), /not an amount/);
});

test('currencies are ISO 4217 codes', () => {
  assert.ok(isCurrency('EUR'));
  assert.ok(!isCurrency('eur'));
  assert.ok(!isCurrency('XYZ'));
  assert.ok(!isCurrency('EURO'));
});

test('money is written the way each language writes it', () => {
  assert.equal(formatMoney(1250, 'EUR', 'nl').replace(/\s/g, ' '), '€ 12,50');
  assert.equal(formatMoney(1250, 'EUR', 'en'), '€12.50');
});

test('plain amounts read digit by digit give what the general reading gives', () => {
  const cents = (s: string, d?: ',' | '.' | 'auto') => {
    const r = parseAmount(s, d);
    return r.ok ? r.cents : r.reason;
  };
  assert.equal(cents('7'), 700);
  assert.equal(cents('007,5'), 750);
  assert.equal(cents('0,05'), 5);
  assert.equal(cents('9999999999999.99'), 999999999999999);
  assert.equal(cents('12,50', '.'), 125000); // "," is then a thousands separator: the general reading decides
  assert.equal(cents('12.'), 1200); // as the general reading had it
  assert.match(String(cents('12.5x')), /not an amount/);
  assert.match(String(cents('12 50')), /./);
  assert.equal(cents('-12.50'), -1250);
});
