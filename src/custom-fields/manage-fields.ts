import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { diff, recordAudit } from '../shared/audit.ts';
import { AppError, isUniqueViolation } from '../shared/errors.ts';
import { checkDefinition, type FieldDefinition, type FieldEntity, type FieldType } from './fields.ts';
import { FIELD_COLUMNS, loadField, type StoredField, VALUE_TABLE } from './store.ts';

export interface CreateFieldOptions {
  entity: FieldEntity;
  key: string;
  label_nl: string;
  label_en: string;
  type: FieldType;
  options?: string[];
  required_on_solve?: boolean;
  position?: number;
}

/** A new custom field for the account (admin). The key is fixed once made; labels, options and the rule can change. */
export async function createField(db: Db, actor: Actor, o: CreateFieldOptions): Promise<StoredField> {
  requirePermission(actor, 'custom_fields.manage', 'Making a custom field');
  const options = checkDefinition(o);
  return db.transaction(async (tx) => {
    try {
      const [row] = await tx.query<StoredField>(
        `INSERT INTO custom_fields (account_id, entity, key, label_nl, label_en, type, options, required_on_solve, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${FIELD_COLUMNS}`,
        [actor.accountId, o.entity, o.key, o.label_nl.trim(), o.label_en.trim(), o.type, options, o.required_on_solve ?? false, o.position ?? 0],
      );
      await recordAudit(tx, actor, { action: 'custom_field.created', entityType: 'custom_field', entityId: row.id, after: row });
      return row;
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('field_exists', `A ${o.entity} field "${o.key}" already exists`, 409);
      throw err;
    }
  });
}

export interface UpdateFieldOptions {
  label_nl?: string;
  label_en?: string;
  options?: string[];
  required_on_solve?: boolean;
  position?: number;
}

/** Changes labels, options, order or required-on-solve. An option still in use cannot be removed (409). */
export async function updateField(db: Db, actor: Actor, id: string, o: UpdateFieldOptions): Promise<StoredField> {
  requirePermission(actor, 'custom_fields.manage', 'Changing a custom field');
  return db.transaction(async (tx) => {
    const before = await loadField(tx, actor.accountId, id, true);
    const options = o.options === undefined ? before.options : checkDefinition({ ...before, ...o });
    if (o.required_on_solve) checkDefinition({ ...before, options, required_on_solve: true });
    const dropped = before.options.filter((x) => !options.includes(x));
    if (dropped.length) {
      const table = VALUE_TABLE[before.entity];
      const probe = before.type === 'several_of' ? dropped.map((x) => ({ [before.key]: [x] })) : dropped.map((x) => ({ [before.key]: x }));
      const [used] = await tx.query(
        `SELECT 1 FROM ${table} WHERE account_id = $1 AND custom_fields @> ANY($2::jsonb[]) LIMIT 1`, [actor.accountId, probe.map((p) => JSON.stringify(p))]);
      if (used) throw new AppError('option_in_use', `Field "${before.key}": an option still in use cannot be removed (${dropped.join(', ')})`, 409);
      const rule = await ruleUsing(tx, actor.accountId, before, dropped);
      if (rule) throw new AppError('option_in_use', `Field "${before.key}": ${rule} names an option being removed (${dropped.join(', ')}); change it first`, 409);
    }
    const d = diff(before as unknown as Record<string, unknown>, { ...o, options });
    if (!d.changed) return before;
    const [row] = await tx.query<StoredField>(
      `UPDATE custom_fields SET label_nl = coalesce($3, label_nl), label_en = coalesce($4, label_en), options = $5,
         required_on_solve = coalesce($6, required_on_solve), position = coalesce($7, position), updated_at = now()
       WHERE account_id = $1 AND id = $2 RETURNING ${FIELD_COLUMNS}`,
      [actor.accountId, id, o.label_nl?.trim() ?? null, o.label_en?.trim() ?? null, options, o.required_on_solve ?? null, o.position ?? null],
    );
    await recordAudit(tx, actor, { action: 'custom_field.updated', entityType: 'custom_field', entityId: id, before: d.before, after: d.after });
    return row;
  });
}

/** Removes a field and its values everywhere (audited with the definition; the values are not kept). */
export async function deleteField(db: Db, actor: Actor, id: string): Promise<StoredField> {
  requirePermission(actor, 'custom_fields.manage', 'Deleting a custom field');
  return db.transaction(async (tx) => {
    const before = await loadField(tx, actor.accountId, id, true);
    const rule = (await ruleUsing(tx, actor.accountId, before)) ?? (await textUsing(tx, actor.accountId, before));
    if (rule) throw new AppError('field_in_use', `Field "${before.key}" is used by ${rule}; change or remove that first`, 409);
    const table = VALUE_TABLE[before.entity];
    await tx.query(`UPDATE ${table} SET custom_fields = custom_fields - $2::text WHERE account_id = $1 AND custom_fields ? $2::text`, [actor.accountId, before.key]);
    await tx.query('DELETE FROM custom_fields WHERE account_id = $1 AND id = $2', [actor.accountId, id]);
    await recordAudit(tx, actor, { action: 'custom_field.deleted', entityType: 'custom_field', entityId: id, before });
    return before;
  });
}

/**
 * The routing rule or service level whose conditions name this field (or, given options, one of
 * them), as words for a message; null when none does. A rule on a field that is gone would
 * silently match nothing, so the field (or option) stays until the rule is changed.
 */
async function ruleUsing(tx: Db, accountId: string, f: StoredField, options?: string[]): Promise<string | null> {
  const base = { entity: f.entity, key: f.key };
  const probes = options ? options.flatMap((o) => [[{ ...base, value: o }], [{ ...base, value: [o] }]]) : [[base]];
  const json = probes.map((p) => JSON.stringify(p));
  const [r] = await tx.query<{ name: string }>('SELECT name FROM routing_rules WHERE account_id = $1 AND conditions @> ANY($2::jsonb[]) LIMIT 1', [accountId, json]);
  if (r) return `routing rule "${r.name}"`;
  const [p] = await tx.query<{ name: string }>('SELECT name FROM sla_policies WHERE account_id = $1 AND field_conditions @> ANY($2::jsonb[]) LIMIT 1', [accountId, json]);
  return p ? `service level "${p.name}"` : null;
}

/**
 * The reply template that writes this field out ({{case.fields.key}}) or the macro that sets it, as
 * words; null when none does. Both are checked against the fields when saved; deleting the field
 * under them would turn that check into a refusal in front of a case.
 */
async function textUsing(tx: Db, accountId: string, f: StoredField): Promise<string | null> {
  // keys are [a-z][a-z0-9_]*: nothing in them is special to a regular expression
  const [t] = await tx.query<{ name: string }>(
    `SELECT name FROM templates WHERE account_id = $1 AND body ~ $2 ORDER BY name LIMIT 1`, [accountId, `\\{\\{\\s*${f.entity}\\.fields\\.${f.key}\\s*\\}\\}`]);
  if (t) return `template "${t.name}"`;
  if (f.entity !== 'case') return null;
  const [m] = await tx.query<{ name: string }>(`SELECT name FROM macros WHERE account_id = $1 AND actions->'fields' ? $2 ORDER BY name LIMIT 1`, [accountId, f.key]);
  return m ? `macro "${m.name}"` : null;
}
