import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { diff, recordAudit } from '../shared/audit.ts';
import { AppError } from '../shared/errors.ts';
import { addMessage } from '../cases/add-message.ts';
import type { CaseStatus, Priority, Tier } from '../cases/status.ts';
import { CASE_COLUMNS, type CaseRow, publicCase } from '../cases/store.ts';
import { updateCase } from '../cases/update-case.ts';
import { applyCaseTags } from '../tags/change-case-tags.ts';
import { emitEvent } from '../webhooks/events.ts';
import { type PreparedMacro, prepareMacro } from './prepare-macro.ts';

/** What a preview answers: the changes, the note, the filled-in reply, and anything that stops the macro. */
export function macroOutcome(p: PreparedMacro) {
  return {
    macro: { id: p.macro.id, name: p.macro.name },
    case_id: p.case.id,
    changes: p.plan.changes,
    note: p.plan.note,
    reply: p.reply,
    problems: p.plan.problems,
  };
}

/** What a macro would do to a case, without doing it. */
export async function previewMacro(db: Db, actor: Actor, macroId: string, caseIdOrRef: string) {
  return macroOutcome(await prepareMacro(db, actor, macroId, caseIdOrRef, false));
}

/**
 * Applies a macro to a case in one transaction: status and priority through updateCase (so its
 * rules hold: an owner before triage, only the owner or a supervisor solves), tier, team, tags,
 * custom fields (each checked against its type again), the note.
 * Any refusal rolls the whole macro back. The reply is filled in, checked and handed back for the
 * composer; it is not sent. Audited as macro.applied beside each change's own record.
 */
export async function applyMacro(db: Db, actor: Actor, macroId: string, caseIdOrRef: string) {
  return db.transaction(async (tx) => {
    const p = await prepareMacro(tx, actor, macroId, caseIdOrRef, true);
    if (p.plan.problems.length) {
      throw new AppError('macro_not_applicable', `Macro "${p.macro.name}" was not applied to ${p.case.ref}: ${p.plan.problems.map((x) => x.message).join(' ')}`, 422, p.plan.problems);
    }
    const c = p.case;
    const to = (field: string) => p.plan.changes.find((x) => x.field === field)?.to;
    // custom fields are written first inside updateCase: a macro that fills a required field and solves the case in one go may
    const fieldChanges = p.plan.changes.filter((x) => x.field.startsWith('fields.'));
    if (to('status') || to('priority') || to('tier') || fieldChanges.length) {
      await updateCase(tx, actor, c.id, {
        status: to('status') as CaseStatus | undefined, priority: to('priority') as Priority | undefined, tier: to('tier') as Tier | undefined,
        custom_fields: fieldChanges.length ? Object.fromEntries(fieldChanges.map((x) => [x.field.slice('fields.'.length), x.to])) : undefined,
      });
    }
    if (to('team_id')) {
      const d = diff({ team_id: c.team_id }, { team_id: to('team_id') as string });
      await tx.query('UPDATE cases SET team_id = $3, updated_at = now() WHERE account_id = $1 AND id = $2', [actor.accountId, c.id, to('team_id')]);
      await recordAudit(tx, actor, { action: 'case.updated', entityType: 'case', entityId: c.id, before: d.before, after: d.after });
    }
    let tags: string[] | undefined;
    if (to('tags')) tags = (await applyCaseTags(tx, actor, c, { add: p.macro.actions.tags_add, remove: p.macro.actions.tags_remove }, false)).after;
    const note = p.plan.note ? await addMessage(tx, actor, c.id, { type: 'note', body: p.plan.note }) : null;
    await recordAudit(tx, actor, {
      action: 'macro.applied', entityType: 'case', entityId: c.id,
      after: { macro_id: p.macro.id, name: p.macro.name, changes: p.plan.changes, note_id: note?.id ?? null, template_id: p.reply?.template_id ?? null },
    });
    const [after] = await tx.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE account_id = $1 AND id = $2`, [actor.accountId, c.id]);
    const currentTags = tags ?? (await tx.query<{ tag: string }>('SELECT tag FROM case_tags WHERE account_id = $1 AND case_id = $2 ORDER BY tag', [actor.accountId, c.id])).map((r) => r.tag);
    // live: colleagues on the case and in the inbox see the result (updateCase told of status and priority already)
    if (p.plan.changes.some((x) => x.field === 'team_id' || x.field === 'tags')) {
      await emitEvent(tx, actor.accountId, 'case.updated', { ...publicCase(after), tags: currentTags });
    }
    return { ...macroOutcome(p), case: { ...publicCase(after), tags: currentTags }, note_id: note?.id ?? null };
  });
}
