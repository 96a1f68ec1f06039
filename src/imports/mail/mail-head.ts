import { bareMessageId, messageIds } from '../../intake/channels/email/addresses.ts';

/** What the import needs of a message before parsing it whole: its ids, its date, whether it is complete. */
export interface MailHead {
  messageId: string | null;
  /** References then In-Reply-To, as the intake reads them */
  references: string[];
  date: Date | null;
  /** why the message is cut short, or null when it looks whole */
  truncated: string | null;
}

const HEAD_LIMIT = 256 * 1024;

/**
 * Reads the header block (unfolded) of a raw message: Message-ID, References, In-Reply-To, Date,
 * and checks it is whole: the header block ends, and a multipart body reaches its closing boundary.
 * Cheap (no MIME parsing): the first pass over an archive runs it on every message.
 */
export function readHead(raw: Buffer, unterminated = false): MailHead {
  const head = raw.subarray(0, HEAD_LIMIT).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const block = end < 0 ? head : head.slice(0, end);
  const fields = new Map<string, string>();
  for (const f of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = f.indexOf(':');
    if (colon <= 0) continue;
    const name = f.slice(0, colon).trim().toLowerCase();
    if (!fields.has(name)) fields.set(name, f.slice(colon + 1).trim());
  }
  const id = fields.get('message-id');
  const dateText = fields.get('date');
  const date = dateText ? new Date(dateText.replace(/\s*\([^)]*\)\s*$/, '')) : null;
  const messageId = id ? bareMessageId(id) || null : null;
  return {
    messageId: messageId === null ? null : own(messageId),
    references: [...new Set([...messageIds(fields.get('references')), ...messageIds(fields.get('in-reply-to'))])].map(own),
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    truncated: truncation(raw, end, fields.get('content-type'), unterminated),
  };
}

/**
 * A copy of an id that does not share memory with the text it was cut from. V8 keeps a substring as a slice of
 * its parent string, so an id kept in the archive's thread index would keep the whole header block (or, for a
 * header without folded lines, the first 256 KB of the message) alive: ~2.5 KB a message, 250 MB over 100,000.
 */
const own = (s: string) => Buffer.from(s, 'latin1').toString('latin1');

function truncation(raw: Buffer, headEnd: number, contentType: string | undefined, unterminated: boolean): string | null {
  if (headEnd < 0 && raw.length > HEAD_LIMIT) return 'its header block is longer than 256 KB';
  if (headEnd < 0) return unterminated || !raw.length ? 'it ends inside its header block' : null;
  const boundary = contentType && /^\s*multipart\//i.test(contentType) ? /boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType) : null;
  if (boundary) {
    const b = boundary[1] ?? boundary[2];
    if (!raw.includes(`--${b}--`)) return `its multipart body ends before the closing boundary "--${b}--"`;
  }
  if (unterminated) return 'the file ends in the middle of its last line';
  return null;
}
