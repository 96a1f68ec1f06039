import type { Db } from '../storage/db.ts';
import { notFound } from '../shared/errors.ts';
import type { FieldDefinition, FieldEntity } from './fields.ts';

/** A definition as stored (with its times). */
export type StoredField = FieldDefinition & { created_at: Date; updated_at: Date };

export const FIELD_COLUMNS = 'id, entity, key, label_nl, label_en, type, options, required_on_solve, position, created_at, updated_at';

/** The account's fields of one kind (or all), in their order. */
export async function fieldDefinitions(db: Db, accountId: string, entity?: FieldEntity): Promise<StoredField[]> {
  return db.query<StoredField>(
    `SELECT ${FIELD_COLUMNS} FROM custom_fields WHERE account_id = $1 AND ($2::text IS NULL OR entity = $2) ORDER BY entity, position, key`,
    [accountId, entity ?? null],
  );
}

export async function loadField(db: Db, accountId: string, id: string, forUpdate = false): Promise<StoredField> {
  const [row] = await db.query<StoredField>(
    `SELECT ${FIELD_COLUMNS} FROM custom_fields WHERE account_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`, [accountId, id]);
  if (!row) throw notFound('custom_field', id);
  return row;
}

/** The table that holds the values of each kind. */
export const VALUE_TABLE = { case: 'cases', customer: 'customers', organisation: 'organisations' } as const;
