/**
 * The contact form's fields as the channels screen edits them (web/src/channels/FormFields.tsx):
 * the five standard fields in their fixed places and the account's own fields between the subject
 * and the message, in the order the admin puts them. The checks are the server's
 * (src/intake/form/form-fields.ts `validateFieldConfig`), said per field before a save is tried;
 * tests/form-fields-draft.test.ts holds both to the same answers.
 */

export interface Label {
  nl: string;
  en: string;
}

/** What the server stores (PUT /api/v1/channels `form_fields`). */
export interface StoredField {
  key: string;
  label?: Label;
  required?: boolean;
  max?: number;
  multiline?: boolean;
}

export type StandardKey = 'name' | 'email' | 'phone' | 'subject' | 'message';
/** How a field is filled in: the standard ones have their own; a field of the account's own is a line or a long text. */
export type RowKind = 'text' | 'email' | 'tel' | 'textarea';

/** One line of the editor; numbers and labels as typed. */
export interface FieldRow {
  key: string;
  standard: StandardKey | null;
  kind: RowKind;
  /** the phone field is on the form only when asked for; every other field always is */
  shown: boolean;
  required: boolean;
  nl: string;
  en: string;
  max: string;
}

/** The standard fields as the public page shows them when nothing is changed (the server's BUILT_IN). */
export const STANDARD: Record<StandardKey, { label: Label; kind: RowKind; required: boolean; max: number; locked: boolean }> = {
  name: { label: { nl: 'Uw naam', en: 'Your name' }, kind: 'text', required: false, max: 200, locked: false },
  email: { label: { nl: 'Uw e-mailadres', en: 'Your email address' }, kind: 'email', required: true, max: 254, locked: true },
  phone: { label: { nl: 'Uw telefoonnummer', en: 'Your phone number' }, kind: 'tel', required: false, max: 40, locked: false },
  subject: { label: { nl: 'Onderwerp', en: 'Subject' }, kind: 'text', required: false, max: 200, locked: false },
  message: { label: { nl: 'Uw vraag of bericht', en: 'Your question or message' }, kind: 'textarea', required: true, max: 5000, locked: true },
};
const ORDER_BEFORE: StandardKey[] = ['name', 'email', 'phone', 'subject'];
export const MAX_OWN = 8;
const RESERVED = new Set(['website', 't', 'lang']);
const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const isStandard = (k: string): k is StandardKey => Object.hasOwn(STANDARD, k);

/** The editor's lines for what the server stored, in page order. */
export function rowsOf(stored: readonly StoredField[]): FieldRow[] {
  const byKey = new Map(stored.map((f) => [f.key, f]));
  const standard = (k: StandardKey): FieldRow => {
    const s = byKey.get(k), d = STANDARD[k];
    const label = s?.label ?? d.label;
    return { key: k, standard: k, kind: d.kind, shown: k !== 'phone' || byKey.has('phone'), required: d.locked ? true : (s?.required ?? d.required), nl: label.nl, en: label.en, max: String(d.max) };
  };
  const own = stored.filter((f) => !isStandard(f.key)).map<FieldRow>((f) => ({
    key: f.key, standard: null, kind: f.multiline ? 'textarea' : 'text', shown: true, required: f.required ?? false,
    nl: f.label?.nl ?? '', en: f.label?.en ?? '', max: String(f.max ?? 200),
  }));
  return [...ORDER_BEFORE.map(standard), ...own, standard('message')];
}

/** A new field of the account's own, added just before the message. */
export function addRow(rows: readonly FieldRow[]): FieldRow[] {
  const row: FieldRow = { key: '', standard: null, kind: 'text', shown: true, required: false, nl: '', en: '', max: '200' };
  return [...rows.slice(0, -1), row, rows[rows.length - 1]];
}

/** Moves a field of the account's own one place up (-1) or down (+1) among the others of its own; the standard fields keep their places. */
export function moveRow(rows: readonly FieldRow[], i: number, by: -1 | 1): FieldRow[] {
  const j = i + by;
  if (rows[i]?.standard !== null || rows[j]?.standard !== null) return [...rows];
  const out = [...rows];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

/** The key a field of the account's own gets when none is typed: from its English label ("Customer number" → customer_number). */
export function keyFromLabel(en: string): string {
  const k = en.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^[^a-z]+|_+$/g, '');
  return k.slice(0, 40).replace(/_+$/, '');
}

export type RowProblem = 'key' | 'keyReserved' | 'keyStandard' | 'keyTwice' | 'nl' | 'en' | 'max';
/** Per line index, what is wrong with which part (a locale key under channels.fields.errors). */
export type RowErrors = Record<number, Partial<Record<'key' | 'nl' | 'en' | 'max', RowProblem>>>;

const labelOk = (s: string) => s.trim().length > 0 && s.length <= 100;

/** Checks the lines; returns what the server takes, or the errors per line (and then nothing to send). */
export function checkRows(rows: readonly FieldRow[]): { fields: StoredField[] | null; errors: RowErrors } {
  const errors: RowErrors = {};
  const fail = (i: number, part: 'key' | 'nl' | 'en' | 'max', p: RowProblem) => ((errors[i] ??= {})[part] ??= p);
  const seen = new Set<string>();
  const fields: StoredField[] = [];
  rows.forEach((r, i) => {
    if (r.standard && !r.shown) return;
    if (!labelOk(r.nl)) fail(i, 'nl', 'nl');
    if (!labelOk(r.en)) fail(i, 'en', 'en');
    if (r.standard) {
      const d = STANDARD[r.standard];
      const out: StoredField = { key: r.standard };
      if (!d.locked && r.required !== d.required) out.required = r.required;
      if (r.nl.trim() !== d.label.nl || r.en.trim() !== d.label.en) out.label = { nl: r.nl.trim(), en: r.en.trim() };
      if (r.standard === 'phone' || out.required !== undefined || out.label) fields.push(out);
      return;
    }
    const key = r.key.trim() || keyFromLabel(r.en);
    // an empty key follows the English label: when that label is wrong, it alone says so
    if (!r.key.trim() && errors[i]?.en) {
      // nothing more to say
    } else if (!KEY.test(key)) fail(i, 'key', 'key');
    else if (RESERVED.has(key)) fail(i, 'key', 'keyReserved');
    else if (isStandard(key)) fail(i, 'key', 'keyStandard');
    else if (seen.has(key)) fail(i, 'key', 'keyTwice');
    seen.add(key);
    const max = Number(r.max.trim());
    if (!/^\d+$/.test(r.max.trim()) || max < 1 || max > 2000) fail(i, 'max', 'max');
    const out: StoredField = { key, label: { nl: r.nl.trim(), en: r.en.trim() }, required: r.required, max };
    if (r.kind === 'textarea') out.multiline = true;
    fields.push(out);
  });
  return { fields: Object.keys(errors).length ? null : fields, errors };
}

/** How many fields of its own the account has (at most MAX_OWN). */
export const ownCount = (rows: readonly FieldRow[]) => rows.filter((r) => !r.standard).length;
