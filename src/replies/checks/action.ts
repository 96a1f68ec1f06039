import type { Check } from '../types.ts';
import { bodyWithoutSignature, firstMatch, phrases, sentences } from '../text-match.ts';

// Concrete deeds: paying back, fixing, sending, calling, planning, stopping.
const DEED = phrases([
  // Dutch
  'terug(betaal|betalen|betaald|betaalt|storten|stort|gestort|boeken|geboekt|bellen|bel|belt|gebeld)\\p{L}*', 'teruggestort', 'teruggeboekt', 'terugbetaling\\p{L}*',
  'crediteren', 'crediteer\\p{L}*', 'gecrediteerd', 'creditnota', 'vergoed\\p{L}*', 'compensatie', 'compenseren', 'gecompenseerd', 'kwijtgescholden',
  'corrigeer\\p{L}*', 'corrigeren', 'gecorrigeerd', 'aangepast', 'aanpassen', 'pas(sen)? \\p{L}+ aan', 'herstel\\p{L}*', 'hersteld', 'gerepareerd', 'repareren',
  'ingepland', 'inplannen', 'plan(nen)? \\p{L}+ in', 'nieuwe afspraak', 'verzet', 'verzetten', 'omgezet', 'omzetten', 'overgezet', 'gekoppeld', 'toegevoegd',
  'aangemaakt', 'verwerkt', 'verwerken', 'ingediend', 'gepauzeerd', 'gemaild', 'mailen', 'nagestuurd', 'klaargezet', 'klaarzetten', 'opgestuurd', 'toegestuurd',
  'bel(len)? u', 'bellen', 'gebeld', 'stuur\\p{L}*', 'sturen', 'gestuurd', 'verstuur\\p{L}*', 'versturen', 'verstuurd', 'bezorgd', 'bezorgen', 'geleverd', 'leveren',
  '(ik|we|wij) regel(en)?', 'regel(en)? (ik|we|wij)', 'geregeld', 'annuleer\\p{L}*', 'annuleren', 'geannuleerd', 'stopgezet', 'stopzetten', 'zet(ten)? \\p{L}+ stop', 'beëindigd',
  'geblokkeerd', 'gedeblokkeerd', 'geactiveerd', 'vrijgegeven', 'ontgrendeld', 'gewijzigd', 'wijzigen', 'vervang\\p{L}*', 'vervangen', 'omgeruild', 'ingetrokken',
  'doorgezet', 'doorgestuurd', 'escaleer\\p{L}*', 'geëscaleerd', 'uitgezocht', 'nagekeken', 'gecontroleerd', 'controleren', 'onderzocht',
  'komt (de monteur|een monteur|onze monteur)', 'monteur (komt|langs)', 'langskomen', 'komt langs',
  // English
  'refund\\p{L}*', 'reimburs\\p{L}*', 'credited', 'crediting', 'credit (your|the|it|you)', 'compensat\\p{L}*', 'corrected', 'correcting', 'fix(ed|ing)?', 'repair\\p{L}*',
  'resolv\\p{L}*', 'restor\\p{L}*', 'replac\\p{L}*', 'cancel+(ed|ing)?', 'schedul\\p{L}*', 'rebook\\p{L}*', 'reschedul\\p{L}*', 'booked', 'book (you|a|an|the)',
  'call you', 'call back', 'ring you', 'send(ing)? (you|a|the|it)', 'sent (you|a|the|it)', 'ship(ped|ping)?', 'dispatch\\p{L}*', 'deliver(ed|ing)?', 'post(ed|ing)? (you|a|the|it)',
  'arrang\\p{L}*', 'escalat\\p{L}*', 'revers(e|ed|ing)', 'waiv(e|ed|ing)', 'process(ed|ing)', 'updat(e|ed|ing) (your|the)', 'switch(ed|ing)?', 'mov(e|ed|ing) (your|the)',
  'froze', 'frozen', 'unfroze', 'set up', 'reset', 'add(ed|ing)? (a|the|your)', 'appl(y|ied|ying) (a|the)', 'transfer(red|ring)?', 'remov(e|ed|ing)', 'unsubscrib\\p{L}*',
  'block(ed|ing)? (your|the)', 'unblock\\p{L}*', 'activat\\p{L}*', 'issu(e|ed|ing) (a|the|you)', 'investigat\\p{L}*',
]);
// our deed: someone of ours does it, or it is done (passive)
const OURS = phrases(['ik', 'we', 'wij', 'ons', 'onze', 'mijn', 'i', 'i\'ve', 'i\'ll', 'i\'m', 'we\'ve', 'we\'ll', 'we\'re', 'our', 'my', 'us']);
const PASSIVE = phrases(['wordt', 'worden', 'werd', 'is', 'zijn', 'staat', 'komt', 'has been', 'have been', 'will be', 'is being', 'was', 'are being']);
// the customer's task or someone else's, not ours
const NOT_OURS = phrases(['u had', 'u moet', 'you should', 'you need to', 'you must', 'your responsibility', 'uw verantwoordelijkheid', 'your bank', 'uw bank', 'the administrator', 'de curator']);
const NEGATION = /(niet|geen|niets|nooit|not|cannot|can't|can ?not|unable|won't|never|no longer)\W+(\S+\W+){0,2}$/i;
// vague: "we kijken ernaar", "we'll look into it", "we lossen het op" without saying how
const VAGUE_ONLY = /^(we|wij|ik|i)\s+(('ll|will|gaan|zullen)\s+)?(look into it|kijken ernaar|kijk ernaar|lossen het op|los het op|get back to you|komen erop terug|be in touch)\b/i;

// Any deed in the perfect or future tense with us as the subject: "ik heb uw vordering aangemeld",
// "we hebben het doorgegeven", "I've switched", "we'll rebook you".
const PREFIX = '(aan|af|door|in|op|uit|na|om|over|terug|toe|mee|vast|klaar|bij|weg|voor)';
const PARTICIPLE = new RegExp(`^(ge\\p{L}{3,}|${PREFIX}ge\\p{L}{2,}|(be|ver|ont|her|er)\\p{L}{3,})(d|t|en)$`, 'u');
const OUR_PERFECT_NL = /\b(ik|we|wij)\s+(heb|hebben|ben|zijn)\b(.*)$/i;
const OUR_FUTURE_NL = /\b(ik|we|wij)\s+(ga|gaan|zal|zullen|zorg|zorgen)\b\s+(\S+\s+){0,5}\p{L}{3,}en\b/iu;
const OUR_DEED_EN = /\b(i|we)(\s+have|'ve|\s+had|\s+just|\s+already)*\s+(\w+ed)\b|\b(i|we)('ll|\s+will|\s+am going to|\s+are going to)\s+(now\s+)?(\w+)/i;
const NOT_DEEDS_EN = /^(need|needed|tried|wanted|hoped|noticed|understood|received|heard|learned|seen|felt|looked|considered|understand|try|see|think|hope|be|get|look|keep|need|want|let|make sure)$/i;
const OUTCOME_NL = /\bu\s+(ontvangt|krijgt)\s+(\S+\s+){0,4}(bevestiging|terugbetaling|bedrag|geld|pakket|factuur|creditnota|nieuwe|vervangend|bericht|uitnodiging|code)/i;
const THIRD_PARTY_CALLS = /\b(belt|bellen|mailt|mailen|stuurt|komt)\s+u\b/i;

function ourDeed(text: string): boolean {
  const perfect = OUR_PERFECT_NL.exec(text);
  if (perfect && perfect[3].split(/[^\p{L}]+/u).some((w) => PARTICIPLE.test(w.toLowerCase()))) return true;
  if (OUR_FUTURE_NL.test(text) || OUTCOME_NL.test(text) || THIRD_PARTY_CALLS.test(text)) return true;
  const en = OUR_DEED_EN.exec(text);
  if (en) {
    const verb = (en[3] ?? en[7] ?? '').toLowerCase();
    if (verb && !NOT_DEEDS_EN.test(verb)) return true;
  }
  return false;
}

/** Says what we will do (or did), not only that we understand. */
export const action: Check = (draft, ctx) => {
  for (const s of sentences(bodyWithoutSignature(draft))) {
    const text = s.text;
    if (text.endsWith('?') || VAGUE_ONLY.test(text)) continue;
    if (firstMatch(text, NOT_OURS) && !OUR_PERFECT_NL.test(text)) continue;
    const hit = firstMatch(text, DEED);
    if (!hit) {
      if (ourDeed(text) && !NEGATION.test(text.replace(/[.!]+$/, ''))) return [];
      continue;
    }
    if (NEGATION.test(text.slice(0, hit.start)) || /^\s*(niet|not)\b/i.test(text.slice(hit.end, hit.end + 6))) continue;
    if (firstMatch(text, NOT_OURS) || !(firstMatch(text, OURS) || firstMatch(text, PASSIVE))) continue;
    return [];
  }
  return [
    ctx.language === 'nl'
      ? { check: 'action', severity: 'warning', span: null, message: 'Het antwoord zegt niet wat we gaan doen.', suggestion: 'Zeg concreet wat u doet, bijvoorbeeld: "Ik stort het te veel betaalde bedrag vandaag terug."' }
      : { check: 'action', severity: 'warning', span: null, message: 'The reply does not say what we will do.', suggestion: 'Say what you will do, e.g. "I have refunded the extra charge today."' },
  ];
};
