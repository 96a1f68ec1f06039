/**
 * Encoded words in UTF-7 (`=?UTF-7?Q?Fr+APY-sche?=`, RFC 2152 / RFC 2047), as some older clients and
 * web forms write subjects, display names and file names. mailparser decodes encoded words with libmime,
 * which refuses UTF-7 on purpose (in an HTML body "+ADw-script+AD4-" would become "<script>" behind a
 * filter's back) and keeps the raw bytes instead: "Fr+APY-sche". Its Iconv option reaches body streams
 * only, not encoded words. So before parsing, each UTF-7 encoded word in a header is re-written as the
 * same text in a UTF-8 encoded word, which libmime then decodes as usual. Bodies in UTF-7 stay refused;
 * what a header says ends up as plain text (subject, name), which is always shown escaped.
 */
import iconv from 'iconv-lite';

// charset (with an optional RFC 2231 language tag), Q or B, the encoded text
const UTF7_WORD = /=\?((?:unicode-1-1-|cs-?unicode-?11-?)?utf-?7)(\*[A-Za-z0-9-]*)?\?([QqBb])\?([^?\s]*)\?=/gi;
const QUICK = /\?utf-?7[*?]|\?(?:cs)?-?unicode-?1-?1-?utf-?7[*?]/i;
/** Only the first part of a very large mail is looked at: headers come first in each MIME part. */
const SCAN_LIMIT = 4 * 1024 * 1024;

function decodeQ(text: string): Buffer {
  const bytes: number[] = [];
  const s = text.replace(/_/g, ' ');
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(s.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

/** One UTF-7 encoded word as its text. */
export function decodeUtf7Word(encoding: string, text: string): string {
  const bytes = encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : decodeQ(text);
  return iconv.decode(bytes, 'utf-7');
}

/** The raw message with every UTF-7 encoded word turned into a UTF-8 one; the same Buffer when there is none. */
export function transcodeUtf7Words(raw: Buffer): Buffer {
  const head = raw.subarray(0, SCAN_LIMIT).toString('latin1');
  if (!QUICK.test(head)) return raw;
  let changed = false;
  const rewritten = head.replace(UTF7_WORD, (_word, _charset: string, lang: string | undefined, encoding: string, text: string) => {
    changed = true;
    const utf8 = Buffer.from(decodeUtf7Word(encoding, text), 'utf8').toString('base64');
    return `=?UTF-8${lang ?? ''}?B?${utf8}?=`;
  });
  if (!changed) return raw;
  return Buffer.concat([Buffer.from(rewritten, 'latin1'), raw.subarray(SCAN_LIMIT)]);
}
