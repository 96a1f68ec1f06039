// An IBAN a customer wrote in a message ("stort het terug op NL91 ABNA 0417 1643 00"): every run of
// country code, check digits and account characters (spaces allowed in groups of four) is checked
// with ibantools; the last valid one wins (a correction comes after the mistake). Pure.
import { checkIban } from './destination.ts';

const CANDIDATE = /\b[A-Z]{2}\s?\d{2}(?:\s?[A-Z0-9]){10,30}\b/gi;

export function ibanInText(text: string): string | null {
  let found: string | null = null;
  for (const m of text.matchAll(CANDIDATE)) {
    // a run may swallow a word after it ("NL91ABNA0417164300 graag"): try shorter ends too
    const raw = m[0];
    const parts = raw.split(/\s+/);
    for (let n = parts.length; n >= 1; n--) {
      const c = checkIban(parts.slice(0, n).join(''));
      if (c.ok) {
        found = c.iban;
        break;
      }
    }
  }
  return found;
}
