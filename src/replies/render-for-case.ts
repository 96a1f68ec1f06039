import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { loadCase } from '../cases/store.ts';
import { checkReply, type ReplyCheckResult } from './check-reply.ts';
import { getTemplate } from './manage-templates.ts';
import { firstName, renderTemplate, type TemplateVariables } from './render-template.ts';

/**
 * Fills a template in for one case (customer, case, agent, plus extra variables such as
 * promise.due) and runs the reply checks on the result: a template is no excuse for a mantra.
 */
export async function renderForCase(
  db: Db,
  actor: Actor,
  templateId: string,
  caseIdOrRef: string,
  extra: TemplateVariables = {},
): Promise<{ text: string; html: string } & ReplyCheckResult> {
  const [template, c] = await Promise.all([getTemplate(db, actor.accountId, templateId), loadCase(db, actor.accountId, caseIdOrRef)]);
  const [customer] = await db.query<{ name: string }>('SELECT name FROM customers WHERE account_id = $1 AND id = $2', [actor.accountId, c.customer_id]);
  const [agent] = actor.agentId
    ? await db.query<{ name: string; email: string }>('SELECT name, email FROM agents WHERE account_id = $1 AND id = $2', [actor.accountId, actor.agentId])
    : [];
  const vars: TemplateVariables = {
    ...extra,
    customer: { name: customer?.name || undefined, first_name: firstName(customer?.name), ...(extra.customer as object) },
    case: { ref: c.ref, subject: c.subject, ...(extra.case as object) },
    agent: { ...(agent ? { name: agent.name, first_name: firstName(agent.name), email: agent.email } : {}), ...(extra.agent as object) },
  };
  const rendered = renderTemplate(template.body, vars);
  const check = await checkReply(db, actor.accountId, c, rendered.text);
  return { ...rendered, ...check };
}
