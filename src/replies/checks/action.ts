import type { Check } from '../types.ts';
import { bodyWithoutSignature, firstMatch, phrases, sentences } from '../text-match.ts';

// What we do or did: concrete verbs of fixing, paying back, sending, calling, planning.
const ACTION = phrases([
  // Dutch, present/future and past participles
  'terug(betaal|betalen|betaald|betaalt|storten|stort|gestort|boeken|geboekt|bellen|bel|belt)\\p{L}*', 'teruggestort', 'teruggeboekt', 'terugbetaling\\p{L}*',
  'crediteren', 'crediteer\\p{L}*', 'gecrediteerd', 'creditnota', 'vergoed\\p{L}*', 'compensatie', 'compenseren', 'gecompenseerd',
  'corrigeer\\p{L}*', 'corrigeren', 'gecorrigeerd', 'aangepast', 'aanpassen', 'pas(sen)? \\p{L}+ aan', 'herstel\\p{L}*', 'hersteld',
  'opgelost', 'oplossen', 'los(sen)? \\p{L}+ op', 'ingepland', 'inplannen', 'plan(nen)? \\p{L}+ in', 'nieuwe afspraak',
  'bel(len)? u', 'bellen', 'gebeld', 'stuur\\p{L}*', 'sturen', 'gestuurd', 'verstuur\\p{L}*', 'verstuurd', 'toegestuurd', 'opgestuurd',
  '(ik|we|wij) regel(en)?', 'regel(en)? (ik|we|wij)', 'geregeld', 'annuleer\\p{L}*', 'annuleren', 'geannuleerd', 'stopgezet', 'stopzetten', 'zet(ten)? \\p{L}+ stop', 'beëindigd',
  'onderzoek(en)?', 'onderzocht', 'uitzoeken', 'uitgezocht', 'zoek(en)? \\p{L}+ uit', 'controleer\\p{L}*', 'controleren', 'gecontroleerd', 'nagekeken', 'nakijken',
  'doorgezet', 'doorzetten', 'doorgestuurd', 'escaleer\\p{L}*', 'geëscaleerd', 'vervang\\p{L}*', 'vervangen', 'omgeruild', 'kwijtgescholden', 'geblokkeerd', 'geactiveerd',
  'komt (de monteur|een monteur|onze monteur)', 'monteur (komt|langs)', 'langskomen', 'wordt (het bedrag|uw geld)',
  // English
  'refund\\p{L}*', 'reimburs\\p{L}*', 'credited', 'crediting', 'credit (your|the|it|you)', 'compensat\\p{L}*', 'correct(ed|ing)', 'fix(ed|ing)?', 'repair\\p{L}*', 'resolv\\p{L}*', 'restor\\p{L}*',
  'replac\\p{L}*', 'cancel+(ed|ing)?', 'schedul\\p{L}*', 'rebook\\p{L}*', 'reschedul\\p{L}*', 'call you', 'call back', 'send(ing)? you', 'sent you', 'ship(ped|ping)?',
  'arrang\\p{L}*', 'investigat\\p{L}*', 'look(ing)? into', 'escalat\\p{L}*', 'revers(e|ed|ing)', 'waiv(e|ed|ing)', 'process(ed|ing)', 'updat(e|ed|ing) your',
  'remov(e|ed|ing)', 'stopp?(ed|ing)? (the|your)', 'unsubscrib\\p{L}*', 'check(ed|ing)? (your|the)',
]);
// "we kunnen helaas niets doen", "we cannot refund": the verb without the deed
const NEGATION = phrases(['niet', 'geen', 'niets', 'nooit', 'helaas niet', 'not', 'cannot', 'can\'t', 'can ?not', 'unable', 'won\'t', 'never', 'no longer able']);

/** Says what we will do (or did), not only that we understand. */
export const action: Check = (draft, ctx) => {
  for (const s of sentences(bodyWithoutSignature(draft))) {
    if (s.text.trim().endsWith('?')) continue; // asking the customer something is not our action
    const hit = firstMatch(s.text, ACTION);
    if (!hit) continue;
    const before = s.text.slice(0, hit.start);
    const after = s.text.slice(hit.end, hit.end + 25);
    if (firstMatch(before, NEGATION) || /^\s*(niet|not)\b/i.test(after)) continue;
    return [];
  }
  return [
    ctx.language === 'nl'
      ? { check: 'action', severity: 'warning', span: null, message: 'Het antwoord zegt niet wat we gaan doen.', suggestion: 'Zeg concreet wat u doet, bijvoorbeeld: "Ik stort het te veel betaalde bedrag vandaag terug."' }
      : { check: 'action', severity: 'warning', span: null, message: 'The reply does not say what we will do.', suggestion: 'Say what you will do, e.g. "I have refunded the extra charge today."' },
  ];
};
