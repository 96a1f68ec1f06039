import type { IntakeStep } from './step.ts';
import { cleanText } from './clean-text.ts';
import { requireSender } from './require-sender.ts';
import { requireContent } from './require-content.ts';
import { stripQuoted } from './strip-quoted.ts';
import { sanitiseHtml } from './sanitise-html.ts';
import { detectLanguage } from './detect-language.ts';

/**
 * What happens to every inbound message before it is stored, in this order. Each step is a
 * small pure function; the order lives here, in code, and nowhere else.
 */
export const PIPELINE: readonly IntakeStep[] = [
  cleanText, //      storable text: no NUL or control characters
  requireSender, //  someone to answer
  requireContent, // something to read
  stripQuoted, //    what is new in it
  sanitiseHtml, //   harmless HTML for display
  detectLanguage, // nl / en / …
];

export { isDrop, type IntakeStep } from './step.ts';
