import { AppError } from '../shared/errors.ts';
import { checkValue, type FieldDefinition, type FieldEntity, type FieldValue, type FieldValues } from './fields.ts';

/**
 * A condition on a custom field value, as routing rules and service-level policies hold them:
 * `equals` one value (for a yes/no field: true or false; for a several-of field: has that option),
 * `one_of` a list of values (for a several-of field: has any of them), or `is_set`: has any value at
 * all (a yes/no field answered either way, a several-of field with at least one option; no value is kept).
 */
export interface FieldCondition {
  entity: FieldEntity;
  key: string;
  op: ConditionOp;
  value: FieldValue | null;
}

export const CONDITION_OPS = ['equals', 'one_of', 'is_set'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

/** The field values a case is judged by: its own, its customer's, the customer's organisation's. */
export type ValuesByEntity = Partial<Record<FieldEntity, FieldValues | null | undefined>>;

export const MAX_CONDITIONS = 10;

const bad = (i: number, message: string, field?: string) =>
  new AppError('invalid_condition', `Condition ${i + 1}: ${message}`, 400, { condition: i, ...(field ? { field } : {}) });

/** One value of the field's type; for a several-of field one of its options. */
function checkOne(def: FieldDefinition, v: unknown): FieldValue {
  return checkValue(def.type === 'several_of' ? { ...def, type: 'one_of' } : def, v);
}

/**
 * Conditions as given (API), checked against the account's field definitions before anything is
 * saved: the field must exist for that kind, the value be of its type (an option of a list, a
 * date, true/false …). Returns them normalised; throws a 400 naming the condition otherwise.
 */
export function checkConditions(defs: readonly FieldDefinition[], input: readonly { entity: string; key: string; op: string; value?: unknown }[]): FieldCondition[] {
  if (input.length > MAX_CONDITIONS) throw new AppError('invalid_condition', `At most ${MAX_CONDITIONS} conditions`, 400);
  const seen = new Set<string>();
  return input.map((c, i) => {
    const def = defs.find((d) => d.entity === c.entity && d.key === c.key);
    if (!def) throw bad(i, `no ${c.entity} field "${String(c.key).slice(0, 60)}"`, c.key);
    if (seen.has(`${c.entity}.${c.key}`)) throw bad(i, `the ${c.entity} field "${c.key}" has a condition already`, c.key);
    seen.add(`${c.entity}.${c.key}`);
    try {
      if (c.op === 'equals') return { entity: def.entity, key: def.key, op: 'equals', value: checkOne(def, c.value) };
      if (c.op === 'is_set') {
        // a value beside is_set is a mistake (a caller who meant equals), not something to drop silently
        if (c.value !== undefined && c.value !== null) throw bad(i, 'is_set takes no value (use equals or one_of to match one)', c.key);
        return { entity: def.entity, key: def.key, op: 'is_set', value: null };
      }
      if (c.op !== 'one_of') throw bad(i, 'op is equals, one_of or is_set', c.key);
      if (def.type === 'yes_no') throw bad(i, 'a yes/no field is matched with equals true or false', c.key);
      if (!Array.isArray(c.value) || c.value.length < 1 || c.value.length > 100) throw bad(i, 'one_of needs a list of 1 to 100 values', c.key);
      const values = c.value.map((v) => checkOne(def, v));
      return { entity: def.entity, key: def.key, op: 'one_of', value: [...new Set(values.map((v) => JSON.stringify(v)))].map((v) => JSON.parse(v)) };
    } catch (err) {
      if (err instanceof AppError && err.code === 'invalid_field_value') throw bad(i, err.message, c.key);
      throw err;
    }
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether a field has a value: not absent, not empty text, not an empty list (false is a value). */
const isSet = (stored: FieldValue | null | undefined) =>
  stored !== undefined && stored !== null && stored !== '' && !(Array.isArray(stored) && !stored.length);

/** Whether a stored value meets one wanted value (a several-of value: has it among its options). */
function meets(stored: FieldValue | undefined, wanted: FieldValue | null): boolean {
  if (stored === undefined || stored === null) return false;
  if (Array.isArray(stored)) return stored.includes(wanted as string);
  return same(stored, wanted);
}

/** Pure: whether every condition holds for these values. An empty list always holds. */
export function meetsConditions(conditions: readonly FieldCondition[], values: ValuesByEntity): boolean {
  return conditions.every((c) => {
    const stored = values[c.entity]?.[c.key];
    if (c.op === 'is_set') return isSet(stored);
    return c.op === 'equals' ? meets(stored, c.value) : (c.value as FieldValue[]).some((w) => meets(stored, w));
  });
}


/**
 * A condition as typed on the command line: `case.contract=zakelijk`, `customer.vip=ja`,
 * `case.producten=tv|bellen` (several values: any of them), `case.ordernummer` alone (has a value).
 * Values are read by the field's type (a number, yes/ja/true …); checkConditions then checks them as for the API.
 */
export function conditionFromText(defs: readonly FieldDefinition[], text: string): { entity: string; key: string; op: string; value?: unknown } {
  const m = /^(case|customer|organisation)\.([a-z][a-z0-9_]{0,39})(?:=(.+))?$/s.exec(text.trim());
  if (!m) throw new AppError('invalid_condition', `"${text.slice(0, 80)}" is not a condition like case.contract=zakelijk, customer.vip=ja or case.ordernummer (has a value)`, 400);
  const [, entity, key, rest] = m;
  if (rest === undefined) return { entity, key, op: 'is_set' };
  const def = defs.find((d) => d.entity === entity && d.key === key);
  const read = (v: string) => valueFromText(def, v);
  const parts = rest.split('|');
  return parts.length > 1 ? { entity, key, op: 'one_of', value: parts.map(read) } : { entity, key, op: 'equals', value: read(rest) };
}

/**
 * One value as typed on the command line, read by the field's type: a number (a comma as decimal
 * sign too), ja/yes/true and nee/no/false; anything else as typed, so the check that follows names it.
 */
export function valueFromText(def: Pick<FieldDefinition, 'type'> | undefined, v: string): unknown {
  const s = v.trim();
  if (def?.type === 'number' && s !== '' && Number.isFinite(Number(s.replace(',', '.')))) return Number(s.replace(',', '.'));
  if (def?.type === 'yes_no') return ['ja', 'yes', 'true'].includes(s.toLowerCase()) ? true : ['nee', 'no', 'false'].includes(s.toLowerCase()) ? false : s;
  return s;
}
