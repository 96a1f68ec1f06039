import type { FieldEntity } from '../../custom-fields/fields.ts';
import { count, type ImportSummary } from '../summary.ts';
import type { FieldMapping } from './fields.ts';

const OF: Record<FieldEntity, string> = { case: 'ticket', customer: 'customer', organisation: 'organisation' };

/** Custom field values: those that found a Luister field counted as mapped, the others as not mapped with why. */
export function reportFields(s: ImportSummary, entity: FieldEntity, m: FieldMapping): void {
  const n = Object.keys(m.values).length;
  if (n) count(s.mapped, `${OF[entity]} custom field values (onto Luister ${entity} fields of the same key)`, n);
  for (const key of m.unknown) count(s.not_mapped, `${OF[entity]} custom field "${key.slice(0, 60)}" (no Luister ${entity} field with this key)`);
  for (const i of m.invalid) count(s.not_mapped, `${OF[entity]} custom field "${i.key}" values that do not fit the Luister field`);
}
