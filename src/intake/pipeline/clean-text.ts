import type { InboundMessage } from '../types.ts';
import type { IntakeStep } from './step.ts';

// NUL cannot be stored in a PostgreSQL text column, and other C0 controls (but tab and newline) only garble display
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const clean = (s: string) => s.replace(/\r\n?/g, '\n').replace(CONTROL, '');

/** Text from outside as it can be stored and shown: no NUL or other control characters, one kind of newline. */
export const cleanText: IntakeStep = (m): InboundMessage => ({
  ...m,
  subject: clean(m.subject).replace(/\n/g, ' ').trim(),
  text: clean(m.text),
  newText: clean(m.newText),
  html: m.html === null ? null : m.html.replace(CONTROL, ''),
  from: { ...m.from, name: m.from.name === undefined ? undefined : clean(m.from.name).replace(/\n/g, ' ').trim() || undefined },
  attachments: m.attachments.map((a) => ({ ...a, filename: clean(a.filename).replace(/\n/g, ' ') || 'bijlage' })),
});
