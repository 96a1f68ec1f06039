import type { Check } from '../types.ts';
import { bodyWithoutSignature, firstMatch, phrases } from '../text-match.ts';

const DAYS_NL = 'maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag';
const MONTHS_NL = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';
const DAYS_EN = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const MONTHS_EN = 'january|february|march|april|may|june|july|august|september|october|november|december';
const NUM_NL = '\\d+|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|veertien|enkele|een paar';
const NUM_EN = '\\d+|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|a few|a couple of';

// A moment the customer can hold us to. "Zo snel mogelijk" / "as soon as possible" is not one.
const WHEN = phrases([
  'vandaag', 'morgen(ochtend|middag|avond)?', 'overmorgen', 'vanmiddag', 'vanavond', 'vanochtend', 'straks om',
  `binnen (${NUM_NL}) (werk)?(dag(en)?|uur|weken|week|minuten|kwartier)`, `binnen (het|een|één) uur`, `binnen (een|één) week`,
  `uiterlijk \\p{L}*`, `(vóór|voor|na|om|rond|tussen) \\d{1,2}([:.]\\d{2})?( uur| en \\d{1,2}([:.]\\d{2})?( uur)?)?`,
  `(${DAYS_NL})(ochtend|middag|avond)?`, `(in|begin|half|medio|eind|vóór|voor) (${MONTHS_NL})`, '(vóór|voor|na) het weekend', 'na het weekend', 'binnen (het|een|één) uur', `\\d{1,2} (${MONTHS_NL})`, 'volgende week', 'deze week', 'eind van (de|deze) (dag|week|maand)',
  'einde van de (dag|week)', 'in de loop van (de dag|vandaag|morgen|de week)', `(${NUM_NL}) werkdag(en)?`,
  'today', 'tomorrow', 'tonight', 'this (afternoon|evening|morning|week)', 'next week', 'by (the )?end of (the )?(day|week|month)',
  `within (${NUM_EN}) (business |working )?(day|days|hours?|weeks?|minutes)`, `within (the hour|an hour|a day|a week|24 hours|48 hours)`, `within the next (${NUM_EN})? ?(hour|hours|day|days|week|weeks|minutes)`, `(${NUM_EN}) to (${NUM_EN}) (business |working )?(days|hours|weeks)`, `(${NUM_NL}) tot (${NUM_NL}) (werk)?dagen`, `(${DAYS_EN})`, `(in|early|mid|late|by|before) (${MONTHS_EN})`, 'this weekend', 'before the weekend',
  `(by|before|on|next|this|after|at|around) (${DAYS_EN})`, `(${DAYS_EN}) (morning|afternoon|evening)`, `(by|before|at|around|after|between) \\d{1,2}([:.]\\d{2})? ?(am|pm|o'clock)?`, `\\d{1,2}([:.]\\d{2})? ?(am|pm)`,
  `\\d{1,2}(st|nd|rd|th)? (of )?(${MONTHS_EN})`, `(${MONTHS_EN}) \\d{1,2}(st|nd|rd|th)?`, 'by noon', 'before noon', 'end of business', 'eod',
  '\\d{1,2}[-/]\\d{1,2}([-/]\\d{2,4})?',
]);

/** Says when the customer hears from us next, or when it will be done. */
export const nextContact: Check = (draft, ctx) => {
  if (firstMatch(bodyWithoutSignature(draft), WHEN)) return [];
  return [
    ctx.language === 'nl'
      ? { check: 'next_contact', severity: 'warning', span: null, message: 'De klant weet niet wanneer hij weer van ons hoort.', suggestion: 'Noem een moment, bijvoorbeeld: "U hoort uiterlijk donderdag 12:00 van mij." Dat wordt een afspraak die we nakomen.' }
      : { check: 'next_contact', severity: 'warning', span: null, message: 'The customer does not know when they will hear from us.', suggestion: 'Name a time, e.g. "You will hear from me by Thursday noon." It becomes a promise we keep.' },
  ];
};
