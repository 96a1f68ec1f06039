import type { Check, Finding, Span } from '../types.ts';
import { allMatches, maskQuoted, phrases, sentenceAt } from '../text-match.ts';
import { findModelHits } from '../model/find-hits.ts';
import { actingThresholdOf } from '../model/classify.ts';
import { action } from './action.ts';
import { ownsIt } from '../model/veto.ts';

const PARTY_NL = '(uw |de |onze? )?(bank|provider|bezorger|pakketdienst|postnl|dhl|vervoerder|leverancier|fabrikant|partner|gemeente|werkgever|collega\\p{L}*|afdeling|monteur|aannemer|webwinkel|winkel|verkoper|betaalprovider|app|systeem|computer|software)';
const PARTY_EN = '(your |the |our )?(bank|provider|courier|carrier|supplier|manufacturer|partner|colleague\\p{L}*|department|technician|contractor|seller|payment provider|system|computer|software)';

// Parties other than us (also "onze leverancier": ours by contract, not us).
const THIRD_NL = 'bank|provider|bezorg\\p{L}*|pakketdienst|koerier\\p{L}*|postnl|dhl|vervoerder\\p{L}*|leverancier|fabrikant|partner|externe partij|derde partij|netbeheerder|gemeente|overheid|werkgever|huisarts|aannemer|webwinkel|verkoper|betaalprovider|systeem|software|computer|chauffeur';
const THIRD_EN = 'bank|provider|courier|carrier|supplier|manufacturer|partner|third party|network operator|council|government|employer|contractor|seller|payment provider|system|software|computer|driver|legal department|depot';

const BLAME = phrases([
  // Dutch: not ours, someone else's, the customer's own fault
  'daar (gaan|ga) (wij|we|ik) niet over', 'daar kunnen (wij|we|ik) (niets|niks) aan doen', 'daar (zijn|ben) (wij|we|ik) niet verantwoordelijk voor',
  '(dat|dit|het) (is|valt) (uw eigen|niet onze) (schuld|verantwoordelijkheid)', 'niet onze (schuld|verantwoordelijkheid|fout)', '(buiten|niet onder|niet binnen) onze (schuld|verantwoordelijkheid|macht)',
  '(wij|we|ik) (zijn|ben) niet verantwoordelijk', 'de fout (zit|ligt|lag) (bij|aan)', '(ligt|lag) (echt |toch |gewoon )?aan uw (eigen )?\\p{L}+', `daar (moet|kunt) u (bij|met) ${PARTY_NL} (over )?(klagen|zijn|contact opnemen)`, 'daar moet u (zelf )?(bij|met) \\p{L}+ (over )?(klagen|zijn)',
  'niet ons probleem', 'uw eigen (schuld|fout)', '(is|was) de schuld van', 'de fout (ligt|lag) (bij|aan)', 'de fout van', 'ligt (niet )?bij ons',
  `(dat|dit|het|de oorzaak|het probleem) ligt (echt |toch |helaas |gewoon )?(aan|bij) ${PARTY_NL}`, `(dat|dit|het) komt (door|doordat) ${PARTY_NL}`,
  '(dat|dit|het) ligt niet aan ons', 'niet aan ons', `(?<=(?:^|[.!?\\n])\\s*)neem (zelf )?contact op met ${PARTY_NL}`, `(u kunt|u moet|kunt u|gelieve) (het beste |beter |zelf )*contact op(nemen|te nemen)? met ${PARTY_NL}`, `u moet (zelf |maar )?(bij|naar) ${PARTY_NL}`,
  'u had( \\p{L}+){0,9} moeten(?! (ontvangen|krijgen|hebben|worden|zijn|kunnen)\\b)', '(?<!(ik|wij|we) )had u( \\p{L}+){0,9} moeten(?! (ontvangen|krijgen|hebben|worden|zijn|kunnen)\\b)', '(ligt|lag) (het|dat|dit)( \\p{L}+)? aan uw', '(?<!(ik|wij|we) )had u (dat |dit |het )?(eerder |beter |zelf |toch )*\\p{L}+ \\p{L}* ?moeten(?! (ontvangen|krijgen|hebben|worden|zijn|kunnen)\\b)',
  'u heeft (zelf )?(niet|verkeerd) (goed )?(opgelet|gelezen|ingevuld|aangegeven)', 'had u (maar )?beter', 'uw eigen verantwoordelijkheid',
  // English
  'not our (fault|responsibility|problem|issue|concern)', '(is|was) (entirely |completely )?your (own )?(fault|responsibility|mistake)', 'out of our hands', 'beyond our control',
  'nothing (we|i) can do', '(it\'s|it is|that\'s|that is) (entirely |really |simply )?your (own )?(responsibility|fault|problem|mistake)', '(that\'s|that is|this is) on (the|your) \\p{L}+', '(an|the) (issue|problem) (is )?with your (bank|card|provider|card provider|router|device|phone)', 'your card provider', 'the council\'s fault', '(?!(nobody|anyone|anybody|everybody|everyone)\')\\p{L}+\'s (fault|problem)', 'not ours', '(the )?fault lies with', '(responsibility|problem) lies with', 'you (entered|typed|gave|chose|selected) the wrong', 'there is nothing (we|i) can do', '(we|i) (are|am) not responsible', '(the|this|that) (issue|problem|error|fault|delay) (is|was|lies) (with|on|due to) ' + PARTY_EN,
  '(it|this|that) (is|was)(n\'t| not)? (the fault of|caused by|due to) ' + PARTY_EN, '(is|was|were) (caused by|due to) ' + PARTY_EN, '(is|was) (the|your) (bank|courier|carrier|provider)\'s (fault|responsibility|problem)', 'blame (lies|rests) with', '(is|was) to blame', `(you need|you'll need|you will need) to (contact|call|take it up with) ${PARTY_EN}`,
  'you should have (?!(received|been|had|got|gotten|heard|access|an?|the|your|our|it)\\b)\\p{L}+', 'you should\'ve', 'you ought to have', 'if you had (read|checked|followed|paid)', 'you (failed|forgot) to',
  // someone else caused it: a cause named, then a party that is not us (or ours by contract only)
  `(veroorzaakt|verzorgd|geleverd|uitgevoerd|onderhouden|beheerd|opgesteld|gegenereerd) door (een |de |het |uw |onze? )?(\\p{L}+ ){0,2}(${THIRD_NL})`, `(is|was) (het )?(een )?gevolg van (de |het |een |uw )?(\\p{L}+ ){0,2}(${THIRD_NL}|systeemmigratie|migratie|overheidsbeleid|storing)`,
  `(achterstand|storing|staking|personeelstekort|drukte|vertraging|probleem|fout) (bij|in|van) (de |het |een |uw |onze? )?(\\p{L}+ ){0,2}(${THIRD_NL})`, `(ligt|lag) (helaas )?(bij|aan) (de |het |een |uw |onze )?(\\p{L}+ ){0,1}(${THIRD_NL})`, `(is|valt onder) de verantwoordelijkheid van`, `(uw|de) (\\p{L}+ )?(${THIRD_NL}) (is|was) verantwoordelijk`,
  `(caused|operated|run|handled|provided|drafted|generated|managed) by (a |an |the |your |our )?(\\p{L}+ ){0,2}(${THIRD_EN})`, `(delay|problem|issue|fault|error|backlog|outage) (at|with|on the side of) (a |the |your |our )?(\\p{L}+ ){0,2}(${THIRD_EN})`, `(is|are) the responsibility of`, 'third party',
  // out of our hands, so nothing is done
  'geen (enkele )?invloed (op|hebben)', '(niet|niets) (iets )?(wat|dat) wij kunnen (beïnvloeden|veranderen)', 'kunnen wij (niet|helaas niet) beïnvloeden', '(volledig |geheel )?afhankelijk van (hun|de|het|een)', 'niets aan (doen|veranderen)', 'daar (kunnen|kan) (wij|we|ik)( als \\p{L}+)? (helaas |verder )?(ook )?(niets|niks) aan (doen|veranderen)',
  '(outside|beyond|out of) (of )?our (control|hands|influence)', '(cannot|can\'t|can not) (change|influence|control) (its|the|this|that)', 'not something (we|i) can (influence|change|control)', 'nu eenmaal',
  // the customer's own doing
  '(u|you) (heeft|hebt|had) (bij \\p{L}+ \\p{L}+ )?zelf (voor|gekozen|\\p{L}+)', 'bent u zelf verantwoordelijk', 'u (bent|was) zelf verantwoordelijk', 'de fout is ontstaan bij (het|de) \\p{L}+ van uw', 'als u (\\p{L}+ ){0,6}had (\\p{L}+ ){0,3}(gedaan|aangeklikt|gelezen|gecontroleerd|gehad|gekozen)', 'u had de mogelijkheid',
  '(wij|we) gaan ervan uit dat u', '(the|your) (address|details|number|information) you (entered|gave|provided) (was|were)', 'you agreed to (the|our) (terms|conditions)', 'you did not (check|read|follow|enter|select)', '(als|if) (iedereen|everyone) (zich )?(gewoon )?(aan de regels|followed)',
  'niet (goed )?(gelezen|opgelet|gecontroleerd) (heeft|hebt)', 'de instructies niet goed (leest|las|heeft gelezen)', '(let|letten|controleert|controleer) u (\\p{L}+ ){0,4}(voortaan|in het vervolg)', 'wij raden u aan (daar |hier )?voortaan',
  // it is allowed, in the terms, the procedure, or the computer says so: so it stands
  '(volgens|conform|in) (onze |de )?(algemene |reis|leverings)?(voorwaarden|procedures?|regels|beleid|contract|overeenkomst)( \\p{L}+){0,6} (staat|mag|mogen|toegestaan|correct|juist|niet aansprakelijk)(?![^.!?]*(maar|echter|toch))', '(niet|nooit) aansprakelijk', 'overmacht',
  'werken (altijd )?volgens (de )?(geldende )?(procedures|regels|protocol)', '(de kosten|het bedrag|de rekening|de factuur) (zijn|is|blijven|blijft) (daarom |dus )?(correct|terecht|juist|staan)', 'mag (eenzijdig|zomaar|gewoon) (worden )?(aangepast|gewijzigd|verhoogd)', 'anders zou(den)? (het bedrijf|wij|we|zij) (het|dat) niet doen',
  '(in line with|according to|as stated in|per|under) (our|your|the) (policy|terms|contract|conditions|logs)(?![^.!?]*(but|however|though))', '(charges|costs|amount|invoice|bill) (on your invoice )?(is|are) (therefore |thus )?correct', '(computers|systems) (liegen|don\'t lie)', 'volgens onze (logs|systemen|gegevens)',
  '(like|just like) everyone else', 'hoe de markt werkt', 'landelijk probleem', '(automatisch|automatically) (gegenereerd|generated)',
  // issue 14, by structure: "X is responsible for it, not us"; "we are only the platform"; "we depend on them"; "perfectly
  // legal"; "so we acted correctly"; "it is up to the recipient"
  '(verantwoordelijk|aansprakelijk|responsible|liable)[^.!?\\n]{0,60}[,;]? (en )?(niet wij|niet ons|not us|not we)', '(niet door ons|not by us|niet bij ons|not with us)(?! (alleen|only))',
  '(wij|we) (zijn|are) (alleen|slechts|maar|only|just|merely|simply) (het|de|een|the|a|an) \\p{L}+', '(wij zijn|we are|we\'re) (volledig |geheel |helemaal |entirely |completely |fully |totally )?(afhankelijk van|dependent on|reliant on)',
  '(volkomen|helemaal|gewoon|perfectly|entirely|completely|fully) (legaal|legal|toegestaan|allowed|rechtmatig|lawful|correct|terecht|justified)', '(dus|daarom|therefore|so) [^.!?\\n]{0,40}(toegestaan|allowed|legaal|legal|rechtmatig|lawful|terecht|justified)',
  '(wij|we) hebben (dus |daarmee |hier |in dit geval )*(correct|juist|zorgvuldig|volgens de regels|volgens het protocol|conform \\p{L}+) gehandeld', '(we|i) (acted|handled (it|this|your \\p{L}+)) (entirely |fully |completely )?(correctly|properly|in line with|according to|by the book)',
  // issue 14, fourth round, by class: "our records show you did it yourself"; "it is standard practice / the same for
  // every customer" (so nothing changes); "no longer our responsibility"; "I can't speak for what a colleague said"
  '(uit (ons|het) onderzoek|uit onze (gegevens|systemen)|volgens onze (gegevens|systemen)|our (records|logs|investigation|systems?)) (blijkt|blijken|tonen|laat zien|show|shows|showed|indicate|indicates|confirm|confirms)( dat| that)? (u|you) (zelf |yourself )?(heeft|hebt|had|have|has|did|approved|signed|entered|chose|gave|confirmed|agreed|accepted|selected|clicked|ordered|booked|goedgekeurd|bevestigd|gekozen|ingevuld|getekend|akkoord)',
  '(standard|common|normal|usual|accepted) practice', '(standaard|gebruikelijke?|normale?) (praktijk|gang van zaken)', '(across|throughout) the (whole |entire )?(industry|market|sector)\\b', 'in de hele (branche|markt|sector)\\b',
  '(appl(y|ies|ied)|geldt|gelden) (\\p{L}+ ){0,2}(to|voor) (all|every|iedere|elke|alle) (\\p{L}+ )?(customers?|members?|passengers?|klanten|klant|leden|reizigers|passagiers)( \\p{L}+)? (equally|alike|gelijk|zonder uitzondering|without exception)', '(apply|applies|geldt|gelden) [^.!?\\n]{0,40}(equally|zonder uitzondering|without exception)',
  '(no longer|niet langer|niet meer) (\\p{L}+ ){0,2}(our|onze|under our) (responsibility|verantwoordelijkheid)', 'valt (dan )?niet meer onder (onze|ons)',
  '(can\'t|cannot|can not|kan|kunnen) (\\p{L}+ ){0,2}(comment on|speak for|respond to|ingaan op|reageren op) (what|wat) (my|mijn|a|een|your|uw|another|andere) (\\p{L}+ )?(colleague|collega|agent|medewerker)',
  '(het is|it\'s|it is) (aan|up to) (de|het|the|each) (klant|ontvanger|huurder|reiziger|bewoner|gebruiker|koper|passagier|deelnemer|customer|recipient|tenant|passenger|traveller|user|buyer|resident|guest) ',
]);
// "dit ligt niet aan u": taking the blame off the customer is the opposite of blame-shifting
const NOT_BLAME = /(ligt|lag|zit|zat) (helemaal |echt |volledig )?bij ons\b|(ligt|lag) niet aan u\b|not your fault|niet uw (schuld|fout)|(?<!niet |buiten |niet onder |niet binnen |meer onder |langer onder )onze (eigen )?(schuld|fout|verantwoordelijkheid)|(?<!not |n't |never |longer |no )our (own )?(fault|mistake|responsibility)|shouldn'?t have had to/i;

/**
 * Blame-shifting: it is the bank's, a colleague's, or the customer's own fault, or "it is allowed, so it stands".
 * The phrases above are sure signs; the reply model (model/) finds the same by meaning in words nobody listed.
 * A sentence only the model flags needs a higher probability when the reply acts itself: naming the courier or
 * quoting the terms while solving the case is no blame (both thresholds chosen by cross-validation).
 */
// "Hoewel de vertraging bij de vervoerder ontstond, vergoeden wij…": a cause conceded before we act is no blame
const CONCEDED = /^\s*(?:hoewel|ook al|al lag|ondanks dat|although|even though|even if|while)\b/i;
// "The intercom is the responsibility of the owners' association, so I've forwarded your message": a third party
// named in a sentence where we act ourselves is an explanation, not blame (a fault of the customer's stays blame)
const WE_ACT = /\b(?:(?:so|and|but|which is why) (?:i|we)(?:'ve| have| will|'ll)|(?:dus|en|maar|daarom) (?:heb|hebben|zal|zullen|ga|gaan) (?:ik|wij|we)|(?:dus|en|maar|daarom) (?:ik|wij|we) (?:heb|hebben|zal|zullen|ga|gaan))\b/i;
const ABOUT_YOU = /(?<![\p{L}])(?:u|uw|je|jouw|you|your)(?![\p{L}])/iu;

export const blame: Check = (original, ctx) => {
  // what the reply quotes is someone else's words
  const draft = maskQuoted(original);
  // a reply that owns the fault somewhere ("dat is onze verantwoordelijkheid", "that's our problem") explains a third
  // party's part; it does not shift the blame (a fault laid on the customer still counts)
  const owned = ownsIt(draft);
  const spans: Span[] = allMatches(draft, BLAME).filter((span) => {
    const sentence = sentenceAt(draft, span.start);
    if (NOT_BLAME.test(draft.slice(Math.max(0, span.start - 5), span.end + 5)) || CONCEDED.test(sentence)) return false;
    return !((WE_ACT.test(sentence) || owned) && !ABOUT_YOU.test(span.text));
  });
  const byModel = owned ? [] : findModelHits('blame', draft, ctx.language).filter((h) => !spans.some((s) => s.start < h.end && h.start < s.end));
  // a reply that acts itself (the action check finds a deed) only counts the sentences the model is surer of
  const acts = byModel.length > 0 && action(original, ctx).length === 0;
  const bar = acts ? (actingThresholdOf('blame') ?? 1) : 0;
  spans.push(...byModel.filter((h) => h.probability >= bar).map(({ start, end, text }) => ({ start, end, text })));
  const findings: Finding[] = [];
  for (const span of spans.sort((a, b) => a.start - b.start).map(({ start, end }) => ({ start, end, text: original.slice(start, end) }))) {
    findings.push(
      ctx.language === 'nl'
        ? { check: 'blame', severity: 'warning', span, message: `"${span.text}" schuift de schuld door.`, suggestion: 'Neem de verantwoordelijkheid: zeg wat wij doen om het op te lossen, ook als een ander het veroorzaakte.' }
        : { check: 'blame', severity: 'warning', span, message: `"${span.text}" shifts the blame.`, suggestion: 'Own it: say what we will do to fix it, even if someone else caused it.' },
    );
  }
  return findings;
};
