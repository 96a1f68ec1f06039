import type { Check } from '../types.ts';
import { bodyWithoutSignature, firstMatch, phrases } from '../text-match.ts';
import { findModelHits } from '../model/find-hits.ts';

const THANKS = phrases([
  'bedankt', 'dank (u|je|jullie|voor|wel|dat)', 'dankjewel', 'dankuwel', 'hartelijk dank', 'veel dank', 'dankbaar', 'wij danken', 'we danken', 'ik dank',
  'thank(s| you)?', 'thankful', 'grateful', '(we|i) appreciate', 'appreciated', 'much appreciated',
]);

// "no need to thank us", "u hoeft ons niet te bedanken": not thanking the customer
const NOT_THANKS = /\b(no need to thank( us| me)?|don'?t (need to )?thank us|(u|je) hoeft (ons|mij|me) niet te bedanken|geen dank)\b/gi;

/** Thank the customer for reporting, for their patience, for letting us know. */
export const thanks: Check = (draft, ctx) => {
  // "Thanks," as a sign-off alone is a closing, not thanks for what the customer did
  const body = bodyWithoutSignature(draft).replace(NOT_THANKS, ' ');
  if (firstMatch(body, THANKS)) return [];
  // thanks in words the list does not have ("ik wil u hartelijk danken", "wij zijn u erkentelijk")
  if (findModelHits('thanks', body, ctx.language).length) return [];
  return [
    ctx.language === 'nl'
      ? { check: 'thanks', severity: 'info', span: null, message: 'De klant wordt niet bedankt.', suggestion: 'Bedank de klant, bijvoorbeeld: "Dank u wel dat u dit meldt."' }
      : { check: 'thanks', severity: 'info', span: null, message: 'The customer is not thanked.', suggestion: 'Thank the customer, e.g. "Thank you for letting us know."' },
  ];
};
