import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { invalid, notFound } from '../shared/errors.ts';
import { groupRefusal } from './component-groups.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { bumpStatusVersion } from './status-changes.ts';

/** group_id: the group the component is in (a component others name here is a group); removed components are never listed */
export interface ComponentRow { id: string; name_nl: string; name_en: string; description_nl: string | null; description_en: string | null; group_id: string | null; position: number; created_at: Date }
const COLUMNS = 'id, name_nl, name_en, description_nl, description_en, group_id, position, created_at';

export async function listComponents(db: Db, accountId: string): Promise<ComponentRow[]> {
  return db.query<ComponentRow>(`SELECT ${COLUMNS} FROM status_components WHERE account_id = $1 AND removed_at IS NULL ORDER BY position, name_nl, id`, [accountId]);
}

const text = (v: string | null | undefined) => (v == null ? null : v.trim() || null);

/** A part of the service the status page reports on (e.g. "Internet", "TV", "Mijn omgeving"). Admin. Without a position it goes last. */
export async function createComponent(db: Db, actor: Actor, o: { name_nl: string; name_en?: string; description_nl?: string | null; description_en?: string | null; position?: number }): Promise<ComponentRow> {
  requirePermission(actor, 'announcements.settings', 'Adding a status page component');
  return db.transaction(async (tx) => {
    const [row] = await tx.query<ComponentRow>(
      `INSERT INTO status_components (account_id, name_nl, name_en, description_nl, description_en, position)
       VALUES ($1, $2, $3, $4, $5, coalesce($6, (SELECT coalesce(max(position) + 1, 0) FROM status_components WHERE account_id = $1))) RETURNING ${COLUMNS}`,
      [actor.accountId, o.name_nl.trim(), (o.name_en ?? o.name_nl).trim(), text(o.description_nl), text(o.description_en), o.position ?? null],
    );
    await recordAudit(tx, actor, { action: 'status_component.created', entityType: 'status_component', entityId: row.id, after: row });
    await bumpStatusVersion(tx, actor.accountId);
    return row;
  });
}

export interface ComponentPatch { name_nl?: string; name_en?: string; description_nl?: string | null; description_en?: string | null; group_id?: string | null }

/**
 * Renames a component, changes what it says it covers or the group it is in (admin; group_id null takes it out);
 * audited with before and after. The page shows it at once.
 */
export async function updateComponent(db: Db, actor: Actor, id: string, p: ComponentPatch): Promise<ComponentRow> {
  requirePermission(actor, 'announcements.settings', 'Changing a status page component');
  return db.transaction(async (tx) => {
    const [before] = await tx.query<ComponentRow>(`SELECT ${COLUMNS} FROM status_components WHERE account_id = $1 AND id = $2 AND removed_at IS NULL FOR UPDATE`, [actor.accountId, id]);
    if (!before) throw notFound('component', id);
    if (p.group_id !== undefined) {
      // the whole list, locked: two admins grouping at once cannot make a group of a grouped component
      const all = await tx.query<ComponentRow>(`SELECT ${COLUMNS} FROM status_components WHERE account_id = $1 AND removed_at IS NULL FOR UPDATE`, [actor.accountId]);
      if (p.group_id !== null && !all.some((c) => c.id === p.group_id)) throw notFound('component', p.group_id);
      const refusal = groupRefusal(all, id, p.group_id);
      if (refusal) throw invalid(refusal.code, refusal.message);
    }
    const [row] = await tx.query<ComponentRow>(
      `UPDATE status_components SET name_nl = coalesce($3, name_nl), name_en = coalesce($4, name_en),
         description_nl = CASE WHEN $5::boolean THEN $6 ELSE description_nl END, description_en = CASE WHEN $7::boolean THEN $8 ELSE description_en END,
         group_id = CASE WHEN $9::boolean THEN $10::uuid ELSE group_id END
       WHERE account_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [actor.accountId, id, p.name_nl?.trim() ?? null, p.name_en?.trim() ?? null,
        'description_nl' in p, text(p.description_nl), 'description_en' in p, text(p.description_en), p.group_id !== undefined, p.group_id ?? null],
    );
    await recordAudit(tx, actor, { action: 'status_component.updated', entityType: 'status_component', entityId: id, before, after: row });
    await bumpStatusVersion(tx, actor.accountId);
    return row;
  });
}

/**
 * The order of the components on the page (admin): every component of the account, each once, first
 * to last. A list that leaves one out or names one of another account changes nothing.
 */
export async function reorderComponents(db: Db, actor: Actor, ids: string[]): Promise<ComponentRow[]> {
  requirePermission(actor, 'announcements.settings', 'Reordering the status page components');
  if (new Set(ids).size !== ids.length) throw invalid('duplicate_component', 'Each component may appear once in the order');
  return db.transaction(async (tx) => {
    const current = await tx.query<{ id: string }>('SELECT id FROM status_components WHERE account_id = $1 AND removed_at IS NULL ORDER BY position, name_nl, id FOR UPDATE', [actor.accountId]);
    const known = new Set(current.map((c) => c.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw notFound('component', unknown[0]);
    if (ids.length !== current.length) throw invalid('incomplete_order', `The order must name all ${current.length} components (it names ${ids.length})`);
    await tx.query(
      `UPDATE status_components c SET position = o.n - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, n) WHERE c.account_id = $1 AND c.id = o.id`,
      [actor.accountId, ids],
    );
    await recordAudit(tx, actor, { action: 'status_component.reordered', entityType: 'account', entityId: actor.accountId, before: { order: current.map((c) => c.id) }, after: { order: ids } });
    await bumpStatusVersion(tx, actor.accountId);
    return listComponents(tx, actor.accountId);
  });
}
