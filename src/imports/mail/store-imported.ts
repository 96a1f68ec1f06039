import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import { receiveMessageIn } from '../../cases/receive-message.ts';
import { lockThreads } from '../../intake/thread.ts';
import { lookupInbound } from '../../intake/lookup-inbound.ts';
import { insertAttachments } from '../../intake/store-attachments.ts';
import type { PreparedInbound } from '../../intake/store-inbound.ts';

/** A message of an archive, read and refined by the intake (prepareInbound), with its original date and conversation. */
export interface ImportItem {
  prepared: PreparedInbound;
  at: Date;
  /** ThreadIndex key, null for a message with no ids */
  conversation: string | null;
}

export interface BatchOutcome {
  stored: number;
  duplicates: number;
  casesOpened: number;
}

/**
 * Stores one batch of archived mail in one transaction, the way the intake stores a mail
 * (store-inbound.ts) but for history: the same thread locks and thread lookup, the same case road
 * (customer identified by address, the case found by thread or opened); then the original dates
 * on the messages and their cases; no acknowledgement, no bounce handling, no listening analysis
 * queued. A message already stored under its Message-ID is a duplicate and changes nothing.
 * `conversations` (conversation key → case) is updated only after the commit.
 */
export async function storeImportedBatch(db: Db, actor: Actor, batch: ImportItem[], conversations: Map<string, string>): Promise<BatchOutcome> {
  const learned: [string, string][] = [];
  const outcome = await db.transaction(async (tx) => {
    const out: BatchOutcome = { stored: 0, duplicates: 0, casesOpened: 0 };
    await lockThreads(tx, batch.map((b) => b.prepared.message), { genericPlans: true });
    const dated: { id: string; at: Date }[] = [];
    const cases = new Set<string>();
    // conversations seen in this batch: a map of its own until the commit
    const local = new Map<string, string>();
    for (const { prepared, at, conversation } of batch) {
      const m = prepared.message;
      const look = await lookupInbound(tx, actor.accountId, m);
      if (look.duplicate) {
        out.duplicates++;
        if (conversation) local.set(conversation, look.duplicate.case_id);
        continue;
      }
      const known = conversation ? (local.get(conversation) ?? conversations.get(conversation)) : undefined;
      const threadedCaseId = look.caseId ?? known ?? null;
      const stored = await receiveMessageIn(tx, actor, {
        customer: m.from,
        subject: m.subject,
        body: m.newText,
        channel: m.channel,
        language: m.language ?? undefined,
        threadedCaseId,
        threadedCase: look.caseId ? look.threaded : undefined,
        automated: m.automated.kind === 'bounce' ? null : m.automated.kind,
        analyse: false,
        email: {
          subject: m.subject || null,
          messageId: m.externalId,
          references: m.references,
          from: m.from.email ?? null,
          to: m.to,
          originalBody: m.text === m.newText ? null : m.text,
          html: m.html,
          notes: ['imported from a mail archive', ...m.notes, ...(m.automated.reason ? [`automated: ${m.automated.reason}`] : []), ...prepared.attachments.notes],
        },
      });
      await insertAttachments(tx, actor.accountId, stored.message.id, prepared.attachments.keep);
      if (conversation) local.set(conversation, stored.case.id);
      if (stored.createdCase) out.casesOpened++;
      out.stored++;
      dated.push({ id: stored.message.id, at });
      cases.add(stored.case.id);
    }
    if (dated.length) await keepOriginalDates(tx, actor.accountId, dated, [...cases]);
    learned.push(...local);
    return out;
  });
  for (const [k, v] of learned) conversations.set(k, v);
  return outcome;
}

/**
 * The messages get the date they were written; their cases open when their first message was
 * written and were last contacted at their latest customer message (for a case that was opened
 * today, the imported dates are all earlier than its creation).
 */
async function keepOriginalDates(tx: Db, accountId: string, dated: { id: string; at: Date }[], cases: string[]): Promise<void> {
  await tx.query(
    `UPDATE messages m SET created_at = v.at FROM unnest($2::uuid[], $3::timestamptz[]) AS v(id, at)
     WHERE m.account_id = $1 AND m.id = v.id`,
    [accountId, dated.map((d) => d.id), dated.map((d) => d.at.toISOString())],
  );
  await tx.query(
    `UPDATE cases c SET created_at = least(c.created_at, s.first), last_contact_at = s.last, updated_at = s.last
     FROM (SELECT case_id, min(created_at) AS first, max(created_at) FILTER (WHERE type = 'inbound') AS last
           FROM messages WHERE account_id = $1 AND case_id = ANY($2::uuid[]) GROUP BY case_id) AS s
     WHERE c.account_id = $1 AND c.id = s.case_id AND s.last IS NOT NULL`,
    [accountId, cases],
  );
}
