import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { type FieldEntity, type FieldValues, nextValues } from './fields.ts';
import { fieldDefinitions, VALUE_TABLE } from './store.ts';

/**
 * Writes a change to a row's custom field values, in the caller's transaction on a row it has
 * locked: every key checked against the account's fields of that kind, every value against its
 * type (400 naming the field, nothing written). Audited as <entity>.fields_changed.
 */
export async function writeFieldValues(tx: Db, actor: Actor, entity: FieldEntity, id: string, current: FieldValues, change: Record<string, unknown>): Promise<FieldValues> {
  const defs = await fieldDefinitions(tx, actor.accountId, entity);
  const next = nextValues(defs, current ?? {}, change);
  if (JSON.stringify(next) === JSON.stringify(current ?? {})) return next;
  await tx.query(`UPDATE ${VALUE_TABLE[entity]} SET custom_fields = $3::jsonb, updated_at = now() WHERE account_id = $1 AND id = $2`, [actor.accountId, id, JSON.stringify(next)]);
  await recordAudit(tx, actor, { action: `${entity}.fields_changed`, entityType: entity, entityId: id, before: current ?? {}, after: next });
  return next;
}
