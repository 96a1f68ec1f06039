import type { Check } from '../types.ts';
import { firstMatch, phrases } from '../text-match.ts';
import { findModelHits, meanProbability } from '../model/find-hits.ts';

// the sure signs of a template; the reply model (label stock_reply) reads the rest by meaning
const TEMPLATE = phrases([
  'in goede orde ontvangen', 'geachte (klant|heer/mevrouw|heer, mevrouw)', 'beste klant', 'betreffende afdeling', 'automatisch gegenereerd', 'voldoende (te hebben )?geïnformeerd', 'zo spoedig mogelijk in behandeling',
  'dear (customer|sir or madam|sir/madam)', 'relevant department', 'do not hesitate to contact', 'automated message', 'in due course', 'your (feedback|call|business) is (important|valuable) to us',
]);

/** Does the reply read like a stock text: the template sentences outweigh the personal ones? */
export function looksLikeStockReply(draft: string, language: 'nl' | 'en'): boolean {
  if (firstMatch(draft, TEMPLATE)) return true;
  return meanProbability('stock_reply', draft, language) >= 0.45 || findModelHits('stock_reply', draft, language).length >= 2;
}

/**
 * A customer who complained about stock replies gets one more: the worst reply to send. Fires when the
 * customer's last message complains about standard answers (ctx.askedForPersonalReply) and the draft reads
 * like a template, or nearly the same reply already went to other customers (ctx.sentToOthers).
 */
export const stockReply: Check = (draft, ctx) => {
  if (!ctx.askedForPersonalReply) return [];
  if (!looksLikeStockReply(draft, ctx.language) && (ctx.sentToOthers ?? 0) < 3) return [];
  return [
    ctx.language === 'nl'
      ? { check: 'stock_reply', severity: 'warning', span: null, message: 'Deze klant klaagde over standaardantwoorden, en dit antwoord leest als een standaardtekst.', suggestion: 'Bied excuses aan voor de standaardantwoorden en schrijf persoonlijk: ga in op wat de klant schreef, zeg wat u doet en wanneer, en onderteken met uw naam.' }
      : { check: 'stock_reply', severity: 'warning', span: null, message: 'This customer complained about standard replies, and this reply reads like one.', suggestion: 'Apologise for the standard replies and write personally: answer what the customer wrote, say what you will do and when, and sign with your name.' },
  ];
};
