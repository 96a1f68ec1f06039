import type { Db } from '../storage/db.ts';
import { systemActor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { emitEvent } from '../webhooks/events.ts';
import { formatWhen } from '../intake/acknowledgement-text.ts';
import { notify, supervisorsOf } from '../promises/notify.ts';
import { getServiceSettings } from '../promises/settings.ts';
import { INCIDENT_COLUMNS, type IncidentRow } from './incident-store.ts';
import { breakNextUpdate } from './incident-promise.ts';

/** An overdue update goes to the owner's supervisors this long after it was due. */
export const ESCALATE_AFTER_MINUTES = 15;

type Step = 'remind' | 'overdue' | 'escalate';
// each step is one conditional UPDATE, so a second worker (or a rerun) finds nothing to do twice
const STEPS: Record<Step, { set: string; when: string }> = {
  remind: { set: 'reminded_at', when: `next_update_at - make_interval(mins => coalesce(s.remind_before_minutes, 60)) <= $1 AND next_update_at > $1` },
  overdue: { set: 'overdue_at', when: 'next_update_at <= $1' },
  escalate: { set: 'escalated_at', when: `next_update_at + make_interval(mins => ${ESCALATE_AFTER_MINUTES}) <= $1` },
};

/**
 * The promised next update of every open incident, run by the worker every minute (clock
 * injectable): its owner is reminded before it is due (the account's promise reminder time),
 * alerted when it is overdue (and webhooks hear `incident.update_overdue`), and the owner's
 * supervisors are alerted 15 minutes later; overdue, its promise (incident-promise.ts) is broken. Each
 * happens once per promised time.
 */
export async function sweepIncidents(db: Db, o: { now: Date; accountIds?: string[] }): Promise<Record<Step, number>> {
  const out = { remind: 0, overdue: 0, escalate: 0 };
  for (const step of ['remind', 'overdue', 'escalate'] as Step[]) {
    const { set, when } = STEPS[step];
    const rows = await db.query<IncidentRow & { account_id: string }>(
      `UPDATE incidents i SET ${set} = $1 FROM (SELECT a.account_id, st.remind_before_minutes FROM accounts a LEFT JOIN account_settings st ON st.account_id = a.account_id) s
       WHERE s.account_id = i.account_id AND i.status <> 'resolved' AND i.${set} IS NULL AND ${when.replace(/next_update_at/g, 'i.next_update_at')}
         AND ($2::uuid[] IS NULL OR i.account_id = ANY($2::uuid[]))
       RETURNING i.account_id, ${INCIDENT_COLUMNS.split(', ').map((c) => `i.${c}`).join(', ')}`,
      [o.now, o.accountIds ?? null],
    );
    for (const i of rows) await tell(db, step, i, o.now);
    out[step] = rows.length;
  }
  return out;
}

async function tell(db: Db, step: Step, i: IncidentRow & { account_id: string }, now: Date) {
  const accountId = i.account_id;
  const { time_zone } = await getServiceSettings(db, accountId);
  const due = formatWhen(i.next_update_at!, 'nl', time_zone);
  await db.transaction(async (tx) => {
    if (step === 'remind') {
      await notify(tx, accountId, { agentIds: [i.owner_id], kind: 'incident.update_due_soon', body: `Storing "${i.title.nl}": de volgende update is beloofd vóór ${due}` });
      return;
    }
    if (step === 'overdue') {
      // the promise (C5) is broken: it counts against the kept rate and shows among the broken ones
      await breakNextUpdate(tx, systemActor(accountId), i.id, now);
      await notify(tx, accountId, { agentIds: [i.owner_id], kind: 'incident.update_overdue', body: `Storing "${i.title.nl}": de beloofde update (vóór ${due}) is te laat — klanten zien dat op de statuspagina` });
      await recordAudit(tx, systemActor(accountId), { action: 'incident.update_overdue', entityType: 'incident', entityId: i.id, after: { next_update_at: i.next_update_at } });
      await emitEvent(tx, accountId, 'incident.update_overdue', i);
      return;
    }
    const [owner] = await tx.query<{ name: string }>('SELECT name FROM agents WHERE account_id = $1 AND id = $2', [accountId, i.owner_id]);
    await notify(tx, accountId, {
      agentIds: await supervisorsOf(tx, accountId, i.owner_id), kind: 'incident.update_escalated',
      body: `Storing "${i.title.nl}": de beloofde update (vóór ${due}) is al ${ESCALATE_AFTER_MINUTES} minuten te laat (eigenaar: ${owner?.name ?? '?'})`,
    });
    await recordAudit(tx, systemActor(accountId), { action: 'incident.update_escalated', entityType: 'incident', entityId: i.id, after: { next_update_at: i.next_update_at } });
  });
}
