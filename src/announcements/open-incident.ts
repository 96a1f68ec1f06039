import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { invalid, notFound } from '../shared/errors.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { emitEvent } from '../webhooks/events.ts';
import { checkUpdate, type IncidentUpdateInput, insertUpdate } from './post-incident-update.ts';
import { INCIDENT_COLUMNS, type IncidentImpact, type IncidentRow, type IncidentTitle } from './incident-store.ts';

export interface OpenIncidentOptions {
  title: IncidentTitle;
  impact: IncidentImpact;
  componentIds: string[];
  /** the problem behind it (listening); the incident shows on the problem and the problem on the incident */
  problemId?: string | null;
  /** who posts the updates; default the problem's owner, else the one opening it */
  ownerId?: string | null;
  /** the first public update: the four parts and a contact route */
  update: IncidentUpdateInput;
}

/** Opens a public incident with its first update and its first promised "next update by". */
export async function openIncident(db: Db, actor: Actor, o: OpenIncidentOptions) {
  requirePermission(actor, 'incidents.open', 'Opening an incident');
  const now = o.update.now ?? new Date();
  if (o.update.status === 'resolved') throw invalid('incident_resolved', 'A new incident cannot start resolved');
  return db.transaction(async (tx) => {
    const components = [...new Set(o.componentIds)];
    if (components.length) {
      const found = await tx.query<{ id: string }>('SELECT id FROM status_components WHERE account_id = $1 AND id = ANY($2::uuid[]) AND removed_at IS NULL', [actor.accountId, components]);
      const missing = components.filter((c) => !found.some((f) => f.id === c));
      if (missing.length) throw notFound('component', missing[0]);
    }
    let ownerId = o.ownerId ?? null;
    if (o.problemId) {
      const [p] = await tx.query<{ owner_id: string }>('SELECT owner_id FROM problems WHERE account_id = $1 AND id = $2', [actor.accountId, o.problemId]);
      if (!p) throw notFound('problem', o.problemId);
      ownerId ??= p.owner_id;
    }
    ownerId ??= actor.agentId;
    if (!ownerId) throw invalid('owner_required', 'An incident needs an owner who posts its updates: give owner_id');
    const [owner] = await tx.query('SELECT 1 FROM agents WHERE account_id = $1 AND id = $2 AND active', [actor.accountId, ownerId]);
    if (!owner) throw notFound('agent', ownerId);
    const checked = await checkUpdate(tx, actor.accountId, o.update, now);
    const [incident] = await tx.query<IncidentRow>(
      `INSERT INTO incidents (account_id, title, impact, status, owner_id, problem_id, component_ids, next_update_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING ${INCIDENT_COLUMNS}`,
      [actor.accountId, JSON.stringify(o.title), o.impact, o.update.status, ownerId, o.problemId ?? null, components, checked.nextUpdateAt, now],
    );
    // the first update is not a kept promise: nothing was promised before it
    const r = await insertUpdate(tx, actor, { ...incident, next_update_at: null }, o.update, checked, now);
    await recordAudit(tx, actor, { action: 'incident.opened', entityType: 'incident', entityId: incident.id, after: { title: o.title, impact: o.impact, problem_id: o.problemId ?? null, owner_id: ownerId, next_update_at: checked.nextUpdateAt } });
    if (o.problemId) await recordAudit(tx, actor, { action: 'problem.incident_opened', entityType: 'problem', entityId: o.problemId, after: { incident_id: incident.id } });
    await emitEvent(tx, actor.accountId, 'incident.opened', { ...r.incident, update: r.update });
    return r;
  });
}
