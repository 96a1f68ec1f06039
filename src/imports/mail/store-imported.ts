import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import type { CaseRow } from '../../cases/store.ts';
import { primaryIdentity } from '../../cases/receive-message.ts';
import { findCaseNumber, subjectFromBody, subjectKey } from '../../cases/subject.ts';
import type { Identity } from '../../customers/identity.ts';
import { lockThreads } from '../../intake/thread.ts';
import type { PreparedInbound } from '../../intake/store-inbound.ts';
import { identityKey, readCases, readCasesByNumber, readCustomers, readThreads } from './batch-reads.ts';
import { planBatch } from './batch-plan.ts';
import { BatchRaced, writePlan } from './batch-writes.ts';

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
 * Stores one batch of archived mail in one transaction, with what the intake stores for a mail
 * (store-inbound.ts) but for history: the same thread locks and thread lookup, the same case road
 * (customer identified by address, the case found by thread, reference or repeat contact, or
 * opened), the messages with their original dates and their cases dated by them; no
 * acknowledgement, no bounce handling, no listening analysis queued. A message already stored
 * under its Message-ID is a duplicate and changes nothing.
 *
 * Per batch, not per message: the database is read in a few statements for the whole batch
 * (batch-reads.ts), the road is walked in memory message by message (batch-plan.ts), and what it
 * decided is written with one statement per kind of row (batch-writes.ts): some fifteen round
 * trips for 200 messages where the per-message road took seven a message. A batch that meets a
 * change made meanwhile by another connection is planned and stored once more.
 * `conversations` (conversation key → case) is updated only after the commit.
 */
export async function storeImportedBatch(db: Db, actor: Actor, batch: ImportItem[], conversations: Map<string, string>): Promise<BatchOutcome> {
  // The thread lookup by reference probes the GIN index of References with every id of the batch. New entries
  // wait in the index's pending list until a VACUUM or a full list (4 MB) moves them in, and every probe reads that
  // whole list against every id: 3.7 s a batch with 35,000 messages waiting there (autovacuum had not come by),
  // 30 ms once moved. So each batch first moves in what the batch before it added (a few ms). Outside the
  // transaction: where the database user may not (not the index's owner), it is simply not done.
  await db.query(`SELECT gin_clean_pending_list('messages_email_references'::regclass)`).catch(() => {});
  for (let attempt = 1; ; attempt++) {
    try {
      const { outcome, local } = await db.transaction((tx) => storeOnce(tx, actor, batch, conversations));
      for (const [k, v] of local) conversations.set(k, v);
      return outcome;
    } catch (err) {
      if (!(err instanceof BatchRaced) || attempt >= 3) throw err;
    }
  }
}

async function storeOnce(tx: Db, actor: Actor, batch: ImportItem[], conversations: Map<string, string>) {
  const acc = actor.accountId;
  const messages = batch.map((b) => b.prepared.message);
  await lockThreads(tx, messages);
  const { now, facts } = await readThreads(tx, acc, messages);

  // the cases the threads and the conversations name (a merged case: also the case it went into)
  const ids = new Set<string>();
  for (const f of facts) for (const id of [f.answers, f.sibling, f.answeredBy]) if (id) ids.add(id);
  for (const b of batch) {
    const known = b.conversation ? conversations.get(b.conversation) : undefined;
    if (known) ids.add(known);
  }
  const cases = new Map<string, CaseRow>();
  for (const r of await readCases(tx, acc, [...ids])) cases.set(r.id, r);
  const into = [...cases.values()].map((c) => c.merged_into_id).filter((id): id is string => !!id && !cases.has(id));
  for (const r of await readCases(tx, acc, [...new Set(into)])) cases.set(r.id, r);

  // the customers, their open cases on the batch's subjects, the cases named in subjects
  const identities = new Map<string, Identity>();
  for (const m of messages) {
    // a message with no sender fails where the road reaches it (batch-plan.ts), as it did one message at a time
    const identity = identityOf(m.from);
    if (identity) identities.set(identityKey(identity), identity);
  }
  const subjects = messages.map((m) => (m.subject?.trim() || subjectFromBody(m.newText)).slice(0, 500));
  const { customers, openCases } = await readCustomers(tx, acc, [...identities.values()], [...new Set(subjects.map(subjectKey))]);
  for (const r of openCases) if (!cases.has(r.id)) cases.set(r.id, r);
  const numbers = [...new Set(subjects.map((s) => findCaseNumber(s)).filter((n): n is number => n !== null))];
  const referenced = await readCasesByNumber(tx, acc, numbers);

  const plan = planBatch({ batch, facts, now, cases, referenced, customers, conversations });
  await writePlan(tx, actor, plan, now);
  return { outcome: { stored: plan.messages.length, duplicates: plan.duplicates, casesOpened: plan.casesOpened }, local: plan.local };
}

function identityOf(from: Parameters<typeof primaryIdentity>[0]): Identity | null {
  try {
    return primaryIdentity(from);
  } catch {
    return null;
  }
}
