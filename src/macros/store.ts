import { z } from 'zod';
import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/errors.ts';
import { CASE_STATUSES, PRIORITIES, TIERS } from '../cases/status.ts';

import { MAX_TAGS } from '../tags/tags.ts';
import type { MacroActions } from './plan.ts';

const uuid = z.guid();
/** The actions a macro may hold: the same schema for the API and for what is read back. */
export const macroActionsObject = z
  .object({
    status: z.enum(CASE_STATUSES as [string, ...string[]]).optional(),
    priority: z.enum(PRIORITIES as [string, ...string[]]).optional(),
    team_id: uuid.optional(),
    tags_add: z.array(z.string().max(200)).max(MAX_TAGS).optional(),
    tags_remove: z.array(z.string().max(200)).max(MAX_TAGS).optional(),
    note: z.string().trim().min(1).max(20_000).optional(),
    template_id: uuid.optional(),
    tier: z.enum(TIERS as [string, ...string[]]).optional(),
    fields: z
      .record(z.string().max(40), z.union([z.string().max(2000), z.number(), z.boolean(), z.array(z.string().max(100)).max(100), z.null()]))
      .refine((o) => Object.keys(o).length <= 100, 'at most 100 fields')
      .optional()
      .describe('case custom field values by key; null clears a field'),
  })
  .strict();
export const macroActionsSchema = macroActionsObject
  .refine((a) => Object.values(a).some((v) => v !== undefined && (!Array.isArray(v) || v.length > 0) && (Array.isArray(v) || typeof v !== 'object' || Object.keys(v).length > 0)), 'a macro does at least one thing');

export interface MacroRow {
  id: string;
  name: string;
  /** null: shared with the account; else the agent whose personal macro it is */
  owner_id: string | null;
  shared: boolean;
  actions: MacroActions;
  created_at: Date;
  updated_at: Date;
}

export const MACRO_COLUMNS = 'id, name, owner_id, owner_id IS NULL AS shared, actions, created_at, updated_at';

/** A macro the actor may use: shared, or their own. Another agent's personal macro is as unknown as another account's. */
export async function loadMacro(db: Db, actor: Actor, id: string, forUpdate = false): Promise<MacroRow> {
  const [row] = await db.query<MacroRow>(
    `SELECT ${MACRO_COLUMNS} FROM macros WHERE account_id = $1 AND id = $2 AND (owner_id IS NULL OR owner_id = $3)${forUpdate ? ' FOR UPDATE' : ''}`,
    [actor.accountId, id, actor.agentId],
  );
  if (!row) throw notFound('macro', id);
  return row;
}

/** The team and template a macro names exist in the actor's account (404 otherwise, as for any id of another account). */
export async function checkReferences(db: Db, accountId: string, a: MacroActions): Promise<void> {
  if (a.team_id) {
    const [t] = await db.query('SELECT 1 FROM teams WHERE account_id = $1 AND id = $2', [accountId, a.team_id]);
    if (!t) throw notFound('team', a.team_id);
  }
  if (a.template_id) {
    const [t] = await db.query('SELECT 1 FROM templates WHERE account_id = $1 AND id = $2', [accountId, a.template_id]);
    if (!t) throw notFound('template', a.template_id);
  }
}
