import { stripReply } from '../channels/email/strip-reply.ts';
import type { IntakeStep } from './step.ts';

/**
 * Keeps what the customer newly wrote: quoted history ("Op … schreef …", "-----Original
 * Message-----", "> …") and the signature go; the whole text stays in `text`.
 */
export const stripQuoted: IntakeStep = (m) => {
  if (m.channel !== 'email' || m.automated.kind === 'bounce' || !m.text.trim()) return m;
  const { newText, quoted, signature } = stripReply(m.text);
  const notes = [...m.notes];
  if (quoted) notes.push('quoted history stripped');
  if (signature) notes.push('signature stripped');
  return { ...m, newText, notes };
};
