import type { Db } from '../storage/db.ts';
import type { InboundMessage } from './types.ts';

/**
 * Serialises the messages of one conversation: every message of a thread locks the same key (the
 * first id in its References, or its own Message-ID when it starts the thread), so a reply and
 * its original arriving at the same moment on two connections still end up in one case.
 */
export async function lockThread(tx: Db, accountId: string, m: InboundMessage): Promise<void> {
  const root = m.references[0] ?? m.externalId;
  if (!root) return;
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`thread:${accountId}:${root}`]);
}

/**
 * The case a message belongs to by its thread, in any arrival order: the case of a message it
 * answers (References / In-Reply-To), else of a message that answers the same mail (two replies
 * that both came before their original), else of a message that answers it — a reply that
 * arrived before its original opened that case, and the original joins it.
 */
export async function findThreadCase(tx: Db, accountId: string, m: InboundMessage): Promise<string | null> {
  if (m.references.length) {
    const [answered] = await tx.query<{ case_id: string }>(
      `SELECT case_id FROM messages WHERE account_id = $1 AND email_message_id = ANY($2::text[])
       ORDER BY created_at DESC LIMIT 1`,
      [accountId, m.references],
    );
    if (answered) return answered.case_id;
  }
  if (m.references.length) {
    // a sibling: another answer to the same mail that also arrived before the mail itself
    const [sibling] = await tx.query<{ case_id: string }>(
      `SELECT case_id FROM messages WHERE account_id = $1 AND email_references && $2::text[]
       ORDER BY created_at LIMIT 1`,
      [accountId, m.references],
    );
    if (sibling) return sibling.case_id;
  }
  if (m.externalId) {
    const [answering] = await tx.query<{ case_id: string }>(
      `SELECT case_id FROM messages WHERE account_id = $1 AND email_references @> ARRAY[$2::text]
       ORDER BY created_at LIMIT 1`,
      [accountId, m.externalId],
    );
    if (answering) return answering.case_id;
  }
  return null;
}

/** The message already stored under this external id (a second delivery of the same mail). */
export async function findDuplicate(tx: Db, accountId: string, externalId: string | null) {
  if (!externalId) return null;
  const [row] = await tx.query<{ id: string; case_id: string }>(
    'SELECT id, case_id FROM messages WHERE account_id = $1 AND email_message_id = $2',
    [accountId, externalId],
  );
  return row ?? null;
}
