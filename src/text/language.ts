import { countMarkers, dutchAndAfrikaans } from './language-markers.ts';
import { words as wordsOf } from './tokenise.ts';

/**
 * Language for search and replies. A message's language is given by its channel when known;
 * otherwise guessed here from marker words (function words and the words of customer care, see
 * language-markers.ts), which is cheap and reliable for Dutch vs English on a sentence, and
 * declines German, French and Afrikaans instead of calling them Dutch or English.
 * Listening uses `detectLanguage` (detect-language.ts), which adds an n-gram model for short
 * and unusual text at the cost of loading it; bench/analysis-eval.ts measures both.
 */
export type SearchConfig = 'dutch' | 'english' | 'simple';

/** 'nl', 'en' or null when the text gives too little evidence or is another language. */
export function guessLanguage(text: string): 'nl' | 'en' | null {
  const words = wordsOf(text.slice(0, 4000)).slice(0, 400);
  if (words.length === 0) return null;
  const m = countMarkers(words);
  const best = Math.max(m.nl, m.en);
  const rival = Math.max(m.de, m.fr, m.af);
  // One marker decides a message of one to three words ("Bedankt!", "Refund please");
  // longer text needs two, and more than any other language.
  if (best < (words.length <= 3 ? 1 : 2) || rival * 1.2 >= best) return null;
  let language: 'nl' | 'en' | null = null;
  if (m.nl > m.en * 1.2) language = 'nl';
  else if (m.en > m.nl * 1.2) language = 'en';
  if (language === 'nl') {
    const { dutch, afrikaans } = dutchAndAfrikaans(words);
    if (afrikaans > 0 && afrikaans > dutch) return null;
  }
  return language;
}

export function searchConfigFor(language: string | null | undefined): SearchConfig {
  const l = (language ?? '').toLowerCase();
  if (l === 'nl' || l.startsWith('nl-')) return 'dutch';
  if (l === 'en' || l.startsWith('en-')) return 'english';
  return 'simple';
}
