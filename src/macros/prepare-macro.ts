import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { loadCase, type CaseRow } from '../cases/store.ts';
import { renderForCase } from '../replies/render-for-case.ts';
import type { Finding } from '../replies/types.ts';
import { tagsOf } from '../tags/store.ts';
import { fieldDefinitions } from '../custom-fields/store.ts';
import { type MacroPlan, planMacro } from './plan.ts';
import { checkReferences, loadMacro, type MacroRow } from './store.ts';

export interface MacroReply {
  template_id: string;
  text: string;
  findings: Finding[];
  /** true: the reply checks would refuse sending it as it is */
  blocked: boolean;
}

export interface PreparedMacro {
  macro: MacroRow;
  case: CaseRow;
  plan: MacroPlan;
  reply: MacroReply | null;
}

/**
 * Everything a preview shows and an apply does, worked out once from the case as it is: the same
 * code for both, so a preview never promises what the apply will not do. Locks the case when asked.
 */
export async function prepareMacro(db: Db, actor: Actor, macroId: string, caseIdOrRef: string, forUpdate: boolean): Promise<PreparedMacro> {
  const macro = await loadMacro(db, actor, macroId);
  const c = await loadCase(db, actor.accountId, caseIdOrRef, forUpdate);
  const caseFields = macro.actions.fields ? await fieldDefinitions(db, actor.accountId, 'case') : [];
  const plan = planMacro({ ...c, tags: await tagsOf(db, actor.accountId, 'case', c.id) }, macro.actions, caseFields);
  try {
    // a team or template deleted since the macro was saved
    await checkReferences(db, actor.accountId, macro.actions);
  } catch (err) {
    const e = err as { code: string; message: string };
    plan.problems.push({ code: e.code, message: e.message });
  }
  let reply: MacroReply | null = null;
  if (plan.template_id && !plan.problems.length) {
    try {
      const r = await renderForCase(db, actor, plan.template_id, c.id);
      reply = { template_id: plan.template_id, text: r.text, findings: r.findings, blocked: r.blocked };
    } catch (err) {
      const e = err as { code?: string; message: string };
      if (!e.code) throw err;
      plan.problems.push({ code: e.code, message: e.message });
    }
  }
  return { macro, case: c, plan, reply };
}
