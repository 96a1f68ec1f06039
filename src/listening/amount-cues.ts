/**
 * The closed-class words around an amount that tell its role (amount-features.ts reads them per
 * clause): money taken, a usual or stated price, an earlier period, a balance or top-up, a hold, a
 * rate, a rough figure, a difference, a fee on top, a total. Dutch and English; data only.
 */
// What says the money went: a charge, a debit, a payment taken, a purchase, a bill of.
export const CHARGED = new RegExp(
  String.raw`\b(?:afgeschreven|afschrijving(?:en)?|incasso'?s?|afgeboekt|afgerekend|afrekenen|ge[iï]ncasseerd|incasseren|incasseert|afgetrokken|gerekend|berekend|rekent|rekenen|rekende|rekenden|in rekening|gefactureerd|betaal|betaalt|betalen|bijbetalen|betaald|betaalde|betaalden|moest\s+(?:ik|we)\s+\S+\s+betalen|kwijt|ingehouden|voldaan|gedebiteerd|in\s+mindering\s+gebracht|(?:van\s+)?af\s*gegaan|afgegaan|opgenomen|belast|kostte\s+(?:me|mij|ons)|(?:sessie|parkeersessie|parkeeractie|rit|parkeren|ride|session|trip|stay)\s+(?:(?!kost)\S+\s+){0,3}(?:kostte|kostten|cost\s+me)|werd\s+(?:het|dat)|kwam\s+(?:het\s+)?(?:uit\s+)?op|came\s+to|ended\s+up\s+(?:at|being)|kocht|gekocht|van\s+(?:mijn|m'n|mn|onze|ons|de)\s+(?:rekening|bankrekening|account|saldo|kaart|creditcard)\s+(?:gehaald|gegaan|af|afgegaan)|(?<!terug\w*\s+(?:\w+\s+)?)op\s+(?:mijn|m'n|mn|onze|de)\s+\p{L}*(?:rekening|factuur|nota|afschrift|creditcard)|(?:bank|afschrift|bankafschrift|bank-?app|statement|bill|invoice)\s+(?:shows?|showed|says|zegt|toont|laat\s+zien)|on\s+(?:my|our|the)\s+(?:bill|invoice|statement|bank\s+statement|card|credit\s+card)|(?:rekening|factuur|nota|bon|bill|invoice)\s+(?:van|of|is|was|:)|pakte|pakten|pakt|gepakt|haalden|haalde|afgehaald|gehaald|eraf|gevraagd|vroeg(?:en)?\s+(?:me|mij|ons|jullie|ze|hij)|moest\s+(?:ik|we)\s+(?:\S+\s+)?pinnen|gepind|asked\s+(?:me\s+)?(?:for|to\s+pay)|demanded|van\s+gemaakt|weg\s*(?:te\s+)?(?:halen|gehaald|genomen|nemen)|weggehaald|weggenomen|betaling\s+van|payment\s+of|verbruikt|opgemaakt|used\s+up|spent|(?:kreeg|kregen|krijg|ontving|ontvangen|gekregen|received|got|get)\s+(?:ik\s+|we\s+)?(?:een\s+|a\s+|an\s+)?(?:\p{L}+\s+){0,2}\p{L}*(?:naheffing|boete|factuur|rekening|nota|aanslag|bill|invoice|fine|charge|penalty|fee)\p{L}*\s+(?:gekregen\s+|ontvangen\s+)?(?:van|of|for)|\b(?:een|a)\s+(?:\p{L}+\s+)?(?:debit|charge|afschrijving|incasso)\s+(?:van|of)|ingehouden|charged|charging|billed|debited|grabbed|deducted|took|taken|withdrawn|paid|pay|cost\s+(?:me|us)|out\s+of\s+my\s+account)\b|^\s*aan\s+\p{L}*(?:geld|kosten)\b|\b(?:kosten|bedrag|afschrijving|charge|amount|aanslag\p{L}*|factuur|rekening|nota|bill|invoice|betaald|paid|afgeschreven|charged|gerekend|totaal|total)\b[^.!?:€$£\d]{0,30}:\s*$`,
  'iu',
);
// money gone, said by the particle after the amount or at the end of its clause (a separable verb's particle closes a Dutch clause): "12.50 weg", "er ging 8,40 af", "8,40 van mijn rekening af"
export const GONE_AFTER = /^\s*(?:eraf|weg|kwijt|verdwenen|gone)(?![\p{L}])|^[^.!?\n,;€$£\d]{0,30}?(?<![\p{L}])(?:af|eraf|weg|kwijt|verdwenen|gone|missing)(?![\p{L}])\s*(?:[.!?,;)\n]|$|(?:en|maar|terwijl|want|omdat|hoewel|dus|toen|and|but|while|because|so|although)(?![\p{L}]))/iu;
// "er ging 8,40 af voor …", "schreven 12,50 af": a verb of going or taking before, its particle "af" a few words after
export const AF_VERB_BEFORE = /\b(?:ging|gingen|gaat|gaan|gegaan|haalden|haalde|haalt|trokken|trok|trekt|schreven|schreef|schrijft|boekten|boekte|boekt|hielden|hield|houdt)\b(?:\s+[^\s.!?]+){0,3}\s*$/iu;
export const AF_AFTER = /^(?:\s+[^\s.!?,;€$£\d]+){0,3}?\s+af(?![\p{L}])/iu;
// What marks an amount as the usual, expected, agreed or stated price.
export const REFERENCE = new RegExp(
  String.raw`\b(?:normaal(?!\s+dat\b)|normaliter|meestal|gewoonlijk|doorgaans|altijd|standaard|vaste?|gebruikelijke?|gewone|hoort|hoorde|horen|zou(?:den)?|had(?:den)? (?:moeten|horen)|moet(?:en)?\s+(?:zijn|kosten|betalen)|verwacht\w*|dacht(?:en)?\s+(?:dat|ik)|ging(?:en)?\s+ervan\s+uit|in plaats van|i\.?p\.?v\.?|ipv|afgesproken|beloofd\w*|dan\s+(?:was|zou|had)|(?<!on)verschuldigd\w*|(?:het\s+)?(?:juiste|correcte)\s+(?:bedrag|prijs|tarief)|(?:the\s+)?(?:correct|right|proper)\s+(?:amount|price|fare|fee)|geadverteerd|aangegeven|vermeld|offerte|aanbieding|actieprijs|volgens\s+(?:de|het|mijn|m'n|uw|jullie|onze)\s+\p{L}*(?:lijst|tarie\p{L}*|prijs\p{L}*|overzicht)\b|volgens\s+(?:de|het|mijn|m'n|uw|jullie|onze)\s+(?:contract|overeenkomst|tarief|tarieven|prijslijst|website|site|offerte|polis|afspraak|voorwaarden|bevestiging)|prijs\s+(?:op|in|van)\s+(?:de|het|jullie)\s+\S+|usual|normal|typical|usually|normally|typically|always|regular(?:ly)?|standard|should|would|expected|expect|supposed|thought|assumed|instead of|rather than|used to|agreed|advertised|listed|quoted|promised|according to)\b|\b(?:mijn|m'n|ons|onze|het|de|my|our|the)\s+(?:abonnement|contract|bundel|lidmaatschap|pakket|subscription|plan|membership|bundle|package)\s+(?:kost|kostte|is|was|costs?|cost)\s*(?:maar|slechts|only|just)?\s*$|\b(?:betaal\s+je|je\s+betaalt|betaalt\s+men|you\s+(?:normally\s+|usually\s+)?pay)\b|\b(?:anders|otherwise)\s+(?:altijd\s+|ook\s+|maar\s+|always\s+|just\s+|only\s+)?(?:(?:een|één)\s+)?$|\bbij\s+de\s+(?:automaat|parkeerautomaat|paal|kassa)\s+(?:(?!en\b|én\b|maar\b)\S+\s+){0,3}$|\b(?:zij|hij|ze|anderen|iedereen|mijn\s+(?:buurman|buurvrouw|vrouw|man|partner|collega|vriend|vriendin|zus|broer|buren)|she|he|others|everyone|my\s+(?:neighbou?rs?|wife|husband|partner|colleague|friend|sister|brother))\s+(?:betaal\w*|paid|pays|pay)\s*$|\b(?:minus|less|min\s+(?:de|het))\s*(?:the)?\s*$|\b(?:(?:dat|dit|het|it|that)\s+(?:moet|moest|hoort|hoorde|zou|should|must)(?:\s+(?:maar|eigenlijk|slechts|only|just|have|be|been|zijn|hebben|kosten))*|al\s+jaren|jarenlang|for\s+years|elke\s+keer|iedere\s+keer|every\s+time)\s*$|\b(?:hooguit|maximaal|hoogstens|slechts|only|at\s+most|no\s+more\s+than|never\s+more\s+than|(?:niet|nooit)\s+meer\s+dan)\s*(?:zo'?n|ongeveer|about|around|rond\s+de)?\s*$`,
  'iu',
);
// A reference price named after its amount: "€2,10 had moeten zijn", "$2.10 should have been", "€1,10 verschuldigd".
// ("dan was het € 3,30 geweest" is read before the amount, by "dan was".)
export const REFERENCE_AFTER = new RegExp(
  String.raw`^\s*(?:[^.!?€$£]{0,25}?)\b(?:had(?:den)? moeten|zou(?:den)? moeten|moet(?:en)? (?:zijn|kosten)|hoort|hoorde|is normaal|normaal|gebruikelijk|verschuldigd|verwacht\w*|expected|owed|due(?!\s+to)|zou(?:den)?\s+(?:\w+\s+){0,2}(?:kosten|betalen|zijn|worden)|(?:should|would)(?:'ve| have)? (?:been|be|cost|pay|paid)|volgens\s+(?:de|het|mijn|m'n|uw|jullie|hun)\s+\p{L}+|according\s+to|is normal|normally|usually|as (?:usual|agreed|advertised|promised|quoted|stated|shown)|zoals|(?:die|dat|which|that)\s+(?:jullie|u|you)\s+(?:aanbood|aanboden|aanbiedt|aanbieden|boden|bood|offered|proposed))\b`,
  'iu',
);
// "Ik had €1,60 moeten betalen", "dat zou €2 hebben gekost": the verb at the end, the irrealis before (not "ik heb €12,50 moeten betalen")
export const IRREALIS_BEFORE = /\b(?:had|hadden|zou|zouden)\b/iu;
export const MODAL_AFTER = /^\s*(?:[^.!?€$£]{0,25}?)\b(?:moeten\s+(?:betalen|kosten|zijn|afrekenen)|(?:hebben|zijn)\s+(?:gekost|betaald)|hoeven\s+(?:te\s+)?(?:betalen|kosten))\b/iu;
// what someone else paid or was charged ("mijn buurvrouw heeft hetzelfde: €15,20", "a friend paid £2"): a comparison, not
// this customer's charge (a child or partner on the customer's account is left out: their charge is the customer's)
export const OTHER_PERSON = /\b(?:(?:mijn|m'n|my|our|onze)\s+(?:buurvrouw|buurman|buren|collega'?s?|vriend(?:in|en)?|zus|broer|neighbou?rs?|colleagues?|friends?|sister|brother)|iemand\s+anders|someone\s+else|anderen|others)\b(?:\s+\S+){0,5}\s*:?\s*$/iu;
// What a device, a ticket, a receipt or a sign shows: the price stated by it (the bank's statement is what was taken: CHARGED).
export const STATED = /\b(?:app|meter|automaat|parkeerautomaat|machine|kiosk|terminal|paal|zuil|bord|website|site|scherm|screen|display|kaartje|ticket|bon|bonnetje|kassabon|receipt|sign|board|prijsbord|parkeerbord)(?:\s+(?!(?:and|en|maar|but)\b)[^\s€$£\d]+){0,3}?\s+(?:zei|zegt|gaf\s+aan|geeft\s+aan|toonde|toont|meldde|meldt|vermeldt|said|showed|shows|says|states|stated|read|reads)\s*(?:\S+\s+){0,2}$/iu;
// money already back: "teruggestort", "heb €30 terugontvangen", "refunded me", "got £5 back" — not when it is still missing ("nog niets teruggekregen")
export const REFUNDED = /\b(?:teruggekregen|terugontvangen|teruggestort|terugbetaald|terug\s*gekregen|terug\s*ontvangen|terug\s*gestort|gecrediteerd|vergoed|refunded|credited|reimbursed|got\s+(?:\S+\s+){0,2}back|received\s+(?:\S+\s+){0,2}back)\b/iu;
export const NOT_YET = /\b(?:niet|niets|geen|nooit|nog\s+steeds\s+niet|not|never|no|nothing|haven'?t|hasn'?t|still\s+not)\b/iu;
// "het ticket zelf was €42", "the room itself cost £98": the base price set apart from what is disputed
export const ITSELF_BEFORE = /\b(?:zelf|itself|themselves)\s+(?:was|is|kost\w*|cost\w*|bedroeg|bedraagt)?\s*$/iu;
// a stated tariff: "is het tarief €296", "het uurtarief is €2,20", "the rate is £3"
export const TARIFF_BEFORE = /\b(?:(?:is|was)\s+(?:het|de)\s+\p{L}*tarief|\p{L}*tarief\s+(?:is|was|bedraagt)|(?:the|a)\s+(?:\p{L}+\s+)?(?:rate|tariff)\s+(?:is|was))\s*(?:maar|slechts|only|just)?\s*$/iu;
// a number of units times a price: "11 uur x €2,10", "3 × £4.50", "per maand betaal (€45)"
export const RATE_BEFORE = /\b\d+\s*(?:uur|u|hours?|hrs?|dagen|days?|maanden|months?|weken|weeks?|stuks?|ritten|rides?|kwartier|minuten|minutes)\s*(?:x|×|\*|à|@|maal)\s*$|\bper\s+(?:uur|maand|week|dag|jaar|rit|hour|month|week|day|year|ride)\s+(?:betaal\w*|pay\w*)\s*\(?\s*$|\b(?:elke|iedere|every|each)\s+(?:maand|week|dag|jaar|month|week|day|year)\b(?:\s+\p{L}+){0,3}\s*$|\bmaandelijks\s*$|\bmonthly\s*$/iu;

// The price of a unit of time or a trip, said in general: "een uur parkeren kost €2,25", "which costs £1.10", "een kwartier (€0,55)".
export const UNIT_PRICE =
  /(?<![\p{L}\d])(?:een|één|1|per|an|one|a|half|30|15)\s+(?:uur|uurtje|kwartier|half\s+uur|minuut|minuten|dag|rit|hour|minutes?|day|ride|trip)\b(?:\s+\p{L}+){0,3}\s*(?:\(\s*(?:dat\s+is|that'?s|=)?|(?:kost|kosten|betaal\s+ik|betaal\s+je|costs?|is)(?:\s+\p{L}+){0,3})\s*$|\bwhich\s+costs?\s*$|\b(?:kost|costs?)\s+(?:een|één|1|an|one|a)\s+(?:uur|kwartier|rit|hour|ride)\b/iu;
// the customer's own stop or ride: "my 15 minute stop cost", "mijn rit van een uur kostte"
export const OWN_UNIT = /\b(?:my|mijn|m'n|our|onze|ons)\s+(?:\d+|een|één|a|an|half|ten|tien|vijf|five|twenty|twintig)[\s-]+(?:minute|minuten|min|uur|hour|kwartier)/iu;
export const EARLIER = /\b(?:daarvoor\s+(?:was|kostte|betaalde|waren|betaalden)|vorige\s+(?:\S+\s+)?keer|voorheen|tot\s+dan(?:\s+toe)?|before\s+that|vorige\s+(?:maand|week|keer|periode|factuur|rekening|jaar)|vorig\s+jaar|(?:week|maand|keer|dag)\s+(?:daarvoor|ervoor)|eerder|vroeger|the\s+(?:week|month|day|time)\s+before|in\s+het\s+verleden|toen\s+(?:was|kostte|betaalde)|last\s+(?:month|week|time|year)|previous(?:ly)?|before|earlier|formerly|used\s+to)\b/iu;
export const BALANCE = /\b\p{L}*-?(?:saldo|tegoed)\b|\b(?:balance|remaining\s+credit)\b/iu;
// money put on a card or account ahead ("€6 op mijn parkeerpas gezet", "topped up my wallet with £10"): a balance, not a charge
export const TOP_UP = /\b(?:opgewaardeerd|opwaarder\w*|top(?:ped)?[\s-]*up|(?:gezet|geladen|gestort|put|loaded|added)\s+(?:op|on(?:to)?)\s+(?:mijn|m'n|de|my|the)\s+\p{L}*(?:pas|kaart|tegoed|card|wallet|account)|(?:op|on(?:to)?)\s+(?:mijn|m'n|de|my|the)\s+\p{L}*(?:pas|kaart|tegoed|card|wallet)\s+(?:gezet|geladen|gestort|put|loaded|added))\b/iu;
// a rough figure or a range: the words before it, or a second figure it is paired with ("15 à 20 euro", "een euro of twee")
export const ROUGH_BEFORE = /(?:\b(?:rond(?:\s+de)?|ongeveer|zo'?n|circa|ca\.?|pakweg|ergens\s+rond|iets\s+van|een\s+kleine|ruim|bijna|tussen\s+(?:de\s+)?\S+\s+(?:en|tot)|about|around|roughly|approximately|approx\.?|something\s+like|in\s+the\s+region\s+of|nearly|almost|just\s+(?:over|under)|between\s+\S+\s+and)|(?<![\d.,])\d{1,4}(?:[.,]\d{1,2})?\s*(?:à|á|-|–|tot|to|or|of)|(?:^|\s)(?:een|één|twee|drie|vier|vijf|one|two|three|four|five)\s+(?:à|á|tot|to|or|of))\s*$/iu;
export const ROUGH_AFTER = /^\s*(?:(?:of|or)\s+(?:twee|drie|vier|vijf|zes|tien|zo|so|two|three|four|five|six|ten|\d+)\b|(?:à|á|-|–)\s*(?:€|\$|£)?\s*\d|(?:tot|to)\s+(?:€|\$|£)?\s*\d|ish\b|-ish\b|(?:€|\$|£)?\s*(?:à|á)\s+(?:€|\$|£)?\s*\d)/iu;
// "from $38 to", "van €28 tot": the ends of a change, not a range
export const FROM_TO = /\b(?:van|from)\s*(?:€|\$|£)?\s*\d[\d.,]*\s*(?:euro|eur|dollars?|pounds?)?\s*(?:to|tot|naar)\s*$/iu;
// said to be taken after all, beside the words of a hold ("die €30 is nu ook echt afgeschreven")
export const CHARGED_NOT_HOLD = /\b(?:afgeschreven|geïncasseerd|ingehouden|afgehouden|charged|taken|debited|deducted|took)\b/iu;
// held or reserved, not taken: a card hold, a pre-authorisation, a blocked amount
export const HOLD = /\b(?:geblokkeerd|blokkade|blokkering|gereserveerd|reservering|reserveert|reserveren|voorlopig\w*|vastgezet|pre-?autori[sz]\w*|pre-?auth\w*|autori[sz]atie|authori[sz]ation|(?:a|the|een)\s+hold|on\s+hold|blocked|reserved|ring-?fenced)\b/iu;
// paid before and rightly: "die ik al (lang) betaald had", "I had already paid"
export const ALREADY_PAID = /\b(?:al\s+(?:lang\s+|eerder\s+|netjes\s+)?(?:betaald|voldaan|afgerekend)|(?:had|heb|hebben|hadden)\s+(?:ik\s+|we\s+)?(?:\S+\s+){0,3}al\s+(?:\S+\s+){0,3}(?:betaald|voldaan)|already\s+(?:been\s+)?paid|(?:had|have)\s+already\s+paid|paid\s+already)\b/iu;
export const STILL_BEFORE = /\b(?:nog|nog\s+maar|nog\s+slechts|still|only)\s*$/iu;
export const LEFT_AFTER = /^\s*(?:over|left|remaining|resterend)\b/iu;
// "each" of the repeated charges was wrong ("beide ritten", "both times"), not one of them a duplicate.
export const EACH = /\b(?:beide|allebei|alle\s+(?:twee|drie|vier)|both|each\s+time|every\s+time|elke\s+keer|iedere\s+keer)\b/iu;
export const CONTRAST = /\b(?:maar(?!\s+(?:een|één|\d|twee|drie|vier|vijf|tien|kort|even|enkele|heel|zo)\b)|nu|ineens|opeens|plots(?:eling)?|deze\s+(?:keer|maand|week)|dit\s+keer|toch|but|now|suddenly|this\s+(?:time|month|week)|yet)\b/iu;
export const PRESENT = /\b(?:vandaag|vanochtend|vanmorgen|gisteren|nu|deze\s+(?:keer|maand|week)|dit\s+keer|today|this\s+(?:morning|time|month|week)|yesterday|now)\b/iu;
export const CONCESSIVE = /\b(?:terwijl|hoewel|whereas|while|although|though)\b/iu;
export const ACKNOWLEDGED_AFTER =
  /^(?:[^.!?\n€$£]{0,24}?[,(:-]\s*|\s*[,:;(-]?\s*)(?:en\s+|and\s+)?(?:dat|die|dit|that|which|this|het|it)?\s*(?:klopt|(?:is|was)\s+(?:correct|juist|terecht|goed|prima|in\s+orde|ok[eé]?|right|fine|ok(?:ay)?)|'s\s+(?:correct|right|fine|ok(?:ay)?))\b(?!\s+(?:\w+\s+)?(?:niet|not)\b)/iu;
// a word of approval set off right after it: "€2,80 voor 2 uur, prima", "£3.10 (fine)", "€22,50 – klopt"
export const ACKNOWLEDGED_BARE = /^[^.!?\n€$£]{0,24}?[,(–-]\s*(?:prima|klopt|correct|juist|terecht|in\s+orde|fine|ok(?:ay|é)?|right|no\s+problem|geen\s+probleem)\s*(?:[).,!;]|$)/iu;
export const DISPUTED_AFTER =
  /^\s*[,:;(-]?\s*(?:en\s+|and\s+)?(?:dat|die|dit|that|which|this)?\s*(?:(?:i|ik|we|wij)\s+(?:do\s+not|don'?t|did\s+not|didn'?t|niet)\s+(?:recogni[sz]e|herken|ken|authori[sz]e|made|heb\s+gedaan)|(?:herken|ken)\s+(?:ik|we)\s+niet|(?:is|was)\s+(?:not\s+mine|niet\s+van\s+mij|onbekend)|klopt\s+(?:\w+\s+)?niet|(?:is|was)\s+(?:niet\s+(?:correct|juist|terecht|goed)|onterecht|onjuist|fout|te\s+veel|not\s+(?:correct|right)|wrong|incorrect)|(?:'s|is)\s+wrong)\b/iu;
export const RATE_AFTER = /^\s*(?:(?:per|p\/|\/|pro)\s*(?:\d{1,3}\s*)?\p{L}{1,15}|(?:a|an)\s+(?:hour|hr|minute|day|month|week|year|ride|trip|line|piece)\b|each\b(?!\s+time)|apiece)/iu;
export const DIFFERENCE_BEFORE = /\b(?:(?:scheelt|verschilt)(?:\s+\S+){0,2}|verschil|difference|onverschuldigd\s+betaalde?(?:\s+bedrag)?|te\s*veel\s+betaalde(?:\s+bedrag)?|overpaid|overpayment(?:\s+of)?|overcharged?\s+(?:me\s+)?(?:by|of)|te\s*veel\s+(?:betaald|gerekend|afgeschreven)?|teveel\s+(?:betaalde?|gerekend)?)\s*(?:van|of|is|was|:|,)?\s*(?:zo'?n|ongeveer|about|around)?\s*$/iu;
export const DIFFERENCE_AFTER = /^\s*(?:te\s*veel|verschil|difference|teveel|too\s+much|(?:meer|hoger|duurder)(?:\s+dan)?|(?:more|higher)(?:\s+than)?|extra\s+(?:vergeleken|compared)|over\s+the\s+(?:odds|top))\b/iu;
export const REFUND = /\b(?:terug\w*|retour|restitu\w*|refund\w*|reimburs\w*|credit(?:eren|ed)?|gecrediteerd|vergoed\w*|back)\b/iu;
// a cost said to come on top of the charge: "daarbovenop", "bovendien nog", "on top of that"
export const ON_TOP = /\b(?:daar\s*bovenop|bovenop|on\s+top(?:\s+of\s+(?:that|this|it))?|daarnaast\s+(?:ook\s+)?nog|plus(?:\s+nog)?)(?!\p{L})/iu;
export const CONSEQUENCE = /\b(?:boete|transactiekosten|servicekosten|stornokosten|(?:transaction|service|handling|booking|processing)\s+(?:fee|charge)s?|aanmaning\w*|herinnering\w*|incassokosten|administratiekosten|rente|late\s+(?:payment\s+)?fee|penalty|fine|interest|reminder\s+fee)\b/iu;
export const TOTAL = /\b(?:in\s+totaal|totaal|samen|bij\s+elkaar|opgeteld|in\s+total|total|altogether|combined|in\s+all)\b/iu;
export const ANOTHER = /\b(?:nog\s+eens|nogmaals|daarna\s+nog|toen\s+nog|another|a\s+further|an\s+additional|then\s+(?:a\s+)?(?:further|another)|(?:an?|een|nog\s+een)\s+extra|bijkomende?)\b/iu;
// "Daar kwam €15 servicekosten bij", "de €25 die erbij kwamen", "£4 was added": a cost added to the charge
export const CAME_ON_TOP = /\b(?:(?:kwam|kwamen|komt|komen|gekomen)\b[^.!?€$£]{0,40}\b(?:bij|erbij)|erbij|bijgeteld|opgeteld\s+bij|(?:was|were|got|been)\s+added|tacked\s+on)\b/iu;
export const EXTRA_AFTER = /^\s*extra\b(?!\s+(?:vergeleken|compared))/iu;
export const COMPUTED = /\b(?:dus|so|thus|dat\s+is|that'?s|that\s+is|makes|maakt)\s*(?:een|a|nog|dan)?\s*(?:bijna|ruim|ongeveer|zo'?n|about|around|almost|nearly|roughly)?\s*$|=\s*$/iu;
export const FROM_BEFORE = /\b(?:van|from)\s*(?:zo'?n|ongeveer|about|around)?\s*$/iu;
export const TO_AFTER = /^\s*(?:naar|to)\b/iu;
export const NEGATED_BEFORE = /\b(?:niet|geen|not|no)\s*(?:(?:alleen|enkel|slechts|just|only)\s+)?(?:de|het|the)?\s*$/iu;
export const EMPHASIS = { after: /^\s*(?:!|\?!|\(!\))/u, before: /\b(?:maar liefst|wel|zomaar|whopping|a full)\s*$/iu };
export const ITEM = { before: /\b(?:waarvan|of\s+which|due\s+to|because\s+of|vanwege|door)\s*(?:\S+\s+){0,2}$/iu, after: /^\s*(?:aan|voor|of|for)\s+['"‘“]?\p{L}/iu };
