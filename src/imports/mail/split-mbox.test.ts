import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitMbox, type RawMail } from './split-mbox.ts';
import { readHead } from './mail-head.ts';
import { ThreadIndex } from './thread-index.ts';

async function split(text: string | Buffer, chunk = 7, maxBytes = 1_000_000): Promise<RawMail[]> {
  const bytes = Buffer.from(text);
  async function* pieces() {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  const out: RawMail[] = [];
  for await (const m of splitMbox(pieces(), { maxBytes })) out.push(m);
  return out;
}

const MBOX = [
  'From klant@example.nl Mon Jan  6 09:00:00 2025',
  'From: klant@example.nl',
  'Subject: een',
  '',
  'Eerste bericht.',
  '>From the start of a line, quoted',
  '>>From twice quoted',
  'From inside a paragraph is no separator',
  '',
  'From other@example.com Tue Jan  7 10:00:00 2025',
  'From: other@example.com',
  'Subject: two',
  '',
  'Second.',
  '',
  '',
].join('\n');

test('splits on "From " lines after an empty line, in any chunk size, and undoes >From quoting', async () => {
  for (const chunk of [1, 3, 7, 64, 100_000]) {
    const mails = await split(MBOX, chunk);
    assert.equal(mails.length, 2, `chunk ${chunk}`);
    const first = mails[0].raw!.toString();
    assert.match(first, /^From: klant@example\.nl\nSubject: een\n\nEerste bericht\.\nFrom the start of a line, quoted\n>From twice quoted\nFrom inside a paragraph is no separator\n$/);
    assert.equal(mails[1].raw!.toString(), 'From: other@example.com\nSubject: two\n\nSecond.\n', 'the last empty line ends the file, not the message');
    assert.equal(mails[1].where, 'byte 195, line 10');
    assert.equal(mails[1].unterminated, false);
  }
});

test('CRLF archives split the same way', async () => {
  const mails = await split(MBOX.replace(/\n/g, '\r\n'), 5);
  assert.equal(mails.length, 2);
  assert.ok(mails[0].raw!.toString().endsWith('separator\r\n'));
});

test('a message over the limit is counted, not kept', async () => {
  const mails = await split(MBOX, 64, 100);
  assert.equal(mails[0].raw, null);
  assert.ok(mails[0].size > 100);
  assert.notEqual(mails[1].raw, null);
});

test('what is no mbox is refused with what it looks like', async () => {
  await assert.rejects(split('{"tickets": []}'), /Not an mbox.*JSON/);
  await assert.rejects(split('From: klant@example.nl\nSubject: x\n\nbody\n'), /Not an mbox.*import eml/);
  await assert.rejects(split(''), /empty/);
  await assert.rejects(split(Buffer.from([0x1f, 0x8b, 8, 0, 65, 66, 67, 68])), /compressed/);
});

test('a cut-off archive: the last message is unterminated, and a multipart without its closing boundary is truncated', async () => {
  const cut = MBOX.slice(0, MBOX.indexOf('Second.') + 3);
  const mails = await split(cut);
  assert.equal(mails[1].unterminated, true);
  assert.match(readHead(mails[1].raw!, true).truncated ?? '', /middle of its last line/);
  const multipart = 'From: a@b.nl\nContent-Type: multipart/mixed; boundary="zz"\n\n--zz\nContent-Type: text/plain\n\nhoi\n--zz\nContent-Type: application/pdf\n\nJVBER';
  assert.match(readHead(Buffer.from(multipart)).truncated ?? '', /closing boundary "--zz--"/);
  assert.equal(readHead(Buffer.from(`${multipart}\n--zz--\n`)).truncated, null);
  assert.match(readHead(Buffer.from('From: a@b.nl\nSubject: hal'), true).truncated ?? '', /header block/);
});

test('readHead: ids, references then in-reply-to, date', () => {
  const h = readHead(Buffer.from('Message-ID: <c@x>\nReferences: <a@x>\n <b@x>\nIn-Reply-To: <b@x>\nDate: Tue, 7 Jan 2025 10:00:00 +0100 (CET)\n\nbody'));
  assert.equal(h.messageId, 'c@x');
  assert.deepEqual(h.references, ['a@x', 'b@x']);
  assert.equal(h.date?.toISOString(), '2025-01-07T09:00:00.000Z');
});

test('thread index: one conversation key whatever the order, grandchild naming only its parent included', () => {
  const orders = [[0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1]];
  const msgs: [string, string[]][] = [['a@x', []], ['b@x', ['a@x']], ['c@x', ['b@x']], ['d@x', []]];
  for (const order of orders) {
    const idx = new ThreadIndex();
    for (const i of order) idx.add(...msgs[i]);
    const key = idx.conversation('a@x', []);
    assert.equal(idx.conversation('c@x', ['b@x']), key);
    assert.equal(idx.conversation('b@x', ['a@x']), key);
    assert.notEqual(idx.conversation('d@x', []), key);
    assert.equal(idx.size, 2);
  }
});

test('a postmark with its date separates even without the empty line before it', async () => {
  const mails = await split('From a@b.nl Mon Jan  6 09:00:00 2025\nFrom: a@b.nl\n\nx\nFrom c@d.nl Tue Jan  7 10:00:00 2025\nFrom: c@d.nl\n\ny\nFrom mijn kant niets\n');
  assert.equal(mails.length, 2);
  assert.equal(mails[0].raw!.toString(), 'From: a@b.nl\n\nx\n');
  assert.equal(mails[1].raw!.toString(), 'From: c@d.nl\n\ny\nFrom mijn kant niets\n');
});
