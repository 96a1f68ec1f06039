/**
 * Construction cues for the reply model: who does what in a sentence, not which product it is about. Stems and stem
 * pairs learn the words of the sentences they were trained on ("netbeheerder", "meterstand"); blame and
 * condescension are constructions that hold in any sector — a third party or the customer as the subject of a fault,
 * "you should have", "the terms allow it, so…", "once more, slowly". Each word of a known class is replaced by its
 * class (YOU, WE, PARTY, FAULT, …), other words are dropped, and the class sequence is read as n-grams; a few
 * cues that span words ("had … moeten", "should have") are matched on the sentence.
 * Input is folded text (lower case, no accents; see features.ts).
 */
type Cue = 'YOU' | 'WE' | 'PARTY' | 'FAULT' | 'RULE' | 'SO' | 'NOT' | 'AGAIN' | 'EASY' | 'SELF' | 'FIX' | 'SORRY' | 'ONLY' | 'ANYONE' | 'IRONY' | 'KNOW' | 'NORMAL' | 'TOLD' | 'CIRC' | 'AUTO' | 'APART';

const WORDS: Record<Cue, string[]> = {
  YOU: ['u', 'uw', 'je', 'jij', 'jou', 'jouw', 'ge', 'gij', 'uzelf', 'jezelf', 'you', 'your', 'yours', 'yourself', "you're", "you've", "you'd", "you'll"],
  WE: ['wij', 'we', 'ik', 'ons', 'onze', 'mij', 'mijn', 'me', 'i', 'us', 'our', 'my', "i've", "i'll", "we've", "we'll", "i'm", "we're"],
  PARTY: ['bank', 'koerier', 'bezorger', 'bezorgdienst', 'pakketdienst', 'vervoerder', 'provider', 'leverancier', 'fabrikant', 'gemeente', 'overheid', 'netbeheerder', 'verkoper', 'winkel', 'webwinkel', 'installateur', 'monteur', 'aannemer', 'afdeling', 'hoofdkantoor', 'systeem', 'computer', 'app', 'partner', 'douane', 'toezichthouder', 'verzekeraar', 'expert', 'huisbaas', 'buren', 'garage', 'luchthaven', 'afhandelaar', 'collega', 'exploitant', 'bureau', 'courier', 'carrier', 'supplier', 'manufacturer', 'council', 'government', 'seller', 'shop', 'store', 'engineer', 'contractor', 'department', 'system', 'partner', 'customs', 'regulator', 'insurer', 'adjuster', 'landlord', 'neighbour', 'neighbours', 'neighbor', 'airport', 'handler', 'colleague', 'operator', 'warehouse', 'airline', 'issuer', 'firm', 'them', 'hen'],
  FAULT: ['schuld', 'fout', 'vergissing', 'verantwoordelijk', 'verantwoordelijkheid', 'oorzaak', 'veroorzaakt', 'ontstaan', 'gevolg', 'door', 'doordat', 'aan', 'kant', 'fault', 'blame', 'mistake', 'responsible', 'responsibility', 'caused', 'cause', 'due', 'because', 'side', 'down', 'omdat', 'toe', 'invloed', 'control', 'hands', 'zeggenschap', 'remit'],
  RULE: ['voorwaarden', 'regels', 'regel', 'beleid', 'wet', 'wettelijk', 'contract', 'overeenkomst', 'polis', 'toegestaan', 'mag', 'mogen', 'conform', 'volgens', 'protocol', 'procedure', 'termijn', 'terms', 'rules', 'rule', 'policy', 'law', 'legal', 'legally', 'allowed', 'permitted', 'contract', 'agreement', 'deadline', 'compliant', 'valid', 'geldig', 'terecht', 'correct', 'justified'],
  SO: ['dus', 'daarom', 'daarmee', 'zodat', 'so', 'therefore', 'thus', 'hence'],
  NOT: ['niet', 'niets', 'niks', 'geen', 'nooit', 'not', "n't", "can't", "don't", "isn't", "aren't", "won't", "didn't", 'nothing', 'no', 'never', 'cannot'],
  AGAIN: ['nogmaals', 'opnieuw', 'weer', 'wederom', 'eerder', 'al', 'reeds', 'keer', 'keertje', 'maal', 'laatste', 'again', 'already', 'before', 'times', 'twice', 'last', 'once', 'previously', 'earlier'],
  EASY: ['simpel', 'eenvoudig', 'makkelijk', 'moeilijk', 'ingewikkeld', 'logisch', 'duidelijk', 'letterlijk', 'gewoon', 'toch', 'bekend', 'basis', 'langzaam', 'rustig', 'simple', 'simply', 'easy', 'hard', 'complicated', 'obvious', 'obviously', 'clear', 'clearly', 'literally', 'basic', 'slowly', 'surely', 'just'],
  SELF: ['zelf', 'eigen', 'yourself', 'own'],
  FIX: ['regel', 'geregeld', 'stuur', 'gestuurd', 'herstel', 'hersteld', 'vergoed', 'vergoeden', 'terugstorten', 'teruggestort', 'crediteer', 'gecrediteerd', 'zorg', 'plan', 'gepland', 'los', 'lossen', 'ingetrokken', 'geschrapt', 'kwijt', 'omgeboekt', 'betalen', 'bel', 'bellen', 'sent', 'sending', 'send', 'refund', 'refunded', 'fixed', 'fix', 'arranged', 'arrange', 'cancelled', 'credited', 'booked', 'rebooked', 'repair', 'cover', 'paid', 'call', 'resolved', 'withdrawn', 'waive', 'waived'],
  SORRY: ['excuses', 'excuus', 'sorry', 'spijt', 'apologies', 'apologise', 'apologize'],
  ONLY: ['alleen', 'slechts', 'maar', 'only', 'just', 'merely'],
  IRONY: ['knap', 'bravo', 'geweldig', 'verrassing', 'haha', 'lol', 'joh', 'tja', 'nou', 'goh', 'hoor', 'wow', 'shocking', 'surprise', 'bless', 'congratulations'],
  KNOW: ['weet', 'weten', 'wist', 'snapt', 'snap', 'begrijpt', 'begrijpen', 'lezen', 'leest', 'gelezen', 'leert', 'know', 'knows', 'knew', 'understand', 'read', 'reading', 'learn', 'learns', 'teach'],
  // issue 14, fourth round: "it is normal / standard / the same for all" (so nothing is done), "you were told"
  // (announced, stated, on the website), circumstances (demand, weather, the holidays), and "it happens by itself"
  NORMAL: ['normaal', 'gebruikelijk', 'standaard', 'gangbaar', 'marktconform', 'gewoonte', 'usual', 'normal', 'normally', 'standard', 'common', 'customary', 'practice', 'industry', 'branche', 'markt', 'market', 'equally', 'gelijk', 'weleens', 'soms', 'sometimes'],
  TOLD: ['aangekondigd', 'vermeld', 'gecommuniceerd', 'gemeld', 'geinformeerd', 'gewaarschuwd', 'aangegeven', 'brief', 'nieuwsbrief', 'website', 'site', 'bevestigingsmail', 'announced', 'stated', 'informed', 'notified', 'warned', 'letter', 'newsletter', 'printed', 'displayed', 'shown', 'listed', 'mentioned', 'confirmation'],
  CIRC: ['drukte', 'druk', 'drukke', 'demand', 'busy', 'volume', 'storm', 'weer', 'weather', 'feestdagen', 'holidays', 'staking', 'strike', 'ziekte', 'illness', 'omstandigheden', 'circumstances', 'piek', 'peak', 'stroompiek', 'surge', 'slijtage', 'wear'],
  // distancing: the party is stressed as not us ("extern", "onderaannemer", "uitbesteed", "outside firm", "not one of ours")
  APART: ['extern', 'externe', 'onderaannemer', 'uitbesteed', 'ingehuurd', 'outsourced', 'subcontractor', 'instructies', 'instructions', 'ignored', 'negeerde', 'genegeerd', 'vouch'],
  AUTO: ['automatisch', 'automatically', 'automatic', 'vanzelf', 'triggered', 'generated', 'gegenereerd'],
  ANYONE: ['iedereen', 'oma', 'klanten', 'reizigers', 'everyone', 'anyone', 'child', 'grandmother', 'customers', 'passengers', 'most', 'meeste'],
};

const CLASS = new Map<string, Cue>();
for (const [cue, ws] of Object.entries(WORDS) as [Cue, string[]][]) for (const w of ws) if (!CLASS.has(w)) CLASS.set(w, cue);

// A Dutch compound ending in a party: "verhuisbedrijf", "incassobureau", "betaalprovider", "schade-expert".
const PARTY_TAIL = /(?:bedrijf|bureau|dienst|provider|leverancier|vervoerder|beheerder|maatschappij|instantie|partij|company|provider)$/;

/** The cue class of one folded word, or null. */
export function cueOf(word: string): Cue | null {
  return CLASS.get(word) ?? (word.length >= 9 && PARTY_TAIL.test(word) ? 'PARTY' : null);
}

// cues across words: the customer should have (Dutch "u had … moeten", English "you should have"); "if you had";
// "ligt/lag aan/bij"; "on you"
const SPANNING: [string, RegExp][] = [
  ['YOU_SHOULD_HAVE', /\b(?:u|je|jij|ge)\b(?: \S+){0,8} (?:had|hadden|had u)\b(?: \S+){0,8} (?:moeten|kunnen|horen)\b|\bhad (?:u|je|jij)\b(?: \S+){0,8} (?:moeten|kunnen)\b|\byou (?:should|ought to|could|would|might)(?: have|'ve)\b|\byou (?:were supposed|were meant|were expected|were required|needed) to\b|\b(?:should|could)'ve\b/],
  ['IF_YOU_HAD', /\b(?:als|indien|had) (?:u|je|jij)\b(?: \S+){0,8} (?:had|hadden|gedaan|gelezen)\b|\b(?:if you had|had you|if you'd)\b/],
  ['LIES_WITH', /\b(?:ligt|lag|zit|zat) (?:\S+ ){0,2}(?:bij|aan) (?!ons\b)|\b(?:is|was|lies|rests) (?:\S+ ){0,2}(?:on|with) (?!us\b)(?:the|your|them|you)\b/],
  ['NOT_OURS', /\b(?:niet|geen) (?:\S+ ){0,2}(?:onze?|ons|mijn) (?:\S+ ){0,1}(?:afdeling|schuld|fout|verantwoordelijkheid|probleem|zaak|taak)|\b(?:not|n't|never) (?:\S+ ){0,1}(?:our|my) (?:\S+ ){0,1}(?:department|fault|responsibility|problem|job|call|concern|remit)/],
  ['OUR_FAULT', /\b(?<!niet |geen )(?:onze?|ons|mijn) (?:eigen )?(?:schuld|fout|verantwoordelijkheid|vergissing)\b|\b(?:wij|we|ik) hadden? (?:\S+ ){0,6}moeten\b|\b(?<!not |n't |never )(?:our|my) (?:own )?(?:fault|mistake|error|responsibility)\b|\b(?:we|i) should (?:have|'ve)\b|\bon (?:us|our side)\b/],
  ['ON_YOU', /\b(?:is|was|that's|it's) (?:\S+ ){0,1}on you\b|\b(?:uw|jouw|je) (?:eigen )?(?:doen|schuld|pakkie-an|probleem|verantwoordelijkheid)\b|\b(?:your|a you) (?:own )?(?:doing|problem|thing|responsibility)\b/],
  // condescension: it goes without saying, anyone knows, not for nothing, once more slowly
  ['GOES_WITHOUT', /\b(?:niet voor niets|for a reason|wijst zich (?:vanzelf|zelf)|speaks for itself|spreekt voor zich|algemeen bekend|hoort (?:er )?(?:nu eenmaal )?bij|(?:is )?part of (?:being|driving|having)|rocket science|hogere wiskunde|geen kinderspel)\b/],
  ['DO_YOU_KNOW', /\b(?:weet|snapt|begrijpt) (?:u|je|jij|ge) (?:\S+ ){0,2}(?:wel|toch|nu)\b|\b(?:do|did) you (?:\S+ ){0,1}(?:know|get|understand|read)\b|\b(?:ik|we) (?:ga|gaan|neem|nemen) (?:er )?(?:maar )?(?:van ?uit|aan) dat (?:u|je)\b|\bi(?:'ll| will)? assume you\b/],
  // issue 14, by structure: who is the subject after a cause connective ("doordat uw bank…", "because the courier…"
  // against "omdat wij…"); "not us"; who may do what ("de verhuurder mag…" against "u mag…"); "so it stands";
  // "next time"; an imperative to read or check; "it is up to you"; "we are only the platform / depend on them"
  ['CAUSE_OTHER', /\b(?:door|doordat|omdat|vanwege|wegens|dankzij|due to|because(?: of)?|caused by|owing to|as a result of|the result of|het gevolg van|te wijten aan|since)\b (?!(?:\S+ )?(?:wij|we|ons|onze|ik|mijn|our|us|i|my)\b)(?:\S+ ){0,1}(?:de|het|een|uw|je|jouw|hun|zijn|haar|die|the|a|an|your|their|his|her|u|you|zij|ze|they|iemand|someone|mensen|people|klanten|customers)\b/],
  ['CAUSE_US', /\b(?:door|doordat|omdat|vanwege|due to|because(?: of)?|caused by|owing to|as a result of)\b (?:\S+ ){0,1}(?:wij|we|ons|onze|ik|mijn|our|us|i|my)\b/],
  ['NOT_US', /\b(?:niet|not|geen|never|nooit) (?:door |bij |van |aan |by |with |from |on |up to )?(?:ons|wij|we|us|onze kant|our side|our end)\b|\b(?:ons|wij|we|us) (?:\S+ ){0,2}(?:niet|not)\b(?= ?[.,;!]|$)/],
  ['THEY_MAY', /\b(?:wij|we|zij|ze|hij|het bedrijf|de \S+|het \S+|they|the \S+|the company|it) (?:\S+ ){0,2}(?:mag|mogen|is toegestaan|zijn toegestaan|is bevoegd|zijn bevoegd|may|are allowed|is allowed|are permitted|is permitted|are entitled|is entitled|has the right|have the right|heeft het recht|hebben het recht)\b|\b(?:toegestaan|allowed|permitted|legal|rechtmatig|wettelijk)\b/],
  ['YOU_MAY', /\b(?:u|je|jij|you) (?:\S+ ){0,1}(?:mag|mogen|may|are allowed|are entitled|heeft recht|hebt recht|have the right|are welcome|kunt kosteloos|can cancel)\b|\brecht op\b|\bentitled to\b/],
  ['SO_STANDS', /\b(?:dus|daarom|daarmee|therefore|so|thus|hence|which means)\b(?: \S+){0,8} (?:correct|terecht|juist|blijft|blijven|staan|stands|stand|valid|geldig|rechtmatig|in order|handhaven|uphold|upheld|maintain|klopt|right|properly|rightly|niet terug|no refund|geen restitutie|cannot refund|kunnen niet)\b/],
  ['NEXT_TIME', /\b(?:voortaan|in het vervolg|volgende keer|een volgende keer|next time|in future|in the future|going forward|from now on|so this doesn't happen again|zodat dit niet (?:nog eens|weer|opnieuw) gebeurt)\b/],
  ['READ_CHECK', /^(?:(?!(?:ik|i|we|wij|i'll|we'll|i'd|we'd|zal|will)\b)\S+ ){0,2}(?:lees|leest|controleer|controleert|kijk|kijkt|let|raadpleeg|raadpleegt|check|read|re-read|reread|make sure|ensure|look|double-check)\b|\b(?:please|gelieve|graag) (?:\S+ ){0,1}(?:read|check|look|lezen|controleren|kijken|letten|make sure)\b|\b(?:had|heeft|hebt|have|did) (?:u|je|you) (?:\S+ ){0,2}(?:gelezen|gecontroleerd|gekeken|read|checked|looked)\b/],
  ['UP_TO_YOU', /\b(?:aan|up to|de taak van|de verantwoordelijkheid van|the responsibility of|the job of|de plicht van|your duty|uw plicht) (?:de|het|u|you|the|uzelf|yourself|de klant|the customer|de ontvanger|the recipient|de huurder|the tenant|de reiziger|the passenger|de gebruiker|the user|de bewoner)\b/],
  ['MIDDLEMAN', /\b(?:(?:wij|we|ik) (?:zijn|ben|are|am) (?:\S+ ){0,1}(?:alleen|slechts|maar|only|just|merely|simply) (?:\S+ ){0,2}|afhankelijk van|dependent on|depend on|rely on|geen (?:invloed|zeggenschap|zicht)|no (?:influence|say|control|access|visibility)|(?:wij|we) gaan (?:er )?niet over|out of our|buiten ons|not something we)\b/],
  ['EVERYONE_KNOWS', /\b(?:iedereen|everyone|everybody|anyone|anybody|elke \S+|iedere \S+|every \S+|any \S+) (?:\S+ ){0,4}(?:weet|kan|snapt|begrijpt|lukt|ziet|knows|can|manages|understands|sees|gets)\b|\b(?:gezond verstand|common sense|basiskennis|basic knowledge|algemeen bekend|common knowledge|normaalste zaak|most basic)\b/],
  ['YOU_SHOULD_KNOW', /\b(?:zoals u (?:\S+ ){0,2}(?:weet|zou moeten weten|had kunnen weten|kunt lezen|kunt zien)|as you(?:'d| would| should| may| might)? (?:\S+ ){0,2}(?:know|be aware|have seen|have read|see)|if you(?:'d| had) (?:\S+ ){0,1}(?:read|checked|looked)|dat (?:had )?u (?:\S+ ){0,2}(?:kunnen|moeten) weten|u (?:weet|snapt|begrijpt) (?:toch|natuurlijk|wel)|you (?:do )?(?:know|understand|realise|realize|see) (?:of course|surely|that,? right))\b/],
  // the customer as the one who did it: "door u", "by you", "u heeft zelf", "you yourself", "was niet ingesteld / not enabled"
  ['BY_YOU', /\b(?:door (?:u|uzelf|jou)|by you(?:rself)?|u (?:heeft|hebt|had) (?:\S+ ){0,3}zelf|you (?:\S+ ){0,2}yourself|(?:uw|your) \S+ (?:was|were|is|stond|stonden) (?:\S+ ){0,2}(?:niet|not)\b)/],
  // "it is no longer ours", "we cannot / are unable to", "agents can't": a refusal with no way forward
  ['UNABLE', /\b(?:(?:wij|we|ik|i|agents|medewerkers) (?:\S+ ){0,2}(?:kunnen|kan|cannot|can't|are unable|am unable|unable) (?:\S+ ){0,4}(?:niet|niets|not|no)?\b|(?:niet meer|no longer) (?:\S+ ){0,2}(?:onze?|our|ons)|(?:kunnen|can) (?:wij|we) (?:\S+ ){0,3}(?:niet|niets|not))/],
  ['ONLY_ONE', /\b(?:u bent|je bent|you're|you are) (?:\S+ ){0,1}(?:de enige|the only)\b|\b(?:de meeste|andere|alle) (?:mensen|klanten|reizigers)\b|\b(?:most|other|all) (?:people|customers|passengers)\b/],
];

/** Cue features as strings (hashed by features.ts): class n-grams (1–3) and the spanning cues. */
export function cues(foldedWords: string[], foldedText: string): string[] {
  const seq = foldedWords.map(cueOf).filter((c): c is Cue => c !== null);
  const out = new Set<string>();
  for (let i = 0; i < seq.length; i++) {
    out.add(seq[i]!);
    if (i + 1 < seq.length) out.add(seq[i] + ' ' + seq[i + 1]);
    if (i + 2 < seq.length) out.add(seq[i] + ' ' + seq[i + 1] + ' ' + seq[i + 2]);
  }
  for (const [name, re] of SPANNING) if (re.test(foldedText)) out.add(name);
  return [...out];
}
