import type { CaseStatus, Priority, Tier } from '../cases/status.ts';
import { type FieldDefinition, type FieldValue, type FieldValues, nextValues } from '../custom-fields/fields.ts';
import { statusChangeProblem } from '../cases/status.ts';
import { nextTags, parseTagChange } from '../tags/tags.ts';

/** What a macro does to a case; every part optional, at least one present (checked when saved). */
export interface MacroActions {
  status?: CaseStatus;
  priority?: Priority;
  tier?: Tier;
  /** the team the case belongs to (a team of the same account) */
  team_id?: string;
  tags_add?: string[];
  tags_remove?: string[];
  /** an internal note added to the case */
  note?: string;
  /** a reply template filled in for the case and put in the composer (not sent: the agent reads it, the reply checks run) */
  template_id?: string;
  /** case custom field values by key; null clears (checked against the account's case fields when saved and when applied) */
  fields?: Record<string, FieldValue | null>;
}

export interface FieldChange {
  /** a custom field is `fields.<key>` */
  field: 'status' | 'priority' | 'tier' | 'team_id' | 'tags' | `fields.${string}`;
  from: unknown;
  to: unknown;
}

/** The case as far as a macro looks at it. */
export interface CaseView {
  status: CaseStatus;
  priority: Priority;
  tier?: Tier;
  team_id: string | null;
  owner_id: string | null;
  tags: string[];
  custom_fields?: FieldValues;
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
export function planMacro(c: CaseView, actions: MacroActions, caseFields: readonly FieldDefinition[] = []): MacroPlan {
  const changes: FieldChange[] = [];
  const problems: MacroPlan['problems'] = [];
  if (actions.status && actions.status !== c.status) {
    const problem = statusChangeProblem(c.status, actions.status, Boolean(c.owner_id));
    if (problem) problems.push({ code: 'invalid_status_change', message: problem });
    else changes.push({ field: 'status', from: c.status, to: actions.status });
  }
  if (actions.priority && actions.priority !== c.priority) changes.push({ field: 'priority', from: c.priority, to: actions.priority });
  if (actions.tier && c.tier && actions.tier !== c.tier) changes.push({ field: 'tier', from: c.tier, to: actions.tier });
  if (actions.fields && Object.keys(actions.fields).length) {
    try {
      const before = c.custom_fields ?? {};
      const after = nextValues(caseFields, before, actions.fields);
      // in the fields' own order (a stored macro's keys come back in the database's order)
      const keys = Object.keys(actions.fields).sort((a, b) => caseFields.findIndex((d) => d.key === a) - caseFields.findIndex((d) => d.key === b));
      for (const key of keys) {
        if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) changes.push({ field: `fields.${key}`, from: before[key] ?? null, to: after[key] ?? null });
      }
    } catch (err) {
      // a field deleted or changed since the macro was saved
      const e = err as { code: string; message: string };
      problems.push({ code: e.code, message: e.message });
    }
  }
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
