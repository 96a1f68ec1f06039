import type { Check } from '../types.ts';
import { CLOSING } from '../text-match.ts';

const TEAM_WORDS =
  /\b(team|klantenservice|klantenteam|klantcontact|services?|support|afdeling|helpdesk|customers?|care|desk|department|webcare|redactie|administratie|medewerkers?|staff|crew|members?|de|het|the|uw|your)\b/i;
const SALUTATION = /^(dear|beste|geachte|hi|hallo|hoi|hello|hey|goedemorgen|goedemiddag|goedenavond)\b/i;
// "TelNet", "ParkeerGemak B.V.": a company, not a person
const CAMEL_CASE = /^\p{Lu}\p{Ll}+\p{Lu}\p{L}*$/u;
const COMPANY_FORM = /\b(b\.?v|n\.?v|ltd|inc|gmbh|llc|plc)\.?$/i;
const PARTICLES = new Set(['van', 'de', 'der', 'den', 'ten', 'ter', 'te', "'t", 'von', 'le', 'la', 'da', 'di', 'del', 'bin', 'el', 'al']);

/** "Sanne de Vries", "Ahmed", "J. Jansen", "Sanne de Vries, Klantenservice": a person. */
export function looksLikeName(line: string): boolean {
  if (SALUTATION.test(line.trim())) return false;
  const head = line.replace(/\([^)]*\)/g, ' ').split(/\s[|–—-]\s|,|\|/)[0].trim();
  if (!head || head.length > 50 || TEAM_WORDS.test(head.replace(/\b(van|de|der|den)\b/gi, ''))) return false;
  if (CAMEL_CASE.test(head) || COMPANY_FORM.test(head)) return false;
  if (CLOSING.test(head) || /[:@/\d!?]/.test(head)) return false;
  const words = head.split(/\s+/);
  if (words.length > 5) return false;
  const real = words.filter((w) => !PARTICLES.has(w.toLowerCase()));
  if (!real.length) return false;
  return real.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w)) && real.some((w) => w.replace(/[.'’-]/g, '').length >= 2);
}

/**
 * A named human signs the reply. Looks at the closing lines: a greeting followed by a name, or a
 * name on the last lines; "Team Klantenservice" alone is not a person.
 */
export const signature: Check = (draft, ctx) => {
  const lines = draft.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const tail = lines.slice(-4);
  const closingAt = tail.findIndex((l) => CLOSING.test(l) || /^(met )?vriendelijke groet(en)?,?\s+\S/i.test(l) || /^(groet(en|jes)?|greetings|regards) (van|from) /i.test(l));
  const candidates = closingAt >= 0 ? tail.slice(closingAt) : tail.slice(-2);
  const named = candidates.some((l) => {
    const from = /^(groet(en|jes)?|greetings|regards|love) (van|from) (\p{Lu}[\p{L}'’-]+)/iu.exec(l);
    if (from) return looksLikeName(from[4]);
    const inline = /^(met vriendelijke groet(en)?|vriendelijke groet(en)?|groet(en)?|kind regards|best regards|regards|best|cheers|thanks|sincerely),?\s+(.+)$/i.exec(l);
    return looksLikeName(inline ? inline[inline.length - 1] : l);
  });
  if (named && (closingAt >= 0 || lines.length > 1)) return [];
  return [
    ctx.language === 'nl'
      ? { check: 'signature', severity: 'warning', span: null, message: 'Het antwoord is niet ondertekend door een persoon.', suggestion: 'Onderteken met uw naam, bijvoorbeeld: "Met vriendelijke groet, Sanne de Vries". Een klant wil weten wie hem helpt.' }
      : { check: 'signature', severity: 'warning', span: null, message: 'The reply is not signed by a person.', suggestion: 'Sign with your name, e.g. "Kind regards, Sanne de Vries". A customer wants to know who is helping them.' },
  ];
};
