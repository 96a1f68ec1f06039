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

/**
 * The customer of an identity (with its name, and whether mail to it bounces), the case a
 * reference names (for a merged case: the case it went into) and the open cases on the subject:
 * one round trip instead of three.
 */
export async function caseFacts(
  tx: Db,
  accountId: string,
  q: { identity: Identity; subjectKey: string; refId: string | null; refNumber: number | null },
): Promise<CaseFacts> {
  const [row] = await tx.query<{
    id: string | null;
    name: string | null;
    bouncing: boolean;
    open_cases: Json<CaseCandidate>[];
    referenced: Json<CaseCandidate> | null;
  }>(
    `SELECT c.id, c.name, i.bouncing_since IS NOT NULL AS bouncing,
       CASE WHEN c.id IS NULL THEN '[]'::json ELSE (
         SELECT coalesce(json_agg(json_build_object('id', k.id, 'status', k.status, 'subject_key', k.subject_key,
           'customer_id', k.customer_id, 'last_contact_at', k.last_contact_at)), '[]'::json)
         FROM cases k
         WHERE k.account_id = $1 AND k.customer_id = c.id AND k.subject_key = $4 AND k.status NOT IN ('solved', 'closed')
           AND k.last_contact_at >= now() - make_interval(days => $7)) END AS open_cases,
       (SELECT json_build_object('id', r.id, 'status', r.status, 'subject_key', r.subject_key, 'customer_id', r.customer_id,
          'last_contact_at', r.last_contact_at)
        -- a merged case stands for the case it went into (src/cases/merge-cases.ts)
        FROM cases r0 JOIN cases r ON r.account_id = r0.account_id AND r.id = coalesce(r0.merged_into_id, r0.id)
        WHERE r0.account_id = $1 AND (r0.id = $5::uuid OR r0.number = $6::bigint)) AS referenced
     FROM (SELECT 1) AS one
     LEFT JOIN customer_identities i ON i.account_id = $1 AND i.kind = $2 AND i.value = $3
     LEFT JOIN customers c ON c.account_id = i.account_id AND c.id = i.customer_id`,
    [accountId, q.identity.kind, q.identity.value, q.subjectKey, q.refId, q.refId ? null : q.refNumber, REPEAT_WINDOW_DAYS],
  );
  return {
    customer: row.id ? { id: row.id, name: row.name ?? '', bouncing: row.bouncing } : null,
    referenced: row.referenced ? candidate(row.referenced) : null,
    openCases: row.open_cases.map(candidate),
  };
}
