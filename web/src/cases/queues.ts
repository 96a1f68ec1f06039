import type { CaseStatus, Me } from '../shared/types.ts';
import { query } from '../shared/api.ts';

export type Queue = 'open' | 'mine' | 'following' | 'team' | 'unassigned' | 'passed' | 'at_risk' | 'breached';
export const QUEUES: readonly Queue[] = ['open', 'mine', 'following', 'team', 'unassigned', 'passed', 'at_risk', 'breached'];

/** The queues this person has: "following" only for an agent, "my team" only for an agent in a team. */
export const queuesFor = (me: Me): readonly Queue[] =>
  QUEUES.filter((q) => (q !== 'team' || me.agent?.team_id) && (q !== 'following' || me.agent));
export const OPEN_STATUSES: readonly CaseStatus[] = ['new', 'open', 'pending_us', 'pending_customer'];

export const isSlaQueue = (q: Queue): q is 'at_risk' | 'breached' => q === 'at_risk' || q === 'breached';

/** The API call behind a queue (a pure function: easy to read, easy to test). */
export function queueUrl(queue: Queue, me: Me, status: CaseStatus | null, cursor?: string | null, topic?: string | null, tag?: string | null, fields: Record<string, string> = {}): string {
  if (isSlaQueue(queue)) return `/api/v1/sla/cases${query({ state: queue })}`;
  const statuses = status ? [status] : OPEN_STATUSES;
  const base = { limit: 50, cursor, status: statuses.join(','), topic_id: topic, tag, ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [`field.${k}`, v])) };
  switch (queue) {
    case 'mine':
      return `/api/v1/cases${query({ ...base, owner_id: me.agent?.id ?? me.actor.id })}`;
    case 'following':
      return `/api/v1/cases${query({ ...base, followed_by: me.agent?.id })}`;
    case 'team':
      return `/api/v1/cases${query({ ...base, team_id: me.agent?.team_id })}`;
    case 'unassigned':
      return `/api/v1/cases${query({ ...base, status: 'new' })}`;
    case 'passed':
      return `/api/v1/cases${query({ ...base, passed_around: 2 })}`;
    default:
      return `/api/v1/cases${query(base)}`;
  }
}
