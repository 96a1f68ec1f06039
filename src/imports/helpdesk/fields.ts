import { checkValue, FIELD_KEY, type FieldDefinition, type FieldEntity, type FieldValue, type FieldValues } from '../../custom-fields/fields.ts';
import type { SourceField } from './export.ts';

/**
 * The Luister keys a source field may be known by, most specific first: its own key as it is,
 * then made a Luister key (lower case, a-z0-9_), then without Freshdesk's "cf_" prefix, then its label
 * made a key ("Contract nummer" → contract_nummer).
 */
export function keyCandidates(f: Pick<SourceField, 'key' | 'label'>): string[] {
  const slug = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
  const out = [f.key, slug(f.key), slug(f.key).replace(/^cf_/, ''), f.label ? slug(f.label) : ''];
  return [...new Set(out.filter((k) => FIELD_KEY.test(k)))];
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** A source value in the shape a Luister field takes, where the meaning is plain (a date-time on a date field, "12" on a number). */
export function coerce(def: Pick<FieldDefinition, 'type' | 'options'>, v: unknown): unknown {
  if (def.type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return v.slice(0, 10);
  if (def.type === 'number' && typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  if (def.type === 'yes_no' && typeof v === 'string' && /^(true|false|yes|no|ja|nee|1|0)$/i.test(v)) return /^(true|yes|ja|1)$/i.test(v);
  if (def.type === 'several_of' && typeof v === 'string') return v.split(/[,;]/).map((x) => x.trim()).filter(Boolean);
  if ((def.type === 'text' || def.type === 'one_of') && typeof v === 'number') return String(v);
  return v;
}

export interface FieldMapping {
  values: FieldValues;
  /** keys with a value but no Luister field of this kind */
  unknown: string[];
  /** keys whose value does not fit the Luister field, with why */
  invalid: { key: string; reason: string }[];
}

/** The source's values onto the account's field definitions of one kind: what fits, what has no field, what does not fit. */
export function mapFields(defs: readonly FieldDefinition[], fields: readonly SourceField[]): FieldMapping {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const out: FieldMapping = { values: {}, unknown: [], invalid: [] };
  for (const f of fields) {
    if (isEmpty(f.value)) continue;
    const def = keyCandidates(f).map((k) => byKey.get(k)).find(Boolean);
    if (!def) {
      // an unticked checkbox with no field to go to says nothing
      if (f.value !== false) out.unknown.push(f.key);
      continue;
    }
    try {
      out.values[def.key] = checkValue(def, coerce(def, f.value)) as FieldValue;
    } catch (err) {
      out.invalid.push({ key: def.key, reason: (err as Error).message });
    }
  }
  return out;
}

export type FieldDefs = Record<FieldEntity, FieldDefinition[]>;
