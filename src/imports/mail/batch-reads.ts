import type { Db } from '../../storage/db.ts';
import { CASE_COLUMNS, type CaseRow } from '../../cases/store.ts';
import type { Identity } from '../../customers/identity.ts';
import { REPEAT_WINDOW_DAYS } from '../../cases/repeat-contact.ts';

/**
 * What a batch of archived mail needs to know of the database before it is planned (batch-plan.ts),
 * read in a handful of statements for the whole batch instead of two per message. The questions are
 * those the intake asks of one message (lookup-inbound.ts, case-facts.ts), asked for every message
 * of the batch at once, as the database stood before the batch; what the batch itself stores is
 * answered in memory by the plan.
 */

/** Per message: stored already under its Message-ID; and the three thread lookups of lookupInbound, apart. */
export interface ThreadFacts {
  dup: { id: string; case_id: string } | null;
  /** the case of the newest message it references (References / In-Reply-To) */
  answers: string | null;
  /** the case of the oldest message that references one of the same ids */
  sibling: string | null;
  /** the case of the oldest message that references this one */
  answeredBy: string | null;
}

export async function readThreads(tx: Db, accountId: string, messages: { externalId: string | null; references: string[] }[]): Promise<{ now: Date; facts: ThreadFacts[] }> {
  const ids = [...new Set(messages.flatMap((m) => (m.externalId ? [m.externalId, ...m.references] : m.references)))];
  // by Message-ID: the duplicates, and the messages a message answers
  const byId = await tx.query<{ now: Date; id: string; message_id: string; case_id: string; created_at: Date }>(
    `SELECT now() AS now, id, email_message_id AS message_id, case_id, created_at FROM messages
     WHERE account_id = $1 AND email_message_id = ANY($2::text[])`,
    [accountId, ids],
  );
  // by reference, one probe of the GIN index for the whole batch (it filters on the account afterwards, see
  // lookup-inbound.ts; each probe also reads the index's pending list, so one probe, not two a message). The ids go
  // in as a sub-select: given the batch's hundreds of ids as a value, PostgreSQL estimates that they match a large
  // part of the table and scans all of it (measured: 1.9 s a batch at 34,000 messages, growing with the table);
  // as a sub-select it cannot estimate and probes the index (a few ms)
  const byRef = await tx.query<{ case_id: string; created_at: Date; refs: string[] }>(
    `SELECT case_id, created_at, email_references AS refs
     FROM (SELECT account_id, case_id, created_at, email_references FROM messages WHERE email_references && (SELECT $2::text[]) OFFSET 0) AS r
     WHERE account_id = $1`,
    [accountId, ids],
  );
  const stored = new Map(byId.map((r) => [r.message_id, r]));
  const referencing = new Map<string, { case_id: string; created_at: Date }[]>();
  for (const r of byRef) {
    for (const ref of new Set(r.refs)) {
      let list = referencing.get(ref);
      if (!list) referencing.set(ref, (list = []));
      list.push(r);
    }
  }
  const oldest = (keys: string[]) => {
    let best: { case_id: string; created_at: Date } | null = null;
    for (const k of keys) for (const r of referencing.get(k) ?? []) if (!best || r.created_at < best.created_at) best = r;
    return best?.case_id ?? null;
  };
  const facts = messages.map((m): ThreadFacts => {
    const dup = m.externalId ? stored.get(m.externalId) : undefined;
    let answers: { case_id: string; created_at: Date } | undefined;
    for (const ref of m.references) {
      const r = stored.get(ref);
      if (r && (!answers || r.created_at > answers.created_at)) answers = r;
    }
    return {
      dup: dup ? { id: dup.id, case_id: dup.case_id } : null,
      answers: answers?.case_id ?? null,
      sibling: oldest(m.references),
      answeredBy: m.externalId ? oldest([m.externalId]) : null,
    };
  });
  const now = byId[0]?.now ?? (await tx.query<{ now: Date }>('SELECT now() AS now'))[0].now;
  return { now, facts };
}

/** Cases by id, as they are (no merge followed): the cases the thread lookups and the conversation index name. */
export async function readCases(tx: Db, accountId: string, ids: string[]): Promise<CaseRow[]> {
  if (!ids.length) return [];
  return tx.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE account_id = $1 AND id = ANY($2::uuid[])`, [accountId, ids]);
}

/** Cases by number (a case reference in a subject); a merged case gives the case it went into. */
export async function readCasesByNumber(tx: Db, accountId: string, numbers: number[]): Promise<Map<number, CaseRow>> {
  if (!numbers.length) return new Map();
  const rows = await tx.query<CaseRow & { asked: string }>(
    `SELECT r.number AS asked, ${CASE_COLUMNS.replace(/(\w+)/g, 'c.$1')}
     FROM cases r JOIN cases c ON c.account_id = r.account_id AND c.id = coalesce(r.merged_into_id, r.id)
     WHERE r.account_id = $1 AND r.number = ANY($2::bigint[])`,
    [accountId, numbers],
  );
  return new Map(rows.map(({ asked, ...row }) => [Number(asked), row as CaseRow]));
}

export interface KnownCustomer {
  id: string;
  name: string;
}

/**
 * The customers behind the batch's identities, and their unsolved cases on the batch's subjects
 * with contact in the repeat window (what caseFacts reads for one message).
 */
export async function readCustomers(
  tx: Db,
  accountId: string,
  identities: Identity[],
  subjectKeys: string[],
): Promise<{ customers: Map<string, KnownCustomer>; openCases: CaseRow[] }> {
  const customers = new Map<string, KnownCustomer>();
  if (!identities.length) return { customers, openCases: [] };
  const rows = await tx.query<{ kind: string; value: string; id: string; name: string }>(
    `SELECT i.kind, i.value, c.id, c.name
     FROM unnest($2::text[], $3::text[]) AS q(kind, value)
     JOIN customer_identities i ON i.account_id = $1 AND i.kind = q.kind AND i.value = q.value
     JOIN customers c ON c.account_id = i.account_id AND c.id = i.customer_id`,
    [accountId, identities.map((i) => i.kind), identities.map((i) => i.value)],
  );
  for (const r of rows) customers.set(identityKey(r as Identity), { id: r.id, name: r.name ?? '' });
  const ids = [...new Set(rows.map((r) => r.id))];
  const openCases = ids.length && subjectKeys.length
    ? await tx.query<CaseRow>(
        `SELECT ${CASE_COLUMNS} FROM cases
         WHERE account_id = $1 AND customer_id = ANY($2::uuid[]) AND subject_key = ANY($3::text[]) AND status NOT IN ('solved', 'closed')
           AND last_contact_at >= now() - make_interval(days => $4)`,
        [accountId, ids, subjectKeys, REPEAT_WINDOW_DAYS],
      )
    : [];
  return { customers, openCases };
}

export const identityKey = (i: Identity) => `${i.kind}:${i.value}`;
