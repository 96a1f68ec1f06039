/** Case references look like LU-1042; they travel in subjects ("[LU-1042] Re: …") and bodies. */
const REF = /\bLU-(\d{1,15})\b/i;
const REPLY_PREFIX = /^\s*(re|fw|fwd|aw|wg|antw|antwoord|doorst|doorgestuurd|tr|sv|vs)\s*(\[\d+\]|\(\d+\))?\s*:\s*/i;

export function findCaseNumber(text: string | null | undefined): number | null {
  const m = REF.exec(text ?? '');
  return m ? Number(m[1]) : null;
}

export const formatRef = (n: number) => `LU-${n}`;

/**
 * The part of a subject that stays the same across a conversation: no reply/forward prefixes
 * (English and Dutch), no case reference, case and whitespace folded.
 */
export function subjectKey(subject: string): string {
  let s = subject.replace(/[[(]\s*LU-\d+\s*[\])]/gi, ' ').replace(REF, ' ');
  let prev = '';
  while (prev !== s) {
    prev = s;
    s = s.replace(REPLY_PREFIX, '');
  }
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-–—:.!?]+|[\s\-–—:.!?]+$/g, '')
    .trim();
}

/** A subject for a message that came without one: its first line, shortened at a word. */
export function subjectFromBody(body: string, max = 120): string {
  const line = body.split(/\r?\n/).map((l) => l.trim()).find((l) => l.length > 0) ?? '';
  if (line.length <= max) return line || '(geen onderwerp)';
  const cut = line.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : max)}…`;
}
