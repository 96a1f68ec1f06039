import type { Check } from '../types.ts';
import { firstMatch, phrases } from '../text-match.ts';

const APOLOGY = phrases([
  'excuses', 'excuus', 'verontschuldig\\p{L}*', 'het spijt (ons|me|mij) \\p{L}*', 'spijt (het )?(ons|me|mij)', 'sorry',
  '(wij|we|ik) betreuren', 'betreuren (wij|we|het)',
  'apologi[sz]e\\p{L}*', 'apology', 'apologies', '(we|i) regret', '(we are|we\'re|i am|i\'m) (so |very |truly |really )?sorry',
]);
// "geen excuses", "no need to apologise": the word is there, the apology is not
const NEGATED = phrases(['geen (excuses|excuus)', 'hoeft (u )?geen excuses', 'no (need to )?apolog\\p{L}*', 'not sorry']);

/** A complaint deserves an apology; a question does not need one. */
export const apology: Check = (draft, ctx) => {
  if (!ctx.isComplaint) return [];
  const hit = firstMatch(draft, APOLOGY);
  if (hit && !firstMatch(draft.slice(Math.max(0, hit.start - 20), hit.end + 5), NEGATED)) return [];
  return [
    ctx.language === 'nl'
      ? { check: 'apology', severity: 'warning', span: null, message: 'Deze klacht krijgt geen excuses.', suggestion: 'Bied excuses aan voor wat er misging, bijvoorbeeld: "Het spijt ons dat u te veel heeft betaald."' }
      : { check: 'apology', severity: 'warning', span: null, message: 'This complaint gets no apology.', suggestion: 'Apologise for what went wrong, e.g. "I am sorry you were charged too much."' },
  ];
};
