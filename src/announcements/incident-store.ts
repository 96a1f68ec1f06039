import { z } from 'zod';
import type { Db } from '../storage/db.ts';
import { notFound } from '../shared/errors.ts';

export type IncidentStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved';
export const INCIDENT_STATUSES: readonly IncidentStatus[] = ['investigating', 'identified', 'monitoring', 'resolved'];
export type IncidentImpact = 'none' | 'minor' | 'major' | 'critical';
export const INCIDENT_IMPACTS: readonly IncidentImpact[] = ['none', 'minor', 'major', 'critical'];

const part = (max = 5000) => z.string().trim().min(1).max(max);
/** The three written parts of an update, per language; the fourth (when you hear from us next) is next_update_at. */
export const updateParts = z.object({
  happened: part().describe('what happened'),
  doing: part().describe('what we are doing'),
  means: part().describe('what it means for you'),
}).strict();
export const partsSchema = z.object({ nl: updateParts, en: updateParts.optional() }).strict();
export type UpdateParts = z.infer<typeof partsSchema>;
export const titleSchema = z.object({ nl: part(200), en: part(200).optional() }).strict();
export type IncidentTitle = z.infer<typeof titleSchema>;

export interface IncidentRow {
  id: string;
  title: IncidentTitle;
  impact: IncidentImpact;
  status: IncidentStatus;
  owner_id: string;
  problem_id: string | null;
  component_ids: string[];
  next_update_at: Date | null;
  reminded_at: Date | null;
  overdue_at: Date | null;
  escalated_at: Date | null;
  updates_on_time: number;
  updates_late: number;
  created_at: Date;
  updated_at: Date;
  resolved_at: Date | null;
}

export interface IncidentUpdateRow {
  id: string;
  incident_id: string;
  status: IncidentStatus;
  parts: UpdateParts;
  next_update_at: Date | null;
  contact_route: string;
  late: boolean;
  created_by: string | null;
  created_at: Date;
}

export const INCIDENT_COLUMNS = 'id, title, impact, status, owner_id, problem_id, component_ids, next_update_at, reminded_at, overdue_at, escalated_at, ' +
  'updates_on_time, updates_late, created_at, updated_at, resolved_at';
export const UPDATE_COLUMNS = 'id, incident_id, status, parts, next_update_at, contact_route, late, created_by, created_at';

export async function loadIncident(db: Db, accountId: string, id: string, forUpdate = false): Promise<IncidentRow> {
  const [row] = await db.query<IncidentRow>(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE account_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`, [accountId, id]);
  if (!row) throw notFound('incident', id);
  return row;
}

/** Is the promised update late at this moment (shown in public as overdue)? */
export const isOverdue = (i: Pick<IncidentRow, 'status' | 'next_update_at'>, now: Date) =>
  i.status !== 'resolved' && i.next_update_at !== null && i.next_update_at.getTime() <= now.getTime();
