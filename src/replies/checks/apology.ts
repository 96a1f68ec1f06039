import type { Check } from '../types.ts';
import { allMatches, firstMatch, phrases } from '../text-match.ts';
import { findModelHits } from '../model/find-hits.ts';

const APOLOGY = phrases([
  'excuses', 'excuus', 'verontschuldig\\p{L}*', 'het spijt (ons|me|mij) \\p{L}*', 'spijt (het )?(ons|me|mij)', 'sorry',
  '(wij|we|ik) betreuren', 'betreuren (wij|we|het)',
  'apologi[sz]e\\p{L}*', 'apology', 'apologies', '(we|i) regret', '(we are|we\'re|i am|i\'m) (so |very |truly |really )?sorry',
]);
// "geen excuses", "sorry dat u zich zo voelt": the word is there, the apology is not
const NOT_AN_APOLOGY = phrases([
  'geen (aanleiding|reden) (voor|tot) (excuses|excuus)', 'geen (excuses|excuus)', 'hoeft (u )?geen excuses', 'excuses (zijn|is) (hier )?(niet|geen)', 'niet (op hun plaats|nodig)',
  'spijt (me|ons|mij) dat u zich zo voelt', 'spijt (me|ons|mij) dat u (dat|het) zo (ervaart|ziet|opvat)',
  'no (need to )?apolog\\p{L}*', 'not sorry', 'apology is (not )?(owed|necessary|warranted|needed)', '(don\'t|do not) (feel|think|believe) (an )?apolog\\p{L}*',
  'sorry (that )?you feel (that way|this way|like that)', 'sorry if you feel',
]);

/** A complaint deserves an apology; a question does not need one. */
export const apology: Check = (draft, ctx) => {
  if (!ctx.isComplaint) return [];
  for (const hit of allMatches(draft, APOLOGY)) {
    const around = draft.slice(Math.max(0, hit.start - 45), hit.end + 45);
    if (!firstMatch(around, NOT_AN_APOLOGY)) return [];
  }
  // an apology in words the list does not have ("neem het ons niet kwalijk", "we owe you one")
  if (findModelHits('apology', draft, ctx.language).some((h) => !firstMatch(h.text, NOT_AN_APOLOGY))) return [];
  return [
    ctx.language === 'nl'
      ? { check: 'apology', severity: 'warning', span: null, message: 'Deze klacht krijgt geen excuses.', suggestion: 'Bied excuses aan voor wat er misging, bijvoorbeeld: "Het spijt ons dat u te veel heeft betaald."' }
      : { check: 'apology', severity: 'warning', span: null, message: 'This complaint gets no apology.', suggestion: 'Apologise for what went wrong, e.g. "I am sorry you were charged too much."' },
  ];
};
