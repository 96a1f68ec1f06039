import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { systemActor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError } from '../shared/errors.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { anonymiseCases } from './anonymise-cases.ts';
import { getRetentionRules, type RetentionRules } from './retention-rules.ts';
import { retentionCutoff } from './retention-cutoff.ts';

export interface RetentionResult {
  dry_run: boolean;
  run_id: string | null;
  rules: RetentionRules;
  cases_anonymised: number;
  messages_anonymised: number;
  attachments_deleted: number;
  /** what would go (dry run) or went: the first case references */
  case_refs: string[];
}

/** A bound per run, so one sweep cannot hold a lock for long; the next run takes the rest. */
const BATCH = 1000;

/**
 * Applies the account's retention rules: closed cases past their term lose their personal content
 * (anonymiseCases), attachments past theirs are deleted. A dry run (the preview) changes nothing
 * and says what would go, also while the rules are off; a real run needs them on, and is logged
 * in retention_runs with its counts — never with content.
 */
export async function runRetention(db: Db, actor: Actor, o: { dryRun: boolean; now?: Date }): Promise<RetentionResult> {
  requirePermission(actor, 'retention.manage', 'Running the retention rules');
  const now = o.now ?? new Date();
  const rules = await getRetentionRules(db, actor.accountId);
  if (!o.dryRun && !rules.enabled) throw new AppError('retention_off', 'The retention rules are off: preview them, then switch them on', 409);
  const caseCutoff = retentionCutoff(now, rules.anonymise_closed_cases_after_months);
  const fileCutoff = retentionCutoff(now, rules.delete_attachments_after_months);
  return db.transaction(async (tx) => {
    const cases = caseCutoff
      ? await tx.query<{ id: string; ref: string }>(
          `SELECT id, ref FROM cases WHERE account_id = $1 AND status = 'closed' AND closed_at < $2 AND subject_key NOT LIKE 'erased:%'
           ORDER BY closed_at LIMIT ${BATCH}`, [actor.accountId, caseCutoff])
      : [];
    const [files] = fileCutoff
      ? await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments WHERE account_id = $1 AND created_at < $2', [actor.accountId, fileCutoff])
      : [{ n: 0 }];
    const [msgs] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE account_id = $1 AND case_id = ANY($2::uuid[])', [actor.accountId, cases.map((c) => c.id)]);
    const result: RetentionResult = {
      dry_run: o.dryRun, run_id: null, rules, cases_anonymised: cases.length, messages_anonymised: msgs.n, attachments_deleted: files.n, case_refs: cases.slice(0, 50).map((c) => c.ref),
    };
    if (o.dryRun) return result;
    await tx.query(`SET LOCAL luister.erasure = 'on'`);
    const done = cases.length ? await anonymiseCases(tx, actor.accountId, { caseIds: cases.map((c) => c.id) }) : { attachments: 0 };
    const deleted = fileCutoff
      ? await tx.query('DELETE FROM attachments WHERE account_id = $1 AND created_at < $2 RETURNING id', [actor.accountId, fileCutoff])
      : [];
    result.attachments_deleted = deleted.length + done.attachments;
    const [run] = await tx.query<{ id: string }>(
      `INSERT INTO retention_runs (account_id, dry_run, cases_anonymised, messages_anonymised, attachments_deleted, finished_at)
       VALUES ($1, false, $2, $3, $4, clock_timestamp()) RETURNING id`,
      [actor.accountId, result.cases_anonymised, result.messages_anonymised, result.attachments_deleted],
    );
    result.run_id = run.id;
    await recordAudit(tx, actor, { action: 'retention.ran', entityType: 'account', entityId: actor.accountId,
      after: { run_id: run.id, cases_anonymised: result.cases_anonymised, messages_anonymised: result.messages_anonymised, attachments_deleted: result.attachments_deleted } });
    return result;
  });
}

/** The recurring sweep: every account whose rules are on. */
export async function sweepRetention(db: Db, now = new Date()): Promise<void> {
  const accounts = await db.query<{ account_id: string }>('SELECT account_id FROM retention_rules WHERE enabled');
  for (const a of accounts) await runRetention(db, systemActor(a.account_id), { dryRun: false, now });
}

export async function listRetentionRuns(db: Db, accountId: string) {
  return db.query<{ id: string; cases_anonymised: number; messages_anonymised: number; attachments_deleted: number; started_at: Date; finished_at: Date | null }>(
    `SELECT id, cases_anonymised, messages_anonymised, attachments_deleted, started_at, finished_at FROM retention_runs
     WHERE account_id = $1 AND NOT dry_run ORDER BY started_at DESC LIMIT 50`, [accountId]);
}
