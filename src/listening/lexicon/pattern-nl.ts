// The CLiPS Pattern Dutch adjective lexicon (nl-sentiment.xml; De Smedt & Daelemans, LREC 2012;
// PDDL) is third-party data: it is not copied into the project. When `../shared/data/dutch/
// pattern-nl/nl-sentiment.xml` is beside the checkout (or PATTERN_NL_XML names the file), its
// adjectives are added at start; otherwise our own lexicon (dutch.ts) works alone.
// Per word form (folded) we keep the confidence-weighted mean polarity over its senses and the mean
// intensity; neutral forms that are no intensifiers are dropped.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { foldForMatching } from '../../text/normalise.ts';

export type PatternEntry = readonly [number, number?];

const DEFAULT_PATH = fileURLToPath(new URL('../../../../shared/data/dutch/pattern-nl/nl-sentiment.xml', import.meta.url));

/** Pure: the lexicon XML to form -> [polarity, intensity?]. */
export function derivePatternLexicon(xml: string): Map<string, PatternEntry> {
  const acc = new Map<string, { pol: number; weight: number; intensity: number; senses: number }>();
  for (const m of xml.matchAll(/<word ([^>]*)\/>/g)) {
    const attr = (name: string) => m[1]!.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1] ?? '';
    const form = foldForMatching(attr('form').trim());
    if (!/^[a-z][a-z'-]*$/.test(form)) continue;
    const confidence = Number(attr('confidence')) || 0.7;
    const a = acc.get(form) ?? { pol: 0, weight: 0, intensity: 0, senses: 0 };
    a.pol += Number(attr('polarity')) * confidence;
    a.weight += confidence;
    a.intensity += Number(attr('intensity')) || 1;
    a.senses++;
    acc.set(form, a);
  }
  const out = new Map<string, PatternEntry>();
  for (const [form, a] of acc) {
    const polarity = Math.round((a.pol / a.weight) * 100) / 100;
    const intensity = Math.round((a.intensity / a.senses) * 100) / 100;
    if (Math.abs(polarity) < 0.1 && intensity < 1.3) continue;
    out.set(form, intensity === 1 ? [polarity] : [polarity, intensity]);
  }
  return out;
}

/** The lexicon when its file is present, else an empty map. */
export function loadPatternLexicon(path = process.env.PATTERN_NL_XML || DEFAULT_PATH): Map<string, PatternEntry> {
  try {
    return existsSync(path) ? derivePatternLexicon(readFileSync(path, 'utf8')) : new Map();
  } catch {
    return new Map();
  }
}
