import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { addBusinessDays, closingTime, isBusinessDay } from './due-time.ts';
import { findPromises } from './find-promises.ts';
import { markKept } from './keep-promise.ts';
import { makePromise } from './make-promise.ts';
import { getServiceSettings } from './settings.ts';
import { PROMISE_COLUMNS, type PromiseRow } from './store.ts';

/**
 * What an outbound reply does to the case's promises, in the reply's transaction:
 *  - it keeps the open "answer by" / "update by" promises (the reply is the answer);
 *  - it tells the customer about broken promises (a breached promise may then be closed);
 *  - the commitments it makes ("we bellen u morgen vóór 12:00 terug") become promises of their
 *    own, due in the account's time zone and business days, owned by the case owner.
 */
export async function promisesOnReply(
  tx: Db,
  actor: Actor,
  c: { id: string; owner_id: string | null; language: string | null },
  message: { id: string; body: string },
  now = new Date(),
): Promise<{ kept: number; made: PromiseRow[] }> {
  const open = await tx.query<PromiseRow>(
    `SELECT ${PROMISE_COLUMNS} FROM promises WHERE account_id = $1 AND case_id = $2 AND state = 'open' AND kind IN ('answer_by', 'next_update_by')`,
    [actor.accountId, c.id],
  );
  for (const p of open) await markKept(tx, actor, p, `reply:${message.id}`, now);
  const told = await tx.query<{ id: string }>(
    `UPDATE promises SET breach_notice_message_id = $3, updated_at = $4
     WHERE account_id = $1 AND case_id = $2 AND state = 'breached' AND breach_notice_message_id IS NULL RETURNING id`,
    [actor.accountId, c.id, message.id, now],
  );
  for (const t of told) await recordAudit(tx, actor, { action: 'promise.customer_told', entityType: 'promise', entityId: t.id, after: { message_id: message.id } });

  const ownerId = c.owner_id ?? actor.agentId;
  if (!ownerId) return { kept: open.length, made: [] };
  const settings = await getServiceSettings(tx, actor.accountId);
  const found = findPromises(message.body, {
    now,
    timeZone: settings.time_zone,
    language: c.language === 'en' ? 'en' : c.language === 'nl' ? 'nl' : undefined,
    addBusinessDays: (start, days) => addBusinessDays(start, days, settings.calendar),
    // the account's own closing time and business days, not a fixed 17:00 Monday to Friday
    endOfBusinessDay: (date) => closingTime(date, settings.calendar) ?? addBusinessDays(date, 0, settings.calendar),
    isBusinessDay: (date) => isBusinessDay(date, settings.calendar),
  });
  const made: PromiseRow[] = [];
  for (const f of found) {
    if (f.dueAt.getTime() <= now.getTime()) continue;
    made.push(await makePromise(tx, actor, {
      caseId: c.id, kind: f.kind, description: f.text, dueAt: f.dueAt, windowStart: f.windowStart,
      ownerId, source: 'reply', sourceMessageId: message.id, now,
    }));
  }
  return { kept: open.length, made };
}
