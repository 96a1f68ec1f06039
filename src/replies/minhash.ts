/**
 * Near-duplicate detection for replies: word 3-shingles → MinHash (64 permutations) → LSH with
 * 16 bands of 4 rows. Two replies with Jaccard similarity 0.6 share a band with probability
 * 0.89, at 0.8 with probability > 0.999; unrelated replies almost never do.
 */
import { bodyWithoutSignature } from './text-match.ts';

export const PERMUTATIONS = 64;
export const BANDS = 16;
const ROWS = PERMUTATIONS / BANDS;
const PRIME = 4_294_967_311; // > 2^32

// fixed pseudo-random permutation coefficients: the same in every process, so signatures compare
const COEFFS = (() => {
  let x = 0x9e3779b9;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  return Array.from({ length: PERMUTATIONS }, () => [(next() % (PRIME - 1)) + 1, next() % PRIME] as const);
})();

// "Beste Tim," / "Dear Ms Walker,": always personal, so it says nothing about the rest being a copy
const SALUTATION = /^\s*(beste|geachte|hallo|hoi|hi|hello|hey|dear|goedemorgen|goedemiddag|goedenavond|good (morning|afternoon|evening))\b[^\n]{0,80}(\n|$)/i;

/** Text to comparable words: salutation, sign-off, case, digits, amounts, references and punctuation folded away. */
export function normaliseForShingles(text: string): string[] {
  return bodyWithoutSignature(text.replace(SALUTATION, ''))
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/lu-\d+/g, ' ref ')
    .replace(/\d+([.,]\d+)*/g, ' 0 ')
    .split(/[^\p{L}0]+/u)
    .filter(Boolean);
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function shingles(text: string, size = 3): Set<number> {
  const words = normaliseForShingles(text);
  const out = new Set<number>();
  for (let i = 0; i + size <= words.length; i++) out.add(fnv1a(words.slice(i, i + size).join(' ')));
  if (words.length > 0 && words.length < size) out.add(fnv1a(words.join(' ')));
  return out;
}

/** MinHash signature as signed 32-bit integers (PostgreSQL integer[]). */
export function minhash(sh: Set<number>): number[] {
  const sig = new Array<number>(PERMUTATIONS).fill(Number.MAX_SAFE_INTEGER);
  for (const h of sh) {
    for (let i = 0; i < PERMUTATIONS; i++) {
      const [a, b] = COEFFS[i];
      // (a*h + b) mod p without overflow: split a into 16-bit halves
      const v = (((((a >>> 16) * h) % PRIME) * 65536 + (a & 0xffff) * h + b) % PRIME);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig.map((v) => v | 0);
}

/** One key per band: band index in the high bits, a hash of its rows in the low 32. */
export function bandKeys(sig: number[]): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    const rows = sig.slice(b * ROWS, b * ROWS + ROWS).join(',');
    keys.push(b * 2 ** 32 + fnv1a(rows));
  }
  return keys;
}

/** Estimated Jaccard similarity: the share of equal signature positions. */
export function similarity(a: number[], b: number[]): number {
  let same = 0;
  for (let i = 0; i < PERMUTATIONS; i++) if (a[i] === b[i]) same++;
  return same / PERMUTATIONS;
}
