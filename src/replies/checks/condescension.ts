import type { Check, Finding } from '../types.ts';
import { allMatches, phrases } from '../text-match.ts';

const CONDESCENSION = phrases([
  'zoals (ik|we|wij) (al|eerder|reeds|u al|u eerder|u reeds|al eerder) (zei|zeiden|schreef|schreven|aangaf|aangaven|uitlegde|uitlegden|meldde|meldden|gezegd|vermeld|aangegeven|uitgelegd|gemeld|heb|hebben)\\p{L}*',
  'zoals (al|eerder|reeds|al eerder|eerder al) (gezegd|gemeld|vermeld|aangegeven|uitgelegd|gecommuniceerd|vermeld)', 'zoals u (had )?kunnen lezen', 'zoals duidelijk (staat|vermeld)',
  'ik herhaal', 'nogmaals(?!\\s+(onze|mijn|hartelijk|veel)?\\s*(excuses|excuus|dank|bedankt|sorry))',
  '(ik|we|wij) (heb|hebben) (het |dit |dat )?(u|je) (dit |dat |het )?(al )?(\\p{L}+ )?(keer|keren|maal|vaker|eerder) (uitgelegd|gezegd|verteld|gemaild|geschreven)',
  'zoals (al )?(meerdere|vaker|eerder|herhaaldelijk|al vaker|al eerder)( keren| malen)? (gezegd|uitgelegd|aangegeven|gemeld|vermeld)', 'zoals ik u( al)?( eerder)?( heb)?( proberen)? (uit te leggen|uitgelegd|verteld|gezegd)',
  '(eigenlijk |echt )?heel (simpel|eenvoudig)', 'lees (mijn|ons|onze) (vorige |eerdere )?(bericht|mail|e-mail|antwoord) (nog eens|nogmaals|opnieuw)', 'deze keer (wél|wel) begrijpt', 'had u (ook )?zelf kunnen (vinden|lezen|zien|weten)', 'voor de (laatste|zoveelste|derde) keer', 'u begrijpt (toch|hopelijk)( wel)?', 'lees (de|onze) (voorwaarden|mail|e-mail|website) (nog eens|goed|beter|nogmaals)',
  'zoals in (de|onze) (voorwaarden|vorige mail|vorige e-mail) (staat|vermeld)', 'dat had u kunnen weten', 'het is (toch )?(heel )?simpel', 'dat spreekt voor zich',
  'as (i|we)(\'ve| have)? (already |previously )?(said|stated|explained|mentioned|told you|pointed out|noted)', 'as you can (clearly )?see', 'let me spell it out', 'did you (even )?read', '(pretty|quite|really|very) basic', 'as i keep (saying|telling you)', 'as (previously|already) (stated|explained|mentioned|noted|communicated)',
  'as stated (before|previously|in our)', 'once again,', 'for the (last|third|second) time', 'i repeat', 'obviously', 'clearly you', 'you (would|should) know',
  'please (re-?read|read (our|the) (terms|email|policy) (again|carefully))', 'as you (should|would) (know|be aware)', 'it(\'s| is) (quite |really |very )?simple',
]);

/** Talking down to the customer: "zoals ik al zei", "as I said". */
export const condescension: Check = (draft, ctx) =>
  allMatches(draft, CONDESCENSION).map(
    (span): Finding =>
      ctx.language === 'nl'
        ? { check: 'condescension', severity: 'warning', span, message: `"${span.text}" klinkt belerend.`, suggestion: 'Leg het opnieuw uit zonder te verwijzen naar wat al gezegd is; misschien was het de eerste keer niet duidelijk.' }
        : { check: 'condescension', severity: 'warning', span, message: `"${span.text}" sounds condescending.`, suggestion: 'Explain it again without pointing at what was said before; maybe it was not clear the first time.' },
  );
