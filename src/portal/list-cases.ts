import type { Db } from '../storage/db.ts';
import type { CaseStatus } from '../cases/status.ts';
import type { PromiseKind } from '../promises/store.ts';
import type { PortalUser } from './session.ts';

export interface PortalCaseSummary {
  id: string;
  ref: string;
  subject: string;
  status: CaseStatus;
  updated_at: Date;
  /** false: a colleague's case (their organisation shares cases) */
  own: boolean;
  customer_name: string;
  /** the soonest open promise on it (kind, window, due), null when none */
  promise_kind: PromiseKind | null;
  promise_window_start: Date | null;
  promise_due_at: Date | null;
}

export const OPEN_LIMIT = 50;
export const PAST_PER_PAGE = 20;

/**
 * Which cases a portal user may see, as SQL over `c` (cases) with $1 the account, $2 the customer and
 * $3 their organisation (only when it shares cases): their own, and their colleagues' when allowed.
 * Every portal query about cases goes through this one condition.
 */
export function visibleCases(user: PortalUser): { where: string; params: [string, string, ...string[]] } {
  return user.sharedOrganisationId
    ? {
        where: `c.account_id = $1 AND c.spam_at IS NULL AND c.customer_id IN (SELECT id FROM customers
          WHERE account_id = $1 AND merged_into IS NULL AND (id = $2 OR organisation_id = $3))`,
        params: [user.accountId, user.customerId, user.sharedOrganisationId],
      }
    : { where: 'c.account_id = $1 AND c.spam_at IS NULL AND c.customer_id = $2', params: [user.accountId, user.customerId] };
}

const SUMMARY = `SELECT c.id, c.ref, c.subject, c.status, c.updated_at, c.customer_id = $2 AS own, cu.name AS customer_name,
    np.kind AS promise_kind, np.window_start AS promise_window_start, np.due_at AS promise_due_at
  FROM cases c JOIN customers cu ON cu.account_id = c.account_id AND cu.id = c.customer_id
  LEFT JOIN LATERAL (SELECT p.kind, p.window_start, p.due_at FROM promises p
    WHERE p.account_id = c.account_id AND p.case_id = c.id AND p.state = 'open' ORDER BY p.due_at LIMIT 1) np ON true`;

/** The two statements of the first page, with their parameters (the benchmark runs them bare as its baseline). */
export function portalListStatements(user: PortalUser, page: number): { open: [string, unknown[]]; past: [string, unknown[]] } {
  const v = visibleCases(user);
  const n = v.params.length;
  return {
    open: [`${SUMMARY} WHERE ${v.where} AND c.status NOT IN ('solved', 'closed') ORDER BY c.updated_at DESC, c.id DESC LIMIT ${OPEN_LIMIT}`, v.params],
    past: [
      `${SUMMARY} WHERE ${v.where} AND c.status IN ('solved', 'closed') ORDER BY c.updated_at DESC, c.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...v.params, PAST_PER_PAGE + 1, Math.max(0, page - 1) * PAST_PER_PAGE],
    ],
  };
}

/**
 * The portal's first page: the open cases (newest activity first, at most OPEN_LIMIT) and one page of
 * past ones (solved or closed), and whether there are more past ones.
 */
export async function listPortalCases(db: Db, user: PortalUser, o: { page: number }): Promise<{ open: PortalCaseSummary[]; past: PortalCaseSummary[]; morePast: boolean }> {
  const s = portalListStatements(user, o.page);
  const [open, past] = await Promise.all([db.query<PortalCaseSummary>(...s.open), db.query<PortalCaseSummary>(...s.past)]);
  return { open, past: past.slice(0, PAST_PER_PAGE), morePast: past.length > PAST_PER_PAGE };
}
