import type { Db } from '../storage/db.ts';
import type { Identity } from '../customers/identity.ts';
import { type CaseCandidate, REPEAT_WINDOW_DAYS } from './repeat-contact.ts';

/** What the case road needs to know before it writes, read in one statement. */
export interface CaseFacts {
  /** the customer behind the identity, if known */
  customer: { id: string; name: string; bouncing: boolean } | null;
  /** the case the sender referenced (by id or number), whoever's it is */
  referenced: CaseCandidate | null;
  /** the customer's unsolved cases on the same subject with contact in the repeat window */
  openCases: CaseCandidate[];
}

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] };
const candidate = (c: Json<CaseCandidate>): CaseCandidate => ({ ...c, last_contact_at: new Date(c.last_contact_at) });

export interface CaseFactsQuery { identity: Identity; subjectKey: string; refId: string | null; refNumber: number | null }

/** The row caseFacts reads (also read as part of another statement: caseFactsSql). */
export interface CaseFactsRow {
  cf_customer_id: string | null;
  cf_name: string | null;
  cf_bouncing: boolean;
  cf_open_cases: Json<CaseCandidate>[];
  cf_referenced: Json<CaseCandidate> | null;
}

/**
 * caseFacts' statement, as a subquery another statement can embed (intake's lookup-inbound.ts reads
 * it with its own facts in one round trip): `$acc` is the account's parameter, the other seven
 * parameters are numbered from `from` in the order of caseFactsParams.
 */
export function caseFactsSql(acc: string, from: number): string {
  const p = (i: number) => `$${from + i}`;
  return `SELECT c.id AS cf_customer_id, c.name AS cf_name, i.bouncing_since IS NOT NULL AS cf_bouncing,
       CASE WHEN c.id IS NULL THEN '[]'::json ELSE (
         SELECT coalesce(json_agg(json_build_object('id', k.id, 'status', k.status, 'subject_key', k.subject_key,
           'customer_id', k.customer_id, 'last_contact_at', k.last_contact_at)), '[]'::json)
         FROM cases k
         WHERE k.account_id = ${acc} AND k.customer_id = c.id AND k.subject_key = ${p(2)}::text AND k.status NOT IN ('solved', 'closed')
           AND k.last_contact_at >= now() - make_interval(days => ${p(5)}::int)) END AS cf_open_cases,
       (SELECT json_build_object('id', r.id, 'status', r.status, 'subject_key', r.subject_key, 'customer_id', r.customer_id,
          'last_contact_at', r.last_contact_at)
        -- a merged case stands for the case it went into (src/cases/merge-cases.ts)
        FROM cases r0 JOIN cases r ON r.account_id = r0.account_id AND r.id = coalesce(r0.merged_into_id, r0.id)
        WHERE r0.account_id = ${acc} AND (r0.id = ${p(3)}::uuid OR r0.number = ${p(4)}::bigint)) AS cf_referenced
     FROM (SELECT 1) AS one
     LEFT JOIN customer_identities i ON i.account_id = ${acc} AND i.kind = ${p(0)}::text AND i.value = ${p(1)}::text
     LEFT JOIN customers c ON c.account_id = i.account_id AND c.id = i.customer_id`;
}

export function caseFactsParams(q: CaseFactsQuery): unknown[] {
  return [q.identity.kind, q.identity.value, q.subjectKey, q.refId, q.refId ? null : q.refNumber, REPEAT_WINDOW_DAYS];
}

export function caseFactsFromRow(row: CaseFactsRow): CaseFacts {
  return {
    customer: row.cf_customer_id ? { id: row.cf_customer_id, name: row.cf_name ?? '', bouncing: row.cf_bouncing } : null,
    referenced: row.cf_referenced ? candidate(row.cf_referenced) : null,
    openCases: row.cf_open_cases.map(candidate),
  };
}

/**
 * The customer of an identity (with its name, and whether mail to it bounces), the case a
 * reference names (for a merged case: the case it went into) and the open cases on the subject:
 * one round trip instead of three.
 */
export async function caseFacts(tx: Db, accountId: string, q: CaseFactsQuery): Promise<CaseFacts> {
  const [row] = await tx.query<CaseFactsRow>(caseFactsSql('$1', 2), [accountId, ...caseFactsParams(q)]);
  return caseFactsFromRow(row);
}
