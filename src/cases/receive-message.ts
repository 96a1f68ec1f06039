import type { Db } from '../storage/db.ts';
import { contactAddedCtes } from './contact-added-sql.ts';
import type { Actor } from '../shared/actor.ts';
import { invalid } from '../shared/errors.ts';
import { isUuid } from '../shared/ids.ts';
import { identifyCustomer } from '../customers/identify-customer.ts';
import { type Identity, normaliseIdentity } from '../customers/identity.ts';
import { guessLanguage, searchConfigFor } from '../text/language.ts';
import { emitEvent } from '../webhooks/events.ts';
import { chooseCaseForMessage, type CaseCandidate } from './repeat-contact.ts';
import { caseFacts, type CaseFacts, type CaseFactsQuery } from './case-facts.ts';
import { CASE_COLUMNS, type CaseRow, publicCase } from './store.ts';
import { type CaseStatus, type ChannelKind, type Priority, statusAfterCustomerContact } from './status.ts';
import { findCaseNumber, subjectFromBody, subjectKey } from './subject.ts';
import { insertMessage, type MessageEmailFields, type MessageRow } from './insert-message.ts';
import { ANALYSE_JOB } from '../listening/analyse-stored-message.ts';
import { LIVE_CHANNEL } from '../live/notice.ts';

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
  /** the threaded case as the caller already read it (intake's thread lookup), saving the lookup */
  threadedCase?: CaseCandidate | null;
  inboxId?: string | null;
  email?: MessageEmailFields;
  /** machine-sent (an out-of-office, a mailing): stored, but no contact counted, no reopening, no analysis */
  automated?: 'auto_reply' | 'bulk' | null;
  /** false: no listening analysis is queued (imported history: src/imports/) */
  analyse?: boolean;
  /** caseFacts for caseFactsQuery(these options), when the caller read them already in this transaction (intake's lookup) */
  facts?: CaseFacts;
}

/** What the case road looks up for these options (caseFacts), and the subject and language it stores. */
export function caseFactsQuery(opts: Pick<ReceiveMessageOptions, 'customer' | 'subject' | 'body' | 'caseRef'>): CaseFactsQuery & { subject: string } {
  const subject = (opts.subject?.trim() || subjectFromBody(opts.body)).slice(0, 500);
  const refId = opts.caseRef && isUuid(opts.caseRef) ? opts.caseRef : null;
  return {
    identity: primaryIdentity(opts.customer),
    subject,
    subjectKey: subjectKey(subject),
    refId,
    refNumber: findCaseNumber(opts.caseRef) ?? findCaseNumber(subject),
  };
}

export interface ReceivedMessage {
  case: ReturnType<typeof publicCase>;
  message: MessageRow;
  customerId: string;
  /** false when the message joined an existing case (a repeat contact) */
  createdCase: boolean;
  /** the customer's name as stored now ('' when unknown), and whether mail to the identity bounces */
  customer: { name: string; bouncing: boolean };
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
  const q = caseFactsQuery(opts);
  const { identity, subject, subjectKey: key } = q;
  const language = opts.language ?? guessLanguage(`${subject}\n${opts.body}`);
  const facts = opts.facts ?? await caseFacts(tx, actor.accountId, q);
  const name = opts.customer.name?.trim() ?? '';
  const { customerId } = await identifyCustomer(tx, actor, identity, { name: opts.customer.name, language }, facts.customer);
  const threaded = opts.threadedCase !== undefined && opts.threadedCase?.id === (opts.threadedCaseId ?? undefined)
    ? opts.threadedCase
    : opts.threadedCaseId ? await candidate(tx, actor.accountId, 'id', opts.threadedCaseId) : null;
  // the foundation's rule: the case the sender referenced, else the open case on the same subject
  const existing = threaded && threaded.status !== 'closed'
    ? threaded
    : chooseCaseForMessage({ customerId, subjectKey: key, referenced: facts.referenced, openCases: facts.openCases, now: new Date() });

  let row: CaseRow;
  if (existing && opts.automated) {
    row = await loadCaseRow(tx, actor.accountId, existing.id);
  } else if (existing) {
    row = await joinCase(tx, actor, existing.id, existing.status);
  } else {
    // the case and its audit row in one statement
    [row] = await tx.query<CaseRow>(
      `WITH c AS (
         INSERT INTO cases (account_id, customer_id, subject, subject_key, channel, language, search_config, priority, topic, inbox_id, team_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8, 'normal'), $9, $10,
           -- a mail to a team's inbox is that team's case ("my team" in the workspace)
           (SELECT team_id FROM inboxes WHERE account_id = $1 AND id = $10)) RETURNING ${CASE_COLUMNS}),
       a AS (
         INSERT INTO audit_log (account_id, actor_type, actor_id, action, entity_type, entity_id, after, request_id)
         SELECT $1, $11::text, $12::uuid, 'case.created', 'case', c.id,
           jsonb_build_object('ref', c.ref, 'subject', c.subject, 'channel', c.channel, 'customer_id', c.customer_id), $13::text
         FROM c)
       SELECT * FROM c`,
      [actor.accountId, customerId, subject, key, opts.channel, language, searchConfigFor(language),
        opts.priority ?? null, opts.topic ?? null, opts.inboxId ?? null, actor.type, actor.id, actor.requestId ?? null],
    );
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
    // listening (language, sentiment, intents, money, topic) runs in the job worker; a machine's message is not a complaint
    job: opts.automated || opts.analyse === false ? undefined : { kind: ANALYSE_JOB },
  });
  return {
    case: publicCase(row),
    message,
    customerId,
    createdCase: !existing,
    customer: { name: facts.customer?.name || name, bouncing: facts.customer?.bouncing ?? false },
  };
}

async function loadCaseRow(tx: Db, accountId: string, id: string): Promise<CaseRow> {
  const [row] = await tx.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE account_id = $1 AND id = $2`, [accountId, id]);
  return row;
}

export function primaryIdentity(c: ReceiveMessageOptions['customer']): Identity {
  if (c.email) return { kind: 'email', value: normaliseIdentity('email', c.email) };
  if (c.phone) return { kind: 'phone', value: normaliseIdentity('phone', c.phone) };
  if (c.social) return { kind: 'social', value: normaliseIdentity('social', c.social) };
  throw invalid('customer_identity_required', 'Give the customer an email, phone or social handle');
}

/** A case by id or number; a merged case stands for the case it went into. */
async function candidate(tx: Db, accountId: string, by: 'id' | 'number', value: string | number) {
  const [c] = await tx.query<CaseCandidate>(
    `SELECT c.id, c.status, c.subject_key, c.customer_id, c.last_contact_at
     FROM cases r JOIN cases c ON c.account_id = r.account_id AND c.id = coalesce(r.merged_into_id, r.id)
     WHERE r.account_id = $1 AND r.${by} = $2`,
    [accountId, value],
  );
  return c ?? null;
}

/**
 * A repeat contact: one more contact on the case, which reopens when it was waiting or solved.
 * With the status the caller read (`seen`), the update and its audit row are one statement that
 * applies only if the status is still that; else (or when it changed meanwhile) the row is locked
 * and read first. A case merged meanwhile hands the contact to the case it went into. The case's
 * followers hear of it (a notification each, rung live) in the same statement.
 */
async function joinCase(tx: Db, actor: Actor, caseId: string, seen?: CaseStatus): Promise<CaseRow> {
  let before: CaseRow | null = null;
  let status = seen;
  if (!status) {
    [before] = await tx.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE account_id = $1 AND id = $2 FOR UPDATE`, [actor.accountId, caseId]);
    if (before.merged_into_id) return joinCase(tx, actor, before.merged_into_id);
    status = before.status;
  }
  const [after] = await tx.query<CaseRow>(
    `WITH u AS (
       UPDATE cases SET contact_count = contact_count + 1, last_contact_at = now(), updated_at = now(), status = $4,
         solved_at = CASE WHEN $4 = 'solved' THEN solved_at END
       WHERE account_id = $1 AND id = $2 AND status = $3 RETURNING ${CASE_COLUMNS}),
     ${contactAddedCtes({ actorType: '$5', actorId: '$6', requestId: '$7', beforeStatus: '$3', liveChannel: '$8' })}
     SELECT u.* FROM u, rung`,
    [actor.accountId, caseId, status, statusAfterCustomerContact(status), actor.type, actor.id, actor.requestId ?? null, LIVE_CHANNEL],
  );
  if (!after) {
    if (before) throw new Error(`case ${caseId} changed while locked`);
    return joinCase(tx, actor, caseId);
  }
  await emitEvent(tx, actor.accountId, 'case.updated', publicCase(after));
  return after;
}
