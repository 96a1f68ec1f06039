import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { mayActOn } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError, forbidden } from '../shared/errors.ts';
import { emitEvent } from '../webhooks/events.ts';
import { notify } from '../promises/notify.ts';
import { writeTags } from '../tags/store.ts';
import { type MergeSide, mergeOutcome, mergeProblem } from './merge-plan.ts';
import { copyFollowers, moveCaseLinks, moveProblemLinks } from './move-case-links.ts';
import { CASE_COLUMNS, type CaseRow, loadCase, publicCase } from './store.ts';

type Locked = CaseRow & { sla_started_at: Date | null; tags: string[]; merged_into_ref: string | null };

/**
 * Merges case `fromRef` into case `intoRef` (two cases of one customer about one thing): the
 * messages with their attachments, the promises, refunds, problem links, tags, followers, the
 * contact count and the customer's threads move to `into`; `from` is closed with a pointer to it
 * (`merged_into_id`), so its address shows where the conversation went, and the customer's next
 * mail — a reply to any of its mails, its reference in a subject or a plus-address — lands in
 * `into`. Both are audited (case.merged on `from`, case.merged_in on `into`, with what moved and
 * the field values `into` kept over the other's). Refused with nothing written for two customers'
 * cases, a closed or merged case, a colleague's case without cases.merge_others.
 *
 * Both rows (and the cases merged into `from` before, whose pointers move on) are locked in one
 * statement in id order, so two merges at once wait on each other and the second sees the first's
 * result (never a lost message, never a cycle); intake's repeat contact locks the same row and
 * follows the pointer when it finds the case merged. A deadlock PostgreSQL still detects is retried.
 */
export async function mergeCases(db: Db, actor: Actor, fromRef: string, intoRef: string) {
  // a deadlock PostgreSQL broke (a merge meeting a mail that follows a pointer, or a case merged into
  // `from` a moment before the locks): that attempt was rolled back whole, so it is simply tried again
  for (let attempt = 1; ; attempt++) {
    try {
      return await mergeOnce(db, actor, fromRef, intoRef);
    } catch (err) {
      if ((err as { code?: string }).code !== '40P01' || attempt >= 3) throw err;
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * attempt));
    }
  }
}

async function mergeOnce(db: Db, actor: Actor, fromRef: string, intoRef: string) {
  return db.transaction(async (tx) => {
    const [fromId, intoId] = [(await loadCase(tx, actor.accountId, fromRef)).id, (await loadCase(tx, actor.accountId, intoRef)).id];
    // both cases, and the cases merged into `from` earlier (re-pointed below), locked in one statement in id order
    const rows = await tx.query<Locked>(
      `SELECT ${CASE_COLUMNS}, sla_started_at,
         ARRAY(SELECT t.tag FROM case_tags t WHERE t.account_id = cases.account_id AND t.case_id = cases.id ORDER BY t.tag) AS tags,
         (SELECT m.ref FROM cases m WHERE m.account_id = cases.account_id AND m.id = cases.merged_into_id) AS merged_into_ref
       FROM cases WHERE account_id = $1 AND (id = ANY($2::uuid[]) OR merged_into_id = $3::uuid) ORDER BY id FOR UPDATE`,
      [actor.accountId, [fromId, intoId], fromId],
    );
    const from = rows.find((r) => r.id === fromId)!;
    const into = rows.find((r) => r.id === intoId)!;
    const problem = mergeProblem(from as MergeSide, into as MergeSide, { mergedInto: from.merged_into_ref ?? into.merged_into_ref });
    if (problem) throw problem;
    for (const c of [from, into]) {
      if (!mayActOn(actor, c.owner_id, 'cases.merge_others')) {
        throw forbidden(`${c.ref} is a colleague's case: merging it needs its owner or the permission cases.merge_others (supervisor or above)`);
      }
    }
    const plan = mergeOutcome(from as MergeSide, into as MergeSide);
    // a closed case has an owner (cases_owner_once_triaged): an unowned one is closed in the name of the survivor's owner or who merges
    const fromOwner = from.owner_id ?? plan.owner_id ?? actor.agentId;
    if (!fromOwner) throw new AppError('owner_required', `${from.ref} has no owner and this token acts for no agent: assign the case first`, 409);

    const moved = await moveCaseLinks(tx, actor.accountId, from.id, into.id);
    const problems = await moveProblemLinks(tx, actor.accountId, from.id, into.id);
    await copyFollowers(tx, actor.accountId, from.id, into.id, true);
    await writeTags(tx, actor.accountId, 'case', into.id, plan.tags);
    await writeTags(tx, actor.accountId, 'case', from.id, []);
    // an offer to take the merged case is void; cases merged into it earlier now point at the survivor (no chains)
    await tx.query(`UPDATE case_transfers SET status = 'cancelled', responded_at = now() WHERE account_id = $1 AND case_id = $2 AND status = 'offered'`, [actor.accountId, from.id]);
    await tx.query('UPDATE cases SET merged_into_id = $3 WHERE account_id = $1 AND merged_into_id = $2', [actor.accountId, from.id, into.id]);

    const [closed] = await tx.query<CaseRow>(
      `UPDATE cases SET status = 'closed', closed_at = now(), owner_id = $3, merged_into_id = $4, merged_at = now(), updated_at = now()
       WHERE account_id = $1 AND id = $2 RETURNING ${CASE_COLUMNS}`,
      [actor.accountId, from.id, fromOwner, into.id],
    );
    // the times are taken in SQL (the plan's agree, but a JavaScript Date has no microseconds)
    const [after] = await tx.query<CaseRow>(
      `UPDATE cases i SET status = $3, owner_id = $4, priority = $5, tier = $6, contact_count = $7, transfer_count = $8,
         last_contact_at = greatest(i.last_contact_at, f.last_contact_at),
         sla_started_at = least(coalesce(i.sla_started_at, i.created_at), coalesce(f.sla_started_at, f.created_at)),
         custom_fields = $9::jsonb, updated_at = now(),
         solved_at = CASE WHEN $3 = 'solved' THEN i.solved_at END
       FROM cases f WHERE i.account_id = $1 AND i.id = $2 AND f.account_id = $1 AND f.id = $10
       RETURNING ${CASE_COLUMNS.split(',').map((c) => `i.${c.trim()}`).join(', ')}`,
      [actor.accountId, into.id, plan.status, plan.owner_id, plan.priority, plan.tier, plan.contact_count, plan.transfer_count,
        JSON.stringify(plan.custom_fields), from.id],
    );

    const movedCounts = Object.fromEntries(Object.entries({ ...moved, problem_links: problems.length }).filter(([, n]) => n > 0));
    await recordAudit(tx, actor, {
      action: 'case.merged', entityType: 'case', entityId: from.id,
      before: { status: from.status, owner_id: from.owner_id },
      after: { status: 'closed', merged_into: { id: into.id, ref: into.ref }, moved: movedCounts },
    });
    await recordAudit(tx, actor, {
      action: 'case.merged_in', entityType: 'case', entityId: into.id,
      before: { status: into.status, owner_id: into.owner_id, priority: into.priority, tier: into.tier, contact_count: into.contact_count, tags: into.tags },
      after: {
        merged_from: { id: from.id, ref: from.ref }, status: plan.status, owner_id: plan.owner_id, priority: plan.priority, tier: plan.tier,
        contact_count: plan.contact_count, moved: movedCounts, tags_added: plan.tags_added, tags_dropped: plan.tags_dropped,
        fields_taken: plan.fields_taken, fields_kept: plan.fields_kept,
      },
    });
    await notify(tx, actor.accountId, {
      agentIds: [], followers: true, except: actor.agentId, kind: 'case.merged', caseId: into.id,
      body: `${from.ref} is samengevoegd met ${into.ref} — "${into.subject.slice(0, 200)}"`,
    });
    await emitEvent(tx, actor.accountId, 'case.updated', publicCase(closed));
    await emitEvent(tx, actor.accountId, 'case.updated', publicCase(after));
    await emitEvent(tx, actor.accountId, 'case.merged', { case: publicCase(after), merged: publicCase(closed), moved: movedCounts });
    return { case: publicCase(after), merged: publicCase(closed), moved: movedCounts, fields_kept: plan.fields_kept, tags_dropped: plan.tags_dropped };
  });
}
