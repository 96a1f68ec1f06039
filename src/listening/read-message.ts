import { detectLanguage, type DetectedLanguage } from '../text/detect-language.ts';
import { stem } from '../text/stem.ts';
import { BOILERPLATE, STOPWORDS } from '../text/stopwords.ts';
import { foldForMatching } from '../text/normalise.ts';
import { tokenise, type Token } from '../text/tokenise.ts';
import { scoreLexicon, type LexiconScore } from './lexicon-score.ts';
import { sentimentOf } from './sentiment.ts';

export interface ReadMessageOptions {
  /** the language when the channel or customer already says it ('nl', 'en-GB', 'de', ...) */
  language?: string | null;
}

/** The first pass over a message that the analysis and the message model's training share. */
export interface MessageReading {
  text: string;
  language: DetectedLanguage;
  languageConfidence: number;
  folded: string;
  lexicon: LexiconScore;
  /** sentimentOf(lexicon): the lexicon's reading alone */
  lexiconSentiment: number;
  tokens: string[];
  stems: string[];
  /** every word and number token, in order (stopwords and negators included) */
  all: Token[];
}

/** Longer texts are cut here: a customer's message, not a quoted thread or an attachment. */
const MAX_CHARS = 20_000;

export function readMessage(input: string, opts: ReadMessageOptions = {}): MessageReading {
  const text = input.length > MAX_CHARS ? input.slice(0, MAX_CHARS) : input;
  // folded and tokenised once: language detection, the lexicon and the model read the same tokens
  const folded = foldForMatching(text);
  const all = tokenise(text, folded);
  const given = opts.language ? languageFromCode(opts.language) : null;
  const guess = given ? { language: given, confidence: 1 } : detectLanguage(text, wordsOf(all));
  const language = guess.language;
  const lexicon = lexiconScore(text, folded, language, all);
  const { tokens, stems } = termsOf(all, language);
  return { text, language, languageConfidence: guess.confidence, folded, lexicon, lexiconSentiment: sentimentOf(lexicon), tokens, stems, all };
}

function languageFromCode(code: string): DetectedLanguage {
  const l = code.toLowerCase();
  if (l === 'nl' || l.startsWith('nl-')) return 'nl';
  if (l === 'en' || l.startsWith('en-')) return 'en';
  return 'other';
}

function wordsOf(all: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of all) if (t.kind === 'word') out.push(t.norm);
  return out;
}

/** Another language gets whichever of our two lexicons recognises more of it. */
function lexiconScore(text: string, folded: string, language: DetectedLanguage, all: readonly Token[]): LexiconScore {
  if (language !== 'other') return scoreLexicon(text, language, folded, all);
  const nl = scoreLexicon(text, 'nl', folded, all);
  const en = scoreLexicon(text, 'en', folded, all);
  return en.hits > nl.hits ? en : nl;
}

function termsOf(all: Token[], language: DetectedLanguage): { tokens: string[]; stems: string[] } {
  const tokens: string[] = [];
  const stems: string[] = [];
  for (const t of all) {
    if (t.kind !== 'word' || t.norm.length < 2 || BOILERPLATE.has(t.norm)) continue;
    if (language === 'other') {
      if (STOPWORDS.nl.has(t.norm) || STOPWORDS.en.has(t.norm)) continue;
      tokens.push(t.norm);
      stems.push(t.norm);
      continue;
    }
    if (STOPWORDS[language].has(t.norm)) continue;
    tokens.push(t.norm);
    stems.push(stem(t.norm, language));
  }
  return { tokens, stems };
}
