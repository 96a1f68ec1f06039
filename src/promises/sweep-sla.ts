import type { Db } from '../storage/db.ts';
import { emitEvent } from '../webhooks/events.ts';
import { caseSla } from './case-sla.ts';
import { notify } from './notify.ts';

/**
 * Pushes service-level trouble to the case owner: each clock that went at risk or breached is
 * alerted once (a notification and an `sla.at_risk` webhook event), per account with policies.
 */
export async function sweepSla(db: Db, o: { now: Date; accountIds?: string[] }): Promise<{ alerted: number }> {
  const accounts = await db.query<{ account_id: string }>(
    'SELECT DISTINCT account_id FROM sla_policies WHERE $1::uuid[] IS NULL OR account_id = ANY($1::uuid[])', [o.accountIds ?? null]);
  let alerted = 0;
  for (const { account_id: accountId } of accounts) {
    for (const c of await caseSla(db, accountId, { now: o.now })) {
      for (const k of c.clocks) {
        if (k.state !== 'at_risk' && k.state !== 'breached') continue;
        await db.transaction(async (tx) => {
          const [fresh] = await tx.query(
            `INSERT INTO sla_alerts (account_id, case_id, target, state, clock_started_at, alerted_at) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT DO NOTHING RETURNING 1`,
            [accountId, c.case_id, k.target, k.state, k.started_at, o.now],
          );
          if (!fresh) return;
          alerted++;
          const what = { first_response: 'eerste reactie', next_response: 'volgende reactie', resolution: 'oplossing' }[k.target];
          // the owner and the case's followers
          await notify(tx, accountId, { agentIds: c.owner_id ? [c.owner_id] : [], followers: true, kind: `sla.${k.state}`, caseId: c.case_id,
            body: `${c.ref}: ${what} ${k.state === 'breached' ? 'te laat' : 'dreigt te laat te komen'} (${k.elapsed_minutes} van ${k.target_minutes} werkminuten)` });
          await emitEvent(tx, accountId, 'sla.at_risk', { case_id: c.case_id, ref: c.ref, owner_id: c.owner_id, policy: c.policy, clock: k });
        });
      }
    }
  }
  return { alerted };
}
