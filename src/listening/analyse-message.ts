import { detectLanguage, type DetectedLanguage } from '../text/detect-language.ts';
import { stem } from '../text/stem.ts';
import { BOILERPLATE, STOPWORDS } from '../text/stopwords.ts';
import { foldForMatching } from '../text/normalise.ts';
import { tokenise } from '../text/tokenise.ts';
import { angerOf } from './anger.ts';
import { detectIntents, type Intent } from './intents.ts';
import { scoreLexicon, type LexiconScore } from './lexicon-score.ts';
import { findMoneyMentions, type Money, type MoneyMention } from './money.ts';
import { disputesACharge } from './disputed-amount.ts';
import { assessReputationRisk, type ReputationRisk } from './reputation-risk.ts';
import { sentimentOf } from './sentiment.ts';
import { findVulnerability, type VulnerabilitySign } from './vulnerability.ts';

export type { Intent } from './intents.ts';
export type { Money, Currency } from './money.ts';
export type { Mention, MentionKind, ReputationRisk } from './reputation-risk.ts';

export interface AnalyseMessageOptions {
  /** the language when the channel or customer already says it ('nl', 'en-GB', 'de', ...) */
  language?: string | null;
}

export interface MessageAnalysis {
  language: DetectedLanguage;
  /** 1 when the language was given; detectLanguage's confidence otherwise */
  languageConfidence: number;
  /** content words for clustering: folded, without stopwords, greetings and numbers */
  tokens: string[];
  /** the Snowball stems of `tokens`, position for position (the words themselves for 'other') */
  stems: string[];
  /** -1 very negative .. 1 very positive */
  sentiment: number;
  /** 0 calm .. 1 furious */
  anger: number;
  intents: Intent[];
  money: Money[];
  reputationRisk: ReputationRisk;
  /** signs the customer may be vulnerable, each with its sentence: a suggestion for an agent, never a flag */
  vulnerability: VulnerabilitySign[];
}

/** Longer texts are cut here: a customer's message, not a quoted thread or an attachment. */
const MAX_CHARS = 20_000;

/**
 * Everything listening wants to know about one inbound message, as a pure function: language,
 * words for clustering, sentiment, anger, intents, amounts of money and reputation risk.
 */
export function analyseMessage(input: string, opts: AnalyseMessageOptions = {}): MessageAnalysis {
  const text = input.length > MAX_CHARS ? input.slice(0, MAX_CHARS) : input;
  const given = opts.language ? languageFromCode(opts.language) : null;
  const guess = given ? { language: given, confidence: 1 } : detectLanguage(text);
  const language = guess.language;

  const folded = foldForMatching(text);
  const score = lexiconScore(text, folded, language);
  const sentiment = sentimentOf(score);
  const { tokens, stems } = termsOf(text, folded, language);
  const reputationRisk = assessReputationRisk(text, folded);
  const mentions = findMoneyMentions(text);
  return {
    language,
    languageConfidence: guess.confidence,
    tokens,
    stems,
    sentiment,
    anger: angerOf(score, sentiment, reputationRisk.level),
    intents: withFactualComplaint(detectIntents(text, { sentiment, folded }), text, mentions),
    money: mentions.map(({ cents, currency }) => ({ cents, currency })),
    reputationRisk,
    vulnerability: findVulnerability(text),
  };
}

/**
 * A complaint that states facts without a word of complaint: money back asked for, or a charge
 * disputed (an amount taken, or set against what it should have been).
 */
function withFactualComplaint(intents: Intent[], text: string, mentions: MoneyMention[]): Intent[] {
  if (intents.includes('complaint')) return intents;
  return intents.includes('refund_request') || disputesACharge(text, mentions) ? ['complaint', ...intents] : intents;
}

function languageFromCode(code: string): DetectedLanguage {
  const l = code.toLowerCase();
  if (l === 'nl' || l.startsWith('nl-')) return 'nl';
  if (l === 'en' || l.startsWith('en-')) return 'en';
  return 'other';
}

/** Another language gets whichever of our two lexicons recognises more of it. */
function lexiconScore(text: string, folded: string, language: DetectedLanguage): LexiconScore {
  if (language !== 'other') return scoreLexicon(text, language, folded);
  const nl = scoreLexicon(text, 'nl', folded);
  const en = scoreLexicon(text, 'en', folded);
  return en.hits > nl.hits ? en : nl;
}

function termsOf(text: string, folded: string, language: DetectedLanguage): { tokens: string[]; stems: string[] } {
  const tokens: string[] = [];
  const stems: string[] = [];
  for (const t of tokenise(text, folded)) {
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
