import type { FieldDefinition, FieldValue, FieldValues } from './fields.ts';

/** Dutch, or English for every other language (the two the product speaks). */
const lang = (language: string | null | undefined): 'nl' | 'en' => (language === 'nl' ? 'nl' : 'en');

const WORDS = { nl: { yes: 'ja', no: 'nee', and: 'en' }, en: { yes: 'yes', no: 'no', and: 'and' } } as const;

/** "a", "a en b", "a, b en c" (nl) / "a, b and c" (en). */
export function listWords(items: readonly string[], language: string | null | undefined): string {
  const and = WORDS[lang(language)].and;
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/**
 * Pure: a custom field value as a customer reads it in a reply, in their language: a number with
 * the local separators (1.234,5 / 1,234.5), a date written out (31 december 2026 / 31 December
 * 2026), yes/no as a word, several options as a list. Text and options stay as they are.
 */
export function formatFieldValue(def: Pick<FieldDefinition, 'type'>, v: FieldValue, language: string | null | undefined): string {
  const l = lang(language);
  const locale = l === 'nl' ? 'nl-NL' : 'en-GB';
  switch (def.type) {
    case 'number':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(v as number);
    case 'date':
      return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${v as string}T00:00:00Z`));
    case 'yes_no':
      return v ? WORDS[l].yes : WORDS[l].no;
    case 'several_of':
      return listWords(v as string[], language);
    default:
      return String(v);
  }
}

/** Template variables for one row's fields: { key: formatted text }; an empty field is left out (a template using it is refused, not filled with nothing). */
export function formattedFields(defs: readonly FieldDefinition[], values: FieldValues | null | undefined, language: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of defs) {
    const v = values?.[d.key];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length)) continue;
    out[d.key] = formatFieldValue(d, v, language);
  }
  return out;
}
