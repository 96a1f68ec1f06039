import { randomUUID } from 'node:crypto';
import type { CaseRow } from '../../cases/store.ts';
import type { CaseStatus } from '../../cases/status.ts';
import { statusAfterCustomerContact } from '../../cases/status.ts';
import { chooseCaseForMessage, REPEAT_WINDOW_DAYS, type CaseCandidate } from '../../cases/repeat-contact.ts';
import { findCaseNumber, subjectFromBody, subjectKey } from '../../cases/subject.ts';
import { primaryIdentity } from '../../cases/receive-message.ts';
import type { Identity } from '../../customers/identity.ts';
import { guessLanguage } from '../../text/language.ts';
import { identityKey, type KnownCustomer, type ThreadFacts } from './batch-reads.ts';
import type { ImportItem } from './store-imported.ts';

/**
 * The case road of receiveMessageIn (src/cases/receive-message.ts) and the thread lookup of
 * lookupInbound, walked in memory for a whole batch of archived mail, message by message in the
 * archive's order: what the database held before the batch comes from batch-reads.ts, what the
 * batch itself stores so far is kept here. The outcome is what the per-message road would have
 * written, as lists that batch-writes.ts stores with one statement per kind.
 */

export interface CaseState {
  id: string;
  isNew: boolean;
  /** as read from the database (null for a case this batch opens: batch-writes.ts fills it from the insert) */
  row: CaseRow | null;
  customer_id: string;
  subject_key: string;
  status: CaseStatus;
  last_contact_at: Date;
  merged_into_id: string | null;
  contactCount: number;
  /** status before the batch's first contact on it, and how many contacts the batch added */
  seen: CaseStatus;
  joins: number;
}

export interface NewCustomer { id: string; identity: Identity; name: string; rawName: string; language: string | null }
export interface NewCase { id: string; customerId: string; subject: string; subjectKey: string; channel: string; language: string | null }
export interface PlannedMessage { id: string; caseId: string; customerId: string; item: ImportItem; language: string | null }

export type Step =
  | { kind: 'customer.created'; customer: NewCustomer }
  | { kind: 'case.created'; caseId: string }
  | { kind: 'case.joined'; caseId: string; before: { count: number; status: CaseStatus }; after: { count: number; status: CaseStatus } }
  | { kind: 'message'; message: PlannedMessage };

export interface Plan {
  newCustomers: NewCustomer[];
  /** customer id → the name it gets (it had none) */
  nameFills: Map<string, string>;
  newCases: NewCase[];
  messages: PlannedMessage[];
  /** every case a message of the batch went to */
  touched: Map<string, CaseState>;
  steps: Step[];
  duplicates: number;
  casesOpened: number;
  /** conversation key → case, for what this batch stored (and the duplicates it met) */
  local: Map<string, string>;
}

export interface PlanInput {
  batch: ImportItem[];
  facts: ThreadFacts[];
  /** the transaction's now() */
  now: Date;
  /** every case row read for the batch (thread lookups, conversations, open cases, references) */
  cases: Map<string, CaseRow>;
  referenced: Map<number, CaseRow>;
  customers: Map<string, KnownCustomer>;
  conversations: Map<string, string>;
}

export function planBatch(input: PlanInput): Plan {
  const { batch, facts, now } = input;
  const plan: Plan = { newCustomers: [], nameFills: new Map(), newCases: [], messages: [], touched: new Map(), steps: [], duplicates: 0, casesOpened: 0, local: new Map() };
  const states = new Map<string, CaseState>();
  const state = (id: string): CaseState | null => {
    let s = states.get(id);
    if (!s) {
      const row = input.cases.get(id);
      if (!row) return null;
      s = { id, isNew: false, row, customer_id: row.customer_id, subject_key: row.subject_key, status: row.status, last_contact_at: row.last_contact_at,
        merged_into_id: row.merged_into_id, contactCount: row.contact_count, seen: row.status, joins: 0 };
      states.set(id, s);
    }
    return s;
  };
  for (const id of input.cases.keys()) state(id);
  for (const row of input.referenced.values()) if (!input.cases.has(row.id)) input.cases.set(row.id, row);
  const customers = new Map(input.customers);
  // what this batch stored so far, for the thread lookups: Message-ID → (order, case); referenced id → first (order, case)
  const byId = new Map<string, { ord: number; caseId: string }>();
  const byRef = new Map<string, { ord: number; caseId: string }>();
  const since = now.getTime() - REPEAT_WINDOW_DAYS * 86_400_000;

  batch.forEach((item, i) => {
    const m = item.prepared.message;
    const f = facts[i];
    const { conversation } = item;
    // lookupInbound: a second delivery …
    const dup = f.dup?.case_id ?? (m.externalId ? byId.get(m.externalId)?.caseId : undefined);
    if (dup) {
      plan.duplicates++;
      if (conversation) plan.local.set(conversation, dup);
      return;
    }
    // … and the thread: the newest message it answers (the batch's messages are newer than any stored before), else the
    // oldest that answers the same mail, else the oldest that answers it (those stored before the batch are older)
    let answers: { ord: number; caseId: string } | undefined;
    for (const r of m.references) {
      const hit = byId.get(r);
      if (hit && (!answers || hit.ord > answers.ord)) answers = hit;
    }
    let sibling: { ord: number; caseId: string } | undefined;
    for (const r of m.references) {
      const hit = byRef.get(r);
      if (hit && (!sibling || hit.ord < sibling.ord)) sibling = hit;
    }
    const lookCase = answers?.caseId ?? f.answers ?? f.sibling ?? sibling?.caseId ?? f.answeredBy ?? (m.externalId ? byRef.get(m.externalId)?.caseId : undefined) ?? null;
    const looked = lookCase ? state(lookCase) : null;

    const known = conversation ? (plan.local.get(conversation) ?? input.conversations.get(conversation)) : undefined;
    // receiveMessageIn: the customer, the case (thread, reference, repeat contact, or a new one), the message
    const identity = primaryIdentity(m.from);
    const subject = (m.subject?.trim() || subjectFromBody(m.newText)).slice(0, 500);
    const key = subjectKey(subject);
    const language = m.language ?? guessLanguage(`${subject}\n${m.newText}`);
    const refNumber = findCaseNumber(subject);

    const name = m.from.name?.trim() ?? '';
    let customer = customers.get(identityKey(identity));
    if (!customer) {
      const created: NewCustomer = { id: randomUUID(), identity, name, rawName: m.from.name ?? '', language };
      plan.newCustomers.push(created);
      plan.steps.push({ kind: 'customer.created', customer: created });
      customer = { id: created.id, name };
      customers.set(identityKey(identity), customer);
    } else if (name && customer.name === '') {
      plan.nameFills.set(customer.id, name);
      customer.name = name;
    }
    const customerId = customer.id;

    let threaded: CaseState | null = null;
    if (looked) threaded = looked;
    else if (known) {
      const k = state(known);
      threaded = k?.merged_into_id ? state(k.merged_into_id) : k;
    }
    const candidate = (s: CaseState): CaseCandidate => ({ id: s.id, status: s.status, subject_key: s.subject_key, customer_id: s.customer_id, last_contact_at: s.last_contact_at });
    let existing: CaseState | null;
    if (threaded && threaded.status !== 'closed') existing = threaded;
    else {
      const ref = refNumber !== null ? input.referenced.get(refNumber) : undefined;
      const refState = ref ? state(ref.id) : null;
      const open = [...states.values()].filter((s) => s.customer_id === customerId && s.subject_key === key
        && s.status !== 'solved' && s.status !== 'closed' && s.last_contact_at.getTime() >= since);
      const chosen = chooseCaseForMessage({ customerId, subjectKey: key, referenced: refState ? candidate(refState) : null, openCases: open.map(candidate), now: new Date() });
      existing = chosen ? state(chosen.id) : null;
    }

    let caseState: CaseState;
    if (existing && m.automated.kind !== 'bounce' && m.automated.kind) {
      caseState = existing;
    } else if (existing) {
      caseState = existing;
      const before = { count: existing.contactCount, status: existing.status };
      existing.status = statusAfterCustomerContact(existing.status);
      existing.contactCount++;
      existing.last_contact_at = now;
      existing.joins++;
      plan.steps.push({ kind: 'case.joined', caseId: existing.id, before, after: { count: existing.contactCount, status: existing.status } });
    } else {
      const id = randomUUID();
      caseState = { id, isNew: true, row: null, customer_id: customerId, subject_key: key, status: 'new', last_contact_at: now, merged_into_id: null,
        contactCount: 1, seen: 'new', joins: 0 };
      states.set(id, caseState);
      plan.newCases.push({ id, customerId, subject, subjectKey: key, channel: m.channel, language });
      plan.steps.push({ kind: 'case.created', caseId: id });
      plan.casesOpened++;
    }
    const message: PlannedMessage = { id: randomUUID(), caseId: caseState.id, customerId, item, language };
    plan.messages.push(message);
    plan.steps.push({ kind: 'message', message });
    plan.touched.set(caseState.id, caseState);
    if (m.externalId) byId.set(m.externalId, { ord: i, caseId: caseState.id });
    for (const r of m.references) if (!byRef.has(r)) byRef.set(r, { ord: i, caseId: caseState.id });
    if (conversation) plan.local.set(conversation, caseState.id);
  });
  return plan;
}
