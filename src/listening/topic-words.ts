import { NEGATORS } from '../text/stopwords.ts';
import { words } from '../text/tokenise.ts';

/**
 * Words that say when, not what: a burst of complaints on one morning shares "vanochtend" and
 * "vandaag" whatever it is about, and would tie unrelated messages together. Kept out of topics
 * (they stay in the text for everything else). Weekdays and dates are kept: "sinds donderdag" can
 * be the point.
 */
const TIME_WORDS: ReadonlySet<string> = new Set(
  (
    'vandaag gisteren gisteravond gistermiddag gisterochtend eergisteren morgen overmorgen morgenochtend ' +
    'vanochtend vanmorgen vanmiddag vanavond vannacht zojuist vorige volgende afgelopen komende ' +
    'today yesterday tomorrow tonight morning afternoon evening last next'
  ).split(' '),
);

/**
 * The words of a message that say what it is about: without negators (they matter to sentiment,
 * not to the topic), words of time, and the sender's own name (signed under the message, it is
 * nobody else's topic).
 */
export function topicWords<T extends { tokens: string[]; stems: string[] }>(a: T, senderName?: string | null): T {
  const name = new Set(senderName ? words(senderName) : []);
  const keep = a.tokens.map((t) => !NEGATORS.has(t) && !TIME_WORDS.has(t) && !name.has(t));
  return { ...a, tokens: a.tokens.filter((_, i) => keep[i]), stems: a.stems.filter((_, i) => keep[i]) };
}
