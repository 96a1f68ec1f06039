// Who commits, in Dutch (with Flemish and the informal "je") and English. A promise is a commitment on our side
// with a time that bounds it; these patterns recognise the commitment by its CLASS, not by a list of verbs:
//  - we / ik / I, or a person or team of ours ("onze planner", "a member of our billing team");
//  - any third party doing something for the customer ("de koerier haalt … op", "PostNL bezorgt");
//  - a passive or impersonal subject ("het bedrag wordt … teruggestort", "er komt …", "will be credited");
//  - the customer receiving ("u ontvangt", "je krijgt", "you'll get", "you can expect");
//  - a result stated for a future time ("binnen een uur is uw verbinding hersteld", "het geld staat … op uw rekening").
// And what makes such a clause no promise: a request or deadline for the customer, a condition, the past, habit or
// policy, a hedge, opening hours, a negation. Data only; find-promises.ts applies it, one clause at a time.
import type { Language } from './time-phrases.ts';

export interface CommitmentPhrases {
  /** any of these in the clause: someone on our side commits (or the customer is told what they will get) */
  commits: RegExp[];
  /** any of these in the clause: not a promise */
  guards: RegExp[];
  /** anywhere in the sentence: the promise is taken back ("…, maar dat kunnen wij niet garanderen") */
  retracts: RegExp;
  /** a condition on the customer or on events: "als u …", "if you …", "mocht …"; anywhere in the clause */
  conditional: RegExp;
  /** a simple past ("belde", "was", "were", "we called"): past, unless it plans ("was moved to Thursday") */
  pastSimple: RegExp;
  /** a perfect tense ("we hebben … gebeld", "is … teruggestort", "has been refunded"): past, unless it plans or a
   * bounding time makes it a future result ("binnen een uur is uw verbinding hersteld") */
  perfect: RegExp;
  /** participles of planning: a perfect tense that schedules ("is verzet naar vrijdag", "has been booked for") */
  planned: RegExp;
  /** a time that bounds ("uiterlijk", "binnen", "vóór", "by", "within"): a perfect tense with it is a future result */
  bound: RegExp;
  /** "gisteren", "vorige week", "last Tuesday": the time is behind us */
  pastTime: RegExp;
  /** "al", "reeds", "already": with a perfect tense, done */
  already: RegExp;
  /** a future beside a past ("is ontvangen en wordt morgen teruggestort", "has been traced and will be redelivered") */
  future: RegExp;
}

/** Dutch participles: ge- or a separable prefix + ge- ("teruggestort", "opgehaald"), or be-/ver-/her-/ont-/er- */
const NL_PARTICIPLE = `(?:\\p{L}+)?ge\\p{L}{2,}(?:d|t|en)|(?:uit|op|af|aan|in|terug|door|mee|over|na|toe|weg|bij)?(?:be|ver|her|ont|er)\\p{L}{2,}(?:d|t|en)|klaar|weer\\s+\\p{L}+`;
const NL_CUSTOMER = 'u|je|jij|ge|gij|jullie';
const NL_RECEIVES = 'ontvangt|ontvang|krijgt|krijg|hoort|hoor|heeft|hebt|heb|ziet|zie|vindt|vind';
/** what someone does for the customer, in the present tense (a third person or "we" with the verb first) */
const NL_ACTS = 'komt|komen|belt|bellen|haalt|halen|brengt|brengen|levert|leveren|bezorgt|bezorgen|repareert|repareren|vervangt|vervangen|installeert|installeren|plaatst|plaatsen|neemt|nemen|stuurt|sturen|mailt|mailen|maakt|maken|stort|storten|zet|zetten|boekt|boeken|betaalt|betalen|vergoedt|vergoeden|regelt|regelen|lost|lossen|zorgt|zorgen|geeft|geven|ruilt|ruilen|contacteert|contacteren|beantwoordt|beantwoorden|reageert|reageren|beslist|beslissen|informeert|informeren|laat|laten|schrijft|schrijven|verwerkt|verwerken|behandelt|behandelen|past|passen|herstelt|herstellen|controleert|controleren|opent|activeert|volgt|volgen|verschijnt|verschijnen|staat|staan|ligt|liggen|zit|zitten|is|zijn|gaat|gaan|begint|beginnen|start|starten';

export const NL_COMMIT: CommitmentPhrases = {
  commits: [
    // we, ik, or "van ons / van mij / van me" (hear from us)
    new RegExp(`\\b(?:we|wij|ik)\\b|\\bvan\\s+(?:ons|mij|me)\\b`, 'iu'),
    // the customer receives, hears, gets, sees: "u ontvangt", "hoort u", "je krijgt"; "u kunt … verwachten"
    new RegExp(`\\b(?:${NL_CUSTOMER})\\s+(?:${NL_RECEIVES}|zult|zal|gaat|bent|zit)\\b|\\b(?:zult|bent|zit)\\s+(?:${NL_CUSTOMER})\\b|\\b(?:${NL_RECEIVES})\\s+(?:${NL_CUSTOMER})\\b|\\b(?:kunt|mag)\\b.*\\b(?:verwachten|tegemoet\\s*zien|tegemoetzien)\\b`, 'iu'),
    // passive and impersonal: "wordt … teruggestort", "u wordt gebeld", "er komt", "er volgt"
    new RegExp(`\\b(?:wordt|worden|zal|zullen|gaat|gaan)\\b(?:\\s+\\S+){0,12}?\\s+(?:${NL_PARTICIPLE}|actief|zichtbaar|beschikbaar|bekend|geldig)\\b|\\ber\\s+(?:komt|komen|volgt|volgen|wordt|worden|gaat|staat|staan|ligt)\\b|\\b(?:komt|komen|volgt|volgen|wordt|worden|staat|staan|ligt)\\s+er\\b`, 'iu'),
    // a third person acting, either order: "de koerier haalt", "komt de glaszetter", "PostNL bezorgt", "de terugbetaling volgt"
    new RegExp(`\\b(?:de|het|een|onze?|mijn|uw|je)\\s+(?:\\S+\\s+){0,3}?\\p{L}+\\s+(?:${NL_ACTS})\\b|\\b(?:${NL_ACTS})\\s+(?:de|het|een|onze?|mijn)\\s+\\p{L}+`, 'iu'),
    new RegExp(`^\\s*\\p{Lu}[\\p{L}.-]+\\s+(?:${NL_ACTS})\\b`, 'u'),
    // a result at a future time: "is … hersteld", "staat … op uw rekening", "ligt … klaar"
    // "… volgt morgen": an update, an answer, a payment announced to follow
    /\b(?:volgt|volgen)\b/i,
    new RegExp(`\\b(?:is|zijn|staat|staan|ligt|liggen|zit|zitten)\\b(?:\\s+\\S+){0,10}?\\s+(?:${NL_PARTICIPLE}|klaar|bij\\s+(?:u|je)|op\\s+(?:uw|je)|in\\s+(?:de|uw|je))\\b`, 'iu'),
  ],
  guards: [
    /\b(?:niet|nooit|nergens|niets|niks|niemand)\b|\bgeen\b(?!\s+(?:probleem|zorgen|punt))/i,
    // a hedge or an offer: "we kunnen", "zouden wij", "misschien", "naar verwachting"; "wij proberen/streven/hopen"
    /\b(?:we|wij|ik)\s+(?:kunnen|kan|zouden|zou|konden|kon|mogen|mag)\b|\b(?:kunnen|kan|zouden|zou|konden|kon)\s+(?:we|wij|ik)\b/i,
    /\b(?:misschien|mogelijk(?:erwijs)?|waarschijnlijk|hopelijk|eventueel|naar\s+verwachting|wellicht)\b|\bverwacht\w*\s+(?:\S+\s+){0,8}?(?:te|dat)\b|\bverwachten\s+(?:we|wij|ik)\b/i,
    // what usually happens, or what we aim for, is no promise
    /\b(?:normaal(?:\s+gesproken)?|normaliter|meestal|doorgaans|gewoonlijk|gemiddeld|over\s+het\s+algemeen|in\s+de\s+regel|streven|streeft|proberen|probeert|probeer|trachten|hopen|hoop|duurt|duren|dezelfde\s+dag|de\s+meeste|vrijwel\s+alle|bijna\s+alle)\b|\b(?:elke|iedere)\s+(?:maand|week|jaar|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b|\b(?:24\s+uur\s+per\s+dag|per\s+maand|op\s+werkdagen)\b/i,
    // a request to the customer, or the customer's own deadline or option
    /^(?!.*\b(?:verwachten|tegemoet\s*zien|tegemoetzien)\b).*(?:\b(?:wilt|kunt|kan|wil|moet|dient|hoeft|zou|gelieve)\s+(?:u|je|jij)\b|\b(?:u|je|jij)\s+(?:moet|dient|kunt|kan|wilt|hoeft|zou)\b)/i,
    /^\s*(?:stuur|bel|mail|neem|laat|geef|vul|lever|betaal|zorg|vergeet|controleer|meld|upload|reageer|kijk|bezorg|gelieve|graag|denk|houd|hou)\b|\bgraag\s+(?:ontvangen|hebben|horen)\b|\bontvangen\s+(?:wij|we)\s+graag\b|\b(?:verzoeken|vragen)\s+(?:wij|we)?\s*(?:u|je)\b|\b(?:u|je)\s+(?:heeft|hebt)\s+(?:nog\s+)?tot\b|\bde\s+tijd\s+om\b|\bmet\s+ons\s+op\b/i,
    // an obligation: "het formulier moet binnen 14 dagen worden ingevuld", "dient … te worden betaald"
    /\b(?:moet|moeten|dient|dienen)\b(?:\s+\S+){0,10}?\s+(?:worden|te)\b/i,
    // advice: "wij raden u aan", "wij adviseren u"
    /\b(?:raden|raad|adviseren|adviseer)\b.*\b(?:aan|u|je)\b/i,
    // what we understand, regret or know is no commitment
    /\b(?:we|wij|ik)\s+(?:begrijpen|begrijp|snappen|snap|weten|weet|vinden|vind|betreuren|betreur|vrezen|vrees|denken|denk|realiseren|merken|merk)\b/i,
    // opening hours, validity, expiry
    /\b(?:geopend|open|gesloten|dicht|bereikbaar|openingstijden|openingsuren)\b|\bsluit(?:en)?\b(?!.*\baan\b)|\b(?:contract|abonnement|korting|aanbieding|actie|tarieven|tarief|prijzen|polis|lidmaatschap|proefperiode|rente|dekking)\b.*\b(?:loopt|verloopt|vervalt|geldt|gaat|gaan|stijgt|stijgen|daalt|dalen|eindigt|stopt)\b/i,
    // when a change takes effect: "uw verlenging gaat in per 1 maart"
    /\bgaat\b.*\bin\s+per\b|\bgaat\s+(?:per\s+\S+\s+(?:\S+\s+)?)?in\b(?!\s+(?:de|het|op|uw|je)\b)|\bingaat\b|\bin\s+werking\b/i,
    // a general statement about a class of things: "Declaraties worden binnen 30 dagen verwerkt"
    /^\s*(?!(?:morgen|overmorgen|binnen|vandaag|volgende|komende|uiterlijk|wij|we)\b)\p{Lu}\p{L}+(?:en|s)\s+(?:worden|zijn|duren|gaan|komen|kunnen|moeten)\b/u,
    // what we asked someone else to do: "we hebben de vervoerder gevraagd het pakket morgen te bezorgen"
    // (a colleague of ours asked to act still commits us: "ik heb onze financiële afdeling gevraagd …")
    /^(?!.*\b(?:onze?|collega|afdeling|team)\b).*\b(?:gevraagd|verzocht)\b/i,
    // someone else's word: "volgens de vervoerder", "PostNL meldt dat"
    /\bvolgens\b|\b(?:zegt|zeggen|meldt|melden|meldde|geeft\s+aan|laat\s+weten\s+dat)\b/i,
  ],
  retracts: /\bniet\b.*\b(?:garanderen|beloven|toezeggen|bevestigen)\b|\b(?:garanderen|beloven|toezeggen)\b.*\bniet\b|\bgeen\s+garantie\b/i,
  conditional: /,\s*dan\b|\b(?:indien|zo|waar)\s+(?:mogelijk|nodig)\b|\b(?:als|indien|mits|tenzij)\s+(?:u|je|jij|we|wij|ik|het|de|dit|dat|er|uw|jouw|jullie|alles)\b|\bmocht\b|^\s*(?:wanneer|zodra|nadat)\b/i,
  pastSimple: /\b(?:was|waren|werd|werden|had|hadden|kwam|kwamen|belde|belden|stuurde|stuurden|ontving|ontvingen|beloofde|beloofden|probeerde|probeerden|zei|zeiden|begon|begonnen)\b/i,
  perfect: /\b(?:heb|hebt|heeft|hebben|is|zijn)\b(?:\s+\S+){0,10}?\s+(?:(?:\p{L}+)?ge\p{L}{2,}(?:d|t|en)|(?:be|ver|her|ont|er)\p{L}{2,}(?:d|t|en)|geweest)(?![\p{L}])/iu,
  planned: /\b(?:ingepland|gepland|afgesproken|geboekt|gereserveerd|vastgelegd|verzet|verplaatst|omgezet|klaargezet)\b/i,
  bound: /\b(?:uiterlijk|binnen|vóór|voor(?!\s+(?:u|je|jou|jullie|ons|mij|me|hem|haar|hen|uw)\b)|ten\s+laatste|tegen|over|eind(?:e)?|begin|morgen\w*|overmorgen|volgende|komende|aanstaande|na\s+het\s+weekend)\b/i,
  pastTime: /\b(?:gisteren|eergisteren|gisteravond|gistermiddag|afgelopen|vorige|zojuist|eerder\s+vandaag)\b/i,
  already: /\b(?:al|reeds)\b/i,
  future: /\b(?:zal|zullen|wordt|worden)\b/i,
};

const EN_WILL = `(?:'ll|\\s+will|\\s+shall|'re\\s+going\\s+to|'m\\s+going\\s+to|\\s+are\\s+going\\s+to|\\s+am\\s+going\\s+to|\\s+is\\s+going\\s+to)`;
const EN_PARTICIPLE = `\\w+(?:ed|en|t)|paid|sent|made|done|back|ready|with\\s+you|in\\s+touch|on\\s+site`;

export const EN_COMMIT: CommitmentPhrases = {
  commits: [
    /\b(?:we|i)(?:'ll|'re|'m|'ve|\s+will|\s+shall|\s+are|\s+am|\s+have)\b|\b(?:we|i)\s+(?!(?:understand|know|see|appreciate|realise|realize|hope|expect|think|believe|apologise|apologize|regret|noticed|understood|would|could|might|may|can|tried|called|sent|visited)\b)\w+\b|\bfrom\s+(?:us|me)\b/i,
    /\byou(?:'ll|\s+will|\s+shall|\s+are\s+going\s+to|\s+can\s+expect|\s+should\s+(?:receive|get|see|hear|have))\b|\bexpect\s+(?:a|an|the|our|your|it|to\s+hear|delivery)\b/i,
    new RegExp(`\\b\\w+${EN_WILL}\\s+(?:\\w+\\s+){0,3}?\\w+|\\bwill\\s+be\\s+(?:${EN_PARTICIPLE})\\b|\\b(?:is|are)\\s+(?:being\\s+)?(?:scheduled|booked|planned|due|set|arranged|coming)\\b|\\b(?:is|are)\\s+being\\s+\\w+(?:ed|en|t)\\b|\\bgets?\\s+\\w+ed\\b|\\bto\\s+follow\\b|\\bbooked\\s+(?:in\\s+)?for\\b|\\bscheduled\\s+for\\b|\\bthere(?:'ll|\\s+will)\\s+be\\b`, 'i'),
    /\b(?:the|your|our|a|an)\s+(?:\S+\s+){0,3}?\w+\s+(?:goes|go|arrives|arrive|comes|come|lands|follows|is\s+(?:back|ready|due|with\s+you))\b/i,
  ],
  guards: [
    /\b(?:nothing|nobody|no\s+one|none|not|never|cannot|won't|can't|couldn't|wouldn't|shouldn't|isn't|aren't|didn't|haven't|hasn't|unable)\b/i,
    /\b(?:we|i)\s+(?:can|could|might|may|would|tried|attempted)\b|\b(?:we|i)'d\b|\b(?:can|could|might|may|would|shall)\s+(?:we|i)\b/i,
    /\b(?:could|can|would|will)\s+you\b|\byou\s+(?:need|must|should|have|are\s+required)\s+to\b|\byou\s+have\s+until\b|\b(?:please|kindly)\b|^\s*(?:call|send|email|e-mail|reply|return|pay|complete|fill|submit|contact|get\s+in\s+touch|remember|don't|confirm|upload|check|let\s+us|make\s+sure|ensure|tell\s+us)\b/i,
    /\b(?:most|nearly\s+all|usually|normally|generally|typically|on\s+average|as\s+a\s+rule|aim\s+to|aims\s+to|try\s+to|tries\s+to|hope\s+to|strive|hopefully|probably|possibly|perhaps|maybe|expects?\s+to|we\s+expect|take\s+up\s+to|takes|can\s+take|may\s+take|same\s+day)\b|\b(?:each|every)\s+(?:month|week|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i,
    /\b(?:we|i)\s+(?:understand|know|see|appreciate|realise|realize|think|believe|apologise|apologize|regret)\b/i,
    /\b(?:open|opens|closed|closes|opening\s+hours|lines\s+are)\b|\bclose\b(?!\s+of\s+(?:business|play))|\b(?:contract|subscription|discount|offer|prices|tariffs?|policy|plan|membership|trial|cover|rate)\b.*\b(?:ends?|expires?|renews?|runs|is\s+valid|go(?:es)?\s+up|rises?|lapses?|changes?)\b/i,
    /\btakes\s+effect\b|\bcomes\s+into\s+(?:effect|force)\b/i,
    /^\s*(?!(?:tomorrow|today|within|by|next|we)\b)\p{Lu}\p{L}+s\s+(?:are|take|get|can|must|will\s+be)\b/u,
    /^(?!.*\b(?:our|colleague|department|team)\b).*\b(?:asked|requested)\b(?!\s+(?:you|for\s+your))/i,
    /\baccording\s+to\b|\b(?:says|said|tells\s+us|told\s+us|reports|reported)\b/i,
    // advice, and "should" on anyone's part but the customer's ("the bag should arrive tomorrow")
    /\b(?:recommend|advise|suggest)\b|(?<!\byou\s)\bshould\b/i,
  ],
  retracts: /\b(?:cannot|can't|can\s+not|not|unable\s+to)\b.*\b(?:guarantee|promise|confirm)\b|\bno\s+guarantee\b/i,
  conditional: /\bif\s+(?:possible|necessary|needed|required)\b|\bwhere\s+possible\b|\bif\s+(?:you|we|i|it|the|this|that|there|your|they|everything)\b|\bunless\b|\bprovided\b|\bas\s+long\s+as\b|\bin\s+case\b|^\s*(?:when|once|should)\b/i,
  pastSimple: /\b(?:was|were|did)\b|\b(?:we|i|they|he|she|it|you|the\s+\w+)\s+(?:already\s+|last\s+|just\s+|previously\s+|also\s+)?(?:called|visited|sent|received|issued|processed|refunded|credited|rang|came|tried|attempted|promised|spoke|replied|answered|replaced|delivered|paid|said|told|met|went|gave|got|took|made|saw|heard|wrote|asked|agreed|discussed|emailed|phoned|arranged|booked|scheduled)\b/i,
  perfect: /\b(?:have|has|had|'ve)\s+(?:\w+\s+){0,3}?(?:\w+ed|sent|paid|made|done|been|spoken|rung|come)\b/i,
  planned: /\b(?:scheduled|rescheduled|booked|planned|arranged|moved|confirmed|changed|set\s+up|put\s+in)\b/i,
  bound: /\b(?:by|within|before|no\s+later\s+than|tomorrow|next|end\s+of)\b/i,
  pastTime: /\b(?:yesterday|last\s+(?:week|night|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|ago|earlier\s+today)\b/i,
  already: /\balready\b/i,
  future: /\bwill\b|'ll\b|\bgoing\s+to\b/i,
};

export const COMMIT: Record<Language, CommitmentPhrases> = { nl: NL_COMMIT, en: EN_COMMIT };
