import type { BusinessCalendar } from './calendar.ts';
import { addBusinessTime, businessMinutesBetween, type Pause } from './due-time.ts';
import { type FieldCondition, meetsConditions, type ValuesByEntity } from '../custom-fields/conditions.ts';

export interface SlaPolicy {
  id: string;
  name: string;
  segment: string | null;
  priority: string | null;
  channel: string | null;
  first_response_minutes: number | null;
  next_response_minutes: number | null;
  resolution_minutes: number | null;
  at_risk_percent: number;
  /** custom field values the case (its customer, their organisation) must have; empty: any */
  field_conditions?: FieldCondition[];
}

export type SlaTarget = 'first_response' | 'next_response' | 'resolution';
export type ClockState = 'ok' | 'at_risk' | 'breached' | 'paused' | 'met';

export interface SlaClock {
  target: SlaTarget;
  target_minutes: number;
  started_at: Date;
  due_at: Date | null;
  met_at: Date | null;
  elapsed_minutes: number;
  state: ClockState;
}

/**
 * The policy for a case: the most specific one whose segment, priority, channel and custom field
 * conditions match (empty = any). A field condition counts for more than segment, priority and
 * channel together: a policy for "contract = zakelijk" is meant for exactly those cases.
 */
export function policyFor(
  policies: readonly SlaPolicy[],
  c: { segment: string | null; priority: string; channel: string; fields?: ValuesByEntity },
): SlaPolicy | null {
  const matches = policies.filter(
    (p) => (p.segment === null || p.segment === c.segment) && (p.priority === null || p.priority === c.priority) && (p.channel === null || p.channel === c.channel)
      && meetsConditions(p.field_conditions ?? [], c.fields ?? {}),
  );
  const specificity = (p: SlaPolicy) => (p.field_conditions?.length ?? 0) * 8 + (p.segment === null ? 0 : 4) + (p.priority === null ? 0 : 2) + (p.channel === null ? 0 : 1);
  return matches.sort((a, b) => specificity(b) - specificity(a))[0] ?? null;
}

/**
 * A case's service-level clocks, one readable check per target: the first response, the next
 * response while the customer waits for us, and the resolution. Business time only, and the
 * clock stands still while the case waits on the customer (pauses). At risk once
 * `at_risk_percent` of the target has passed; breached when all of it has.
 */
export function slaClocks(i: {
  policy: SlaPolicy;
  calendar: BusinessCalendar;
  pauses: readonly Pause[];
  createdAt: Date;
  firstResponseAt: Date | null;
  /** the first customer message we have not answered yet (after the first response), if any */
  awaitingSince: Date | null;
  solvedAt: Date | null;
  now: Date;
}): SlaClock[] {
  const clocks: SlaClock[] = [];
  const p = i.policy;
  if (p.first_response_minutes) clocks.push(clock('first_response', p.first_response_minutes, i.createdAt, i.firstResponseAt, i, p.at_risk_percent));
  if (p.next_response_minutes && i.firstResponseAt && i.awaitingSince && i.awaitingSince > i.firstResponseAt) {
    clocks.push(clock('next_response', p.next_response_minutes, i.awaitingSince, null, i, p.at_risk_percent));
  }
  if (p.resolution_minutes) clocks.push(clock('resolution', p.resolution_minutes, i.createdAt, i.solvedAt, i, p.at_risk_percent));
  return clocks;
}

function clock(
  target: SlaTarget,
  minutes: number,
  start: Date,
  metAt: Date | null,
  i: { calendar: BusinessCalendar; pauses: readonly Pause[]; now: Date },
  atRiskPercent: number,
): SlaClock {
  const dueAt = addBusinessTime(start, minutes, i.calendar, i.pauses);
  const until = metAt ?? i.now;
  const elapsed = Math.round(businessMinutesBetween(start, until, i.calendar, i.pauses));
  let state: ClockState;
  if (metAt) state = dueAt && metAt.getTime() > dueAt.getTime() ? 'breached' : 'met';
  else if (elapsed >= minutes) state = 'breached';
  else if (dueAt === null) state = 'paused';
  else if (elapsed >= (minutes * atRiskPercent) / 100) state = 'at_risk';
  else state = 'ok';
  return { target, target_minutes: minutes, started_at: start, due_at: dueAt, met_at: metAt, elapsed_minutes: elapsed, state };
}
