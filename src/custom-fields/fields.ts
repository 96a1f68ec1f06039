import { AppError } from '../shared/errors.ts';

/** What can carry custom fields. */
export type FieldEntity = 'case' | 'customer' | 'organisation';
export const FIELD_ENTITIES: readonly FieldEntity[] = ['case', 'customer', 'organisation'];
export type FieldType = 'text' | 'number' | 'date' | 'yes_no' | 'one_of' | 'several_of';
export const FIELD_TYPES: readonly FieldType[] = ['text', 'number', 'date', 'yes_no', 'one_of', 'several_of'];
export const FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;
export const MAX_TEXT = 2000;

export interface FieldDefinition {
  id: string;
  entity: FieldEntity;
  key: string;
  label_nl: string;
  label_en: string;
  type: FieldType;
  options: string[];
  required_on_solve: boolean;
  position: number;
  created_at?: Date;
  updated_at?: Date;
}

export type FieldValue = string | number | boolean | string[];
export type FieldValues = Record<string, FieldValue>;

const badValue = (key: string, message: string) =>
  new AppError('invalid_field_value', `Field "${key}": ${message}`, 400, { field: key });

function isDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** One value checked against its definition, normalised (text trimmed, several_of in option order), or a 400 naming the field. */
export function checkValue(def: Pick<FieldDefinition, 'key' | 'type' | 'options'>, v: unknown): FieldValue {
  switch (def.type) {
    case 'text':
      if (typeof v !== 'string') throw badValue(def.key, 'must be text');
      if (v.trim().length > MAX_TEXT) throw badValue(def.key, `at most ${MAX_TEXT} characters`);
      return v.trim();
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) throw badValue(def.key, 'must be a number');
      return v;
    case 'date':
      if (!isDate(v)) throw badValue(def.key, 'must be a date like 2026-12-31');
      return v;
    case 'yes_no':
      if (typeof v !== 'boolean') throw badValue(def.key, 'must be true or false');
      return v;
    case 'one_of':
      if (typeof v !== 'string' || !def.options.includes(v)) throw badValue(def.key, `must be one of: ${def.options.join(', ')}`);
      return v;
    case 'several_of': {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw badValue(def.key, 'must be a list of options');
      const wrong = v.filter((x) => !def.options.includes(x));
      if (wrong.length) throw badValue(def.key, `not an option: ${wrong.slice(0, 5).join(', ')} (options: ${def.options.join(', ')})`);
      return def.options.filter((o) => v.includes(o));
    }
  }
}

const isEmpty = (v: unknown) => v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The values after a change: every key must be a field of this kind, every value of its type;
 * null (or '' or []) clears a field. Throws before anything is written.
 */
export function nextValues(defs: readonly FieldDefinition[], current: FieldValues, change: Record<string, unknown>): FieldValues {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const unknown = Object.keys(change).filter((k) => !byKey.has(k));
  if (unknown.length) {
    throw new AppError('unknown_field', `No such custom field: ${unknown.slice(0, 5).map((k) => `"${k.slice(0, 60)}"`).join(', ')}`, 400, { field: unknown[0] });
  }
  const next: FieldValues = { ...current };
  for (const [key, v] of Object.entries(change)) {
    if (isEmpty(v)) delete next[key];
    else next[key] = checkValue(byKey.get(key)!, v);
  }
  return next;
}

/** The case fields that must be filled before the case is solved or closed and are not. */
export function missingOnSolve(defs: readonly FieldDefinition[], values: FieldValues): FieldDefinition[] {
  return defs.filter((d) => d.entity === 'case' && d.required_on_solve && isEmpty(values[d.key] ?? null));
}

/** A filter value from a query string (`field.seats=12`) as the JSON a row must contain. */
export function filterValue(def: FieldDefinition, raw: string): FieldValue {
  switch (def.type) {
    case 'number': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw badValue(def.key, 'filter must be a number');
      return n;
    }
    case 'yes_no':
      if (['true', 'yes', 'ja'].includes(raw)) return true;
      if (['false', 'no', 'nee'].includes(raw)) return false;
      throw badValue(def.key, 'filter must be true or false');
    case 'several_of':
      // a row matches when it has this option among its several
      return [checkValue({ ...def, type: 'one_of' }, raw) as string];
    default:
      return checkValue(def, raw);
  }
}

/** The containment object for several filters: { key: value, ... } (all must match). */
export function filterObject(defs: readonly FieldDefinition[], filters: Record<string, string>): FieldValues | null {
  const keys = Object.keys(filters);
  if (!keys.length) return null;
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const out: FieldValues = {};
  for (const k of keys) {
    const def = byKey.get(k);
    if (!def) throw new AppError('unknown_field', `No such custom field to filter on: "${k.slice(0, 60)}"`, 400, { field: k });
    out[k] = filterValue(def, filters[k]);
  }
  return out;
}

/** `field.<key>=value` pairs of a query string, by key. */
export function fieldFilters(query: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) if (k.startsWith('field.') && typeof v === 'string') out[k.slice(6)] = v;
  return out;
}

/** A definition's own rules: options only for one_of/several_of (1–100 distinct, each 1–100 characters); required_on_solve only on cases. */
export function checkDefinition(d: { entity: FieldEntity; type: FieldType; options?: string[]; required_on_solve?: boolean }): string[] {
  const options = [...new Set((d.options ?? []).map((o) => o.trim()))];
  const choice = d.type === 'one_of' || d.type === 'several_of';
  if (choice && (options.length < 1 || options.length > 100)) throw new AppError('invalid_field', 'A one_of or several_of field needs 1 to 100 options', 400);
  if (!choice && options.length) throw new AppError('invalid_field', `A ${d.type} field has no options`, 400);
  if (options.some((o) => o.length < 1 || o.length > 100)) throw new AppError('invalid_field', 'An option is 1 to 100 characters', 400);
  if (d.required_on_solve && d.entity !== 'case') throw new AppError('invalid_field', 'Only case fields can be required on solve', 400);
  return options;
}
