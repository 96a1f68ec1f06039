import type { DetectedLanguage } from '../text/detect-language.ts';
import { angerOf } from './anger.ts';
import { detectIntents, type Intent } from './intents.ts';
import { findMoneyMentions, type Money, type MoneyMention } from './money.ts';
import { disputesACharge } from './disputed-amount.ts';
import { combineAnger, combineIntents, combineSentiment } from './message-model/combine.ts';
import { isSarcastic, sarcasmCues } from './message-model/sarcasm.ts';
import { scoreMessage, shippedModel, type MessageModel } from './message-model/score-message.ts';
import { readMessage, type ReadMessageOptions } from './read-message.ts';
import { assessReputationRisk, type ReputationRisk } from './reputation-risk.ts';
import { round } from './sentiment.ts';
import { findVulnerability, type VulnerabilitySign } from './vulnerability.ts';

export type { Intent } from './intents.ts';
export type { Money, Currency } from './money.ts';
export type { Mention, MentionKind, ReputationRisk } from './reputation-risk.ts';

export interface AnalyseMessageOptions extends ReadMessageOptions {
  /** the message model to combine with the rules; default the shipped one, null for rules alone */
  model?: MessageModel | null;
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

/**
 * Everything listening wants to know about one inbound message, as a pure function: language,
 * words for clustering, sentiment, anger, intents, amounts of money and reputation risk.
 * Sentiment, anger and the complaint, refund, opt-out and cancellation intents combine the
 * lexicon and rules with the shipped message model (message-model/): rules for what is said in
 * so many words, the model for the wordings nobody listed; praise that the message itself takes
 * back ("Bedankt voor niks") is read as the complaint it is.
 */
export function analyseMessage(input: string, opts: AnalyseMessageOptions = {}): MessageAnalysis {
  const r = readMessage(input, opts);
  const { text, folded, language } = r;
  const cues = sarcasmCues(folded, r.lexiconSentiment);
  const sarcastic = isSarcastic(cues);
  const lexicon = sarcastic && r.lexiconSentiment > 0 ? round(-0.5 * r.lexiconSentiment) : r.lexiconSentiment;
  // nothing to read (an empty message): no model guess either
  const heads = r.all.length === 0 ? null : scoreMessage({ folded, all: r.all, language, stems: r.stems, lexicon: r.lexicon, lexiconSentiment: r.lexiconSentiment, sarcasm: cues }, opts.model === undefined ? shippedModel() : opts.model);
  const sentiment = combineSentiment(lexicon, heads, sarcastic);
  const reputationRisk = assessReputationRisk(text, folded);
  const mentions = findMoneyMentions(text);
  const intents = withFactualComplaint(combineIntents(detectIntents(text, { sentiment, folded }), heads), text, mentions);
  return {
    language,
    languageConfidence: r.languageConfidence,
    tokens: r.tokens,
    stems: r.stems,
    sentiment: complaintTone(sentiment, intents),
    anger: combineAnger(angerOf(r.lexicon, sentiment, reputationRisk.level), heads),
    intents,
    money: mentions.map(({ cents, currency }) => ({ cents, currency })),
    reputationRisk,
    vulnerability: findVulnerability(text),
  };
}

/**
 * A complaint is said by someone who is not content, however flatly they put it ("de app rekent
 * €9,90. Tien minuten!"): its tone is negative unless the words are clearly warm (at least +0.1).
 * Without this the errors leaned one way: factual complaints read neutral.
 */
export function complaintTone(sentiment: number, intents: readonly Intent[]): number {
  return intents.includes('complaint') && sentiment < COMPLAINT_WARM ? Math.min(sentiment, COMPLAINT_TONE) : sentiment;
}
const COMPLAINT_WARM = 0.1;
const COMPLAINT_TONE = -0.2;

/**
 * A complaint that states facts without a word of complaint: money back asked for, or a charge
 * disputed (an amount taken, or set against what it should have been).
 */
function withFactualComplaint(intents: Intent[], text: string, mentions: MoneyMention[]): Intent[] {
  if (intents.includes('complaint')) return intents;
  return intents.includes('refund_request') || disputesACharge(text, mentions) ? ['complaint', ...intents] : intents;
}
