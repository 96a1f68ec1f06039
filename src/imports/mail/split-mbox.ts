import { AppError } from '../../shared/errors.ts';

/** One message cut from an mbox, with where it starts (for error messages and the summary). */
export interface RawMail {
  /** 1-based position in the archive */
  index: number;
  /** where it came from: "byte 1234, line 56" of the mbox, or the file name of an .eml */
  where: string;
  /** the message bytes, null when it was larger than the limit (then `size` says how large) */
  raw: Buffer | null;
  size: number;
  /** the archive ended in the middle of this message's last line */
  unterminated: boolean;
}

const FROM_ = Buffer.from('From ');
/** "From sender Mon Jan  6 09:00:00 2025": a separator even without the empty line before it (some tools leave it out) */
const POSTMARK = /^From \S+ +(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d/;

/** An import file that cannot be read as what it claims to be: refused before anything is stored. */
export const badImportFile = (message: string, details?: unknown) => new AppError('import_file_invalid', message, 400, details);

/**
 * Splits an mbox into messages, streaming: only the message being read is held in memory, and a
 * message over `maxBytes` is counted, not kept. A message starts at a line beginning with "From "
 * that opens the file or follows an empty line (mboxo, mboxrd), or that reads as a postmark with
 * its date (some writers leave the empty line out); that empty line belongs to the separator, not
 * to the message. Quoted body lines (">From ", ">>From " in mboxrd) lose one ">".
 * A file that does not start with a "From " line is not an mbox: refused with what it looks like.
 */
export async function* splitMbox(input: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, opts: { maxBytes: number }): AsyncGenerator<RawMail> {
  let carry: Buffer = Buffer.alloc(0);
  let offset = 0;
  let lineNo = 0;
  let prevBlank = true;
  let held: Buffer | null = null; // an empty line that may turn out to be the separator's
  let cur: { index: number; where: string; parts: Buffer[]; size: number } | null = null;
  let count = 0;
  const ready: RawMail[] = [];

  const finish = (unterminated: boolean) => {
    if (!cur) return;
    const tooBig = cur.size > opts.maxBytes;
    ready.push({ index: cur.index, where: cur.where, raw: tooBig ? null : Buffer.concat(cur.parts, cur.size), size: cur.size, unterminated });
    cur = null;
  };
  const append = (b: Buffer) => {
    if (!cur) return;
    cur.size += b.length;
    if (cur.size <= opts.maxBytes) cur.parts.push(b);
    else cur.parts = [];
  };
  const line = (l: Buffer) => {
    const at = offset;
    offset += l.length;
    lineNo++;
    if (l.length >= 5 && l[0] === 0x46 && l.subarray(0, 5).equals(FROM_) && (prevBlank || POSTMARK.test(l.subarray(0, 200).toString('latin1')))) {
      held = null;
      finish(false);
      cur = { index: ++count, where: `byte ${at}, line ${lineNo}`, parts: [], size: 0 };
      prevBlank = false;
      return;
    }
    if (lineNo === 1) throw notAnMbox(l);
    if (held) append(held);
    held = null;
    const blank = l.length === 1 || (l.length === 2 && l[0] === 0x0d);
    prevBlank = blank;
    if (blank) {
      held = l;
      return;
    }
    if (l[0] === 0x3e && /^>+From /.test(l.subarray(0, 80).toString('latin1'))) append(l.subarray(1));
    else append(l);
  };

  for await (const piece of input) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    const buf: Buffer = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    if (offset === 0 && lineNo === 0) sniff(buf);
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
      // a view, no copy: a message pins only the chunks it spans, and is copied once when complete
      line(buf.subarray(start, nl + 1));
      start = nl + 1;
    }
    carry = Buffer.from(buf.subarray(start));
    while (ready.length) yield ready.shift()!;
  }
  if (carry.length) {
    if (lineNo === 0) sniff(carry);
    line(carry);
  }
  if (lineNo === 0) throw badImportFile('The file is empty: an mbox holds one or more messages, each starting with a "From " line');
  finish(carry.length > 0);
  while (ready.length) yield ready.shift()!;
}

/** Refuses what is plainly no mbox before reading on: compressed, JSON, binary. */
function sniff(start: Buffer) {
  if (start[0] === 0x1f && start[1] === 0x8b) throw badImportFile('The file is compressed (gzip): unpack it first, then import the .mbox inside');
  if (start[0] === 0x50 && start[1] === 0x4b) throw badImportFile('The file is a ZIP archive: unpack it first, then import the .mbox (or the folder of .eml files) inside');
  const head = start.subarray(0, 4096);
  if (head.includes(0)) throw badImportFile('The file is binary (it holds NUL bytes): an mbox is text, messages one after the other, each starting with a "From " line');
}

function notAnMbox(first: Buffer): AppError {
  const text = first.subarray(0, 120).toString('utf8').trim();
  const hint = /^[{[]/.test(text)
    ? ' It looks like JSON (a helpdesk export? see `luister import zendesk DIR`).'
    : /^[A-Za-z][A-Za-z0-9-]*:/.test(text)
      ? ' It looks like a single e-mail (.eml): put it in a folder and use `luister import eml DIR`.'
      : '';
  return badImportFile(`Not an mbox: the first line should start with "From " but reads "${text.slice(0, 60)}".${hint}`);
}
