// The CLiPS Pattern Dutch adjective lexicon (De Smedt & Daelemans, LREC 2012), as the npm package
// `@nlpjs/lang-nl` ships it (src/sentiment/pattern_nl.json, MIT): keyed by the nlp.js Dutch stem,
// which is the stemmer we use too (src/text/stem.ts). It comes with `npm ci`: the product reads no
// file outside its own dependencies (issue 14: what a user installs is what is measured).
// Entries weaker than 0.1 are dropped; they only add noise to a sum.
import { createRequire } from 'node:module';

export type PatternEntry = readonly [number];

/** Pure: the package's stem -> polarity table to stem -> [polarity], without near-neutral stems. */
export function derivePatternLexicon(table: Readonly<Record<string, number>>): Map<string, PatternEntry> {
  const out = new Map<string, PatternEntry>();
  for (const [stem, polarity] of Object.entries(table)) {
    if (typeof polarity === 'number' && Math.abs(polarity) >= 0.1 && /^[a-z][a-z'-]*$/.test(stem)) out.set(stem, [polarity]);
  }
  return out;
}

/** The lexicon from the installed package (an empty map if the package lacks the file). */
export function loadPatternLexicon(): Map<string, PatternEntry> {
  try {
    const require = createRequire(import.meta.url);
    return derivePatternLexicon(require('@nlpjs/lang-nl/src/sentiment/pattern_nl.json') as Record<string, number>);
  } catch {
    return new Map();
  }
}
