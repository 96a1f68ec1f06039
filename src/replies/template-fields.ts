import { AppError } from '../shared/errors.ts';
import type { FieldDefinition } from '../custom-fields/fields.ts';

const FIELD_PATH = /^(case|customer|organisation)\.fields(?:\.(.*))?$/s;

/**
 * Pure: the custom fields a template's variables name must be fields of this account, of that kind
 * (`{{case.fields.ordernummer}}` needs a case field "ordernummer"). Checked when a template is saved,
 * so a typo or another account's field is refused then — not found out in front of a case later.
 * Throws a 422 naming the variable and the fields there are.
 */
export function checkTemplateFields(paths: readonly string[], defs: readonly Pick<FieldDefinition, 'entity' | 'key'>[]): void {
  for (const path of paths) {
    const m = FIELD_PATH.exec(path);
    if (!m) continue;
    const [, entity, key] = m;
    if (key !== undefined && defs.some((d) => d.entity === entity && d.key === key)) continue;
    const keys = defs.filter((d) => d.entity === entity).map((d) => d.key);
    throw new AppError(
      'invalid_template',
      `The template uses {{${path.slice(0, 80)}}}, but there is no ${entity} field ${key === undefined ? 'named there' : `"${key.slice(0, 40)}"`}` +
        ` (${keys.length ? `${entity} fields: ${keys.join(', ')}` : `this account has no ${entity} fields`})`,
      422,
      { variable: path.slice(0, 120) },
    );
  }
}
