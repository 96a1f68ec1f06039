import type { Db } from '../storage/db.ts';
import type { CaseCandidate } from '../cases/repeat-contact.ts';
import { caseFactsFromRow, caseFactsParams, caseFactsSql, type CaseFacts, type CaseFactsQuery, type CaseFactsRow } from '../cases/case-facts.ts';
import type { BlockKind } from '../spam/block-rule.ts';
import type { InboundMessage } from './types.ts';

export interface InboundLookup {
  /** the message already stored under this Message-ID (a second delivery of the same mail) */
  duplicate: { id: string; case_id: string } | null;
  /** the case the message belongs to by its thread (see below), with what the case road needs to know of it */
  caseId: string | null;
  threaded: CaseCandidate | null;
  /** for the acknowledgement: the sender is one of our own inboxes; acknowledgements sent to it in the last hour */
  sender: { own: boolean; acknowledgedLastHour: number };
  /** when asked (`more`): the block that stops the sender (src/spam/), the portal's slug when it is on, the case road's facts */
  blocked: { id: string; kind: BlockKind } | null;
  portalSlug: string | null;
  facts: CaseFacts | null;
  /** when asked (`more.inbox`): the inbox still takes mail for its address (verified, address unchanged) */
  inboxOk: boolean;
}

/** What else the intake reads in the same statement: the sender's block keys (blockKeys), the case road's query (caseFactsQuery). */
export interface MoreFacts {
  block: { address: string; domain: string } | null;
  facts: CaseFactsQuery | null;
  /** an inbox found earlier (the SMTP listener's short cache, smtp-listener.ts): re-checked here, in the transaction */
  inbox?: { id: string; address: string } | null;
}

/**
 * What intake needs to know of a message before it writes, in one statement (after lockThreads):
 * a second delivery of the same message; what the acknowledgement rules ask of the sender; and the
 * case the message belongs to by its thread, in any arrival order: the case of a message it answers (References / In-Reply-To),
 * else of a message that answers the same mail (two replies that both came before their
 * original), else of a message that answers it — a reply that arrived before its original opened
 * that case, and the original joins it. coalesce stops at the first that finds one.
 *
 * The two lookups by reference probe the GIN index alone and filter on the account afterwards (the
 * OFFSET 0 keeps the account condition out of the scan): given the account too, PostgreSQL may AND
 * in a bitmap of every message of the account (messages_case), a cost that grows with the account
 * (measured: 0.6 ms a mail at 1,000 messages, 4 ms at 4,000, without fresh statistics).
 */
export async function lookupInbound(
  tx: Db,
  accountId: string,
  m: Pick<InboundMessage, 'externalId' | 'references' | 'from'>,
  /** read with it, saving a round trip each (store-inbound.ts): the sender's block, the portal, the case road's facts (caseFacts) */
  more?: MoreFacts,
): Promise<InboundLookup> {
  type Row = { dup_id: string | null; dup_case: string | null; case_id: string | null; own: boolean; recent: number; portal_slug?: string | null;
    blocked?: { id: string; kind: BlockKind } | null; inbox_ok?: boolean | null } & Partial<CaseCandidate> & Partial<CaseFactsRow>;
  const extra = more
    ? `,
       (SELECT json_build_object('id', id, 'kind', kind) FROM blocked_senders WHERE account_id = $1
          AND ((kind = 'address' AND value = $5::text) OR (kind = 'domain' AND value = $6::text)) ORDER BY kind LIMIT 1) AS blocked,
       (SELECT s.slug FROM portal_settings p JOIN channel_settings s ON s.account_id = p.account_id WHERE p.account_id = $1 AND p.enabled) AS portal_slug,
       EXISTS (SELECT 1 FROM inboxes WHERE account_id = $1 AND id = $7::uuid AND address = $8::text AND verified_at IS NOT NULL) AS inbox_ok${
         more.facts ? ', f.*' : ''}`
    : '';
  const join = more?.facts ? `
     LEFT JOIN LATERAL (${caseFactsSql('$1', 9)}) AS f ON true` : '';
  const params: unknown[] = [accountId, m.externalId, m.references, m.from.email ?? null];
  if (more) params.push(more.block?.address ?? null, more.block?.domain ?? null, more.inbox?.id ?? null, more.inbox?.address ?? null);
  if (more?.facts) params.push(...caseFactsParams(more.facts));
  const [row] = await tx.query<Row>(
    `WITH t AS (
       SELECT coalesce(
         (SELECT case_id FROM messages WHERE account_id = $1 AND email_message_id = ANY($3::text[]) ORDER BY created_at DESC LIMIT 1),
         (SELECT case_id FROM (SELECT account_id, case_id, created_at FROM messages WHERE email_references && $3::text[] OFFSET 0) AS r
          WHERE account_id = $1 ORDER BY created_at LIMIT 1),
         (SELECT case_id FROM (SELECT account_id, case_id, created_at FROM messages WHERE email_references @> ARRAY[$2::text] OFFSET 0) AS r
          WHERE account_id = $1 ORDER BY created_at LIMIT 1)
       ) AS case_id
       WHERE NOT EXISTS (SELECT 1 FROM messages WHERE account_id = $1 AND email_message_id = $2))
     SELECT d.id AS dup_id, d.case_id AS dup_case, c.id AS case_id, c.status, c.subject_key, c.customer_id, c.last_contact_at,
       EXISTS (SELECT 1 FROM inboxes WHERE address = $4) AS own,
       (SELECT count(*)::int FROM messages WHERE account_id = $1 AND to_address = $4 AND automated = 'acknowledgement'
          AND created_at > now() - interval '1 hour') AS recent${extra}
     FROM (SELECT 1) AS one
     LEFT JOIN messages d ON d.account_id = $1 AND d.email_message_id = $2
     LEFT JOIN t ON true
     LEFT JOIN cases c ON c.account_id = $1 AND c.id = t.case_id${join}`,
    params,
  );
  const threaded = row.case_id
    ? { id: row.case_id, status: row.status!, subject_key: row.subject_key!, customer_id: row.customer_id!, last_contact_at: row.last_contact_at! }
    : null;
  return {
    duplicate: row.dup_id ? { id: row.dup_id, case_id: row.dup_case! } : null,
    caseId: threaded?.id ?? null,
    threaded,
    sender: { own: row.own, acknowledgedLastHour: row.recent },
    blocked: row.blocked ?? null,
    portalSlug: row.portal_slug ?? null,
    inboxOk: row.inbox_ok ?? false,
    facts: more?.facts && row.cf_open_cases !== undefined ? caseFactsFromRow(row as CaseFactsRow) : null,
  };
}
