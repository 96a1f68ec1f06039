import type { Db } from '../storage/db.ts';
import { type Actor, hasRole } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError, forbidden } from '../shared/errors.ts';
import { addMessage } from '../cases/add-message.ts';
import { updateCase } from '../cases/update-case.ts';
import { firstName, parseTemplate, renderTemplate } from '../replies/render-template.ts';
import { linkedCases, loadProblem, type LinkedCase } from './store.ts';

export interface BulkResult {
  case_id: string;
  ref: string;
  outcome: 'sent' | 'noted' | 'blocked' | 'skipped' | 'failed';
  message_id?: string;
  error?: { code: string; message: string };
}

/** "€ 12,50" for Dutch, "€12.50" for English. */
export function formatAmount(cents: number, currency: string, language: string | null): string {
  return new Intl.NumberFormat(language?.startsWith('en') ? 'en-GB' : 'nl-NL', { style: 'currency', currency }).format(cents / 100);
}

/** The amount this customer mentioned on this case (the latest one), for {{amount}}. */
async function amountFor(db: Db, accountId: string, caseId: string, language: string | null): Promise<string | undefined> {
  const [row] = await db.query<{ money: { cents: number; currency: string }[] }>(
    `SELECT a.money FROM message_analysis a JOIN messages m ON m.account_id = a.account_id AND m.id = a.message_id
     WHERE a.account_id = $1 AND m.case_id = $2 AND m.type = 'inbound' AND jsonb_array_length(a.money) > 0
     ORDER BY m.created_at DESC LIMIT 1`,
    [accountId, caseId],
  );
  const m = row?.money[0];
  return m ? formatAmount(m.cents, m.currency, language) : undefined;
}

/**
 * A personal reply to every confirmed case of a problem, through the normal outbound path (so
 * the reply checks apply to each): `{{customer.first_name}}`, `{{case.ref}}`, `{{amount}}` (what
 * that customer mentioned) are filled in per case; a case where a variable has no value is not
 * sent and is reported, never sent with a gap. Optionally solves each case after the reply.
 * Each case is its own transaction: one refusal does not hold back the others.
 */
export async function replyToAll(db: Db, actor: Actor, problemId: string, opts: { body: string; solve?: boolean }): Promise<BulkResult[]> {
  if (!hasRole(actor, 'supervisor')) throw forbidden('Supervisors and admins send bulk replies');
  parseTemplate(opts.body);
  await loadProblem(db, actor.accountId, problemId);
  const [agent] = actor.agentId
    ? await db.query<{ name: string }>('SELECT name FROM agents WHERE account_id = $1 AND id = $2', [actor.accountId, actor.agentId])
    : [];
  const results: BulkResult[] = [];
  for (const c of await linkedCases(db, actor.accountId, problemId, ['confirmed'])) {
    if (c.status === 'closed') {
      results.push({ case_id: c.case_id, ref: c.ref, outcome: 'skipped', error: { code: 'case_closed', message: `${c.ref} is closed` } });
      continue;
    }
    results.push(await replyOne(db, actor, c, opts, agent?.name));
  }
  await recordAudit(db, actor, {
    action: 'problem.bulk_reply',
    entityType: 'problem',
    entityId: problemId,
    after: { solve: Boolean(opts.solve), outcomes: results.map((r) => ({ case_id: r.case_id, outcome: r.outcome })) },
  });
  return results;
}

async function replyOne(db: Db, actor: Actor, c: LinkedCase, opts: { body: string; solve?: boolean }, agentName?: string): Promise<BulkResult> {
  try {
    const [{ language }] = await db.query<{ language: string | null }>('SELECT language FROM cases WHERE account_id = $1 AND id = $2', [actor.accountId, c.case_id]);
    const vars = {
      customer: { name: c.customer_name || undefined, first_name: firstName(c.customer_name) },
      case: { ref: c.ref, subject: c.subject },
      agent: { name: agentName },
      amount: await amountFor(db, actor.accountId, c.case_id, language),
    };
    const { text } = renderTemplate(opts.body, vars);
    const message = await addMessage(db, actor, c.case_id, { type: 'outbound', body: text });
    if (opts.solve) await updateCase(db, actor, c.case_id, { status: 'solved' });
    return { case_id: c.case_id, ref: c.ref, outcome: 'sent', message_id: message.id };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { case_id: c.case_id, ref: c.ref, outcome: err.code === 'reply_blocked' ? 'blocked' : 'failed', error: { code: err.code, message: err.message } };
  }
}

/** The same internal note on every confirmed case of the problem. */
export async function noteOnAll(db: Db, actor: Actor, problemId: string, body: string): Promise<BulkResult[]> {
  await loadProblem(db, actor.accountId, problemId);
  const results: BulkResult[] = [];
  for (const c of await linkedCases(db, actor.accountId, problemId, ['confirmed'])) {
    const m = await addMessage(db, actor, c.case_id, { type: 'note', body });
    results.push({ case_id: c.case_id, ref: c.ref, outcome: 'noted', message_id: m.id });
  }
  return results;
}
