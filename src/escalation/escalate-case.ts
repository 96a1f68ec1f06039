import type { Db } from '../storage/db.ts';
import { type Actor, systemActor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { conflict } from '../shared/errors.ts';
import type { Tier } from '../cases/status.ts';
import { insertMessage } from '../cases/insert-message.ts';
import { CASE_COLUMNS, type CaseRow, loadCase, publicCase } from '../cases/store.ts';
import { emitEvent } from '../webhooks/events.ts';
import { notify, supervisorsOf } from '../promises/notify.ts';
import { caseBrief } from './case-brief.ts';
import { escalationFacts } from './case-facts.ts';
import { decideEscalation, type EscalationReason } from './rules.ts';

const RANK: Record<Tier, number> = { L1: 1, L2: 2, L3: 3 };

/**
 * Moves a case up a tier with its reasons and a generated case brief (kept on the case as an
 * internal note), tells the supervisors, and emits `case.escalated`. By hand (a tier and a reason)
 * or by the rules.
 */
export async function escalateCase(db: Db, actor: Actor, caseIdOrRef: string, o: { to: Tier; reasons: EscalationReason[] }) {
  const c = await loadCase(db, actor.accountId, caseIdOrRef);
  if (RANK[o.to] <= RANK[c.tier]) throw conflict('not_an_escalation', `${c.ref} is already at ${c.tier}`);
  const brief = await caseBrief(db, actor.accountId, c.id);
  const why = o.reasons.map((r) => r.reason).join('; ');
  return db.transaction(async (tx) => {
    const [after] = await tx.query<CaseRow>(
      `UPDATE cases SET tier = $3, updated_at = now() WHERE account_id = $1 AND id = $2 AND tier = $4 RETURNING ${CASE_COLUMNS}`,
      [actor.accountId, c.id, o.to, c.tier],
    );
    if (!after) throw conflict('case_changed', `${c.ref} changed tier meanwhile; try again`);
    await insertMessage(tx, actor, { caseId: c.id, type: 'note', channel: 'internal', language: 'nl', body: `Geëscaleerd naar ${o.to}: ${why}\n\n${brief}` });
    await recordAudit(tx, actor, { action: 'case.escalated', entityType: 'case', entityId: c.id, before: { tier: c.tier }, after: { tier: o.to, reasons: o.reasons } });
    const supervisors = c.owner_id ? await supervisorsOf(tx, actor.accountId, c.owner_id) : [];
    await notify(tx, actor.accountId, { agentIds: [...supervisors, ...(c.owner_id ? [c.owner_id] : [])], followers: true, kind: 'case.escalated', caseId: c.id, body: `${c.ref} → ${o.to}: ${why}` });
    await emitEvent(tx, actor.accountId, 'case.escalated', { case: publicCase(after), from: c.tier, to: o.to, reasons: o.reasons, brief });
    return { case: publicCase(after), reasons: o.reasons, brief };
  });
}

/** The rules over every open case of an account (run by the worker): escalates where they say so. */
export async function sweepEscalations(db: Db, accountId: string, now = new Date()): Promise<number> {
  let n = 0;
  for (const f of await escalationFacts(db, accountId, { now })) {
    const d = decideEscalation(f);
    if (!d) continue;
    try {
      await escalateCase(db, systemActor(accountId), f.id, d);
      n++;
    } catch (err) {
      if ((err as { code?: string }).code !== 'case_changed' && (err as { code?: string }).code !== 'not_an_escalation') throw err;
    }
  }
  return n;
}
