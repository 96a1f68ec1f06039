import type { Db } from '../storage/db.ts';
import { type Actor } from '../shared/actor.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { conflict, invalid, isUniqueViolation, notFound } from '../shared/errors.ts';
import type { SlaPolicy } from './sla-clock.ts';
import { checkConditions, type FieldCondition } from '../custom-fields/conditions.ts';
import { fieldDefinitions } from '../custom-fields/store.ts';

export interface SlaPolicyInput {
  name?: string;
  segment?: string | null;
  priority?: 'low' | 'normal' | 'high' | 'urgent' | null;
  channel?: 'email' | 'web' | 'chat' | 'phone' | 'social' | 'api' | 'whatsapp' | 'portal' | null;
  first_response_minutes?: number | null;
  next_response_minutes?: number | null;
  resolution_minutes?: number | null;
  at_risk_percent?: number;
  /** custom field values the case must have (checked against the account's fields when saved) */
  field_conditions?: { entity: string; key: string; op: string; value?: unknown }[];
}

const COLUMNS = 'id, name, segment, priority, channel, first_response_minutes, next_response_minutes, resolution_minutes, at_risk_percent, field_conditions, created_at';

export async function listSlaPolicies(db: Db, accountId: string): Promise<(SlaPolicy & { field_conditions: FieldCondition[]; created_at: Date })[]> {
  return db.query(`SELECT ${COLUMNS} FROM sla_policies WHERE account_id = $1 ORDER BY created_at, id`, [accountId]);
}

/** Service-level policies by segment × priority × channel × custom field conditions (admin). One policy per combination. */
export async function saveSlaPolicy(db: Db, actor: Actor, id: string | null, input: SlaPolicyInput) {
  requirePermission(actor, 'service_levels.manage', 'Changing service levels');
  return db.transaction(async (tx) => {
    const before = id ? await load(tx, actor.accountId, id) : null;
    const conditions: FieldCondition[] | undefined = input.field_conditions && checkConditions(await fieldDefinitions(tx, actor.accountId), input.field_conditions);
    const next = {
      ...(before ?? { name: '', segment: null, priority: null, channel: null, first_response_minutes: null, next_response_minutes: null, resolution_minutes: null, at_risk_percent: 80, field_conditions: [] }),
      ...input, field_conditions: conditions ?? before?.field_conditions ?? [],
    };
    if (!next.first_response_minutes && !next.next_response_minutes && !next.resolution_minutes) {
      throw invalid('sla_without_targets', 'A service level needs at least one target: first_response_minutes, next_response_minutes or resolution_minutes');
    }
    try {
      const [row] = before
        ? await tx.query<SlaPolicy & { field_conditions: FieldCondition[]; created_at: Date }>(
            `UPDATE sla_policies SET name = $3, segment = $4, priority = $5, channel = $6, first_response_minutes = $7, next_response_minutes = $8,
               resolution_minutes = $9, at_risk_percent = $10, field_conditions = $11::jsonb WHERE account_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
            [actor.accountId, id, next.name, next.segment, next.priority, next.channel, next.first_response_minutes, next.next_response_minutes, next.resolution_minutes, next.at_risk_percent, JSON.stringify(next.field_conditions)],
          )
        : await tx.query<SlaPolicy & { field_conditions: FieldCondition[]; created_at: Date }>(
            `INSERT INTO sla_policies (account_id, name, segment, priority, channel, first_response_minutes, next_response_minutes, resolution_minutes, at_risk_percent, field_conditions)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb) RETURNING ${COLUMNS}`,
            [actor.accountId, next.name, next.segment, next.priority, next.channel, next.first_response_minutes, next.next_response_minutes, next.resolution_minutes, next.at_risk_percent, JSON.stringify(next.field_conditions)],
          );
      await recordAudit(tx, actor, { action: before ? 'sla_policy.updated' : 'sla_policy.created', entityType: 'sla_policy', entityId: row.id, before, after: row });
      return row;
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('sla_policy_exists', 'There is already a service level for this segment, priority, channel and field conditions');
      throw err;
    }
  });
}

export async function deleteSlaPolicy(db: Db, actor: Actor, id: string) {
  requirePermission(actor, 'service_levels.manage', 'Changing service levels');
  return db.transaction(async (tx) => {
    const before = await load(tx, actor.accountId, id);
    await tx.query('DELETE FROM sla_policies WHERE account_id = $1 AND id = $2', [actor.accountId, id]);
    await recordAudit(tx, actor, { action: 'sla_policy.deleted', entityType: 'sla_policy', entityId: id, before });
    return { id, deleted: true };
  });
}

async function load(db: Db, accountId: string, id: string): Promise<SlaPolicy> {
  const [row] = await db.query<SlaPolicy>(`SELECT ${COLUMNS} FROM sla_policies WHERE account_id = $1 AND id = $2`, [accountId, id]);
  if (!row) throw notFound('sla_policy', id);
  return row;
}
