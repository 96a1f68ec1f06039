/**
 * Is a word of regret ("sorry", "het spijt ons", "excuses", "we regret", "apologise") an apology? Not by the word but
 * by what the regret is about, read from the words that follow it in its own sentence (issue 14: "het spijt ons dat u
 * het zo ervaart" is empathy, not an apology). A regret is NOT an apology when it is:
 *  - conditional: "sorry als…", "we apologise if…" (regret for a feeling the customer may have, not for a deed);
 *  - about the customer's perception or feelings: "…dat u het zo ervaart / zich zo voelt / zo boos bent",
 *    "…you feel / felt / see it that way / are upset";
 *  - about the customer leaving: "sorry to see you go", "…dat u weggaat / opzegt";
 *  - an announcement of bad news: "we regret to inform you", "het spijt ons u te moeten melden";
 *  - a politeness before a question or request: "sorry to ask / bother", "sorry dat ik het nog even moet vragen";
 *  - a softener before a rebuke of the customer: "sorry hoor, maar…", "het spijt me, maar ik heb u dit al uitgelegd"
 *    (a regret before a "but" that shifts the fault to a third party still counts: the labelled sets count "Onze
 *    excuses, maar de fout ligt bij…" as an apology and as blame);
 *  - negated: "geen excuses", "no need to apologise", "not sorry", "an apology is not owed".
 * Everything is a shape of the clause (subject, verb class, connective), so it holds for any product or sector.
 */
import { allMatches, phrases } from '../text-match.ts';

/** Words of regret. */
export const APOLOGY = phrases([
  'excuses', 'excuus', 'verontschuldig\\p{L}*', 'het spijt (ons|me|mij)', 'spijt (het )?(ons|me|mij)', 'sorry',
  '(wij|we|ik) betreuren', 'betreuren (wij|we|het)',
  'apologi[sz]e\\p{L}*', 'apology', 'apologies', '(we|i) regret', '(we are|we\'re|i am|i\'m) (so |very |truly |really )?sorry',
]);

const YOU = String.raw`(?:u|je|jij|jullie|you|you're|you've|you'd)`;
// verbs of feeling and opinion: regret "that you feel / think" is about the customer's view, never about a deed
const OPINE = String.raw`(?:voelt|voelde|voelen|gevoeld|opvat|opvatte|opgevat|denkt|dacht|meent|meende|interpreteert|feel|feels|felt|feeling|perceive|perceived|think|thought|believe|believed|interpreted|gevoel|indruk|impression|sense)`;
// verbs of undergoing or seeing: about the customer's view only with a manner ("het zo ervaart", "see it that way");
// "you experienced a delay" is what happened
const UNDERGO = String.raw`(?:ervaart|ervaren|ervoer|ervoeren|beleeft|beleefd|beleefde|ziet|zien|vindt|vinden|experienced|experience|see|view|viewed|took|take)`;
const MANNER = String.raw`(?:zo|zó|so|this way|that way|like that|like this|als|as|negatief|negatively|anders|differently)`;
const FEELING = String.raw`(?:boos|kwaad|teleurgesteld|gefrustreerd|geïrriteerd|geirriteerd|gekwetst|beledigd|overstuur|verdrietig|geërgerd|geergerd|upset|angry|annoyed|disappointed|frustrated|hurt|offended|unhappy|cross|irritated)`;
const LEAVE = String.raw`(?:weggaat|vertrekt|opzegt|afscheid neemt|overstapt|go|leaving|leave us)`;

const NOT_AN_APOLOGY_AFTER: RegExp[] = [
  // conditional: "…als u…", "…if you…", "…if our letter caused any confusion", "…for any offence this may have caused"
  new RegExp(String.raw`^[\s,]*(?:\S+\s+){0,3}?(?:als|indien|mocht|mochten|wanneer|if|in case|should)\b`, 'iu'),
  new RegExp(String.raw`^[\s,]*(?:\S+\s+){0,3}?(?:for|voor) (?:any|eventuele|enige) (?:offen[cs]e|upset|hurt|misunderstanding|misverstand|onvrede|gevoel)`, 'iu'),
  // about how the customer perceives or feels it
  new RegExp(String.raw`^[\s,]*(?:\S+\s+){0,5}?${YOU}\b(?:\s+\S+){0,4}?\s+${OPINE}\b`, 'iu'),
  new RegExp(String.raw`^[\s,]*(?:\S+\s+){0,5}?${YOU}\b(?=(?:\s+\S+){0,4}?\s+${UNDERGO}\b)(?:\s+\S+){0,5}?\s+${MANNER}\b`, 'iu'),
  new RegExp(String.raw`^[\s,]*(?:\S+\s+){0,5}?${YOU}\b(?:\s+\S+){0,3}?\s+${FEELING}\b`, 'iu'),
  // about the customer leaving
  new RegExp(String.raw`^[\s,]*(?:\S+\s+){0,4}?${YOU}\b(?:\s+\S+){0,2}?\s+${LEAVE}\b`, 'iu'),
  // "sorry to see you leave", "het spijt ons u te zien gaan"
  new RegExp(String.raw`^[\s,]*(?:\S+\s+){0,2}?(?:to see ${YOU}|${YOU} te zien)\s+(?:go|leave|gaan|vertrekken)\b`, 'iu'),
  // announcing bad news: "we regret to inform you", "het spijt ons u te moeten melden"
  /^[\s,]*(?:\S+\s+){0,2}?(?:to (?:inform|tell|say|announce|advise|let you know)|(?:u |je )?(?:te )?(?:moeten )?(?:melden|mededelen|berichten|laten weten|informeren))\b/iu,
  // politeness before a question or request: "sorry to ask / bother", "sorry dat ik het nog even moet vragen"
  /^[\s,]*(?:\S+\s+){0,1}?(?:to (?:ask|bother|trouble|chase|interrupt|disturb)|for (?:asking|bothering|troubling|chasing|interrupting)|dat ik (?:\S+\s+){0,4}?(?:vraag|vragen|stoor|storen|lastigval|lastig val|navraag))\b/iu,
  // a softener before a refusal or rebuke: "sorry hoor, maar…" (the particle makes it a manner of speaking)
  /^\s*,?\s*hoor\b/iu,
  // a bare regret before a rebuke of the customer: "het spijt me, maar ik heb u dit al drie keer uitgelegd", "sorry,
  // but you should have…" — the "but" clause is about the customer, nothing that happened to them is regretted
  new RegExp(String.raw`^(?:\s*(?:,|echt|really|though|wel|ook))*\s*,?\s*(?:maar|but)\s+(?:\S+\s+){0,3}?${YOU}\b`, 'iu'),
];
// negated: "geen excuses", "hoeft geen excuses", "no need to apologise", "not sorry", "apology is not owed", "we don't
// feel an apology is owed", "wij vinden niet dat excuses nodig zijn"
const NEGATED_BEFORE = /\b(?:geen|niet|not|no|never|nooit|zonder|without|don't|doesn't|do not|does not)\s+(?:(?:need|reason|cause|nodig|reden|aanleiding)\s+(?:to|for|voor|tot)\s+|(?:feel|think|believe|see|that|dat)\s+(?:that\s+)?(?:an?\s+|een\s+|any\s+|enige\s+)?)?$/iu;
const NEGATED_AFTER = /^[\s,]*(?:zijn|is|are|was|were)\s+(?:hier\s+|here\s+)?(?:niet|geen|not|unnecessary|niet nodig|not (?:owed|necessary|warranted|needed))\b/iu;

/**
 * Whether the regret word at [start, end) of `text` is not an apology: read from its own sentence, the words after
 * it (what is regretted) and the few words before it (a negation).
 */
export function regretIsNotApology(text: string, start: number, end: number): boolean {
  const sentenceEnd = text.slice(end).search(/[.!?\n]/);
  const after = text.slice(end, sentenceEnd < 0 ? text.length : end + sentenceEnd);
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.slice(0, start).search(/[.!?][^.!?]*$/)) + 1;
  const before = text.slice(Math.max(lineStart, start - 40), start);
  if (NEGATED_BEFORE.test(before) || NEGATED_AFTER.test(after)) return true;
  // "het spijt ons te horen dat u…": what is heard is what is regretted
  const about = after.replace(/^[\s,]*(?:(?:om |)te horen|to hear|to learn|te lezen|to read)\b\s*/iu, '');
  return NOT_AN_APOLOGY_AFTER.some((re) => re.test(about));
}


/** The sentence has words of regret and none of them is an apology. */
export function onlyNonApologies(sentence: string): boolean {
  const hits = allMatches(sentence, APOLOGY);
  return hits.length > 0 && hits.every((h) => regretIsNotApology(sentence, h.start, h.end));
}
