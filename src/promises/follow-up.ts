import type { Db } from '../storage/db.ts';
import type { JobRow } from '../storage/jobs.ts';
import { systemActor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { emitEvent } from '../webhooks/events.ts';
import { formatWhen } from '../intake/acknowledgement-text.ts';
import { apologyText } from './apology-text.ts';
import { addBusinessDays } from './due-time.ts';
import { notify, supervisorsOf } from './notify.ts';
import { renegotiatePromise } from './renegotiate-promise.ts';
import { getServiceSettings } from './settings.ts';
import { loadPromise, onCase, PROMISE_COLUMNS, type CasePromiseRow, type PromiseRow } from './store.ts';

/** The promises a follow-up job is about, and the sweep's clock (older jobs carry one id). */
function jobPromises(job: JobRow): { ids: string[]; at: Date } {
  const ids = Array.isArray(job.payload.promise_ids) ? (job.payload.promise_ids as string[]) : [String(job.payload.promise_id)];
  return { ids, at: job.payload.at ? new Date(String(job.payload.at)) : new Date() };
}

/** Job `promise.remind`: each owner hears that a promise is due soon — once (reminded_at is set in the same step). */
export async function remindOwner(db: Db, job: JobRow): Promise<void> {
  const accountId = job.account_id!;
  const { ids, at } = jobPromises(job);
  const { time_zone } = await getServiceSettings(db, accountId);
  for (const id of ids) {
    await db.transaction(async (tx) => {
      const [p] = await tx.query<PromiseRow>(
        `UPDATE promises SET reminded_at = $3 WHERE account_id = $1 AND id = $2 AND state = 'open' AND reminded_at IS NULL RETURNING ${PROMISE_COLUMNS}`,
        [accountId, id, at],
      );
      if (!p) return; // reminded already, or no longer open
      const [c] = await tx.query<{ ref: string }>('SELECT ref FROM cases WHERE account_id = $1 AND id = $2', [accountId, p.case_id]);
      await notify(tx, accountId, {
        agentIds: [p.owner_id], followers: true, kind: 'promise.due_soon', caseId: p.case_id, promiseId: p.id,
        body: `${c.ref}: "${p.description}" moet af vóór ${formatWhen(p.due_at, 'nl', time_zone)}`,
      });
      await emitEvent(tx, accountId, 'promise.due_soon', p);
    });
  }
}

/**
 * Job `promise.breached`: the owner and their supervisor hear of it (escalation), and the
 * customer is told — an apology with a new time, one business day on: sent at once, or drafted
 * for a supervisor to approve, as the account chose. If sending is refused (the reply checker
 * blocks it), it becomes a draft: the customer is never left without word because of a rule.
 */
export async function handleBreach(db: Db, job: JobRow): Promise<void> {
  const { ids, at } = jobPromises(job);
  for (const id of ids) await breachOne(db, job.account_id!, id, at);
}

/**
 * One promise: open → breached with its escalation in one transaction (so it happens once), then
 * the apology. A retried job finds the promise breached and only finishes what is missing.
 */
async function breachOne(db: Db, accountId: string, id: string, at: Date): Promise<void> {
  const actor = systemActor(accountId);
  const settings = await getServiceSettings(db, accountId);
  const escalate = async (tx: Db, p: CasePromiseRow) => {
    const [facts] = await tx.query<{ ref: string; owner_name: string }>(
      `SELECT c.ref, a.name AS owner_name FROM cases c JOIN agents a ON a.account_id = c.account_id AND a.id = $3 WHERE c.account_id = $1 AND c.id = $2`,
      [accountId, p.case_id, p.owner_id],
    );
    await recordAudit(tx, actor, { action: 'promise.breached', entityType: 'promise', entityId: p.id, after: { due_at: p.due_at, breached_at: p.breached_at } });
    await recordAudit(tx, actor, { action: 'case.promise_breached', entityType: 'case', entityId: p.case_id, after: { promise_id: p.id, description: p.description } });
    const supervisors = await supervisorsOf(tx, accountId, p.owner_id);
    const text = `${facts.ref}: belofte niet nagekomen — "${p.description}" was beloofd vóór ${formatWhen(p.due_at, 'nl', settings.time_zone)}`;
    await notify(tx, accountId, { agentIds: [p.owner_id], followers: true, kind: 'promise.breached', caseId: p.case_id, promiseId: p.id, body: text });
    await notify(tx, accountId, { agentIds: supervisors, kind: 'promise.escalated', caseId: p.case_id, promiseId: p.id, body: `${text} (eigenaar: ${facts.owner_name})` });
    await emitEvent(tx, accountId, 'promise.breached', { ...p, escalated_to: supervisors });
  };
  const breached = await db.transaction(async (tx) => {
    const [p] = await tx.query<PromiseRow>(
      `UPDATE promises SET state = 'breached', breached_at = $3, updated_at = $3, apology_claimed_at = $3
       WHERE account_id = $1 AND id = $2 AND state = 'open' AND due_at <= $3 AND case_id IS NOT NULL RETURNING ${PROMISE_COLUMNS}`,
      [accountId, id, at],
    );
    // an incident's promised update is never handed out here (sweep-promises.ts); the incident sweep breaks it
    if (p) await escalate(tx, onCase(p));
    return Boolean(p);
  });
  // the apology is written once: by the follow-up that breached the promise, or by a retry that takes
  // over a claim left ten minutes without an apology (the first runner died in between)
  const claimed = breached || (await db.query(
    `UPDATE promises SET apology_claimed_at = now()
     WHERE account_id = $1 AND id = $2 AND state = 'breached' AND breach_notice_message_id IS NULL AND replaced_by IS NULL
       AND (apology_claimed_at IS NULL OR apology_claimed_at < now() - interval '10 minutes')
       AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.account_id = $1 AND d.promise_id = $2 AND d.status = 'pending')
     RETURNING id`,
    [accountId, id],
  )).length > 0;
  if (!claimed) return;
  const p = onCase(await loadPromise(db, accountId, id));
  const [facts] = await db.query<{ ref: string; language: string | null; customer_name: string | null; owner_name: string }>(
    `SELECT c.ref, c.language, cu.name AS customer_name, a.name AS owner_name
     FROM cases c JOIN customers cu ON cu.account_id = c.account_id AND cu.id = c.customer_id
     JOIN agents a ON a.account_id = c.account_id AND a.id = $3
     WHERE c.account_id = $1 AND c.id = $2`,
    [accountId, p.case_id, p.owner_id],
  );
  const breachedAt = p.breached_at ?? at;
  const newDueAt = addBusinessDays(breachedAt, 1, settings.calendar);
  const body = apologyText({
    language: facts.language, customerName: facts.customer_name, kind: p.kind, description: p.description,
    dueAt: p.due_at, newDueAt, signer: facts.owner_name, timeZone: settings.time_zone,
  });

  if (settings.breach_notice === 'send') {
    try {
      await renegotiatePromise(db, { ...actor, agentId: null }, p.id, { dueAt: newDueAt, message: body, now: new Date(Math.max(Date.now(), breachedAt.getTime())) });
      return;
    } catch (err) {
      await draftApology(db, accountId, p.id, p.case_id, body, newDueAt, `het versturen van de excuses werd geweigerd: ${(err as Error).message}`);
      return;
    }
  }
  await draftApology(db, accountId, p.id, p.case_id, body, newDueAt, 'belofte niet nagekomen: keur de excuses aan de klant goed');
}

async function draftApology(db: Db, accountId: string, promiseId: string, caseId: string, body: string, proposedDueAt: Date, reason: string) {
  await db.transaction(async (tx) => {
    const [d] = await tx.query<{ id: string }>(
      `INSERT INTO drafts (account_id, case_id, promise_id, body, reason, proposed_due_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (account_id, promise_id) WHERE status = 'pending' AND promise_id IS NOT NULL DO NOTHING RETURNING id`,
      [accountId, caseId, promiseId, body, reason.slice(0, 1000), proposedDueAt],
    );
    if (!d) return; // one apology already waits for approval
    const p = await loadPromise(tx, accountId, promiseId);
    await notify(tx, accountId, { agentIds: await supervisorsOf(tx, accountId, p.owner_id), kind: 'draft.pending', caseId, promiseId, body: 'Excuses aan de klant wachten op je goedkeuring' });
  });
}
