import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { invalid } from '../shared/errors.ts';
import { isUuid } from '../shared/ids.ts';
import { identifyCustomer } from '../customers/identify-customer.ts';
import { type Identity, normaliseIdentity } from '../customers/identity.ts';
import { guessLanguage, searchConfigFor } from '../text/language.ts';
import { emitEvent } from '../webhooks/events.ts';
import { chooseCaseForMessage, type CaseCandidate, REPEAT_WINDOW_DAYS } from './repeat-contact.ts';
import { CASE_COLUMNS, type CaseRow, publicCase } from './store.ts';
import { type ChannelKind, type Priority, statusAfterCustomerContact } from './status.ts';
import { findCaseNumber, subjectFromBody, subjectKey } from './subject.ts';
import { insertMessage, type MessageEmailFields, type MessageRow } from './insert-message.ts';
import { queueAnalysis } from '../listening/analyse-stored-message.ts';

export interface ReceiveMessageOptions {
  customer: { email?: string; phone?: string; social?: string; name?: string };
  subject?: string;
  body: string;
  channel: ChannelKind;
  language?: string;
  /** a case id or reference the sender gave; also looked for in the subject */
  caseRef?: string;
  priority?: Priority;
  topic?: string;
  /**
   * A case the channel already threaded the message to (e-mail: In-Reply-To/References name one
   * of its messages). Joins it whoever sends — a colleague in CC answers on the same thread —
   * unless the case is closed.
   */
  threadedCaseId?: string | null;
  inboxId?: string | null;
  email?: MessageEmailFields;
  /** machine-sent (an out-of-office, a mailing): stored, but no contact counted, no reopening, no analysis */
  automated?: 'auto_reply' | 'bulk' | null;
}

export interface ReceivedMessage {
  case: ReturnType<typeof publicCase>;
  message: MessageRow;
  customerId: string;
  /** false when the message joined an existing case (a repeat contact) */
  createdCase: boolean;
}

/**
 * The main road for everything a customer sends: find or create the customer, join the case
 * the message belongs to (reference, or same subject within 14 days) or open a new one,
 * store the message, record it in the audit log and queue the webhooks — one transaction.
 */
export async function receiveMessage(db: Db, actor: Actor, opts: ReceiveMessageOptions): Promise<ReceivedMessage> {
  return db.transaction((tx) => receiveMessageIn(tx, actor, opts));
}

/** receiveMessage inside the caller's transaction (the intake pipeline adds attachments and the acknowledgement to it). */
export async function receiveMessageIn(tx: Db, actor: Actor, opts: ReceiveMessageOptions): Promise<ReceivedMessage> {
  const identity = primaryIdentity(opts.customer);
  const subject = (opts.subject?.trim() || subjectFromBody(opts.body)).slice(0, 500);
  const key = subjectKey(subject);
  const language = opts.language ?? guessLanguage(`${subject}\n${opts.body}`);
  const refId = opts.caseRef && isUuid(opts.caseRef) ? opts.caseRef : null;
  const refNumber = findCaseNumber(opts.caseRef) ?? findCaseNumber(subject);

  const { customerId } = await identifyCustomer(tx, actor, identity, { name: opts.customer.name, language });
  const threaded = opts.threadedCaseId ? await candidate(tx, actor.accountId, 'id', opts.threadedCaseId) : null;
  const existing = threaded && threaded.status !== 'closed' ? threaded : await repeatContactCase(tx, actor.accountId, customerId, key, refId, refNumber);

  let row: CaseRow;
  if (existing && opts.automated) {
    row = await loadCaseRow(tx, actor.accountId, existing.id);
  } else if (existing) {
    row = await joinCase(tx, actor, existing.id);
  } else {
    [row] = await tx.query<CaseRow>(
      `INSERT INTO cases (account_id, customer_id, subject, subject_key, channel, language, search_config, priority, topic, inbox_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8, 'normal'), $9, $10) RETURNING ${CASE_COLUMNS}`,
      [actor.accountId, customerId, subject, key, opts.channel, language, searchConfigFor(language),
        opts.priority ?? null, opts.topic ?? null, opts.inboxId ?? null],
    );
    await recordAudit(tx, actor, {
      action: 'case.created',
      entityType: 'case',
      entityId: row.id,
      after: { ref: row.ref, subject, channel: opts.channel, customer_id: customerId },
    });
    await emitEvent(tx, actor.accountId, 'case.created', publicCase(row));
  }
  const message = await insertMessage(tx, actor, {
    caseId: row.id,
    type: 'inbound',
    channel: opts.channel,
    body: opts.body,
    language,
    customerId,
    email: { ...opts.email, automated: opts.automated ?? null, inboxId: opts.inboxId ?? null },
  });
  // listening (language, sentiment, intents, money, topic) runs in the job worker; a machine's message is not a complaint
  if (!opts.automated) await queueAnalysis(tx, actor.accountId, message.id);
  return { case: publicCase(row), message, customerId, createdCase: !existing };
}

/** The foundation's rule: the case the sender referenced, else the open case on the same subject. */
async function repeatContactCase(tx: Db, accountId: string, customerId: string, key: string, refId: string | null, refNumber: number | null) {
  const referenced = refId
    ? await candidate(tx, accountId, 'id', refId)
    : refNumber === null
      ? null
      : await candidate(tx, accountId, 'number', refNumber);
  const openCases = await tx.query<CaseCandidate>(
    `SELECT id, status, subject_key, customer_id, last_contact_at FROM cases
     WHERE account_id = $1 AND customer_id = $2 AND subject_key = $3 AND status NOT IN ('solved', 'closed')
       AND last_contact_at >= now() - make_interval(days => $4)`,
    [accountId, customerId, key, REPEAT_WINDOW_DAYS],
  );
  return chooseCaseForMessage({ customerId, subjectKey: key, referenced, openCases, now: new Date() });
}

async function loadCaseRow(tx: Db, accountId: string, id: string): Promise<CaseRow> {
  const [row] = await tx.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE account_id = $1 AND id = $2`, [accountId, id]);
  return row;
}

function primaryIdentity(c: ReceiveMessageOptions['customer']): Identity {
  if (c.email) return { kind: 'email', value: normaliseIdentity('email', c.email) };
  if (c.phone) return { kind: 'phone', value: normaliseIdentity('phone', c.phone) };
  if (c.social) return { kind: 'social', value: normaliseIdentity('social', c.social) };
  throw invalid('customer_identity_required', 'Give the customer an email, phone or social handle');
}

async function candidate(tx: Db, accountId: string, by: 'id' | 'number', value: string | number) {
  const [c] = await tx.query<CaseCandidate>(
    `SELECT id, status, subject_key, customer_id, last_contact_at FROM cases WHERE account_id = $1 AND ${by} = $2`,
    [accountId, value],
  );
  return c ?? null;
}

/** A repeat contact: one more contact on the case, which reopens when it was waiting or solved. */
async function joinCase(tx: Db, actor: Actor, caseId: string): Promise<CaseRow> {
  const [before] = await tx.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE account_id = $1 AND id = $2 FOR UPDATE`, [
    actor.accountId,
    caseId,
  ]);
  const status = statusAfterCustomerContact(before.status);
  const [after] = await tx.query<CaseRow>(
    `UPDATE cases SET contact_count = contact_count + 1, last_contact_at = now(), updated_at = now(), status = $3,
       solved_at = CASE WHEN $3 = 'solved' THEN solved_at END
     WHERE account_id = $1 AND id = $2 RETURNING ${CASE_COLUMNS}`,
    [actor.accountId, caseId, status],
  );
  await recordAudit(tx, actor, {
    action: 'case.contact_added',
    entityType: 'case',
    entityId: caseId,
    before: { contact_count: before.contact_count, status: before.status },
    after: { contact_count: after.contact_count, status: after.status },
  });
  await emitEvent(tx, actor.accountId, 'case.updated', publicCase(after));
  return after;
}
