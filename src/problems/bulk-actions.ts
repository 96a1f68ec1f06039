import type { Db } from '../storage/db.ts';
import { type Actor } from '../shared/actor.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError } from '../shared/errors.ts';
import { addMessage } from '../cases/add-message.ts';
import { updateCase } from '../cases/update-case.ts';
import { firstName, parseTemplate, renderTemplate } from '../replies/render-template.ts';
import { linkedCases, loadProblem, type LinkedCase } from './store.ts';
import { caseAmounts } from './case-amounts.ts';
import type { Money } from '../listening/money.ts';

const usesAmount = (body: string) => /\{\{\s*amount\s*\}\}/.test(body);

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

/**
 * A personal reply to every confirmed case of a problem, through the normal outbound path (so
 * the reply checks apply to each): `{{customer.first_name}}`, `{{case.ref}}`, `{{amount}}` (the amount
 * that customer's complaint is about; where that is uncertain, only an amount a person chose) are filled in per case; a case where a variable has no value is not
 * sent and is reported, never sent with a gap. Optionally solves each case after the reply.
 * Each case is its own transaction: one refusal does not hold back the others.
 */
export interface ReplyToAllOptions {
  body: string;
  solve?: boolean;
  /** per case id: the amount a supervisor chose where the customer's amount was uncertain (or to correct it) */
  amounts?: Record<string, Money>;
}

export async function replyToAll(db: Db, actor: Actor, problemId: string, opts: ReplyToAllOptions): Promise<BulkResult[]> {
  requirePermission(actor, 'problems.manage', 'Sending bulk replies');
  parseTemplate(opts.body);
  await loadProblem(db, actor.accountId, problemId);
  const [agent] = actor.agentId
    ? await db.query<{ name: string }>('SELECT name FROM agents WHERE account_id = $1 AND id = $2', [actor.accountId, actor.agentId])
    : [];
  const results: BulkResult[] = [];
  const cases = await linkedCases(db, actor.accountId, problemId, ['confirmed']);
  // {{amount}} is each customer's own disputed amount; where that is uncertain a person chooses it
  const amounts = usesAmount(opts.body) ? await caseAmounts(db, actor.accountId, cases.map((c) => c.case_id)) : new Map();
  for (const c of cases) {
    if (c.status === 'closed') {
      results.push({ case_id: c.case_id, ref: c.ref, outcome: 'skipped', error: { code: 'case_closed', message: `${c.ref} is closed` } });
      continue;
    }
    const chosen = opts.amounts?.[c.case_id];
    const found = amounts.get(c.case_id);
    if (usesAmount(opts.body) && !chosen && found && !found.certain) {
      const options = [found.amount, ...found.alternatives].map((a) => formatAmount(a.cents, a.currency, null)).join(', ');
      results.push({ case_id: c.case_id, ref: c.ref, outcome: 'skipped', error: { code: 'amount_uncertain', message: `${c.ref}: which amount is meant is not certain (${options}): choose it in amounts` } });
      continue;
    }
    const amount = chosen ?? found?.amount;
    results.push(await replyOne(db, actor, c, opts, agent?.name, amount));
  }
  await recordAudit(db, actor, {
    action: 'problem.bulk_reply',
    entityType: 'problem',
    entityId: problemId,
    after: { solve: Boolean(opts.solve), outcomes: results.map((r) => ({ case_id: r.case_id, outcome: r.outcome })) },
  });
  return results;
}

async function replyOne(db: Db, actor: Actor, c: LinkedCase, opts: ReplyToAllOptions, agentName: string | undefined, money: Money | undefined): Promise<BulkResult> {
  try {
    const [{ language }] = await db.query<{ language: string | null }>('SELECT language FROM cases WHERE account_id = $1 AND id = $2', [actor.accountId, c.case_id]);
    const vars = {
      customer: { name: c.customer_name || undefined, first_name: firstName(c.customer_name) },
      case: { ref: c.ref, subject: c.subject },
      agent: { name: agentName },
      amount: money ? formatAmount(money.cents, money.currency, language) : undefined,
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
