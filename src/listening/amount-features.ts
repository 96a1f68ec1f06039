import { saysMoreThanOnce } from './incident-concepts.ts';
import { foldForMatching } from '../text/normalise.ts';
import type { MoneyMention } from './money.ts';

/**
 * The role an amount plays in a complaint, read from the words of its own clause: money taken
 * ("afgeschreven", "rekent", "charged me"), a usual, expected or stated price given for contrast
 * ("normaal", "had moeten", "volgens de app", "instead of"), an earlier period ("vorige maand",
 * "last month"), a balance, a rate, the difference or the amount asked back ("€14 te veel", "the
 * difference of"), a fine or reminder fee on top, the old end of a change ("van €98 naar"). Only
 * closed-class words of Dutch and English (verbs of paying, adverbs of habit and time, modal and
 * comparative constructions), so it holds for any product and wording. disputed-amount.ts weighs
 * these features; this file only reads them.
 */
export interface AmountFeatures {
  /** words that say money went: a charge, a debit, a payment, a bill of */
  charged: boolean;
  /** "€44,80 (klopt niet)", "$12 is wrong" */
  disputed: boolean;
  /** usual, expected, agreed, advertised or stated price; what it should or would have been */
  reference: boolean;
  /** "€2,10, dat klopt", "$4.00, which is fine" */
  acknowledged: boolean;
  /** an earlier period: "vorige maand", "last month", "eerst", "toen was het" */
  earlier: boolean;
  /** a change of situation before it: "maar", "nu", "deze keer", "this time", "suddenly" */
  contrast: boolean;
  /** "terwijl", "whereas", "although": introduces the fact set against the complaint */
  concessive: boolean;
  /** shown by a device, a ticket or a sign ("de app zegt", "the receipt shows", "kaartje zei"): alone it is the charge shown, beside a charge it is the stated price */
  stated: boolean;
  /** money already given back ("€27 is teruggestort", "I got £5 back"): not what is still in dispute */
  refunded: boolean;
  /** the new end of a change: "van €150 naar €235" */
  to: boolean;
  /** a price per unit: "€2,40 per uur", "$5 a month" */
  rate: boolean;
  /** the price of an hour or a ride said in general: "een uur kost €2,25", "which costs £1.10" */
  unitPrice: boolean;
  /** now: "vandaag", "nu", "this time" (weighs against an amount of an earlier time) */
  present: boolean;
  /** what is left on an account or card, or both ends of its move */
  balance: boolean;
  /** the difference or overcharge: "het verschil van €X", "€X te veel", "$X more than usual" */
  difference: boolean;
  /** asked back: "terug", "refund", "crediteren" */
  refund: boolean;
  /** a fine, reminder or collection fee, interest: a cost on top of the charge */
  consequence: boolean;
  /** said to come on top of the charge: "daarbovenop", "on top of that" */
  onTop: boolean;
  /** the old end of a change: "van €98 naar …", "from $38 to …" */
  from: boolean;
  /** "niet €3,20 maar", "not $5" */
  negated: boolean;
  /** "!", "maar liefst", "a whopping" */
  emphasis: boolean;
  /** "twee keer €9,90", "€9,90 dubbel", "2 x 46,80": a repetition said right beside it */
  repeatedNext: boolean;
  /** said to come on top of another: "nog eens", "nogmaals", "another", "a further" */
  another: boolean;
  /** given as the outcome of a sum: "dus €X", "so $X", "dat is €X" */
  computed: boolean;
  /** a part named as an item of a bill: "waarvan €33,10 voor", "due to £22.25 of" */
  item: boolean;
  /** a rough figure or one end of a range: "rond de 2 euro", "een euro of twee", "15 à 20 euro", "about £3", "2 to 3 pounds" */
  rough: boolean;
  /** held or reserved on a card, not (yet) taken: "€150 geblokkeerd", "a hold of £200", "voorlopige reservering", "pre-authorisation" */
  hold: boolean;
  /** paid before and rightly, the fact beside the complaint: "een factuur die ik al betaald had", "I had already paid £2" */
  alreadyPaid: boolean;
  /** named as what several amounts made together: "in totaal", "samen", "altogether" */
  total: boolean;
}

// What says the money went: a charge, a debit, a payment taken, a purchase, a bill of.
const CHARGED = new RegExp(
  String.raw`\b(?:afgeschreven|afschrijving(?:en)?|incasso'?s?|afgeboekt|afgerekend|afrekenen|ge[iï]ncasseerd|incasseren|incasseert|afgetrokken|gerekend|berekend|rekent|rekenen|rekende|rekenden|in rekening|gefactureerd|betaal|betaalt|betalen|bijbetalen|betaald|betaalde|betaalden|moest\s+(?:ik|we)\s+\S+\s+betalen|kwijt|ingehouden|voldaan|gedebiteerd|in\s+mindering\s+gebracht|(?:van\s+)?af\s*gegaan|afgegaan|opgenomen|belast|kostte\s+(?:me|mij|ons)|(?:sessie|parkeersessie|parkeeractie|rit|parkeren|ride|session|trip|stay)\s+(?:(?!kost)\S+\s+){0,3}(?:kostte|kostten|cost\s+me)|werd\s+(?:het|dat)|kwam\s+(?:het\s+)?(?:uit\s+)?op|came\s+to|ended\s+up\s+(?:at|being)|kocht|gekocht|van\s+(?:mijn|m'n|mn|onze|ons|de)\s+(?:rekening|bankrekening|account|saldo|kaart|creditcard)\s+(?:gehaald|gegaan|af|afgegaan)|(?<!terug\w*\s+(?:\w+\s+)?)op\s+(?:mijn|m'n|mn|onze|de)\s+\p{L}*(?:rekening|factuur|nota|afschrift|creditcard)|(?:bank|afschrift|bankafschrift|bank-?app|statement|bill|invoice)\s+(?:shows?|showed|says|zegt|toont|laat\s+zien)|on\s+(?:my|our|the)\s+(?:bill|invoice|statement|bank\s+statement|card|credit\s+card)|(?:rekening|factuur|nota|bon|bill|invoice)\s+(?:van|of|is|was|:)|pakte|pakt|gepakt|afgehaald|gehaald|eraf|gevraagd|vroeg(?:en)?\s+(?:me|mij|ons|jullie|ze|hij)|moest\s+(?:ik|we)\s+(?:\S+\s+)?pinnen|gepind|asked\s+(?:me\s+)?(?:for|to\s+pay)|demanded|van\s+gemaakt|weg\s*(?:te\s+)?(?:halen|gehaald|genomen|nemen)|weggehaald|weggenomen|betaling\s+van|payment\s+of|verbruikt|opgemaakt|used\s+up|spent|(?:kreeg|kregen|krijg|ontving|ontvangen|gekregen|received|got|get)\s+(?:ik\s+|we\s+)?(?:een\s+|a\s+|an\s+)?(?:\p{L}+\s+){0,2}\p{L}*(?:naheffing|boete|factuur|rekening|nota|aanslag|bill|invoice|fine|charge|penalty|fee)\p{L}*\s+(?:gekregen\s+|ontvangen\s+)?(?:van|of|for)|\b(?:een|a)\s+(?:\p{L}+\s+)?(?:debit|charge|afschrijving|incasso)\s+(?:van|of)|ingehouden|charged|charging|billed|debited|grabbed|deducted|took|taken|withdrawn|paid|pay|cost\s+(?:me|us)|out\s+of\s+my\s+account)\b|^\s*aan\s+\p{L}*(?:geld|kosten)\b|\b(?:kosten|bedrag|afschrijving|charge|amount|aanslag\p{L}*|factuur|rekening|nota|bill|invoice|betaald|paid|afgeschreven|charged|gerekend|totaal|total)\b[^.!?:€$£\d]{0,30}:\s*$`,
  'iu',
);
// What marks an amount as the usual, expected, agreed or stated price.
const REFERENCE = new RegExp(
  String.raw`\b(?:normaal(?!\s+dat\b)|normaliter|meestal|gewoonlijk|doorgaans|altijd|standaard|vaste?|gebruikelijke?|gewone|hoort|hoorde|horen|zou(?:den)?|had(?:den)? (?:moeten|horen)|moet(?:en)?\s+(?:zijn|kosten|betalen)|verwacht\w*|dacht(?:en)?\s+(?:dat|ik)|ging(?:en)?\s+ervan\s+uit|in plaats van|i\.?p\.?v\.?|ipv|afgesproken|beloofd\w*|dan\s+(?:was|zou|had)|(?<!on)verschuldigd\w*|(?:het\s+)?(?:juiste|correcte)\s+(?:bedrag|prijs|tarief)|(?:the\s+)?(?:correct|right|proper)\s+(?:amount|price|fare|fee)|geadverteerd|aangegeven|vermeld|offerte|aanbieding|actieprijs|volgens\s+(?:de|het|mijn|m'n|uw|jullie|onze)\s+\p{L}*(?:lijst|tarie\p{L}*|prijs\p{L}*|overzicht)\b|volgens\s+(?:de|het|mijn|m'n|uw|jullie|onze)\s+(?:contract|overeenkomst|tarief|tarieven|prijslijst|website|site|offerte|polis|afspraak|voorwaarden|bevestiging)|prijs\s+(?:op|in|van)\s+(?:de|het|jullie)\s+\S+|usual|normal|typical|usually|normally|typically|always|regular(?:ly)?|standard|should|would|expected|expect|supposed|thought|assumed|instead of|rather than|used to|agreed|advertised|listed|quoted|promised|according to)\b|\b(?:mijn|m'n|ons|onze|het|de|my|our|the)\s+(?:abonnement|contract|bundel|lidmaatschap|pakket|subscription|plan|membership|bundle|package)\s+(?:kost|kostte|is|was|costs?|cost)\s*(?:maar|slechts|only|just)?\s*$|\b(?:betaal\s+je|je\s+betaalt|betaalt\s+men|you\s+(?:normally\s+|usually\s+)?pay)\b|\b(?:anders|otherwise)\s+(?:altijd\s+|ook\s+|maar\s+|always\s+|just\s+|only\s+)?(?:(?:een|één)\s+)?$|\bbij\s+de\s+(?:automaat|parkeerautomaat|paal|kassa)\s+(?:(?!en\b|én\b|maar\b)\S+\s+){0,3}$|\b(?:zij|hij|ze|anderen|iedereen|mijn\s+(?:buurman|buurvrouw|vrouw|man|partner|collega|vriend|vriendin|zus|broer|buren)|she|he|others|everyone|my\s+(?:neighbou?rs?|wife|husband|partner|colleague|friend|sister|brother))\s+(?:betaal\w*|paid|pays|pay)\s*$|\b(?:minus|less|min\s+(?:de|het))\s*(?:the)?\s*$|\b(?:(?:dat|dit|het|it|that)\s+(?:moet|moest|hoort|hoorde|zou|should|must)(?:\s+(?:maar|eigenlijk|slechts|only|just|have|be|been|zijn|hebben|kosten))*|al\s+jaren|jarenlang|for\s+years|elke\s+keer|iedere\s+keer|every\s+time)\s*$|\b(?:hooguit|maximaal|hoogstens|slechts|only|at\s+most|no\s+more\s+than|never\s+more\s+than|(?:niet|nooit)\s+meer\s+dan)\s*(?:zo'?n|ongeveer|about|around|rond\s+de)?\s*$`,
  'iu',
);
// A reference price named after its amount: "€2,10 had moeten zijn", "$2.10 should have been", "€1,10 verschuldigd".
// ("dan was het € 3,30 geweest" is read before the amount, by "dan was".)
const REFERENCE_AFTER = new RegExp(
  String.raw`^\s*(?:[^.!?€$£]{0,25}?)\b(?:had(?:den)? moeten|zou(?:den)? moeten|moet(?:en)? (?:zijn|kosten)|hoort|hoorde|is normaal|normaal|gebruikelijk|verschuldigd|verwacht\w*|expected|owed|due(?!\s+to)|zou(?:den)?\s+(?:\w+\s+){0,2}(?:kosten|betalen|zijn|worden)|(?:should|would)(?:'ve| have)? (?:been|be|cost|pay|paid)|volgens\s+(?:de|het|mijn|m'n|uw|jullie|hun)\s+\p{L}+|according\s+to|is normal|normally|usually|as (?:usual|agreed|advertised|promised|quoted|stated|shown)|zoals|(?:die|dat|which|that)\s+(?:jullie|u|you)\s+(?:aanbood|aanboden|aanbiedt|aanbieden|boden|bood|offered|proposed))\b`,
  'iu',
);
// "Ik had €1,60 moeten betalen", "dat zou €2 hebben gekost": the verb at the end, the irrealis before (not "ik heb €12,50 moeten betalen")
const IRREALIS_BEFORE = /\b(?:had|hadden|zou|zouden)\b/iu;
const MODAL_AFTER = /^\s*(?:[^.!?€$£]{0,25}?)\b(?:moeten\s+(?:betalen|kosten|zijn|afrekenen)|(?:hebben|zijn)\s+(?:gekost|betaald)|hoeven\s+(?:te\s+)?(?:betalen|kosten))\b/iu;
// what someone else paid or was charged ("mijn buurvrouw heeft hetzelfde: €15,20", "a friend paid £2"): a comparison, not
// this customer's charge (a child or partner on the customer's account is left out: their charge is the customer's)
const OTHER_PERSON = /\b(?:(?:mijn|m'n|my|our|onze)\s+(?:buurvrouw|buurman|buren|collega'?s?|vriend(?:in|en)?|zus|broer|neighbou?rs?|colleagues?|friends?|sister|brother)|iemand\s+anders|someone\s+else|anderen|others)\b(?:\s+\S+){0,5}\s*:?\s*$/iu;
// What a device, a ticket, a receipt or a sign shows: the price stated by it (the bank's statement is what was taken: CHARGED).
const STATED = /\b(?:app|meter|automaat|parkeerautomaat|machine|kiosk|terminal|paal|zuil|bord|website|site|scherm|screen|display|kaartje|ticket|bon|bonnetje|kassabon|receipt|sign|board|prijsbord|parkeerbord)(?:\s+(?!(?:and|en|maar|but)\b)[^\s€$£\d]+){0,3}?\s+(?:zei|zegt|gaf\s+aan|geeft\s+aan|toonde|toont|meldde|meldt|vermeldt|said|showed|shows|says|states|stated|read|reads)\s*(?:\S+\s+){0,2}$/iu;
// money already back: "teruggestort", "heb €30 terugontvangen", "refunded me", "got £5 back" — not when it is still missing ("nog niets teruggekregen")
const REFUNDED = /\b(?:teruggekregen|terugontvangen|teruggestort|terugbetaald|terug\s*gekregen|terug\s*ontvangen|terug\s*gestort|gecrediteerd|vergoed|refunded|credited|reimbursed|got\s+(?:\S+\s+){0,2}back|received\s+(?:\S+\s+){0,2}back)\b/iu;
const NOT_YET = /\b(?:niet|niets|geen|nooit|nog\s+steeds\s+niet|not|never|no|nothing|haven'?t|hasn'?t|still\s+not)\b/iu;
// "het ticket zelf was €42", "the room itself cost £98": the base price set apart from what is disputed
const ITSELF_BEFORE = /\b(?:zelf|itself|themselves)\s+(?:was|is|kost\w*|cost\w*|bedroeg|bedraagt)?\s*$/iu;
// a stated tariff: "is het tarief €296", "het uurtarief is €2,20", "the rate is £3"
const TARIFF_BEFORE = /\b(?:(?:is|was)\s+(?:het|de)\s+\p{L}*tarief|\p{L}*tarief\s+(?:is|was|bedraagt)|(?:the|a)\s+(?:\p{L}+\s+)?(?:rate|tariff)\s+(?:is|was))\s*(?:maar|slechts|only|just)?\s*$/iu;
// a number of units times a price: "11 uur x €2,10", "3 × £4.50", "per maand betaal (€45)"
const RATE_BEFORE = /\b\d+\s*(?:uur|u|hours?|hrs?|dagen|days?|maanden|months?|weken|weeks?|stuks?|ritten|rides?|kwartier|minuten|minutes)\s*(?:x|×|\*|à|@|maal)\s*$|\bper\s+(?:uur|maand|week|dag|jaar|rit|hour|month|week|day|year|ride)\s+(?:betaal\w*|pay\w*)\s*\(?\s*$|\b(?:elke|iedere|every|each)\s+(?:maand|week|dag|jaar|month|week|day|year)\b(?:\s+\p{L}+){0,3}\s*$|\bmaandelijks\s*$|\bmonthly\s*$/iu;

// The price of a unit of time or a trip, said in general: "een uur parkeren kost €2,25", "which costs £1.10", "een kwartier (€0,55)".
const UNIT_PRICE =
  /(?<![\p{L}\d])(?:een|één|1|per|an|one|a|half|30|15)\s+(?:uur|uurtje|kwartier|half\s+uur|minuut|minuten|dag|rit|hour|minutes?|day|ride|trip)\b(?:\s+\p{L}+){0,3}\s*(?:\(\s*(?:dat\s+is|that'?s|=)?|(?:kost|kosten|betaal\s+ik|betaal\s+je|costs?|is)(?:\s+\p{L}+){0,3})\s*$|\bwhich\s+costs?\s*$|\b(?:kost|costs?)\s+(?:een|één|1|an|one|a)\s+(?:uur|kwartier|rit|hour|ride)\b/iu;
// the customer's own stop or ride: "my 15 minute stop cost", "mijn rit van een uur kostte"
const OWN_UNIT = /\b(?:my|mijn|m'n|our|onze|ons)\s+(?:\d+|een|één|a|an|half|ten|tien|vijf|five|twenty|twintig)[\s-]+(?:minute|minuten|min|uur|hour|kwartier)/iu;
const EARLIER = /\b(?:daarvoor\s+(?:was|kostte|betaalde|waren|betaalden)|vorige\s+(?:\S+\s+)?keer|voorheen|tot\s+dan(?:\s+toe)?|before\s+that|vorige\s+(?:maand|week|keer|periode|factuur|rekening|jaar)|vorig\s+jaar|(?:week|maand|keer|dag)\s+(?:daarvoor|ervoor)|eerder|vroeger|the\s+(?:week|month|day|time)\s+before|in\s+het\s+verleden|toen\s+(?:was|kostte|betaalde)|last\s+(?:month|week|time|year)|previous(?:ly)?|before|earlier|formerly|used\s+to)\b/iu;
const BALANCE = /\b\p{L}*-?(?:saldo|tegoed)\b|\b(?:balance|remaining\s+credit)\b/iu;
// money put on a card or account ahead ("€6 op mijn parkeerpas gezet", "topped up my wallet with £10"): a balance, not a charge
const TOP_UP = /\b(?:opgewaardeerd|opwaarder\w*|top(?:ped)?[\s-]*up|(?:gezet|geladen|gestort|put|loaded|added)\s+(?:op|on(?:to)?)\s+(?:mijn|m'n|de|my|the)\s+\p{L}*(?:pas|kaart|tegoed|card|wallet|account)|(?:op|on(?:to)?)\s+(?:mijn|m'n|de|my|the)\s+\p{L}*(?:pas|kaart|tegoed|card|wallet)\s+(?:gezet|geladen|gestort|put|loaded|added))\b/iu;
// a rough figure or a range: the words before it, or a second figure it is paired with ("15 à 20 euro", "een euro of twee")
const ROUGH_BEFORE = /(?:\b(?:rond(?:\s+de)?|ongeveer|zo'?n|circa|ca\.?|pakweg|ergens\s+rond|iets\s+van|een\s+kleine|ruim|bijna|tussen\s+(?:de\s+)?\S+\s+(?:en|tot)|about|around|roughly|approximately|approx\.?|something\s+like|in\s+the\s+region\s+of|nearly|almost|just\s+(?:over|under)|between\s+\S+\s+and)|(?<![\d.,])\d{1,4}(?:[.,]\d{1,2})?\s*(?:à|á|-|–|tot|to|or|of)|(?:^|\s)(?:een|één|twee|drie|vier|vijf|one|two|three|four|five)\s+(?:à|á|tot|to|or|of))\s*$/iu;
const ROUGH_AFTER = /^\s*(?:(?:of|or)\s+(?:twee|drie|vier|vijf|zes|tien|zo|so|two|three|four|five|six|ten|\d+)\b|(?:à|á|-|–)\s*(?:€|\$|£)?\s*\d|(?:tot|to)\s+(?:€|\$|£)?\s*\d|ish\b|-ish\b|(?:€|\$|£)?\s*(?:à|á)\s+(?:€|\$|£)?\s*\d)/iu;
// "from $38 to", "van €28 tot": the ends of a change, not a range
const FROM_TO = /\b(?:van|from)\s*(?:€|\$|£)?\s*\d[\d.,]*\s*(?:euro|eur|dollars?|pounds?)?\s*(?:to|tot|naar)\s*$/iu;
// said to be taken after all, beside the words of a hold ("die €30 is nu ook echt afgeschreven")
const CHARGED_NOT_HOLD = /\b(?:afgeschreven|geïncasseerd|ingehouden|afgehouden|charged|taken|debited|deducted|took)\b/iu;
// held or reserved, not taken: a card hold, a pre-authorisation, a blocked amount
const HOLD = /\b(?:geblokkeerd|blokkade|blokkering|gereserveerd|reservering|reserveert|reserveren|voorlopig\w*|vastgezet|pre-?autori[sz]\w*|pre-?auth\w*|autori[sz]atie|authori[sz]ation|(?:a|the|een)\s+hold|on\s+hold|blocked|reserved|ring-?fenced)\b/iu;
// paid before and rightly: "die ik al (lang) betaald had", "I had already paid"
const ALREADY_PAID = /\b(?:al\s+(?:lang\s+|eerder\s+|netjes\s+)?(?:betaald|voldaan|afgerekend)|(?:had|heb|hebben|hadden)\s+(?:ik\s+|we\s+)?(?:\S+\s+){0,3}al\s+(?:\S+\s+){0,3}(?:betaald|voldaan)|already\s+(?:been\s+)?paid|(?:had|have)\s+already\s+paid|paid\s+already)\b/iu;
const STILL_BEFORE = /\b(?:nog|nog\s+maar|nog\s+slechts|still|only)\s*$/iu;
const LEFT_AFTER = /^\s*(?:over|left|remaining|resterend)\b/iu;
// "each" of the repeated charges was wrong ("beide ritten", "both times"), not one of them a duplicate.
export const EACH = /\b(?:beide|allebei|alle\s+(?:twee|drie|vier)|both|each\s+time|every\s+time|elke\s+keer|iedere\s+keer)\b/iu;
const CONTRAST = /\b(?:maar(?!\s+(?:een|één|\d|twee|drie|vier|vijf|tien|kort|even|enkele|heel|zo)\b)|nu|ineens|opeens|plots(?:eling)?|deze\s+(?:keer|maand|week)|dit\s+keer|toch|but|now|suddenly|this\s+(?:time|month|week)|yet)\b/iu;
const PRESENT = /\b(?:vandaag|vanochtend|vanmorgen|gisteren|nu|deze\s+(?:keer|maand|week)|dit\s+keer|today|this\s+(?:morning|time|month|week)|yesterday|now)\b/iu;
const CONCESSIVE = /\b(?:terwijl|hoewel|whereas|while|although|though)\b/iu;
const ACKNOWLEDGED_AFTER =
  /^(?:[^.!?\n€$£]{0,24}?[,(:-]\s*|\s*[,:;(-]?\s*)(?:en\s+|and\s+)?(?:dat|die|dit|that|which|this|het|it)?\s*(?:klopt|(?:is|was)\s+(?:correct|juist|terecht|goed|prima|in\s+orde|ok[eé]?|right|fine|ok(?:ay)?)|'s\s+(?:correct|right|fine|ok(?:ay)?))\b(?!\s+(?:\w+\s+)?(?:niet|not)\b)/iu;
// a word of approval set off right after it: "€2,80 voor 2 uur, prima", "£3.10 (fine)", "€22,50 – klopt"
const ACKNOWLEDGED_BARE = /^[^.!?\n€$£]{0,24}?[,(–-]\s*(?:prima|klopt|correct|juist|terecht|in\s+orde|fine|ok(?:ay|é)?|right|no\s+problem|geen\s+probleem)\s*(?:[).,!;]|$)/iu;
const DISPUTED_AFTER =
  /^\s*[,:;(-]?\s*(?:en\s+|and\s+)?(?:dat|die|dit|that|which|this)?\s*(?:(?:i|ik|we|wij)\s+(?:do\s+not|don'?t|did\s+not|didn'?t|niet)\s+(?:recogni[sz]e|herken|ken|authori[sz]e|made|heb\s+gedaan)|(?:herken|ken)\s+(?:ik|we)\s+niet|(?:is|was)\s+(?:not\s+mine|niet\s+van\s+mij|onbekend)|klopt\s+(?:\w+\s+)?niet|(?:is|was)\s+(?:niet\s+(?:correct|juist|terecht|goed)|onterecht|onjuist|fout|te\s+veel|not\s+(?:correct|right)|wrong|incorrect)|(?:'s|is)\s+wrong)\b/iu;
const RATE_AFTER = /^\s*(?:(?:per|p\/|\/|pro)\s*(?:\d{1,3}\s*)?\p{L}{1,15}|(?:a|an)\s+(?:hour|hr|minute|day|month|week|year|ride|trip|line|piece)\b|each\b(?!\s+time)|apiece)/iu;
const DIFFERENCE_BEFORE = /\b(?:(?:scheelt|verschilt)(?:\s+\S+){0,2}|verschil|difference|onverschuldigd\s+betaalde?(?:\s+bedrag)?|te\s*veel\s+betaalde(?:\s+bedrag)?|overpaid|overpayment(?:\s+of)?|overcharged?\s+(?:me\s+)?(?:by|of)|te\s*veel\s+(?:betaald|gerekend|afgeschreven)?|teveel\s+(?:betaalde?|gerekend)?)\s*(?:van|of|is|was|:|,)?\s*(?:zo'?n|ongeveer|about|around)?\s*$/iu;
const DIFFERENCE_AFTER = /^\s*(?:te\s*veel|verschil|difference|teveel|too\s+much|(?:meer|hoger|duurder)(?:\s+dan)?|(?:more|higher)(?:\s+than)?|extra\s+(?:vergeleken|compared)|over\s+the\s+(?:odds|top))\b/iu;
const REFUND = /\b(?:terug\w*|retour|restitu\w*|refund\w*|reimburs\w*|credit(?:eren|ed)?|gecrediteerd|vergoed\w*|back)\b/iu;
// a cost said to come on top of the charge: "daarbovenop", "bovendien nog", "on top of that"
const ON_TOP = /\b(?:daar\s*bovenop|bovenop|on\s+top(?:\s+of\s+(?:that|this|it))?|daarnaast\s+(?:ook\s+)?nog|plus(?:\s+nog)?)(?!\p{L})/iu;
const CONSEQUENCE = /\b(?:boete|transactiekosten|servicekosten|stornokosten|(?:transaction|service|handling|booking|processing)\s+(?:fee|charge)s?|aanmaning\w*|herinnering\w*|incassokosten|administratiekosten|rente|late\s+(?:payment\s+)?fee|penalty|fine|interest|reminder\s+fee)\b/iu;
const TOTAL = /\b(?:in\s+totaal|totaal|samen|bij\s+elkaar|opgeteld|in\s+total|total|altogether|combined|in\s+all)\b/iu;
const ANOTHER = /\b(?:nog\s+eens|nogmaals|daarna\s+nog|toen\s+nog|another|a\s+further|an\s+additional|then\s+(?:a\s+)?(?:further|another)|(?:an?|een|nog\s+een)\s+extra|bijkomende?)\b/iu;
// "Daar kwam €15 servicekosten bij", "de €25 die erbij kwamen", "£4 was added": a cost added to the charge
const CAME_ON_TOP = /\b(?:(?:kwam|kwamen|komt|komen|gekomen)\b[^.!?€$£]{0,40}\b(?:bij|erbij)|erbij|bijgeteld|opgeteld\s+bij|(?:was|were|got|been)\s+added|tacked\s+on)\b/iu;
const EXTRA_AFTER = /^\s*extra\b(?!\s+(?:vergeleken|compared))/iu;
const COMPUTED = /\b(?:dus|so|thus|dat\s+is|that'?s|that\s+is|makes|maakt)\s*(?:een|a|nog|dan)?\s*(?:bijna|ruim|ongeveer|zo'?n|about|around|almost|nearly|roughly)?\s*$|=\s*$/iu;
const FROM_BEFORE = /\b(?:van|from)\s*(?:zo'?n|ongeveer|about|around)?\s*$/iu;
const TO_AFTER = /^\s*(?:naar|to)\b/iu;
const NEGATED_BEFORE = /\b(?:niet|geen|not|no)\s*(?:(?:alleen|enkel|slechts|just|only)\s+)?(?:de|het|the)?\s*$/iu;
const EMPHASIS = { after: /^\s*(?:!|\?!|\(!\))/u, before: /\b(?:maar liefst|wel|zomaar|whopping|a full)\s*$/iu };
const ITEM = { before: /\b(?:waarvan|of\s+which|due\s+to|because\s+of|vanwege|door)\s*(?:\S+\s+){0,2}$/iu, after: /^\s*(?:aan|voor|of|for)\s+['"‘“]?\p{L}/iu };

// A sentence ends at . ! ? (not after "i.p.v.", "bijv.", "ca.", "e.g."), a line break or a semicolon.
const SENTENCE = /(?<=[.!?])(?<!\b(?:i\.p\.v|o\.a|m\.b\.t|bijv|ca|resp|incl|excl|e\.g|i\.e|approx|vs|nr|no)\.)\s+|\n+|;\s*/iu;
// Where a clause begins inside a sentence: a comma, or a conjunction that joins two clauses (kept with the clause it opens);
// not "en"/"and", which as often join two verbs of one clause ("is gestopt en heeft €9,90 gerekend"), nor "maar" where it
// means "only" ("maar een kwartier"); a closing parenthesis ends the aside it closes.
const CLAUSE = /,\s*|\)\s*|\s+(?=(?:terwijl|maar(?!\s+(?:een|één|\d|twee|drie|vier|vijf|tien|kort|even|enkele|heel|zo)\b)|want|omdat|hoewel|whereas|while|but|because|although)\s)/iu;

/** The words that belong to one amount: its sentence, cut at the amounts before and after it, and its clause. */
export function partAround(text: string, all: MoneyMention[], index: number) {
  const m = all[index];
  const headParts = text.slice(index > 0 ? all[index - 1].end : 0, m.start).split(SENTENCE);
  const tailParts = text.slice(m.end, index < all.length - 1 ? all[index + 1].start : text.length).split(SENTENCE);
  const before = headParts[headParts.length - 1] ?? '';
  const after = tailParts[0] ?? '';
  const nextInSentence = index < all.length - 1 && tailParts.length === 1;
  // an amount set off by commas ("het verschil, €6,60, graag terug") belongs to the clause around it
  const head = before.split(CLAUSE).filter((p) => p.trim());
  const tail = after.split(CLAUSE);
  const clauseAfter = !tail[0]?.trim() && /,\s*$/.test(before) && !nextInSentence ? (tail.find((p) => p.trim()) ?? '') : (tail[0] ?? '');
  return { before, after, clauseBefore: /,\s*$/.test(before) && /^\s*,/.test(after) && head.length ? (head[head.length - 1] ?? '') : (before.split(CLAUSE).pop() ?? ''), clauseAfter, nextInSentence };
}

// What, after an amount, opens the words about the next one: a conjunction or a relative pronoun.
const LEADS_ON = /\b(?:en|and|maar|terwijl|want|but|while|whereas|that|which|die|dat|wat|waar|waarvan|whose)\b/iu;
// A conjunction that opens a clause of its own: what follows it is about something else ("…, terwijl het gratis zou zijn").
const OTHER_CLAUSE = /\b(?:terwijl|maar|want|omdat|hoewel|whereas|while|but|because|although)\b/iu;

/**
 * The words after an amount that are about it: up to the next clause of its own; when another amount follows in
 * the sentence, only if a clause boundary comes first (the words leading up to that amount are about that one).
 */
function ownPartAfter(after: string, clauseAfter: string, nextInSentence: boolean): string {
  if (nextInSentence) {
    if (clauseAfter.length < after.length) return clauseAfter;
    // "€1,50 moeten kosten en jullie hebben €15,00 …": up to the word that opens what leads to the next amount
    const lead = LEADS_ON.exec(after);
    return lead ? after.slice(0, lead.index) : '';
  }
  const cut = OTHER_CLAUSE.exec(after);
  return cut ? after.slice(0, cut.index) : after;
}

/** The text of the amount's sentence before it. */
function sentenceBefore(text: string, at: number): string {
  const parts = text.slice(0, at).split(SENTENCE);
  return parts[parts.length - 1] ?? '';
}

/** Pure: the features of one amount among all amounts of a text. */
export function amountFeatures(text: string, all: MoneyMention[], index: number): AmountFeatures {
  const part = partAround(text, all, index);
  const { before, after, clauseAfter, nextInSentence } = part;
  // "€1,20 zou het moeten zijn … €22,05 afgeschreven": words that said what the amount before was are not about this one
  const prev = index > 0 ? partAround(text, all, index - 1) : null;
  const prevPart = prev && before === text.slice(all[index - 1].end, all[index].start) ? prev : null;
  const taken = prevPart ? REFERENCE_AFTER.exec(ownPartAfter(prevPart.after, prevPart.clauseAfter, prevPart.nextInSentence)) : null;
  const clauseBefore = before.slice(Math.max(before.length - part.clauseBefore.length, taken?.[0].length ?? 0));
  const clause = `${clauseBefore} ${clauseAfter}`;
  const fromHere = FROM_BEFORE.test(before) && TO_AFTER.test(after);
  // words after an amount that lead up to the next amount in its clause are about that one
  const ownAfter = ownPartAfter(after, clauseAfter, nextInSentence);
  return {
    charged: CHARGED.test(clauseBefore) || CHARGED.test(clauseAfter),
    disputed: DISPUTED_AFTER.test(after),
    // words after an amount that lead up to the next amount in the sentence are about that one
    reference: REFERENCE.test(clauseBefore) || OTHER_PERSON.test(clauseBefore) || REFERENCE_AFTER.test(ownAfter) || (IRREALIS_BEFORE.test(clauseBefore) && MODAL_AFTER.test(ownAfter)) || (TARIFF_BEFORE.test(clauseBefore) && !CHARGED.test(clause)),
    stated: STATED.test(clauseBefore),
    refunded: REFUNDED.test(clause) && !NOT_YET.test(clause),
    to: /^\s*(?:geworden|gaan\s+kosten)\b/iu.test(after) || (/\b(?:naar|to)\s*$/iu.test(before) && index > 0 && FROM_BEFORE.test(text.slice(index > 1 ? all[index - 2].end : 0, all[index - 1].start))),
    acknowledged: ACKNOWLEDGED_AFTER.test(after) || ACKNOWLEDGED_BARE.test(after) || ITSELF_BEFORE.test(clauseBefore),
    earlier: EARLIER.test(clauseBefore) || EARLIER.test(ownAfter),
    // "terwijl ik maar een uur stond en het uurtarief €2,20 is": a concessive clause is no change of situation
    contrast: CONTRAST.test(clauseBefore) && !CONCESSIVE.test(clauseBefore) && !EARLIER.test(clauseBefore),
    concessive: CONCESSIVE.test(clauseBefore),
    rate: RATE_AFTER.test(after) || RATE_BEFORE.test(clauseBefore),
    unitPrice: !OWN_UNIT.test(clauseBefore) && (UNIT_PRICE.test(clauseBefore) || (/^\s*(?:kost|costs?)\b/iu.test(after) && UNIT_PRICE.test(`${clauseBefore} kost`))),
    present: PRESENT.test(clauseBefore) && !EARLIER.test(clauseBefore),
    // "mijn saldo ging van €31,20 naar €7,20": both ends of a balance's move, within its sentence
    balance:
      (BALANCE.test(sentenceBefore(text, all[index].start).slice(-60)) && !CHARGED.test(clause)) ||
      ((BALANCE.test(clauseBefore) || (!nextInSentence && BALANCE.test(clauseAfter))) && !CHARGED.test(clause)) ||
      LEFT_AFTER.test(after) ||
      // "Vanochtend stond mijn tegoed op €25,00. Nu nog €3,15.": what is still there, after a balance named just before
      (STILL_BEFORE.test(clauseBefore) && BALANCE.test(text.slice(Math.max(0, all[index].start - 120), all[index].start)) && !CHARGED.test(clause)) ||
      TOP_UP.test(clause),
    difference: DIFFERENCE_BEFORE.test(before) || DIFFERENCE_AFTER.test(after),
    refund: REFUND.test(clause),
    // "een boete van €60", "€15 aanmaningskosten": named right beside it
    consequence: CONSEQUENCE.test(clauseBefore.slice(-30)) || CONSEQUENCE.test(after.slice(0, 25)) || ON_TOP.test(clauseBefore),
    onTop: ON_TOP.test(clauseBefore),
    from: fromHere,
    negated: NEGATED_BEFORE.test(before),
    emphasis: EMPHASIS.after.test(after) || EMPHASIS.before.test(before),
    repeatedNext: repeatedIn(`${before.slice(-24)} ${after.slice(0, 24)}`),
    another: ANOTHER.test(clauseBefore) || EXTRA_AFTER.test(after) || CAME_ON_TOP.test(clause),
    computed: COMPUTED.test(clauseBefore),
    total: TOTAL.test(clauseBefore) || TOTAL.test(clauseAfter.slice(0, 20)),
    rough: (ROUGH_BEFORE.test(text.slice(Math.max(0, all[index].start - 40), all[index].start)) && !FROM_TO.test(text.slice(Math.max(0, all[index].start - 40), all[index].start))) || (ROUGH_AFTER.test(after) && !fromHere && !RATE_AFTER.test(after)),
    hold: HOLD.test(clause) && !CHARGED_NOT_HOLD.test(clause),
    alreadyPaid: ALREADY_PAID.test(clause),
    item: ITEM.before.test(before) || (ITEM.after.test(after) && !REFUND.test(clauseAfter)) || (prev !== null && /\b(?:due\s+to|because\s+of|vanwege|waarvan|of\s+which)\s*$/iu.test(prev.after)),
  };
}

// Between two amounts of one enumeration ("€12,10, €9,70 en €31,55"): nothing but a separator.
const LIST_GAP = /^\s*(?:,|;|\/|&|\+|en|and|of|or|én)?\s*(?:nog\s+)?$/iu;
const SHARED: (keyof AmountFeatures)[] = ['charged', 'reference', 'earlier', 'contrast', 'concessive', 'balance', 'consequence'];

/** Pure: the features of every amount, the members of an enumeration sharing the cues of the clause around it. */
export function featuresOfAll(text: string, all: MoneyMention[]): AmountFeatures[] {
  const fs = all.map((_, i) => amountFeatures(text, all, i));
  let start = 0;
  for (let i = 1; i <= all.length; i++) {
    if (i < all.length && LIST_GAP.test(text.slice(all[i - 1].end, all[i].start))) continue;
    if (i - start > 1) {
      const group = fs.slice(start, i);
      for (const key of SHARED) if (group.some((f) => f[key])) for (const f of group) f[key] = true;
    }
    start = i;
  }
  return fs;
}

/** Pure and cheap (it runs on every message with money): its clause says the amount was charged, or calls it usual or earlier. */
export function chargedOrReference(text: string, all: MoneyMention[], index: number): boolean {
  // the whole sentence around it (a comma inside a date or a list must not hide "charged"), or the sentence before
  // when the amount opens one ("waarom staat dit 2x op mijn afschrift?? 96 euro en …")
  const { after, clauseBefore, clauseAfter, nextInSentence } = partAround(text, all, index);
  const head = text.slice(index > 0 ? all[index - 1].end : 0, all[index].start).split(SENTENCE).filter((p) => p.trim()).pop() ?? '';
  if (CHARGED.test(head) || CHARGED.test(after) || REFERENCE.test(clauseBefore) || EARLIER.test(clauseBefore)) return true;
  const ownAfter = ownPartAfter(after, clauseAfter, nextInSentence);
  return REFERENCE_AFTER.test(ownAfter) || EARLIER.test(ownAfter);
}

/** The text says a charge happened more than once ("twee keer", "2x", "dubbel", "twice"), not that one amount is a multiple of a price ("het dubbele", "twice the amount"). */
export function repeatedIn(text: string): boolean {
  return saysMoreThanOnce(foldForMatching(text)) && !MULTIPLE_OF_PRICE.test(text);
}
// one amount that is a multiple of the right one: "precies het dubbele", "twice the amount", "three times what it should be"
const MULTIPLE_OF_PRICE = /\b(?:het\s+(?:dubbele|drievoudige|tienvoudige)|(?:twee|drie|tien)\s+keer\s+(?:zoveel|zo\s+veel|zo\s+duur|het\s+bedrag)|(?:twice|double|three\s+times|ten\s+times)\s+(?:the|what|as\s+much)|double\s+the)\b/iu;

/**
 * How many times the text says a charge was taken ("twee keer", "3x", "dubbel", "twice", "drie afschrijvingen"), or
 * null when it gives no count. A total of repeated charges is this many times the charge, not any multiple.
 */
export function timesIn(text: string): number | null {
  const t = foldForMatching(text);
  const word = /\b(?:(\d|twee|drie|vier|two|three|four)\s*(?:x|×|keer|maal|times|afschrijvingen|incasso'?s|betalingen|charges|payments|debits|transactions)|(tweemaal|twice|dubbel\w*|double\w*|duplica\w*)|(driemaal|thrice))\b/u.exec(t);
  if (!word) return null;
  if (word[2]) return 2;
  if (word[3]) return 3;
  const n = /^\d$/.test(word[1]) ? Number(word[1]) : ({ twee: 2, two: 2, drie: 3, three: 3, vier: 4, four: 4 } as Record<string, number>)[word[1]];
  return n && n >= 2 ? n : null;
}

/**
 * The text says several different charges were taken for what should have been one or none ("2 afschrijvingen … 3,20 en
 * 16,80", "charged twice – €6.40 and then €19.20", "ik betaal twee abonnementen"): which of them is wrong, the words seldom say.
 */
export const SEVERAL_CHARGES =
  /\b(?:(?:\d|twee|drie|two|three|beide|meerdere|several|multiple|both)\s+(?:\p{L}+\s+)?(?:afschrijvingen|afboekingen|incasso'?s|betalingen|transacties|abonnementen|bedragen|charges|payments|debits|transactions|subscriptions)|charged\s+(?:me\s+)?twice|twice\s+charged|(?:twee|2)\s*(?:keer|x)\s+(?:afgeschreven|betaald|gerekend|ge[iï]ncasseerd|afgeboekt))\b/iu;

export const saysCharged = (text: string): boolean => CHARGED.test(text);
