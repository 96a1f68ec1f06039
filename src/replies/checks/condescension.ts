import type { Check, Finding } from '../types.ts';
import { allMatches, maskQuoted, phrases, sentenceAt } from '../text-match.ts';
import { findModelHits } from '../model/find-hits.ts';

const CONDESCENSION = phrases([
  'zoals (ik|we|wij) (al|eerder|reeds|u al|u eerder|u reeds|al eerder) (zei|zeiden|schreef|schreven|aangaf|aangaven|uitlegde|uitlegden|meldde|meldden|gezegd|vermeld|aangegeven|uitgelegd|gemeld|heb|hebben)\\p{L}*',
  'zoals (al|eerder|reeds|al eerder|eerder al) (gezegd|gemeld|vermeld|aangegeven|uitgelegd|gecommuniceerd|vermeld)', 'zoals u (had )?kunnen lezen', 'zoals duidelijk (staat|vermeld)',
  'ik herhaal(?! (even |kort )?(wat|de afspraken|onze afspraak))', '(?<!(heb|hebben|hebt|heeft)( \\p{L}+){0,4} )nogmaals(?!\\s+(onze|mijn|hartelijk|veel)?\\s*(excuses|excuus|dank|bedankt|sorry))',
  '(ik|we|wij) (heb|hebben) (het |dit |dat )?(u|je) (dit |dat |het )?(al )?(\\p{L}+ )?(keer|keren|maal|vaker|eerder) (uitgelegd|gezegd|verteld|gemaild|geschreven)',
  'zoals (al )?(meerdere|vaker|eerder|herhaaldelijk|al vaker|al eerder)( keren| malen)? (gezegd|uitgelegd|aangegeven|gemeld|vermeld)', 'zoals ik u( al)?( eerder)?( heb)?( proberen)? (uit te leggen|uitgelegd|verteld|gezegd)',
  '(eigenlijk |echt )?heel (simpel|eenvoudig)(?! (geregeld|te regelen|te doen|via|online)\\b)', 'lees (mijn|ons|onze) (vorige |eerdere )?(bericht|mail|e-mail|antwoord) (nog eens|nogmaals|opnieuw)', 'deze keer (wél|wel) begrijpt', 'had u (ook )?zelf kunnen (vinden|lezen|zien|weten)', 'voor de (laatste|zoveelste|derde) keer', 'u begrijpt (toch|hopelijk)( wel)?', 'lees (de|onze) (voorwaarden|mail|e-mail|website) (nog eens|goed|beter|nogmaals)',
  'zoals in (de|onze) (voorwaarden|vorige mail|vorige e-mail) (staat|vermeld)', 'dat had u kunnen weten', 'het is (toch )?(heel )?simpel', 'dat spreekt voor zich',
  'as (i|we)(\'ve| have)? (already |previously )?(said|stated|explained|mentioned|told you|pointed out|noted)', 'as you can (clearly )?see', 'let me spell it out', 'did you (even )?read', '(pretty|quite|really|very) basic', 'as i keep (saying|telling you)', 'as (previously|already) (stated|explained|mentioned|noted|communicated)',
  'as stated (before|previously|in our)', 'once again,(?! (our|my) (apologies|thanks))', 'for the (last|third|second) time', 'i repeat', 'obviously', 'clearly you', 'you (would|should) know',
  'please (re-?read|read (our|the) (terms|email|policy) (again|carefully))', 'as you (should|would) (know|be aware)', 'it(\'s| is) (quite |really |very )?simple(?! to\\b)',
  // explaining it "once more", slowly, simply: the reader is taken for slow
  '(leg|leggen|herhaal|herhalen) (ik|we|wij) (het|dit|dat)?( u)?( nu)? (nog )?(één|een|1) (keer|maal)', '(nog|nogmaals) (één|een|1) (keer|maal)( \\p{L}+){0,3} (uit|uitleggen|herhalen|uitgelegd|herhaald)',
  '(ik|we|wij) (heb|hebben) (u )?(dit|dat|het) (nu )?(al )?(\\p{L}+|\\d+) (keer|maal|keren) (uitgelegd|gezegd|verteld|geschreven)', '(heel|erg) (langzaam|rustig) (uit|uitleggen|uitgelegd)', 'in gewone (woorden|mensentaal)', 'stap voor stap (leest|lezen|doorleest)',
  '(?<!(had to|have to|having to) )explain(ed)? (it|this|that)? ?(again|one more time|once more)', '(i|we)(\'ll| will) keep (this|it) (very |really |nice and )?simple', '(very|really) slowly', 'as (i|we) explained (in|before)', '(i|we) (have|\'ve) (now )?(already )?(explained|told you) (this|that) (\\p{L}+ )?times',
  // it is obvious, easy, anyone manages
  '(is|was) (echt |toch )?niet (zo )?(moeilijk|ingewikkeld|lastig)', '(dat|het) is (echt )?niet zo (moeilijk|ingewikkeld)', '(prima|gewoon|best) zelf (vinden|doen|regelen|opzoeken)', 'zelf kunnen (zien|vinden|lezen|weten)', 'komt u er (vast|wel|best) zelf uit', '(stond|staat) (daar |er |het )?(gewoon|duidelijk) (vermeld|aangegeven|beschreven|in)',
  '(it\'s|it is) (quite |very |pretty |rather )?obvious', '(not|isn\'t) (that|so|very) (hard|difficult|complicated)', '(most|all|other) (of our )?customers manage', 'without any trouble', 'perhaps you missed it', 'you (could|would) have (seen|found|known)',
  // telling the customer how to behave next time
  '(in het vervolg|voortaan) (eerst |beter |goed |zorgvuldig(er)? |even |niet )+', '(in het vervolg|voortaan)( \\p{L}+){0,4} (goed|beter|zorgvuldig|eerst|niet meteen|bundelen|raadplegen|opletten|letten)', 'als u de moeite (neemt|had genomen)', 'schreeuwen in hoofdletters', 'als u rustig (uitlegt|vertelt)',
  '(lees|leest|raadpleeg|raadpleegt) (de|onze) (voorwaarden|veelgestelde vragen|faq|handleiding|instructies)', 'rekening mee te houden', 'before (contacting|emailing|calling) us', 'it helps to read', 'read (it|the \\p{L}+|our \\p{L}+) (carefully|properly|in full|before)',
  // patronising
  '(sweetheart|sweetie|honey|love|dear),', 'no need to panic', '(isn\'t|is not) your first language', 'computercursus', 'iemand in uw omgeving', 'laat u het (maar )?(gewoon )?aan ons over', 'zoals u (ongetwijfeld|vast wel|wellicht) weet', 'u bent (niet de enige|niet de eerste)',
  'just so we\'re on the same page', '(that\'s|that is) how it\'s supposed to work', '(ik|wij|we) hopen dat dit nu (duidelijk|helder) is', '(i|we) hope (that\'s|that is|this is) (clearer|clear) now', 'nu eenmaal hoe',
  // issue 14, by structure: how to behave next time, as an instruction to the customer; "as you would know if you had
  // read it"; "clearly stated"; be realistic; everyone who uses it saw it; the most basic thing
  '(next time|in future|in the future|from now on|going forward),? (please )?(do )?(make sure|check|read|look|double-check|be sure|remember|pay (more )?attention|take (more )?care)',
  '(make sure|please check|be sure to|worth checking|remember to|pay (more )?attention to|take (more )?care)[^.!?\\n]{0,70} (next time|in future|from now on)', 'so (that )?this (doesn\'t|does not|won\'t|will not) happen again',
  '(de|een) volgende keer (even |wel |goed |beter |eerst |zelf )+', '(kijkt|let|controleert|leest|zorgt|checkt|houdt) u (er )?(\\p{L}+ ){0,4}(de volgende keer|een volgende keer|voortaan|in het vervolg)', 'zorg (er )?(de volgende keer|voortaan|in het vervolg) (wel )?voor dat u',
  'as you(\'d| would| should)? (have )?(know|known|be aware|have seen)[^.!?\\n]{0,20} if you(\'d| had)? (read|checked|looked)', 'as you (may|might) not (be aware|know|realise|realize)', 'clearly (mentioned|stated|explained|indicated|shown|marked|written|set out)',
  '(u moet|je moet|you need to|you have to|you must) (ook |wel |echt |een beetje |a bit |also |really )*(realistisch|redelijk|realistic|reasonable)', '(wees|be) (nou |now |a bit |een beetje )?(realistisch|redelijk|realistic|reasonable)',
  '(iedereen|everyone|anyone|anybody) (die|who) [^.,!?\\n]{0,50} (heeft|has) [^.,!?\\n]{0,30}(gezien|gelezen|begrepen|seen|read|understood)', 'dat weet (toch |echt )?iedereen', 'everyone knows (that|this)',
  'normaalste zaak', 'basiskennis', 'common sense', 'gezond verstand',
  // issue 14, fourth round, by class: pointing at where it was written, with a word that says it could not be missed
  // ("zoals ook gewoon op de deur hangt", "staat gewoon op de productpagina", "it's right there", "niet te missen");
  // "as the name says"; "most people know"; "a child can do it"; "read it carefully this time"; praise for the obvious
  'zoals (ook )?(gewoon |duidelijk |overal |al jaren )+(\\p{L}+ ){0,4}(staat|stond|hangt|vermeld|aangegeven|te lezen|te zien)', 'zoals (op|in|onderaan|bovenaan) (iedere|elke|al onze|alle) (\\p{L}+ ){0,3}(staat|stond|hangt|vermeld)',
  '(staat|staan|stond|stonden|hangt|hangen|vindt u|ziet u|vermeld)( \\p{L}+){0,3} gewoon (op|in|onder|bij|bovenaan|onderaan|naast)', '(niet te missen|you can\'t miss it|can\'t miss it|impossible to miss|hard to miss)', '(it\'s|it is|was) (right|all) (there|in front of you)',
  'as (is )?(stated|printed|shown|written|displayed) (on|in) (every|each|all)', 'as is (clearly|plainly) (stated|printed|shown|written|displayed)', 'as is (widely|well|generally|commonly) known', 'algemeen bekend', 'zoals de naam (al )?(zegt|aangeeft|suggereert)', 'as the name (suggests|says|implies)',
  '(de meeste|veel|alle|most|many|all) (\\p{L}+ )?(reizigers|klanten|mensen|leden|gebruikers|travellers|customers|people|members|users) (\\p{L}+ ){0,2}(wel |al |toch )?(weten|know|begrijpen|understand|are aware|zijn op de hoogte)',
  '(kan|kon) (een|ieder) kind', 'a child could', '(ditmaal|deze keer|dit keer|this time) (wel )?(aandachtig|goed|zorgvuldig|carefully|properly)', '(well done|goed gedaan|knap gedaan)[!.]',
  'veelgemaakte (denkfout|fout|vergissing)', 'common (misunderstanding|misconception|mistake) to', 'als u zich (wat|iets|een beetje) (meer )?(in \\p{L}+ )?(verdiept|inleest)', 'if you (took|take|had taken) the time to',
]);

// "Ik leg het graag nog een keer uit": offered gladly, explaining again is service, not a rebuke
const GLADLY = /\b(?:graag|met plezier|happy to|glad to|gladly)\b/i;

/**
 * Talking down to the customer: "zoals ik al zei", "as I said", "ik leg het nog één keer uit". The phrases are
 * sure signs; the reply model (model/) adds the sentences that say the same in other words.
 */
export const condescension: Check = (original, ctx) => {
  // what the reply quotes (the customer's own "zoals ik al zei") is not the agent talking
  const draft = maskQuoted(original);
  const spans = allMatches(draft, CONDESCENSION).filter((span) => !GLADLY.test(sentenceAt(draft, span.start)));
  for (const h of findModelHits('condescension', draft, ctx.language)) {
    if (!spans.some((s) => s.start < h.end && h.start < s.end)) spans.push({ start: h.start, end: h.end, text: h.text });
  }
  return spans.sort((a, b) => a.start - b.start).map(({ start, end }) => ({ start, end, text: original.slice(start, end) })).map(
    (span): Finding =>
      ctx.language === 'nl'
        ? { check: 'condescension', severity: 'warning', span, message: `"${span.text}" klinkt belerend.`, suggestion: 'Leg het opnieuw uit zonder te verwijzen naar wat al gezegd is; misschien was het de eerste keer niet duidelijk.' }
        : { check: 'condescension', severity: 'warning', span, message: `"${span.text}" sounds condescending.`, suggestion: 'Explain it again without pointing at what was said before; maybe it was not clear the first time.' },
  );
};
