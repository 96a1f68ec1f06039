import type { ModelLabel } from './classify.ts';

// "de fout lag bij ons", "that was our mistake", "ligt niet aan u": owning the fault is the opposite of blame
const OWNS_IT = /\b(?:(?:ligt|lag|zit|zat) (?:helemaal |echt |volledig )?bij ons|(?:ligt|lag) niet aan u|niet uw (?:schuld|fout)|(?<!niet |buiten )onze (?:eigen )?(?:schuld|fout|vergissing)|onze kant|onzerzijds(?! niet)|not your fault|(?<!not )our (?:own )?(?:fault|mistake|error|responsibility)|on our (?:side|end|part)|(?:we|i) (?:should|ought to) have|(?:wij|we|ik) hadden? (?:u )?\S+ (?:moeten|horen))/i;
// "ik leg het graag nog een keer uit": explaining again, gladly, is service
const GLADLY = /\b(?:graag|met plezier|happy to|glad to|gladly)\b/i;

/** A sentence the model may not flag for this label, whatever its score: the rules' own exceptions. */
export function vetoed(label: ModelLabel, sentence: string): boolean {
  if (label === 'blame') return OWNS_IT.test(sentence);
  if (label === 'condescension') return GLADLY.test(sentence);
  return false;
}
