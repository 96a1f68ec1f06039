import { AppError } from '../shared/errors.ts';
import type { FieldValues } from '../custom-fields/fields.ts';
import { MAX_TAGS } from '../tags/tags.ts';
import { type CaseStatus, type Priority, PRIORITIES, type Tier, TIERS } from './status.ts';

/** What a merge decides from: one case as locked, with its tags. */
export interface MergeSide {
  id: string;
  ref: string;
  customer_id: string;
  status: CaseStatus;
  priority: Priority;
  tier: Tier;
  owner_id: string | null;
  contact_count: number;
  transfer_count: number;
  created_at: Date;
  last_contact_at: Date;
  sla_started_at: Date | null;
  custom_fields: FieldValues;
  merged_into_id: string | null;
  tags: string[];
}

/** Why these two cases cannot be merged (the one merged away first), or null. */
export function mergeProblem(from: MergeSide, into: MergeSide, refs: { mergedInto?: string | null } = {}): AppError | null {
  if (from.id === into.id) return new AppError('same_case', `${from.ref} cannot be merged into itself`, 422);
  for (const c of [from, into]) {
    if (c.merged_into_id) {
      return new AppError('case_merged', `${c.ref} was already merged${refs.mergedInto ? ` into ${refs.mergedInto}` : ''}: merge with that case instead`, 409);
    }
    if (c.status === 'closed') return new AppError('case_closed', `${c.ref} is closed: a closed case is not merged (a customer writing again opens a new one)`, 409);
  }
  if (from.customer_id !== into.customer_id) {
    return new AppError('different_customers',
      `${from.ref} and ${into.ref} belong to different customers: merge the customers first (POST /api/v1/customers/{id}/merge), then the cases`, 409);
  }
  return null;
}

const needsUs = (s: CaseStatus) => s === 'new' || s === 'open' || s === 'pending_us';
const higher = <T>(order: readonly T[], a: T, b: T) => (order.indexOf(a) >= order.indexOf(b) ? a : b);
const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const earliest = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

export interface MergeOutcome {
  status: CaseStatus;
  owner_id: string | null;
  priority: Priority;
  tier: Tier;
  contact_count: number;
  transfer_count: number;
  last_contact_at: Date;
  sla_started_at: Date;
  custom_fields: FieldValues;
  /** fields the surviving case had empty and took from the other */
  fields_taken: string[];
  /** fields both had, with different values: the surviving case keeps its own, the other's is kept in the audit */
  fields_kept: Record<string, { kept: unknown; other: unknown }>;
  tags: string[];
  tags_added: string[];
  /** tags over the limit of MAX_TAGS a case may carry: not moved, named in the audit */
  tags_dropped: string[];
}

/**
 * What the surviving case (`into`) looks like after `from` is merged into it. It keeps its own
 * subject, owner (taking the other's only when it has none), status and field values; it takes
 * the higher priority and tier (an urgent case merged into a normal one stays urgent), both
 * contact counts, the other's field values where its own are empty, the union of the tags, and the
 * earlier start of its service-level clocks (the customer has waited since then). It reopens when
 * the other case still needed us and it did not (solved or waiting on the customer).
 */
export function mergeOutcome(from: MergeSide, into: MergeSide): MergeOutcome {
  const owner = into.owner_id ?? from.owner_id;
  let status = into.status;
  if (owner && needsUs(from.status) && !needsUs(into.status)) status = 'open';
  else if (owner && into.status === 'new' && from.status !== 'new') status = 'open';

  const fields: FieldValues = { ...into.custom_fields };
  const taken: string[] = [];
  const kept: MergeOutcome['fields_kept'] = {};
  for (const [key, other] of Object.entries(from.custom_fields)) {
    if (empty(other)) continue;
    const own = into.custom_fields[key];
    if (empty(own)) {
      fields[key] = other;
      taken.push(key);
    } else if (JSON.stringify(own) !== JSON.stringify(other)) {
      kept[key] = { kept: own, other };
    }
  }

  const union = [...into.tags];
  const dropped: string[] = [];
  for (const tag of from.tags) {
    if (union.includes(tag)) continue;
    if (union.length >= MAX_TAGS) dropped.push(tag);
    else union.push(tag);
  }

  return {
    status,
    owner_id: owner,
    priority: higher(PRIORITIES, into.priority, from.priority),
    tier: higher(TIERS, into.tier, from.tier),
    contact_count: into.contact_count + from.contact_count,
    transfer_count: Math.max(into.transfer_count, from.transfer_count),
    last_contact_at: from.last_contact_at > into.last_contact_at ? from.last_contact_at : into.last_contact_at,
    sla_started_at: earliest(into.sla_started_at ?? into.created_at, from.sla_started_at ?? from.created_at),
    custom_fields: fields,
    fields_taken: taken,
    fields_kept: kept,
    tags: union,
    tags_added: union.filter((t) => !into.tags.includes(t)),
    tags_dropped: dropped,
  };
}
