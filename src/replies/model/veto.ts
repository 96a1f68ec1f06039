import type { ModelLabel } from './classify.ts';
import { onlyNonApologies } from '../checks/regret.ts';

// "de fout lag bij ons", "that was our mistake", "ligt niet aan u": owning the fault is the opposite of blame
const OWNS_IT = /\b(?:(?:ligt|lag|zit|zat) (?:helemaal |echt |volledig )?bij ons|(?:ligt|lag) niet aan u|niet uw (?:schuld|fout)|(?<!niet )(?:ons|onze) (?:eigen )?(?:probleem|zaak|pakkie-an)|(?<!not |n't )(?:our|us) (?:own )?(?:problem|issue to fix)|(?:that's|that is|it's|it is) on us|(?:daar|hier) (?:kunt|kon|kan) (?:u|je|jij) (?:echt |helemaal )?(?:niets|niks) aan doen|(?:nothing|not something) you could have (?:done|prevented)|(?<!niet |buiten )onze (?:eigen )?(?:schuld|fout|vergissing)|(?<!niet |buiten |niet onder |meer onder |geen )onze (?:eigen )?verantwoordelijkheid|onze kant|onzerzijds(?! niet)|not your fault|(?<!not |n't |never |longer |no )our (?:own )?(?:fault|mistake|error|responsibility)|on our (?:side|end|part)|(?:we|i) (?:should|ought to) have|(?:wij|we|ik) hadden? (?:\S+ ){0,6}?(?:moeten|horen)\b|hadden? (?:wij|we|ik) (?:\S+ ){0,4}?(?:moeten|horen)\b|(?:u|je) had (?:\S+ ){0,5}?(?:moeten|horen) (?:krijgen|ontvangen)|(?:the|this|that) (?:mistake|fault|error) (?:was|is) (?:all )?ours|(?:de|die|deze) (?:fout|schuld|vergissing) (?:lag|ligt|was|is) (?:helemaal )?(?:bij ons|van ons)|(?:we|i) (?:should|ought to)(?:'ve| have)\b)/i;
// "ik leg het graag nog een keer uit": explaining again, gladly, is service
const GLADLY = /\b(?:graag|met plezier|happy to|glad to|gladly)\b/i;

// "sorry hoor, maar…", "sorry to ask", "het spijt me dat u het zo ervaart": the word, not the apology
const NOT_AN_APOLOGY = /\b(?:sorry (?:hoor|to ask|dat ik het vraag|maar)|(?:spijt|sorry)[^.!?]{0,12}dat u (?:zich|het|dat) zo|sorry (?:that |if )?you feel|no (?:need to )?apolog|geen excuses|not sorry)/i;
// "dankzij de update", "thanks to the update", "geen dank": thanks nobody gives the customer
const NOT_THANKS = /\b(?:dankzij|thanks to|geen dank|no need to thank|(?:hoeft|hoef) (?:ons|mij|me) niet te bedanken)\b/i;

// a goodwill gesture is no pitch: "als goedmaker 15% korting", "as an apology, £10 credit"
const GOODWILL = /\b(?:als (?:goedmaker|compensatie|excuus|tegemoetkoming|pleister op de wonde?|blijk van)|(?:as|by way of) (?:a |an )?(?:goodwill|apology|compensation|gesture)|to make up for|op (?:uw|jouw) verzoek|as (?:you )?requested|u vroeg|you asked)/i;

/**
 * The reply owns the fault somewhere ("de fout lag bij ons", "dat is onze leiding en dus onze verantwoordelijkheid",
 * "that's our problem, not yours"): a third party named elsewhere in it is an explanation, not blame.
 */
export function ownsIt(reply: string): boolean {
  return OWNS_IT.test(reply);
}

/** A sentence the model may not flag for this label, whatever its score: the rules' own exceptions. */
export function vetoed(label: ModelLabel, sentence: string): boolean {
  if (label === 'blame') return OWNS_IT.test(sentence);
  if (label === 'condescension') return GLADLY.test(sentence);
  if (label === 'apology') return NOT_AN_APOLOGY.test(sentence) || onlyNonApologies(sentence);
  if (label === 'thanks') return NOT_THANKS.test(sentence);
  if (label === 'sales_pitch') return GOODWILL.test(sentence);
  return false;
}
