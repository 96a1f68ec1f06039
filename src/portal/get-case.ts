import type { Db } from '../storage/db.ts';
import { isUuid } from '../shared/ids.ts';
import type { CaseStatus } from '../cases/status.ts';
import type { PromiseKind, PromiseState } from '../promises/store.ts';
import { visibleCases } from './list-cases.ts';
import type { PortalUser } from './session.ts';

export interface PortalCase {
  id: string;
  ref: string;
  subject: string;
  status: CaseStatus;
  created_at: Date;
  own: boolean;
  customer_name: string;
  messages: PortalMessage[];
  promises: PortalPromise[];
}

export interface PortalMessage {
  id: string;
  /** inbound: from the customer (or a colleague); outbound: from us */
  type: 'inbound' | 'outbound';
  channel: string;
  body: string;
  created_at: Date;
  /** who wrote it: the customer's name for inbound, the agent's first name for outbound (null: the team) */
  author: string | null;
}

export interface PortalPromise {
  kind: PromiseKind;
  state: Exclude<PromiseState, 'cancelled' | 'renegotiated'>;
  window_start: Date | null;
  due_at: Date;
  /** what we wrote to them, when the promise was found in a reply (a promise typed by an agent may be internal wording) */
  said: string | null;
}

/** How many of the newest messages one page shows (a very long case would otherwise be one very long page). */
export const MESSAGES_SHOWN = 200;

/**
 * One case as its customer sees it: the messages between them and us (no internal notes, no bounces)
 * and the promises made to them. Null when the id names no case this portal user may see — another
 * customer's case and a case that does not exist are the same null (the page: the same 404).
 */
export async function getPortalCase(db: Db, user: PortalUser, id: string): Promise<PortalCase | null> {
  if (!isUuid(id)) return null;
  const v = visibleCases(user);
  const n = v.params.length;
  const [c] = await db.query<Omit<PortalCase, 'messages' | 'promises'>>(
    `SELECT c.id, c.ref, c.subject, c.status, c.created_at, c.customer_id = $2 AS own, cu.name AS customer_name
     FROM cases c JOIN customers cu ON cu.account_id = c.account_id AND cu.id = c.customer_id
     WHERE ${v.where} AND c.id = $${n + 1}`,
    [...v.params, id],
  );
  if (!c) return null;
  const [messages, promises] = await Promise.all([
    db.query<PortalMessage>(
      `SELECT * FROM (
         SELECT m.id, m.type, m.channel, m.body, m.created_at,
           CASE WHEN m.type = 'inbound' THEN cu.name ELSE split_part(a.name, ' ', 1) END AS author
         FROM messages m
         LEFT JOIN customers cu ON cu.account_id = m.account_id AND cu.id = m.customer_id
         LEFT JOIN agents a ON a.account_id = m.account_id AND a.id = m.author_agent_id
         WHERE m.account_id = $1 AND m.case_id = $2 AND m.type IN ('inbound', 'outbound') AND m.automated IS DISTINCT FROM 'bounce'
         ORDER BY m.created_at DESC, m.id DESC LIMIT ${MESSAGES_SHOWN}) newest
       ORDER BY created_at, id`,
      [user.accountId, c.id],
    ),
    db.query<PortalPromise>(
      `SELECT kind, state, window_start, due_at, CASE WHEN source = 'reply' THEN description END AS said
       FROM promises WHERE account_id = $1 AND case_id = $2 AND state IN ('open', 'kept', 'breached') ORDER BY due_at, id`,
      [user.accountId, c.id],
    ),
  ]);
  return { ...c, messages, promises };
}
