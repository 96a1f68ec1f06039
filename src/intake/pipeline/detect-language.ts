import { guessLanguage } from '../../text/language.ts';
import type { IntakeStep } from './step.ts';

/** The customer's language (nl/en/…) from what they wrote, for the acknowledgement, search and listening. */
export const detectLanguage: IntakeStep = (m) => {
  if (m.language) return m;
  return { ...m, language: guessLanguage(`${m.subject}\n${m.newText}`) };
};
