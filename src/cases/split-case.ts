import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { mayActOn } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError, forbidden } from '../shared/errors.ts';
import { emitEvent } from '../webhooks/events.ts';
import { notify } from '../promises/notify.ts';
import { copyFollowers } from './move-case-links.ts';
import { type SplitMessage, splitSelection, splitSubject } from './split-plan.ts';
import { CASE_COLUMNS, type CaseRow, loadCase, publicCase } from './store.ts';
import { subjectKey } from './subject.ts';

export interface SplitCaseOptions {
  /** the messages to move to the new case (at least one from the customer; at least one stays) */
  messageIds: string[];
  /** the new case's subject; by default the first moved customer mail's subject */
  subject?: string;
}

/**
 * Splits messages off a case into a new case of the same customer (a customer who asked two
 * unrelated things): the chosen messages with their attachments and analysis, the acknowledgements
 * that answered them, the promises made in them and what was said in them (vulnerability signs,
 * contact preferences) move; the new case has the same customer, inbox, team, channel, owner,
 * priority and followers, and its service-level clocks start at the first moved customer message.
 * Threading follows the messages: a reply to a moved mail (or to our reply on the new case) lands
 * in the new case. Audited on both (case.split, case.split_off). Reversible by merging back.
 */
export async function splitCase(db: Db, actor: Actor, caseIdOrRef: string, opts: SplitCaseOptions) {
  return db.transaction(async (tx) => {
    const c = await loadCase(tx, actor.accountId, caseIdOrRef, true);
    if (c.status === 'closed') {
      throw new AppError(c.merged_into_id ? 'case_merged' : 'case_closed', `${c.ref} is ${c.merged_into_id ? 'merged into another case' : 'closed'}: nothing to split`, 409);
    }
    if (!mayActOn(actor, c.owner_id, 'cases.merge_others')) {
      throw forbidden(`${c.ref} is a colleague's case: splitting it needs its owner or the permission cases.merge_others (supervisor or above)`);
    }
    const messages = await tx.query<SplitMessage>(
      `SELECT id, type, automated, subject, body, email_message_id, email_references, created_at FROM messages
       WHERE account_id = $1 AND case_id = $2 ORDER BY created_at, id`,
      [actor.accountId, c.id],
    );
    const moving = splitSelection(c.ref, messages, opts.messageIds);
    const ids = moving.map((m) => m.id);
    const subject = splitSubject(opts.subject, moving);
    const asked = moving.filter((m) => m.type === 'inbound' && m.automated === null);
    const first = asked[0];
    const status = c.owner_id ? 'open' : 'new';

    const [created] = await tx.query<CaseRow>(
      `INSERT INTO cases (account_id, customer_id, subject, subject_key, status, priority, tier, channel, language, search_config, owner_id,
         team_id, inbox_id, contact_count, last_contact_at, sla_started_at)
       SELECT account_id, customer_id, $3, $4, $5, priority, 'L1', channel, language, search_config, owner_id, team_id, inbox_id, $6, $7, $8
       FROM cases WHERE account_id = $1 AND id = $2 RETURNING ${CASE_COLUMNS}`,
      [actor.accountId, c.id, subject, subjectKey(subject), status, asked.length, asked.at(-1)!.created_at, first.created_at],
    );
    const [moved] = await tx.query<{ messages: number; promises: number }>(
      `WITH m AS (UPDATE messages SET case_id = $3 WHERE account_id = $1 AND case_id = $2 AND id = ANY($4::uuid[]) RETURNING id),
       p AS (UPDATE promises SET case_id = $3, updated_at = now() WHERE account_id = $1 AND case_id = $2 AND source_message_id = ANY($4::uuid[]) RETURNING 1),
       v AS (UPDATE vulnerability_signs SET case_id = $3 WHERE account_id = $1 AND case_id = $2 AND message_id = ANY($4::uuid[]) RETURNING 1),
       k AS (UPDATE contact_preferences SET case_id = $3 WHERE account_id = $1 AND case_id = $2 AND message_id = ANY($4::uuid[]) RETURNING 1)
       SELECT (SELECT count(*)::int FROM m) AS messages, (SELECT count(*)::int FROM p) AS promises,
         (SELECT count(*)::int FROM v) + (SELECT count(*)::int FROM k) AS said`,
      [actor.accountId, c.id, created.id, ids],
    );
    // the customer's contacts go with their messages (a case counts at least its first contact)
    const [after] = await tx.query<CaseRow>(
      `UPDATE cases SET contact_count = greatest(1, contact_count - $3), updated_at = now() WHERE account_id = $1 AND id = $2 RETURNING ${CASE_COLUMNS}`,
      [actor.accountId, c.id, asked.length],
    );
    await copyFollowers(tx, actor.accountId, c.id, created.id, false);

    await recordAudit(tx, actor, {
      action: 'case.created', entityType: 'case', entityId: created.id,
      after: { ref: created.ref, subject: created.subject, channel: created.channel, customer_id: created.customer_id, split_from: { id: c.id, ref: c.ref } },
    });
    await recordAudit(tx, actor, {
      action: 'case.split_off', entityType: 'case', entityId: created.id,
      after: { split_from: { id: c.id, ref: c.ref }, message_ids: ids, promises: moved.promises },
    });
    await recordAudit(tx, actor, {
      action: 'case.split', entityType: 'case', entityId: c.id,
      before: { contact_count: c.contact_count },
      after: { split_into: { id: created.id, ref: created.ref }, message_ids: ids, promises: moved.promises, contact_count: after.contact_count },
    });
    await notify(tx, actor.accountId, {
      agentIds: [], followers: true, except: actor.agentId, kind: 'case.split', caseId: created.id,
      body: `${created.ref} is afgesplitst van ${c.ref} — "${subject.slice(0, 200)}"`,
    });
    await emitEvent(tx, actor.accountId, 'case.created', publicCase(created));
    await emitEvent(tx, actor.accountId, 'case.updated', publicCase(after));
    await emitEvent(tx, actor.accountId, 'case.split', { case: publicCase(created), from: publicCase(after), message_ids: ids });
    return { case: publicCase(created), from: publicCase(after), message_ids: ids, moved: { messages: moved.messages, promises: moved.promises } };
  });
}
