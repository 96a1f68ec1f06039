import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeInt8, writeNumeric, writeText, writeTimestamptz } from './copy-binary.ts';

const field = (write: (buf: Buffer, o: number) => number) => {
  const buf = Buffer.alloc(64);
  return buf.subarray(0, write(buf, 0)).toString('hex');
};

test('numeric: base-10,000 digits, the first one\'s weight, the decimals as written', () => {
  // length, ndigits, weight, sign, dscale, digits
  assert.equal(field((b, o) => writeNumeric(b, o, '60')), '0000000a' + '0001' + '0000' + '0000' + '0000' + '003c');
  assert.equal(field((b, o) => writeNumeric(b, o, '12345.5')), '0000000e' + '0003' + '0001' + '0000' + '0001' + '0001' + '0929' + '1388');
  assert.equal(field((b, o) => writeNumeric(b, o, '0.00001')), '0000000a' + '0001' + 'fffe' + '0000' + '0005' + '03e8');
  assert.equal(field((b, o) => writeNumeric(b, o, '0')), '00000008' + '0000' + '0000' + '0000' + '0000');
  assert.equal(field((b, o) => writeNumeric(b, o, '10000.000')), '0000000a' + '0001' + '0001' + '0000' + '0003' + '0001');
  assert.equal(field((b, o) => writeNumeric(b, o, null)), 'ffffffff');
  // whole numbers below 10,000 take a short way: the same bytes
  assert.equal(field((b, o) => writeNumeric(b, o, '1')), '0000000a' + '0001' + '0000' + '0000' + '0000' + '0001');
  assert.equal(field((b, o) => writeNumeric(b, o, '9999')), '0000000a' + '0001' + '0000' + '0000' + '0000' + '270f');
  assert.equal(field((b, o) => writeNumeric(b, o, '0060')), '0000000a' + '0001' + '0000' + '0000' + '0000' + '003c');
  assert.equal(field((b, o) => writeNumeric(b, o, '10000')), '0000000a' + '0001' + '0001' + '0000' + '0000' + '0001');
  assert.throws(() => field((b, o) => writeNumeric(b, o, '-1')), RangeError);
});

test('bigint, timestamptz (µs since 2000, before it too) and UTF-8 text', () => {
  assert.equal(field((b, o) => writeInt8(b, o, 2 ** 40 + 5)), '00000008' + '0000010000000005');
  assert.equal(field((b, o) => writeTimestamptz(b, o, new Date('2000-01-01T00:00:01Z'))), '00000008' + '00000000000f4240');
  assert.equal(field((b, o) => writeTimestamptz(b, o, new Date('1999-12-31T23:59:59Z'))), '00000008' + 'fffffffffff0bdc0');
  assert.equal(field((b, o) => writeText(b, o, 'é€')), '00000005' + 'c3a9e282ac');
  assert.equal(field((b, o) => writeText(b, o, null)), 'ffffffff');
});

test('text: short ASCII byte by byte, anything else as UTF-8, the same bytes either way', () => {
  assert.equal(field((b, o) => writeText(b, o, '')), '00000000');
  assert.equal(field((b, o) => writeText(b, o, 'EUR')), '00000003' + '455552');
  assert.equal(field((b, o) => writeText(b, o, 'a\u007f')), '00000002' + '617f');
  // a non-ASCII unit after ASCII ones: the whole field again as UTF-8
  assert.equal(field((b, o) => writeText(b, o, 'Zoë')), '00000004' + '5a6fc3ab');
  const long = 'x'.repeat(70) + 'é';
  const buf = Buffer.alloc(100);
  assert.equal(writeText(buf, 0, long), 4 + 72);
  assert.equal(buf.readInt32BE(0), 72);
  assert.equal(buf.subarray(4, 76).toString('utf8'), long);
  assert.equal(writeText(buf, 0, 'y'.repeat(64)), 4 + 64);
  assert.equal(buf.subarray(0, 68).toString('hex'), '00000040' + '79'.repeat(64));
  // a lone surrogate goes the UTF-8 way (written as U+FFFD), as before
  assert.equal(field((b, o) => writeText(b, o, 'a\ud800')), '00000004' + '61efbfbd');
});
