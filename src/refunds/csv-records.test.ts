import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type CsvItem, CsvRecords } from './csv-records.ts';

/** Splits text fed in pieces of `size` characters (every size gives the same records). */
function split(text: string, size = text.length, delimiter = ',', max?: number) {
  const r = new CsvRecords(delimiter, max);
  const items: CsvItem[] = [];
  for (let i = 0; i < text.length; i += size) r.push(text.slice(i, i + size), items);
  r.end(items);
  return {
    out: items.flatMap((x) => ('fields' in x ? [[x.line, ...x.fields]] : [])),
    problems: items.flatMap((x) => ('problem' in x ? [x] : [])),
  };
}

const SAMPLE = 'a,b,c\r\n1,"met, komma","zei ""ja"""\n\n2,"twee\nregels",x\n3,hij zei "hoi",y\n4,,\n"5",z,"laatste"';

test('quotes, doubled quotes, line breaks in quotes, CRLF, empty lines, a last line without a break', () => {
  const want = [
    [1, 'a', 'b', 'c'],
    [2, '1', 'met, komma', 'zei "ja"'],
    [5, '2', 'twee\nregels', 'x'],
    [6, '3', 'hij zei "hoi"', 'y'],
    [7, '4', '', ''],
    [8, '5', 'z', 'laatste'],
  ];
  for (const size of [SAMPLE.length, 1, 2, 3, 5, 7, 16]) {
    const { out, problems } = split(SAMPLE, size);
    assert.deepEqual(out, want, `pieces of ${size}`);
    assert.deepEqual(problems, []);
  }
});

test('a file that ends inside quotes is reported as cut off; the records before it are kept', () => {
  const { out, problems } = split('a,b\n1,"x"\n2,"cut off her', 4);
  assert.deepEqual(out, [[1, 'a', 'b'], [2, '1', 'x']]);
  assert.deepEqual(problems, [{ line: 3, problem: 'the file ends inside a quoted field: the last line is cut off', cut: true }]);
});

test('text after a closing quote: the field as written, its quotes kept (as csv-parse\'s relax_quotes read it)', () => {
  const { out, problems } = split('1,"bad"quote,z\n2,"a,b"c,d\n3,"x""y"z,w\n4,"x" \r\n', 3);
  assert.deepEqual(out, [[1, '1', '"bad"quote', 'z'], [2, '2', '"a,b"c', 'd'], [3, '3', '"x"y"z', 'w'], [4, '4', '"x" ']]);
  assert.deepEqual(problems, []);
});

test('a quote never closed costs one line, not the rest of the file, and memory stays bounded', () => {
  const text = '1,"open\n' + '2,b\n'.repeat(400) + '3,c\n';
  const { out, problems } = split(text, 64, ',', 256);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].line, 1);
  assert.equal(out.length, 401);
  assert.deepEqual(out[0], [2, '2', 'b']);
  assert.deepEqual(out.at(-1), [402, '3', 'c']);
});

test('another delimiter', () => {
  assert.deepEqual(split('a;"b;c";d\n', undefined, ';').out, [[1, 'a', 'b;c', 'd']]);
});
