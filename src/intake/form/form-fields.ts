import { invalid } from '../../shared/errors.ts';
import { normaliseIdentity } from '../../customers/identity.ts';

/** A label in both languages of the public pages. */
export interface Label {
  nl: string;
  en: string;
}

export type FieldKind = 'text' | 'email' | 'tel' | 'textarea';

/** One field of the public contact form, as the page shows it and the submission is checked against. */
export interface FormField {
  key: string;
  label: Label;
  kind: FieldKind;
  required: boolean;
  max: number;
  /** the HTML autocomplete token (name, email, tel) so browsers and password managers fill it in */
  autocomplete?: string;
  builtIn: boolean;
}

/** What an admin stores: a built-in field to show or require (phone), or a field of their own. */
export interface StoredField {
  key: string;
  label?: Label;
  required?: boolean;
  max?: number;
  multiline?: boolean;
}

/** Names the form itself uses: the honeypot, the signed timestamp, the language. */
export const RESERVED_KEYS = new Set(['website', 't', 'lang']);
const MAX_CUSTOM = 8;

const BUILT_IN = {
  name: { key: 'name', label: { nl: 'Uw naam', en: 'Your name' }, kind: 'text', required: false, max: 200, autocomplete: 'name', builtIn: true },
  email: { key: 'email', label: { nl: 'Uw e-mailadres', en: 'Your email address' }, kind: 'email', required: true, max: 254, autocomplete: 'email', builtIn: true },
  phone: { key: 'phone', label: { nl: 'Uw telefoonnummer', en: 'Your phone number' }, kind: 'tel', required: false, max: 40, autocomplete: 'tel', builtIn: true },
  subject: { key: 'subject', label: { nl: 'Onderwerp', en: 'Subject' }, kind: 'text', required: false, max: 200, builtIn: true },
  message: { key: 'message', label: { nl: 'Uw vraag of bericht', en: 'Your question or message' }, kind: 'textarea', required: true, max: 5000, builtIn: true },
} as const satisfies Record<string, FormField>;
type BuiltInKey = keyof typeof BUILT_IN;
const isBuiltIn = (k: string): k is BuiltInKey => Object.hasOwn(BUILT_IN, k);

/**
 * The form's fields in page order: name, e-mail, phone (when asked), subject, the account's own
 * fields, then the message. E-mail and message are always there and always required: without an
 * address nobody can answer, without a message there is nothing to answer.
 */
export function formFields(stored: readonly StoredField[]): FormField[] {
  const byKey = new Map(stored.map((f) => [f.key, f]));
  const built = (k: BuiltInKey): FormField => {
    const s = byKey.get(k);
    const base: FormField = { ...BUILT_IN[k] };
    if (k !== 'email' && k !== 'message' && s?.required !== undefined) base.required = s.required;
    if (s?.label) base.label = s.label;
    return base;
  };
  const custom = stored.filter((f) => !isBuiltIn(f.key)).map<FormField>((f) => ({
    key: f.key,
    label: f.label!,
    kind: f.multiline ? 'textarea' : 'text',
    required: f.required ?? false,
    max: f.max ?? 200,
    builtIn: false,
  }));
  return [
    built('name'),
    built('email'),
    ...(byKey.has('phone') ? [built('phone')] : []),
    built('subject'),
    ...custom,
    built('message'),
  ];
}

/** Checks an admin's field list; throws an AppError (422) that says what to fix. */
export function validateFieldConfig(input: unknown): StoredField[] {
  if (!Array.isArray(input)) throw invalid('form_fields_invalid', 'form_fields must be a list of fields');
  const seen = new Set<string>();
  let custom = 0;
  return input.map((raw, i) => {
    const f = raw as Partial<StoredField> | null;
    const where = `Field ${i + 1}`;
    if (!f || typeof f !== 'object' || typeof f.key !== 'string' || !/^[a-z][a-z0-9_]{0,39}$/.test(f.key)) {
      throw invalid('form_fields_invalid', `${where}: key must be lower-case letters, digits and _ (at most 40), starting with a letter`);
    }
    if (RESERVED_KEYS.has(f.key)) throw invalid('form_field_reserved', `${where}: "${f.key}" is used by the form itself; choose another key`);
    if (seen.has(f.key)) throw invalid('form_field_duplicate', `${where}: "${f.key}" appears twice`);
    seen.add(f.key);
    const out: StoredField = { key: f.key };
    if (f.required !== undefined) {
      if (typeof f.required !== 'boolean') throw invalid('form_fields_invalid', `${where}: required must be true or false`);
      out.required = f.required;
    }
    if (f.label !== undefined) out.label = checkLabel(f.label, where);
    if (isBuiltIn(f.key)) return out;
    if (++custom > MAX_CUSTOM) throw invalid('form_fields_too_many', `At most ${MAX_CUSTOM} fields of your own`);
    if (!out.label) throw invalid('form_field_label_required', `${where}: a field of your own needs a label in Dutch and English`);
    if (f.max !== undefined) {
      if (!Number.isInteger(f.max) || f.max < 1 || f.max > 2000) throw invalid('form_fields_invalid', `${where}: max must be a whole number from 1 to 2000`);
      out.max = f.max;
    }
    if (f.multiline !== undefined) out.multiline = f.multiline === true;
    return out;
  });
}

function checkLabel(l: unknown, where: string): Label {
  const label = l as Partial<Label> | null;
  const ok = (s: unknown) => typeof s === 'string' && s.trim().length > 0 && s.length <= 100;
  if (!label || !ok(label.nl) || !ok(label.en)) throw invalid('form_fields_invalid', `${where}: label needs nl and en, each 1 to 100 characters`);
  return { nl: label.nl!.trim(), en: label.en!.trim() };
}

export type FieldProblem = 'required' | 'too_long' | 'invalid_email' | 'invalid_phone';

/** What a visitor filled in, checked: the values by key (trimmed), and a problem per field that has one. */
export function readSubmission(fields: readonly FormField[], body: Readonly<Record<string, string>>) {
  const values: Record<string, string> = {};
  const problems: Record<string, FieldProblem> = {};
  for (const f of fields) {
    const v = (body[f.key] ?? '').replace(/\r\n?/g, '\n').trim();
    values[f.key] = v;
    if (!v) {
      if (f.required) problems[f.key] = 'required';
      continue;
    }
    if (v.length > f.max) problems[f.key] = 'too_long';
    else if (f.kind === 'email' && !accepts('email', v)) problems[f.key] = 'invalid_email';
    else if (f.kind === 'tel' && !accepts('phone', v)) problems[f.key] = 'invalid_phone';
  }
  return { values, problems };
}

/** Whether the customer road will take it as an identity (the same rule as everywhere else). */
function accepts(kind: 'email' | 'phone', v: string): boolean {
  try {
    normaliseIdentity(kind, v);
    return true;
  } catch {
    return false;
  }
}

/** Body fields the form did not declare (a bot guessing, or a stale page): the submission is refused whole. */
export function undeclaredKeys(fields: readonly FormField[], body: Readonly<Record<string, unknown>>): string[] {
  const known = new Set([...fields.map((f) => f.key), ...RESERVED_KEYS]);
  return Object.keys(body).filter((k) => !known.has(k));
}
