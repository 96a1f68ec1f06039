import type { Db } from '../../storage/db.ts';
import { notFound } from '../../shared/errors.ts';

export interface CustomRoleRow {
  id: string;
  name: string;
  description: string;
  permissions: string[];
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  /** the agents who carry it */
  agent_ids: string[];
}

const COLUMNS = `r.id, r.name, r.description, r.permissions, r.created_by, r.created_at, r.updated_at,
  coalesce((SELECT array_agg(a.id ORDER BY a.name, a.id) FROM agents a WHERE a.account_id = r.account_id AND a.custom_role_id = r.id), '{}') AS agent_ids`;

export const listCustomRoles = (db: Db, accountId: string) =>
  db.query<CustomRoleRow>(`SELECT ${COLUMNS} FROM custom_roles r WHERE r.account_id = $1 ORDER BY lower(r.name), r.id`, [accountId]);

/** One role of the account (FOR UPDATE inside a transaction that changes it); 404 custom_role_not_found. */
export async function loadCustomRole(db: Db, accountId: string, id: string, forUpdate = false): Promise<CustomRoleRow> {
  const [row] = await db.query<CustomRoleRow>(
    forUpdate
      ? `SELECT ${COLUMNS} FROM custom_roles r WHERE r.account_id = $1 AND r.id = $2 FOR UPDATE OF r`
      : `SELECT ${COLUMNS} FROM custom_roles r WHERE r.account_id = $1 AND r.id = $2`,
    [accountId, id],
  );
  if (!row) throw notFound('custom_role', id);
  return row;
}

/** A role by its id, or by its name (case-insensitive), for the CLI. */
export async function findCustomRole(db: Db, accountId: string, idOrName: string): Promise<CustomRoleRow> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrName);
  const [row] = uuid
    ? await db.query<{ id: string }>('SELECT id FROM custom_roles WHERE account_id = $1 AND (id::text = lower($2) OR lower(name) = lower($2))', [accountId, idOrName])
    : await db.query<{ id: string }>('SELECT id FROM custom_roles WHERE account_id = $1 AND lower(name) = lower($2)', [accountId, idOrName.trim()]);
  if (!row) throw notFound('custom_role', idOrName);
  return loadCustomRole(db, accountId, row.id);
}
