/**
 * Words that point to one language, of our own choosing, in two tiers:
 * - function words: the frame of a sentence. Dutch customers mix in English nouns ("mijn
 *   account is gehackt", "de app crasht"), but they keep Dutch function words, so these decide
 *   the language of a mixed message;
 * - care words: what short customer messages consist of ("Bedankt!", "opzeggen", "refund").
 * A word that is common in a neighbouring language is left out ("die" is Dutch, Afrikaans and
 * German; "is" Dutch, English and Afrikaans). Folded form (lower case, no diacritics).
 * Shared by `guessLanguage` (no model) and `detectLanguage` (n-gram model + these words).
 */
export type MarkerLanguage = 'nl' | 'en' | 'de' | 'fr' | 'af';

const FUNCTION_WORDS: Record<MarkerLanguage, string> = {
  nl:
    'de een het niet ik mijn jij je jouw uw wij zij hij zijn bij naar deze wordt werd worden geen nooit heb hebt heeft ' +
    'hebben kunt kunnen zou zouden zal zullen moeten omdat zodat toen nu nog ook maar want erg heel echt toch even ' +
    'gewoon wel nee niks niets iets iemand niemand mij me ze we er zich hun hen zo zeer veel weer al waarom wanneer ' +
    'welke wat wie hoe waar van voor met aan op uit over door tot dan als dat dit te om hier daar onze',
  en:
    "the an and of is are was were i you my your we they it this that these those with for not no have has had do " +
    "does did don't can't won't isn't didn't doesn't i'm it's i've why when where what how which who can could would " +
    'should will still yet yes from about there their our me him her been being get got just to on at by but if ' +
    'then also or all than',
  de:
    'der das und ist nicht ich mein meine sie wir ein eine einen mit für auf sehr kein keine nur auch noch schon ' +
    'wurde werden haben habe hat sind bin bist dem den des sich nach bei zum zur über aber oder wenn dass warum wann',
  fr:
    'le la les et est pas une des du pour avec vous nous mon ma mes très ne que qui dans sur au aux ce cette sont ' +
    'suis avez avons mais ou où pourquoi quand comment',
  af: 'nie ek jy hy sy hulle julle vir hierdie daardie nou sal sou se gese sonder saam sodra so self hul eers',
};

const CARE_WORDS: Record<MarkerLanguage, string> = {
  nl:
    'graag alstublieft alsjeblieft bedankt dankjewel dankuwel hoi doei groeten groetjes vriendelijke geachte ' +
    'goedemorgen goedemiddag goedenavond factuur rekening bestelling pakket bezorging levering klacht klachten ' +
    'opzeggen opgezegd annuleren annuleer geannuleerd annulering terugbetaling geld terug betaald betalen ' +
    'afgeschreven storing klantenservice medewerker verzonden ontvangen besteld helaas jammer slecht goed fijn ' +
    'prima dringend vandaag morgen gisteren klant antwoord vraag vragen probleem kapot werkt mogelijk alvast ' +
    'meneer mevrouw abonnement',
  en:
    'please thanks thank hello hi hey dear regards cheers refund cancel cancelled canceled cancellation order ' +
    'ordered parcel package delivery delivered invoice bill charged charge payment paid account subscription ' +
    'complaint broken great good bad awful terrible help customer service money back received today tomorrow ' +
    'yesterday need want wrong problem issue working unsubscribe',
  de: 'bitte danke geld zurück rechnung bestellung kündigen',
  fr: 'merci bonjour remboursement commande facture',
  af: 'baie gewees mense kinders egter asook verskeie verskillende altyd tyd wees moontlik weens dankie asseblief groete terugbetaal kry sien',
};

function toSets(lists: Record<MarkerLanguage, string>): Record<MarkerLanguage, ReadonlySet<string>> {
  const sets = {} as Record<MarkerLanguage, ReadonlySet<string>>;
  for (const [k, v] of Object.entries(lists) as [MarkerLanguage, string][]) sets[k] = new Set(v.split(/\s+/).filter(Boolean));
  return sets;
}

export const FUNCTION_MARKERS = toSets(FUNCTION_WORDS);
export const CARE_MARKERS = toSets(CARE_WORDS);
const LANGUAGES = Object.keys(FUNCTION_WORDS) as MarkerLanguage[];

export type MarkerCounts = Record<MarkerLanguage, number>;

// word -> the languages it marks, one look-up a word: bit k for LANGUAGES[k] as a function word,
// bit k + 8 as a care word
const MARKS = new Map<string, number>();
LANGUAGES.forEach((l, k) => {
  for (const w of FUNCTION_MARKERS[l]) MARKS.set(w, (MARKS.get(w) ?? 0) | (1 << k));
  for (const w of CARE_MARKERS[l]) MARKS.set(w, (MARKS.get(w) ?? 0) | (1 << (k + 8)));
});

/** How many of `words` (folded) are markers of each language; `functionOnly` skips care words. */
export function countMarkers(words: readonly string[], functionOnly = false): MarkerCounts {
  const c: MarkerCounts = { nl: 0, en: 0, de: 0, fr: 0, af: 0 };
  for (const w of words) {
    const marks = MARKS.get(w);
    if (marks === undefined) continue;
    const bits = functionOnly ? marks & 0xff : (marks | (marks >>> 8)) & 0xff;
    for (let k = 0; k < LANGUAGES.length; k++) if (bits & (1 << k)) c[LANGUAGES[k]!]++;
  }
  return c;
}

/** Dutch words that Afrikaans does not have (it says die, nie, ek, sy, hy, vir, deur, oor, ...). */
const DUTCH_NOT_AFRIKAANS = new Set(
  'de een niet ik mijn zijn zij hij wij bij naar deze wordt werd worden hebben heeft zich hun ze we je jij u uw zou zullen zal nu toen als er door over zo zeer'.split(' '),
);
const AFRIKAANS_Y = /^[bcdfghjklmnpqrstvwxz]+y[bcdfghjklmnpqrstvwxz]*$/; // by, my, hy, sy, tyd, bly, kry, lyk

/** /^sk[^i]|tjie$|[^t]jie$|kie$/ without a regex (it runs on every word of Dutch-looking text) */
function afrikaansSpelling(w: string): boolean {
  const n = w.length;
  if (n >= 3 && w.charCodeAt(0) === 115 && w.charCodeAt(1) === 107 && w.charCodeAt(2) !== 105) return true; // sk, not ski
  if (w.endsWith('kie') || w.endsWith('tjie')) return true;
  return n >= 4 && w.endsWith('jie') && w.charCodeAt(n - 4) !== 116; // [^t]jie
}

/**
 * Evidence for Dutch and for Afrikaans in folded words. Besides the marker words, grammar and
 * spelling: Afrikaans has one article, "die" (and 'n), where Dutch has de/het/een; Dutch writes
 * "ij", "sch" and a word-initial "z" (zijn, schrijven, zo), Afrikaans writes "y", "sk" and "s"
 * (sy, skryf, so) and ends diminutives in -tjie/-jie/-kie. (Its circumflexes, sê and môre, are
 * gone after folding: the caller counts them on the raw text.) "die" without a Dutch article
 * only counts when something else is Afrikaans too: Dutch "Die klant belt" has it as well.
 */
export function dutchAndAfrikaans(words: readonly string[]): { dutch: number; afrikaans: number } {
  let dutch = 0;
  let afrikaans = 0;
  let die = 0;
  let dutchArticle = 0;
  for (const w of words) {
    if (DUTCH_NOT_AFRIKAANS.has(w)) dutch++;
    else if (FUNCTION_MARKERS.af.has(w) || CARE_MARKERS.af.has(w) || w === 'n' || w === '\u0149') afrikaans++;
    if (w.includes('ij') || w.includes('sch') || w.startsWith('z')) dutch++;
    if (afrikaansSpelling(w) || (w.length <= 4 && AFRIKAANS_Y.test(w))) afrikaans++;
    if (w === 'die') die++;
    if (w === 'de' || w === 'een') dutchArticle++;
  }
  if (afrikaans > 0 && die > 0 && dutchArticle === 0) afrikaans += die;
  return { dutch, afrikaans };
}
