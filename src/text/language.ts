/**
 * Language for search and replies. A message's language is given by its channel when known;
 * otherwise guessed from function words, which is reliable for Dutch vs English on a sentence
 * or more. Full language identification (more languages, short texts) belongs to listening (C3).
 */
export type SearchConfig = 'dutch' | 'english' | 'simple';

const DUTCH = new Set(
  'de het een en van ik je jij u uw is niet wel dat die dit er op te in met voor aan om zijn was heb heeft hebben mijn wij we ons onze ze zij maar ook nog al naar bij dan als wat hoe waarom wordt worden geen kan kunt graag alstublieft bedankt mij me deze hier daar nu'.split(' '),
);
const ENGLISH = new Set(
  'the a an and of i you your is not that this there on to in with for at are was have has my we our they but also still to by then if what how why be been no can could please thanks thank me these here now it'.split(' '),
);

/** 'nl', 'en' or null when the text gives too little evidence. */
export function guessLanguage(text: string): 'nl' | 'en' | null {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let nl = 0;
  let en = 0;
  for (const w of words.slice(0, 400)) {
    if (DUTCH.has(w)) nl++;
    if (ENGLISH.has(w)) en++;
  }
  if (nl + en < 2) return null;
  if (nl > en * 1.2) return 'nl';
  if (en > nl * 1.2) return 'en';
  return null;
}

export function searchConfigFor(language: string | null | undefined): SearchConfig {
  const l = (language ?? '').toLowerCase();
  if (l === 'nl' || l.startsWith('nl-')) return 'dutch';
  if (l === 'en' || l.startsWith('en-')) return 'english';
  return 'simple';
}
