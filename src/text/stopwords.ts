/**
 * Stopwords of our own writing for Dutch and English: function words that carry no topic.
 * Negators are deliberately NOT stopwords ("niet goed" is not "goed"): see NEGATORS.
 * Words are folded (lower case, no diacritics), as `words()` returns them.
 */
export type StopwordLanguage = 'nl' | 'en';

export const NEGATORS: ReadonlySet<string> = new Set(
  (
    'niet geen nooit niets niks niemand nergens noch ' +
    "not no never nothing nobody none nowhere nor neither cannot can't cant don't dont doesn't doesnt " +
    "didn't didnt isn't isnt aren't arent wasn't wasnt weren't werent won't wont wouldn't wouldnt " +
    "shouldn't shouldnt couldn't couldnt haven't havent hasn't hasnt hadn't hadnt ain't"
  ).split(' '),
);

const DUTCH =
  // articles, pronouns, possessives
  'de het een \'t \'n ik mij me mijn m\'n jij je jou jouw u uw hij hem zijn z\'n zij ze haar wij we ons onze jullie hun hen ' +
  'men zich zichzelf elkaar dit dat deze die wie wat welke welk waar wanneer hoe waarom er hier daar ergens ' +
  // prepositions and conjunctions
  'aan achter bij binnen boven buiten door in met na naar naast om onder op over per rond sinds tegen tijdens tot ' +
  'tussen uit van via voor vanaf vanuit zonder langs en of maar want dus omdat als dan toen terwijl zodat ' +
  'hoewel tenzij doordat nadat voordat totdat zoals dat of ' +
  // auxiliaries and very common verbs in their common forms
  'ben bent is zijn was waren geweest wees heb hebt heeft hebben had hadden gehad word wordt worden werd werden ' +
  'geworden zal zult zullen zou zouden kan kunt kunnen kon konden moet moeten moest moesten mag mogen mocht ' +
  'wil wilt willen wilde wou doe doet doen deed gedaan ga gaat gaan ging gegaan ' +
  // adverbs and particles that say nothing about the topic
  'al alle alles allemaal ook nog wel toch even eens maar zo zeer erg heel veel weinig meer meest minder ' +
  'nu dan toen straks later altijd soms vaak weer reeds pas net juist gewoon ongeveer bijna echter ' +
  'iets wat enkele sommige andere ander elk elke ieder iedere iedereen alleen samen zelf zelfs ' +
  'ja nee oke ok jawel eigenlijk misschien graag svp aub te anders daarom dus zoals waarvan waarin waarop daarvan daarin daarop ' +
  'hierover daarover erover ervan erin erop ermee eraan';

const ENGLISH =
  'a an the i me my mine myself you your yours yourself he him his she her hers it its itself we us our ours ' +
  'they them their theirs this that these those who whom whose which what where when why how there here ' +
  'about above after against along among around at before behind below beneath beside between beyond by down ' +
  'during except for from in inside into like near of off on onto out outside over past since through ' +
  'throughout till to toward towards under until up upon with within without and or but so because as if ' +
  'than then though although while whether ' +
  "am is are was were be been being have has had having do does did doing done will would shall should " +
  "can could may might must i'm i've i'd i'll you're you've he's she's it's we're they're that's there's " +
  'all any both each every few more most other some such only own same also just very too quite rather ' +
  'again ever still already yet even now soon often always sometimes here anyway really much many ' +
  'something anything everything someone anyone everyone yes ok okay please';

function toSet(list: string): Set<string> {
  const s = new Set(list.split(/\s+/).filter(Boolean));
  for (const n of NEGATORS) s.delete(n);
  return s;
}

export const STOPWORDS: Readonly<Record<StopwordLanguage, ReadonlySet<string>>> = {
  nl: toSet(DUTCH),
  en: toSet(ENGLISH),
};

/**
 * Greetings and sign-offs of customer mail: not function words, but noise for topics.
 * Clustering drops them; sentiment keeps them ("bedankt" is mildly positive).
 */
export const BOILERPLATE: ReadonlySet<string> = new Set(
  (
    'hallo hoi beste geachte heer mevrouw goedemorgen goedemiddag goedenavond groet groeten groetjes vriendelijke ' +
    'hartelijke mvg gr bedankt dank dankjewel dankuwel alvast ' +
    'hello hi hey dear sir madam regards kind best sincerely thanks thank cheers'
  ).split(' '),
);

export function isStopword(word: string, language: StopwordLanguage): boolean {
  return STOPWORDS[language].has(word);
}
