import { detectIntents } from '../listening/intents.ts';

/**
 * The sentence of a message that says "no more": what an agent reads on the case to see why the
 * preference changed. Null when no single sentence does (the whole text is then too long to show).
 */
export function optOutSentence(body: string): string | null {
  const sentences = body.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter(Boolean);
  for (const s of sentences) if (detectIntents(s, { sentiment: 0 }).includes('opt_out')) return s.slice(0, 2000);
  return detectIntents(body, { sentiment: 0 }).includes('opt_out') ? body.trim().slice(0, 2000) : null;
}
