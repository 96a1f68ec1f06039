import type { InboundMessage } from '../types.ts';
import type { IntakeStep } from './step.ts';

// NUL cannot be stored in a PostgreSQL text column, and other C0 controls (but tab and newline) only garble display
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const clean = (s: string) => s.replace(/\r\n?/g, '\n').replace(CONTROL, '');

/**
 * Unicode bidi controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069) and the
 * marks LRM, RLM, ALM (U+200E, U+200F, U+061C). In a name they only serve to make it display as
 * something it is not: `evil\u202Egpj.exe` shows as "evilexe.jpg" but is an .exe. Removed from
 * names (attachment file names, sender display names), so what is shown is what the name is.
 */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
export const withoutBidiControls = (s: string) => s.replace(BIDI_CONTROLS, '');

/** A name as it may be shown: one line, no control characters, no bidi tricks. */
const cleanName = (s: string) => withoutBidiControls(clean(s)).replace(/\n/g, ' ').trim();

/** Text from outside as it can be stored and shown: no NUL or other control characters, one kind of newline. */
export const cleanText: IntakeStep = (m): InboundMessage => {
  const bidi = [m.from.name ?? '', ...m.attachments.map((a) => a.filename)].some((s) => withoutBidiControls(s) !== s);
  return {
    ...m,
    subject: clean(m.subject).replace(/\n/g, ' ').trim(),
    text: clean(m.text),
    newText: clean(m.newText),
    html: m.html === null ? null : m.html.replace(CONTROL, ''),
    from: { ...m.from, name: m.from.name === undefined ? undefined : cleanName(m.from.name) || undefined },
    attachments: m.attachments.map((a) => ({ ...a, filename: cleanName(a.filename) || 'bijlage' })),
    notes: bidi ? [...m.notes, 'bidi control characters (e.g. right-to-left override) removed from a name'] : m.notes,
  };
};
