import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { loadCase } from '../cases/store.ts';
import { checkReply, type ReplyCheckResult } from './check-reply.ts';
import { getTemplate } from './manage-templates.ts';
import { firstName, renderTemplate, type TemplateVariables } from './render-template.ts';
import { caseFieldValues } from '../custom-fields/case-values.ts';
import { formattedFields } from '../custom-fields/format-value.ts';
import { fieldDefinitions } from '../custom-fields/store.ts';

/**
 * Fills a template in for one case (customer, case, agent, plus extra variables such as
 * promise.due) and runs the reply checks on the result: a template is no excuse for a mantra.
 * Custom fields are there as {{case.fields.<key>}}, {{customer.fields.<key>}} and
 * {{organisation.fields.<key>}}, written out for the reader in the template's (else the case's) language.
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
  const [defs, values] = await Promise.all([fieldDefinitions(db, actor.accountId), caseFieldValues(db, actor.accountId, c.id)]);
  const language = template.language ?? c.language;
  const fields = (entity: 'case' | 'customer' | 'organisation') => formattedFields(defs.filter((d) => d.entity === entity), values[entity], language);
  const vars: TemplateVariables = {
    ...extra,
    customer: { name: customer?.name || undefined, first_name: firstName(customer?.name), fields: fields('customer'), ...(extra.customer as object) },
    case: { ref: c.ref, subject: c.subject, fields: fields('case'), ...(extra.case as object) },
    organisation: { name: values.organisation_name ?? undefined, fields: fields('organisation'), ...(extra.organisation as object) },
    agent: { ...(agent ? { name: agent.name, first_name: firstName(agent.name), email: agent.email } : {}), ...(extra.agent as object) },
  };
  const rendered = renderTemplate(template.body, vars);
  const check = await checkReply(db, actor.accountId, c, rendered.text);
  return { ...rendered, ...check };
}
