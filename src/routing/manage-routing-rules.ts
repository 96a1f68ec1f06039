import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { conflict, invalid, isUniqueViolation, notFound } from '../shared/errors.ts';
import type { Tier } from '../cases/status.ts';
import { checkConditions } from '../custom-fields/conditions.ts';
import { fieldDefinitions } from '../custom-fields/store.ts';
import type { RoutingRule } from './rules.ts';

export interface RoutingRuleInput {
  name?: string;
  position?: number;
  conditions?: { entity: string; key: string; op: string; value?: unknown }[];
  team_id?: string | null;
  tier?: Tier | null;
}

export type StoredRoutingRule = RoutingRule & { created_at: Date; updated_at: Date };
const COLUMNS = 'id, name, position, conditions, team_id, tier, created_at, updated_at';

export async function listRoutingRules(db: Db, accountId: string): Promise<StoredRoutingRule[]> {
  return db.query<StoredRoutingRule>(`SELECT ${COLUMNS} FROM routing_rules WHERE account_id = $1 ORDER BY position, name`, [accountId]);
}

async function load(db: Db, accountId: string, id: string): Promise<StoredRoutingRule> {
  const [row] = await db.query<StoredRoutingRule>(`SELECT ${COLUMNS} FROM routing_rules WHERE account_id = $1 AND id = $2 FOR UPDATE`, [accountId, id]);
  if (!row) throw notFound('routing_rule', id);
  return row;
}

/**
 * Adds or changes a routing rule (supervisor). Every condition is checked against the account's
 * custom fields (a field that is not there, or a value not of its type: 400); the team must be one
 * of the account's (404 otherwise, as for any id of another account). Nothing is written on a refusal.
 */
export async function saveRoutingRule(db: Db, actor: Actor, id: string | null, input: RoutingRuleInput): Promise<StoredRoutingRule> {
  requirePermission(actor, 'routing.manage', 'Changing routing rules');
  return db.transaction(async (tx) => {
    const before = id ? await load(tx, actor.accountId, id) : null;
    const conditions = input.conditions ? checkConditions(await fieldDefinitions(tx, actor.accountId), input.conditions) : (before?.conditions ?? []);
    const next = {
      name: (input.name ?? before?.name ?? '').trim(),
      position: input.position ?? before?.position ?? 0,
      team_id: input.team_id !== undefined ? input.team_id : (before?.team_id ?? null),
      tier: input.tier !== undefined ? input.tier : (before?.tier ?? null),
    };
    if (!next.name) throw invalid('invalid_routing_rule', 'A routing rule needs a name');
    if (!conditions.length) throw invalid('invalid_routing_rule', 'A routing rule needs at least one condition on a custom field');
    if (!next.team_id && !next.tier) throw invalid('invalid_routing_rule', 'A routing rule sends the case to a team, a tier, or both');
    if (next.team_id) {
      const [t] = await tx.query('SELECT 1 FROM teams WHERE account_id = $1 AND id = $2', [actor.accountId, next.team_id]);
      if (!t) throw notFound('team', next.team_id);
    }
    try {
      const [row] = before
        ? await tx.query<StoredRoutingRule>(
            `UPDATE routing_rules SET name = $3, position = $4, conditions = $5::jsonb, team_id = $6, tier = $7, updated_at = now()
             WHERE account_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
            [actor.accountId, id, next.name, next.position, JSON.stringify(conditions), next.team_id, next.tier])
        : await tx.query<StoredRoutingRule>(
            `INSERT INTO routing_rules (account_id, name, position, conditions, team_id, tier) VALUES ($1, $2, $3, $4::jsonb, $5, $6) RETURNING ${COLUMNS}`,
            [actor.accountId, next.name, next.position, JSON.stringify(conditions), next.team_id, next.tier]);
      await recordAudit(tx, actor, { action: before ? 'routing_rule.updated' : 'routing_rule.created', entityType: 'routing_rule', entityId: row.id, before, after: row });
      return row;
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('routing_rule_exists', `A routing rule named "${next.name}" already exists`);
      throw err;
    }
  });
}

export async function deleteRoutingRule(db: Db, actor: Actor, id: string) {
  requirePermission(actor, 'routing.manage', 'Changing routing rules');
  return db.transaction(async (tx) => {
    const before = await load(tx, actor.accountId, id);
    await tx.query('DELETE FROM routing_rules WHERE account_id = $1 AND id = $2', [actor.accountId, id]);
    await recordAudit(tx, actor, { action: 'routing_rule.deleted', entityType: 'routing_rule', entityId: id, before });
    return { id, deleted: true };
  });
}
