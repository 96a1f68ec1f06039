import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { conflict, forbidden, invalid } from '../shared/errors.ts';
import { mayActOn } from '../accounts/permissions.ts';
import { emitEvent } from '../webhooks/events.ts';
import { bumpStatusVersion, getAnnouncementSettings } from './settings.ts';
import { settleNextUpdate } from './incident-promise.ts';
import { queueStatusNotice } from './status-notices.ts';
import { INCIDENT_COLUMNS, type IncidentRow, type IncidentStatus, type IncidentUpdateRow, loadIncident, UPDATE_COLUMNS, type UpdateParts } from './incident-store.ts';

export interface IncidentUpdateInput {
  status: IncidentStatus;
  parts: UpdateParts;
  /** when the customers hear from us next; required until the incident is resolved */
  nextUpdateAt?: Date | null;
  /** an address or phone number a person answers; default the account's */
  contactRoute?: string | null;
  now?: Date;
}

/** The checks every update passes, also the first one (opening): all four parts and a human contact. */
export async function checkUpdate(db: Db, accountId: string, u: IncidentUpdateInput, now: Date): Promise<{ contactRoute: string; nextUpdateAt: Date | null }> {
  const resolved = u.status === 'resolved';
  if (!resolved && !u.nextUpdateAt) throw invalid('next_update_required', 'Every update says when customers hear from us next: give next_update_at (until the incident is resolved)');
  if (u.nextUpdateAt && u.nextUpdateAt.getTime() <= now.getTime()) throw invalid('next_update_in_past', 'The next update must be promised for a time still to come');
  if (u.nextUpdateAt && u.nextUpdateAt.getTime() > now.getTime() + 7 * 86_400_000) throw invalid('next_update_too_far', 'Promise the next update within 7 days');
  const contactRoute = (u.contactRoute ?? (await getAnnouncementSettings(db, accountId)).contact_route ?? '').trim();
  if (!contactRoute) throw invalid('contact_route_required', 'Every update needs a way to reach a person: give contact_route (an address or phone number a person answers), or set one in the settings');
  return { contactRoute, nextUpdateAt: resolved ? null : u.nextUpdateAt! };
}

/** Inserts an update and moves the incident's promise on, in the caller's transaction. */
export async function insertUpdate(tx: Db, actor: Actor, incident: IncidentRow, u: IncidentUpdateInput, checked: { contactRoute: string; nextUpdateAt: Date | null }, now: Date) {
  // an update after the promised time kept the customers waiting: the promise was broken
  const late = incident.next_update_at !== null && incident.next_update_at.getTime() < now.getTime();
  const [update] = await tx.query<IncidentUpdateRow>(
    `INSERT INTO incident_updates (account_id, incident_id, status, parts, next_update_at, contact_route, late, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${UPDATE_COLUMNS}`,
    [actor.accountId, incident.id, u.status, JSON.stringify(u.parts), checked.nextUpdateAt, checked.contactRoute, late, actor.agentId, now],
  );
  const counted = incident.next_update_at !== null;
  const [row] = await tx.query<IncidentRow>(
    `UPDATE incidents SET status = $3::text, next_update_at = $4::timestamptz, reminded_at = NULL, overdue_at = NULL, escalated_at = NULL,
       updates_on_time = updates_on_time + $5::int, updates_late = updates_late + $6::int, updated_at = $7::timestamptz,
       resolved_at = CASE WHEN $3::text = 'resolved' THEN $7::timestamptz ELSE NULL END
     WHERE account_id = $1 AND id = $2 RETURNING ${INCIDENT_COLUMNS}`,
    [actor.accountId, incident.id, u.status, checked.nextUpdateAt, counted && !late ? 1 : 0, counted && late ? 1 : 0, now],
  );
  // the promise behind "next update by" (C5): kept or broken, and replaced by the one this update makes
  await settleNextUpdate(tx, actor, row, { updateId: update.id, late, nextUpdateAt: checked.nextUpdateAt, now });
  await bumpStatusVersion(tx, actor.accountId);
  await queueStatusNotice(tx, actor.accountId, `update:${update.id}`);
  return { incident: row, update, late };
}

/**
 * Posts a public update: what happened, what we are doing, what it means for you, and when you
 * hear from us next — with a human contact route. Posting keeps (or, late, settles) the promised
 * update and makes the next one. Its owner posts; a supervisor may post on a colleague's incident.
 */
export async function postIncidentUpdate(db: Db, actor: Actor, id: string, u: IncidentUpdateInput) {
  const now = u.now ?? new Date();
  return db.transaction(async (tx) => {
    const incident = await loadIncident(tx, actor.accountId, id, true);
    if (!mayActOn(actor, incident.owner_id, 'incidents.change_others')) throw forbidden("This is a colleague's incident: only its owner or a supervisor posts its updates");
    if (incident.status === 'resolved') throw conflict('incident_resolved', 'This incident is resolved; open a new one if the trouble is back');
    const checked = await checkUpdate(tx, actor.accountId, u, now);
    const r = await insertUpdate(tx, actor, incident, u, checked, now);
    await recordAudit(tx, actor, {
      action: 'incident.updated', entityType: 'incident', entityId: id,
      before: { status: incident.status, next_update_at: incident.next_update_at }, after: { status: u.status, next_update_at: checked.nextUpdateAt, late: r.late, update_id: r.update.id },
    });
    await emitEvent(tx, actor.accountId, 'incident.updated', { ...r.incident, update: r.update });
    return r;
  });
}
