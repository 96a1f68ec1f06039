import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { diff, recordAudit } from '../shared/audit.ts';
import { AppError, forbidden } from '../shared/errors.ts';
import { mayActOn } from '../accounts/permissions.ts';
import { searchConfigFor } from '../text/language.ts';
import { emitEvent } from '../webhooks/events.ts';
import { untoldBreaches } from '../promises/store.ts';
import { queueCsatSurvey } from '../rights/queue-survey.ts';
import { type CaseStatus, type Priority, statusChangeProblem, type Tier } from './status.ts';
import { CASE_COLUMNS, type CaseRow, loadCase, publicCase } from './store.ts';
import { subjectKey } from './subject.ts';
import { type FieldValues, missingOnSolve } from '../custom-fields/fields.ts';
import { fieldDefinitions } from '../custom-fields/store.ts';
import { writeFieldValues } from '../custom-fields/write-values.ts';

export interface UpdateCaseOptions {
  subject?: string;
  status?: CaseStatus;
  priority?: Priority;
  tier?: Tier;
  topic?: string | null;
  language?: string | null;
  /** custom field values to set (null clears one); checked against the account's case fields */
  custom_fields?: Record<string, unknown>;
}

export async function updateCase(db: Db, actor: Actor, caseIdOrRef: string, opts: UpdateCaseOptions) {
  return db.transaction(async (tx) => {
    const before = await loadCase(tx, actor.accountId, caseIdOrRef, true);
    const { custom_fields: fieldChange, ...changes } = opts;
    // custom fields first, so a change that fills a required field and solves in one go is allowed
    const values = fieldChange ? await writeFieldValues(tx, actor, 'case', before.id, before.custom_fields, fieldChange) : before.custom_fields;
    if (opts.status) {
      const problem = statusChangeProblem(before.status, opts.status, Boolean(before.owner_id));
      if (problem) throw new AppError(opts.status === 'new' || before.status === 'closed' ? 'invalid_status_change' : 'owner_required', problem, 409);
      if ((opts.status === 'solved' || opts.status === 'closed') && opts.status !== before.status) {
        if (!mayActOn(actor, before.owner_id, 'cases.close_others')) {
          throw forbidden(`${before.ref} is a colleague's case: only its owner or a supervisor solves or closes it`);
        }
        const missing = missingOnSolve(await fieldDefinitions(tx, actor.accountId, 'case'), values);
        if (missing.length) {
          throw new AppError('required_fields_missing', `${before.ref} cannot be ${opts.status} before these fields are filled in: ${missing.map((f) => f.key).join(', ')}`, 409, { fields: missing.map((f) => f.key) });
        }
        const untold = await untoldBreaches(tx, actor.accountId, before.id);
        if (untold.length) {
          throw new AppError('customer_not_told', `A promise on ${before.ref} was broken ("${untold[0].description}") and the customer has not heard from us since: write to them before closing`, 409);
        }
      }
    }
    const d = diff(before as unknown as Record<string, unknown>, { ...changes, subject: opts.subject?.trim() });
    if (!d.changed) {
      const now = publicCase({ ...before, custom_fields: values });
      if (fieldChange && JSON.stringify(values) !== JSON.stringify(before.custom_fields)) await emitEvent(tx, actor.accountId, 'case.updated', now);
      return now;
    }
    const language = opts.language === undefined ? before.language : opts.language;
    const subject = opts.subject?.trim() ?? before.subject;
    const status = opts.status ?? before.status;
    const [after] = await tx.query<CaseRow>(
      `UPDATE cases SET subject = $3, subject_key = $4, status = $5, priority = coalesce($6, priority),
         tier = coalesce($7, tier), topic = CASE WHEN $8::boolean THEN $9 ELSE topic END,
         language = $10, search_config = $11::regconfig, updated_at = now(),
         solved_at = CASE WHEN $5 = 'solved' AND status <> 'solved' THEN now() WHEN $5 IN ('solved', 'closed') THEN solved_at END,
         closed_at = CASE WHEN $5 = 'closed' THEN now() END
       WHERE account_id = $1 AND id = $2 RETURNING ${CASE_COLUMNS}`,
      [actor.accountId, before.id, subject, subjectKey(subject), status, opts.priority ?? null, opts.tier ?? null,
        opts.topic !== undefined, opts.topic ?? null, language, searchConfigFor(language)],
    );
    await recordAudit(tx, actor, { action: 'case.updated', entityType: 'case', entityId: before.id, before: d.before, after: d.after });
    // solved: the customer is asked how it went, once, if they accept surveys (src/rights/)
    if (after.status === 'solved' && before.status !== 'solved') await queueCsatSurvey(tx, actor.accountId, before.id);
    await emitEvent(tx, actor.accountId, 'case.updated', publicCase(after));
    return publicCase(after);
  });
}
