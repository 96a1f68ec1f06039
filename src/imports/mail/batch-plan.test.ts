import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseRow } from '../../cases/store.ts';
import type { InboundMessage } from '../../intake/types.ts';
import { planBatch, type PlanInput } from './batch-plan.ts';
import type { ThreadFacts } from './batch-reads.ts';
import type { ImportItem } from './store-imported.ts';

const now = new Date();

function item(o: { id?: string | null; from?: string; name?: string; subject?: string; refs?: string[]; conversation?: string | null; auto?: boolean }): ImportItem {
  const message: InboundMessage = {
    channel: 'email', accountId: 'acc', inboxId: null, from: { email: o.from ?? 'klant@voorbeeld.nl', name: o.name }, to: 'service@bedrijf.example',
    subject: o.subject ?? 'Storing', text: 'Het werkt niet.', newText: 'Het werkt niet.', html: null, externalId: o.id === undefined ? null : o.id,
    references: o.refs ?? [], caseRef: null, attachments: [], automated: { kind: o.auto ? 'auto_reply' : null, reason: null, bouncedRecipients: [], permanent: false },
    language: 'nl', receivedAt: now, notes: [],
  };
  return { prepared: { message, inbox: null, attachments: { keep: [], notes: [] } }, at: new Date('2025-01-06T09:00:00Z'), conversation: o.conversation ?? null };
}

const none: ThreadFacts = { dup: null, answers: null, sibling: null, answeredBy: null };
const input = (batch: ImportItem[], more: Partial<PlanInput> = {}): PlanInput => ({
  batch, facts: batch.map(() => none), now, cases: new Map(), referenced: new Map(), customers: new Map(), conversations: new Map(), ...more,
});

const storedCase = (o: Partial<CaseRow> & { id: string }): CaseRow => ({
  ref: 'LU-1001', subject: 'Storing', subject_key: 'storing', status: 'open', priority: 'normal', tier: 'L1', topic: null, language: 'nl', channel: 'email',
  customer_id: 'cust-1', owner_id: null, team_id: null, transfer_count: 0, contact_count: 1, created_at: now, updated_at: now, last_contact_at: now,
  solved_at: null, closed_at: null, custom_fields: {}, merged_into_id: null, ...o,
});

test('a reply before its original, in one batch: the original joins the case the reply opened (the thread lookup, in memory)', () => {
  const plan = planBatch(input([
    item({ id: 'b', refs: ['a'], from: 'een@voorbeeld.nl', subject: 'Re: Storing' }),
    item({ id: 'a', from: 'een@voorbeeld.nl', subject: 'Andere woorden' }),
  ]));
  assert.equal(plan.newCases.length, 1);
  assert.equal(plan.messages[0].caseId, plan.messages[1].caseId);
  assert.deepEqual(plan.steps.map((s) => s.kind), ['customer.created', 'case.created', 'message', 'case.joined', 'message']);
  assert.equal(plan.newCustomers.length, 1, 'one customer for one address');
});

test('the same Message-ID twice in a batch: the second is a duplicate, and its conversation is known', () => {
  const plan = planBatch(input([item({ id: 'x', conversation: 'k' }), item({ id: 'x', conversation: 'k' })]));
  assert.equal(plan.messages.length, 1);
  assert.equal(plan.duplicates, 1);
  assert.equal(plan.local.get('k'), plan.messages[0].caseId);
});

test('repeat contact: the same customer and subject without references joins the open case; a name learnt later fills an empty one', () => {
  const plan = planBatch(input([item({ id: '1' }), item({ id: '2', name: 'Anna de Vries' }), item({ id: '3', from: 'ander@voorbeeld.nl' })]));
  assert.equal(plan.newCases.length, 2);
  assert.equal(plan.messages[0].caseId, plan.messages[1].caseId);
  assert.notEqual(plan.messages[2].caseId, plan.messages[0].caseId);
  assert.equal(plan.nameFills.get(plan.newCustomers[0].id), 'Anna de Vries');
  const joined = plan.steps.find((s) => s.kind === 'case.joined');
  assert.deepEqual(joined && 'after' in joined ? [joined.before.count, joined.after.count] : null, [1, 2]);
});

test('a stored case found by thread: joined (a solved case reopens), an out-of-office stored on it without a contact, a closed one not joined', () => {
  const solved = storedCase({ id: 'case-solved', status: 'solved', contact_count: 3 });
  const closed = storedCase({ id: 'case-closed', status: 'closed', subject: 'Oud', subject_key: 'oud' });
  const facts: ThreadFacts[] = [{ ...none, answers: 'case-solved' }, { ...none, answers: 'case-solved' }, { ...none, answers: 'case-closed' }];
  const plan = planBatch(input([item({ id: 'r1', refs: ['o'] }), item({ id: 'r2', refs: ['o'], auto: true }), item({ id: 'r3', refs: ['p'], subject: 'Re: Oud' })], {
    facts, cases: new Map([[solved.id, solved], [closed.id, closed]]), customers: new Map([['email:klant@voorbeeld.nl', { id: 'cust-1', name: 'Klant' }]]),
  }));
  const s = plan.touched.get('case-solved')!;
  assert.deepEqual([s.status, s.contactCount, s.joins, s.seen], ['open', 4, 1, 'solved']);
  assert.equal(plan.messages[1].caseId, 'case-solved');
  assert.notEqual(plan.messages[2].caseId, 'case-closed');
  assert.equal(plan.newCases.length, 1);
  assert.equal(plan.newCustomers.length, 0);
});

test('the conversation index joins what the thread lookup cannot see, and a merged case hands over to the case it went into', () => {
  const merged = storedCase({ id: 'case-old', status: 'closed', merged_into_id: 'case-new' });
  const target = storedCase({ id: 'case-new', status: 'open' });
  const plan = planBatch(input([item({ id: 'g', refs: ['p'], conversation: 'conv' })], {
    cases: new Map([[merged.id, merged], [target.id, target]]), conversations: new Map([['conv', 'case-old']]),
    customers: new Map([['email:klant@voorbeeld.nl', { id: 'cust-1', name: '' }]]),
  }));
  assert.equal(plan.messages[0].caseId, 'case-new');
  assert.equal(plan.local.get('conv'), 'case-new');
});
