// What did the customer newly write? Strips quoted history and the signature from the plain text of
// an inbound e-mail. Pure: no I/O. The markers per language are in reply-markers.ts.
//
// The road, top to bottom:
//   1. mark "> " quoted lines (and the broken wraps inside them);
//   2. walk the unquoted lines; an attribution ("Op … schreef …:") directly above a quote is dropped
//      with it (inline and bottom-posted replies keep their own text); the first separator
//      ("-----Oorspronkelijk bericht-----"), header block ("Van: / Verzonden: / Aan:"), unquoted
//      attribution or tagline ("Verzonden vanaf mijn iPhone") ends the reply;
//   3. in what is left, the signature starts at the earliest delimiter ("-- "), closing
//      ("Met vriendelijke groet,") or contact block that is followed only by short lines.
// Never returns an empty newText for a non-empty input: it falls back to the unstripped text.

import {
  ATTRIBUTION_OPENER,
  closingStrength,
  delimiterKind,
  headerKind,
  isAttribution,
  isContactLine,
  isDashSignOff,
  isDeviceLine,
  isHistorySeparator,
  isNameLine,
  isSignatureLikeLine,
  normaliseLine,
  type HeaderKind,
} from './reply-markers.ts';

export interface StrippedReply {
  newText: string;
  quoted: boolean;
  signature: string | null;
}

/** An attribution is at most this many physical lines ("On …, Name\n<address>\nwrote:"). */
const MAX_ATTRIBUTION_LINES = 3;
/** A closing starts a signature only when at most this many short lines follow it. */
const MAX_LINES_AFTER_CLOSING = 7;
const MAX_LINES_AFTER_PLAIN_DELIMITER = 12;
const MAX_LINES_AFTER_RFC_DELIMITER = 25;
const MAX_SIGNATURE_LINE = 80;

export function stripReply(text: string): StrippedReply {
  const full = text.replace(/\r\n?/gu, '\n');
  const lines = full.split('\n');
  const { kept, quoted, tagline } = findReply(lines);
  const body = trimLines(kept);
  const sigStart = findSignatureStart(body);
  let newText = join(sigStart === null ? body : trimLines(body.slice(0, sigStart)));
  let signature = join([...(sigStart === null ? [] : body.slice(sigStart)), ...(tagline ? ['', tagline] : [])]);
  if (!newText) {
    // A reply that is only a closing ("Thanks,\nJan") or only a quote: keep what there is.
    newText = join(body) || full.trim();
    signature = join(tagline && join(body) ? [tagline] : []);
  }
  return { newText, quoted, signature: signature || null };
}

interface FoundReply {
  kept: string[];
  quoted: boolean;
  tagline: string | null;
}

function findReply(lines: string[]): FoundReply {
  const isQuote = markQuotedLines(lines);
  const removed = isQuote.slice();
  let quoted = isQuote.some(Boolean);
  let cut = lines.length;
  let tagline: string | null = null;
  for (let e = 0; e < lines.length; e++) {
    if (isQuote[e] || !lines[e].trim()) continue;
    if (isHistorySeparator(lines[e])) { cut = e; break; }
    if (isDeviceLine(lines[e])) {
      // a name right above the tagline ("Jan\nVerstuurd vanaf mijn iPhone") signs with it
      const from = nameAbove(lines, isQuote, e);
      cut = from;
      tagline = lines.slice(from, e + 1).map((l) => l.trim()).join('\n');
      break;
    }
    if (isHeaderBlock(lines, e)) { cut = e; break; }
    const start = attributionStart(lines, isQuote, e);
    if (start === null) continue;
    const next = nextNonBlank(lines, e + 1);
    if (next !== -1 && isQuote[next]) {
      // The header of the quote right below it: drop both, keep looking (inline replies).
      for (let i = start; i <= e; i++) removed[i] = true;
      quoted = true;
      continue;
    }
    cut = start;
    break;
  }
  const after = lines.slice(tagline === null ? cut : cut + 1);
  if (after.some((l) => l.trim())) quoted = true;
  const kept = lines.slice(0, cut).filter((_, i) => !removed[i]);
  return { kept, quoted, tagline };
}

/**
 * Where the signature that ends in the tagline on line e starts: up to two name lines directly above it,
 * when the text above them ended (a blank line or a full sentence) and something was written before.
 */
function nameAbove(lines: string[], isQuote: boolean[], e: number): number {
  let start = e;
  while (start > 0 && e - start < 2 && lines[start - 1].trim() && !isQuote[start - 1] && isNameLine(lines[start - 1])) start--;
  if (start === e || start === 0) return e;
  const before = normaliseLine(lines[start - 1]).trim();
  if (before && !/[.!?]$/u.test(before)) return e;
  return lines.slice(0, start).some((l, i) => l.trim() && !isQuote[i]) ? start : e;
}

/** "> " lines, plus lines a mail client broke out of a long quoted line (lower-case continuation). */
function markQuotedLines(lines: string[]): boolean[] {
  const q = lines.map((l) => /^\s*>/u.test(l) && !/^\s*>+\s*[:：]\s*$/u.test(l));
  for (let i = 1; i < lines.length - 1; i++) {
    if (!q[i] && q[i - 1] && q[i + 1] && lines[i - 1].length >= 50 && /^\s*[\p{Ll}"']/u.test(lines[i])) q[i] = true;
  }
  return q;
}

/**
 * Where the attribution that ends on line e starts, or null. Tries the shortest window first
 * (so "Ik betaalde 50 euro." above it is not swallowed), then grows upwards over lines that open
 * like an attribution ("On Dec 16, 2011, at 12:47 PM, Name" / "<address>" / "wrote:").
 */
function attributionStart(lines: string[], isQuote: boolean[], e: number): number | null {
  for (let k = 1; k <= MAX_ATTRIBUTION_LINES; k++) {
    const s = e - k + 1;
    if (s < 0 || !lines[s].trim() || isQuote[s]) return null;
    if (!isAttribution(lines.slice(s, e + 1).map((l) => l.trim()).join(' '))) continue;
    let start = s;
    while (start > 0 && e - start + 1 < MAX_ATTRIBUTION_LINES) {
      const prev = normaliseLine(lines[start - 1]).trim();
      if (!prev || isQuote[start - 1] || /[.!?;]$/u.test(prev) || !/\d/u.test(prev)) break;
      if (!ATTRIBUTION_OPENER.test(prev)) break;
      start--;
    }
    return start;
  }
  return null;
}

/**
 * A block of mail headers starting at line e: at least a sender and one more header, and either an
 * address in it or three kinds of header. "Van: Amsterdam" on its own is not one.
 */
function isHeaderBlock(lines: string[], e: number): boolean {
  if (!headerKind(lines[e])) return false;
  const kinds = new Set<HeaderKind>();
  let continuations = 0;
  let hasAddress = false;
  for (let i = e; i < lines.length && i < e + 10 && lines[i].trim(); i++) {
    const kind = headerKind(lines[i]);
    if (kind) kinds.add(kind);
    else if (++continuations > 2) break;
    if (/@/u.test(lines[i])) hasAddress = true;
  }
  return kinds.has('from') && kinds.size >= 2 && (hasAddress || kinds.size >= 3);
}

/** The earliest line from which everything is signature, or null. */
function findSignatureStart(body: string[]): number | null {
  const filled = body.flatMap((l, i) => (l.trim() ? [i] : []));
  const firstContent = filled.length ? filled[0] : -1;
  // No signature has more lines after its start than an RFC one, so only the last few lines can start it.
  const from = Math.max(firstContent + 1, filled[filled.length - 1 - MAX_LINES_AFTER_RFC_DELIMITER] ?? 0);
  for (let i = from; i < body.length; i++) {
    if (!body[i].trim()) continue;
    const tail = body.slice(i + 1).filter((l) => l.trim());
    const shortTail = (max: number) => tail.length <= max && tail.every((l) => isSignatureLikeLine(l, MAX_SIGNATURE_LINE));
    const delimiter = delimiterKind(body[i]);
    if (delimiter === 'rfc' && tail.length >= 1 && tail.length <= MAX_LINES_AFTER_RFC_DELIMITER) return i;
    // "----" right under a line of text is a Markdown heading, not a delimiter.
    if (delimiter === 'plain' && !body[i - 1].trim() && tail.length >= 1 && shortTail(MAX_LINES_AFTER_PLAIN_DELIMITER)) {
      return i;
    }
    const closing = closingStrength(body[i]);
    if (closing && shortTail(MAX_LINES_AFTER_CLOSING) && (closing.strength === 'strong' || closing.endsWithComma || tail.length >= 1)) {
      return i;
    }
    if (isDashSignOff(body[i]) && shortTail(MAX_LINES_AFTER_CLOSING)) return i;
  }
  return contactBlockStart(body, firstContent);
}

/** The last paragraph, when it is a name with contact details ("Jan Jansen / 06-… / jan@…"). */
function contactBlockStart(body: string[], firstContent: number): number | null {
  let end = body.length;
  while (end > 0 && !body[end - 1].trim()) end--;
  let start = end;
  while (start > 0 && body[start - 1].trim()) start--;
  const block = body.slice(start, end);
  if (start <= firstContent || block.length < 2 || block.length > 8) return null;
  if (!block.every((l) => isSignatureLikeLine(l, MAX_SIGNATURE_LINE))) return null;
  return block.filter(isContactLine).length >= 2 ? start : null;
}

function nextNonBlank(lines: string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (lines[i].trim()) return i;
  return -1;
}

/** Drop blank lines and bare separator lines ("_____", "-----", "====") at both ends. */
function trimLines(lines: string[]): string[] {
  const isEdge = (l: string) => !normaliseLine(l).trim() || /^[\s\-_=*~—–]+$/u.test(l);
  let start = 0;
  let end = lines.length;
  while (start < end && !lines[start].trim()) start++;
  while (end > start && isEdge(lines[end - 1])) end--;
  return lines.slice(start, end);
}

function join(lines: string[]): string {
  return lines.join('\n').replace(/\n[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)+/gu, '\n\n').trim();
}
