import type { Check, Finding } from '../types.ts';
import { allMatches, phrases, sentenceAt } from '../text-match.ts';
import { findModelHits } from '../model/find-hits.ts';

const PITCH = phrases([
  '(?<!vorige |eerdere |die |deze )aanbieding(en)?(?! (van|die) (vorige|toen|destijds))', 'speciale actie', 'tijdelijke actie', 'actieprijs', 'profiteer\\p{L}*', '(?<!-)upgrade\\p{L}*', 'upgraden', 'overstappen (naar|op)', 'stap (nu )?over (naar|op)',
  'nieuw(e)? (abonnement|pakket|bundel|product|toestel|telefoon|contract)', '(abonnement|pakket) (afsluiten|uitbreiden)', 'sluit (nu |direct |vandaag )?(een |het )?\\p{L}* ?(abonnement|pakket) af',
  'exclusief (voor u|aanbod)', 'alleen (nu|deze week|vandaag)', '(nu|vandaag) (met|voor) \\d+ ?% korting', '\\d+ ?% korting op (ons|onze|het|de) (nieuwe|premium|\\p{L}+ ?)(pakket|abonnement)',
  'premium', '(misschien|wellicht) is (ons|onze|het|de) \\p{L}+(-\\p{L}+)* (iets|wat) voor u', 'iets voor u\\?', '(onze|our) partner\\p{L}* .{0,60}(korting|discount|off)', '\\d+ ?% (korting|off|discount)', 'extra voordeel', 'maak (nu )?gebruik van (ons|onze) (aanbod|actie)', 'probeer (nu |het )?gratis', 'bekijk (ons|onze) (aanbod|pakketten|abonnementen)', 'interessant aanbod',
  'special offer', 'refer a friend', 'you might (also )?(enjoy|like|love)', 'why not (treat yourself|try|upgrade)', 'worth (a look|checking out)', 'limited[- ]time', 'exclusive (offer|deal)', 'new (plan|package|bundle|subscription|phone|device)', 'subscribe (to|now)', 'sign up (now|today|for)',
  'check out our', 'try our', 'don\'t miss', 'deal of', '\\d+ ?% off', 'discount on (our|a|the) (new|premium)', 'switch to our', 'add-on',
  // the openers and shapes of a pitch, in any product's words: "wist u dat…", "voor maar €2,50",
  // "zal ik dat voor u aanzetten?", "wij raden onze … aan", "nu ik u toch spreek", "hét moment om over te stappen"
  'wist u (trouwens |al |eigenlijk )?dat', 'did you know', '(voor|vanaf) (maar|slechts|nog geen|pas) (€ ?\\d|\\d)', '(for|from) (just|only) (£|€|\\$) ?\\d',
  '(zal|kan) ik (dat|dit|het|een offerte|u)( \\p{L}+){0,4} (aanzetten|aanvragen|maken|regelen|overzetten|aanmelden|toevoegen)', 'want me to (switch|sign|set|add|upgrade)', 'shall i (switch|sign|set|add|upgrade)',
  '(raden|raad) (wij|we|ik) (u )?(onze?|het|de) \\p{L}+( \\p{L}+){0,3} aan', 'we recommend our', 'misschien een idee om', 'nu ik u toch (spreek|heb)', 'while i have you', 'is hét moment om', 'is the perfect (time|moment) to',
  'gratis (de |een |het )?\\p{L}+ (krijgt|ontvangt)', 'bespaart (u )?\\d+ ?%', 'save \\d+ ?%', '\\p{L}+-actie\\b', '(familie|gezins|combi)voordeel',
]);
// a goodwill gesture is no pitch: "als goedmaker 15% korting op uw volgende bestelling", "as an apology, 20% off"
const GOODWILL = /\b(?:als (?:goedmaker|compensatie|excuus|tegemoetkoming|pleister op de wonde?|blijk van)|(?:as|by way of) (?:a |an )?(?:goodwill|apology|compensation|gesture)|to make up for)/i;

/**
 * Selling to a customer who said no. A hard block: the customer opted out of sales contact
 * ("bel me niet meer", "niet geïnteresseerd"), so no offer may reach them in a service reply.
 */
export const salesPitch: Check = (draft, ctx) => {
  if (!ctx.salesOptOut) return [];
  const spans = allMatches(draft, PITCH).filter((span) => !GOODWILL.test(sentenceAt(draft, span.start)));
  // a pitch in words the list does not have ("mijn aanbod", "tip: met een jaarlidmaatschap…"): the reply model
  for (const h of findModelHits('sales_pitch', draft, ctx.language)) {
    if (!spans.some((s) => s.start < h.end && h.start < s.end)) spans.push({ start: h.start, end: h.end, text: h.text });
  }
  return spans.sort((a, b) => a.start - b.start).map(
    (span): Finding =>
      ctx.language === 'nl'
        ? { check: 'sales_pitch', severity: 'block', span, message: `"${span.text}" is verkoop, en deze klant wil geen verkoopcontact.`, suggestion: 'Haal het aanbod weg. De klant heeft aangegeven geen aanbiedingen te willen.' }
        : { check: 'sales_pitch', severity: 'block', span, message: `"${span.text}" is a sales pitch, and this customer opted out of sales contact.`, suggestion: 'Remove the offer: the customer said they do not want sales contact.' },
  );
};
