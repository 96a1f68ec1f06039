import type { Db } from '../storage/db.ts';
import { decodeCursor, page } from '../shared/pagination.ts';
import { INCIDENT_COLUMNS, type IncidentRow, type IncidentUpdateRow, loadIncident, UPDATE_COLUMNS } from './incident-store.ts';

/** Incidents, newest first; open ones only with ?open=true; those of one problem with problem_id. */
export async function listIncidents(db: Db, accountId: string, o: { limit: number; cursor?: string; open?: boolean; problem_id?: string }) {
  const after = decodeCursor(o.cursor);
  const rows = await db.query<IncidentRow>(
    `SELECT ${INCIDENT_COLUMNS} FROM incidents
     WHERE account_id = $1 AND (NOT $2::boolean OR status <> 'resolved') AND ($3::uuid IS NULL OR problem_id = $3)
       AND ($4::uuid IS NULL OR (created_at, id) < (SELECT created_at, id FROM incidents WHERE account_id = $1 AND id = $4))
     ORDER BY created_at DESC, id DESC LIMIT $5`,
    [accountId, o.open ?? false, o.problem_id ?? null, after, o.limit + 1],
  );
  return page(rows, o.limit);
}

/** One incident with its updates, oldest first. */
export async function getIncident(db: Db, accountId: string, id: string) {
  const incident = await loadIncident(db, accountId, id);
  const updates = await db.query<IncidentUpdateRow>(`SELECT ${UPDATE_COLUMNS} FROM incident_updates WHERE account_id = $1 AND incident_id = $2 ORDER BY created_at, id`, [accountId, id]);
  return { ...incident, updates };
}
