import type { IntakeStep } from './step.ts';

/** A message with no subject, no text and no attachments says nothing: refuse it with that reason. */
export const requireContent: IntakeStep = (m) => {
  if (m.subject.trim() || m.text.trim() || m.attachments.length) return m;
  return { drop: 'empty message: no subject, no text, no attachments' };
};
