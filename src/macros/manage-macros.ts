import type { Db } from '../storage/db.ts';
import { type Actor } from '../shared/actor.ts';
import { can } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { conflict, forbidden, invalid, isUniqueViolation } from '../shared/errors.ts';
import { parseTagChange } from '../tags/tags.ts';
import type { MacroActions } from './plan.ts';
import { nextValues } from '../custom-fields/fields.ts';
import { fieldDefinitions } from '../custom-fields/store.ts';
import { checkReferences, loadMacro, MACRO_COLUMNS, type MacroRow } from './store.ts';

export interface SaveMacroOptions {
  name: string;
  /** shared with the whole account (supervisors and admins) or the actor's own */
  shared: boolean;
  actions: MacroActions;
}

function mayManage(actor: Actor, shared: boolean) {
  if (shared && !can(actor, 'macros.share')) throw forbidden('Shared macros are made and changed by supervisors and admins; make a personal one');
  if (!shared && !actor.agentId) throw invalid('agent_required', 'A personal macro belongs to an agent: use a token that acts as one, or make it shared');
}

/** Everything a macro names must be the actor's account's: tags well-formed, team and template its own, every custom field a case field of its type (400 otherwise). */
async function validate(db: Db, actor: Actor, a: MacroActions) {
  parseTagChange({ add: a.tags_add, remove: a.tags_remove });
  await checkReferences(db, actor.accountId, a);
  // an unknown key (another account's field, a deleted one) or a value not of its type: 400, nothing saved
  if (a.fields) nextValues(await fieldDefinitions(db, actor.accountId, 'case'), {}, a.fields);
}

export async function createMacro(db: Db, actor: Actor, opts: SaveMacroOptions): Promise<MacroRow> {
  mayManage(actor, opts.shared);
  return db.transaction(async (tx) => {
    await validate(tx, actor, opts.actions);
    try {
      const [row] = await tx.query<MacroRow>(
        `INSERT INTO macros (account_id, name, owner_id, actions) VALUES ($1, $2, $3, $4) RETURNING ${MACRO_COLUMNS}`,
        [actor.accountId, opts.name.trim(), opts.shared ? null : actor.agentId, JSON.stringify(opts.actions)],
      );
      await recordAudit(tx, actor, { action: 'macro.created', entityType: 'macro', entityId: row.id, after: { name: row.name, shared: row.shared, actions: row.actions } });
      return row;
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('macro_exists', `A macro named "${opts.name.trim()}" already exists`);
      throw err;
    }
  });
}

export async function updateMacro(db: Db, actor: Actor, id: string, opts: Partial<Omit<SaveMacroOptions, 'shared'>>): Promise<MacroRow> {
  return db.transaction(async (tx) => {
    const before = await loadMacro(tx, actor, id, true);
    mayManage(actor, before.shared);
    if (opts.actions) await validate(tx, actor, opts.actions);
    try {
      const [row] = await tx.query<MacroRow>(
        `UPDATE macros SET name = coalesce($3, name), actions = coalesce($4::jsonb, actions), updated_at = now()
         WHERE account_id = $1 AND id = $2 RETURNING ${MACRO_COLUMNS}`,
        [actor.accountId, id, opts.name?.trim() ?? null, opts.actions ? JSON.stringify(opts.actions) : null],
      );
      await recordAudit(tx, actor, { action: 'macro.updated', entityType: 'macro', entityId: id, before: { name: before.name, actions: before.actions }, after: { name: row.name, actions: row.actions } });
      return row;
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('macro_exists', `A macro named "${opts.name?.trim()}" already exists`);
      throw err;
    }
  });
}

export async function deleteMacro(db: Db, actor: Actor, id: string): Promise<MacroRow> {
  return db.transaction(async (tx) => {
    const before = await loadMacro(tx, actor, id, true);
    mayManage(actor, before.shared);
    await tx.query('DELETE FROM macros WHERE account_id = $1 AND id = $2', [actor.accountId, id]);
    await recordAudit(tx, actor, { action: 'macro.deleted', entityType: 'macro', entityId: id, before: { name: before.name, shared: before.shared, actions: before.actions } });
    return before;
  });
}

/** The macros the actor may use: the shared ones and their own, by name. */
export async function listMacros(db: Db, actor: Actor): Promise<MacroRow[]> {
  return db.query<MacroRow>(
    `SELECT ${MACRO_COLUMNS} FROM macros WHERE account_id = $1 AND (owner_id IS NULL OR owner_id = $2) ORDER BY lower(name), id`,
    [actor.accountId, actor.agentId],
  );
}
