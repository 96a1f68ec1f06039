import type { CaseStatus, Priority } from '../cases/status.ts';
import { statusChangeProblem } from '../cases/status.ts';
import { nextTags, parseTagChange } from '../tags/tags.ts';

/** What a macro does to a case; every part optional, at least one present (checked when saved). */
export interface MacroActions {
  status?: CaseStatus;
  priority?: Priority;
  /** the team the case belongs to (a team of the same account) */
  team_id?: string;
  tags_add?: string[];
  tags_remove?: string[];
  /** an internal note added to the case */
  note?: string;
  /** a reply template filled in for the case and put in the composer (not sent: the agent reads it, the reply checks run) */
  template_id?: string;
}

export interface FieldChange {
  field: 'status' | 'priority' | 'team_id' | 'tags';
  from: unknown;
  to: unknown;
}

/** The case as far as a macro looks at it. */
export interface CaseView {
  status: CaseStatus;
  priority: Priority;
  team_id: string | null;
  owner_id: string | null;
  tags: string[];
}

export interface MacroPlan {
  changes: FieldChange[];
  note: string | null;
  template_id: string | null;
  /** why the macro cannot be applied to this case as it is now (nothing is written when there is one) */
  problems: { code: string; message: string }[];
}

/**
 * Pure: what applying `actions` to `c` would change. The same function answers the preview and
 * drives the apply, so the two cannot disagree. A field already at its target is no change.
 */
export function planMacro(c: CaseView, actions: MacroActions): MacroPlan {
  const changes: FieldChange[] = [];
  const problems: MacroPlan['problems'] = [];
  if (actions.status && actions.status !== c.status) {
    const problem = statusChangeProblem(c.status, actions.status, Boolean(c.owner_id));
    if (problem) problems.push({ code: 'invalid_status_change', message: problem });
    else changes.push({ field: 'status', from: c.status, to: actions.status });
  }
  if (actions.priority && actions.priority !== c.priority) changes.push({ field: 'priority', from: c.priority, to: actions.priority });
  if (actions.team_id && actions.team_id !== c.team_id) changes.push({ field: 'team_id', from: c.team_id, to: actions.team_id });
  if (actions.tags_add?.length || actions.tags_remove?.length) {
    try {
      const tags = nextTags(c.tags, parseTagChange({ add: actions.tags_add, remove: actions.tags_remove }), false);
      if (JSON.stringify(tags) !== JSON.stringify(c.tags)) changes.push({ field: 'tags', from: c.tags, to: tags });
    } catch (err) {
      const e = err as { code: string; message: string };
      problems.push({ code: e.code, message: e.message });
    }
  }
  return { changes, note: actions.note?.trim() || null, template_id: actions.template_id ?? null, problems };
}
