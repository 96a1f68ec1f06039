import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { DecodeLines } from './decode-lines.ts';

test('UTF-8 and Windows-1252 lines in one file are both read right; the BOM is dropped', async () => {
  const bytes = Buffer.concat([
    Buffer.from('\ufeffa,b\n1,Café Zoë\n', 'utf8'),
    iconv.encode('2,Crème brûlée €\n', 'win1252'),
    Buffer.from('3,naïef\n', 'utf8'),
  ]);
  // fed one byte at a time: a multi-byte character split over chunks stays whole
  const d = new DecodeLines();
  const chunks = [...bytes].map((b) => Buffer.from([b]));
  let text = '';
  for await (const s of Readable.from(chunks).pipe(d)) text += s;
  assert.equal(text, 'a,b\n1,Café Zoë\n2,Crème brûlée €\n3,naïef\n');
  assert.deepEqual(d.reencoded, [3]);
  assert.equal(d.reencodedCount, 1);
  assert.equal(d.bytes, bytes.length);
});
