import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { loadCase } from '../../cases/store.ts';
import { requestRefund } from '../../refunds/request-refund.ts';
import { approveRefund } from '../../refunds/approve-refund.ts';
import { rejectRefund } from '../../refunds/reject-refund.ts';
import { markRefundPaid } from '../../refunds/pay-refund.ts';
import { listRefunds, REFUND_QUEUES, type RefundQueue } from '../../refunds/list-refunds.ts';
import { getRefundSettings, updateRefundSettings } from '../../refunds/settings.ts';
import { loadRefund, REFUND_STATES, type RefundState } from '../../refunds/store.ts';
import { actorOf } from '../auth.ts';
import { refundLedgerRoutes } from './refund-ledger.ts';
import { refundCustomerRoutes } from './refund-customers.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

const refund = z
  .object({
    id: z.string(), case_id: z.string(), customer_id: z.string(), amount_cents: z.number().int(), currency: z.string(), reason: z.string(),
    charge_id: z.string().nullable(), destination: z.enum(['iban', 'original_payment']), iban: z.string().nullable(), account_holder: z.string().nullable(),
    state: z.enum(REFUND_STATES as [RefundState, ...RefundState[]]), requested_by: z.string().nullable(), approved_by: z.string().nullable(),
    approved_at: res.time.nullable(), rejected_by: z.string().nullable(), rejected_at: res.time.nullable(),
    rejection_reason: z.string().nullable().describe('told to the customer in their language'), told_message_id: z.string().nullable(),
    batch_id: z.string().nullable().describe('the SEPA batch it was exported in'), paid_at: res.time.nullable(),
    promise_id: z.string().nullable().describe('the refund_by promise'), finding_id: z.string().nullable(), problem_id: z.string().nullable(),
    created_at: res.time, updated_at: res.time,
  })
  .describe('Refund');
export const refundSchema = refund;
const refundListItem = refund.extend({
  case_ref: z.string(), customer_name: z.string(), due_at: res.time.nullable(), promise_state: z.string().nullable(),
  needs_supervisor: z.boolean(), overdue: z.boolean(),
});
const settings = z.object({
  agent_limit_cents: z.number().int().min(0).max(100_000_000).describe('an agent approves up to this amount; above it a supervisor (not the requester)'),
  target_business_days: z.number().int().min(1).max(60).describe('the refund_by promise is due after this many business days'),
  double_charge_window_minutes: z.number().int().min(1).max(525_600),
  debtor_name: z.string().max(70).nullable().describe('the account refunds are paid from (SEPA debtor)'),
  debtor_iban: z.string().max(40).nullable(),
  debtor_bic: z.string().max(11).nullable(),
});

export function refundRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['refunds'];

  r.get('/api/v1/refunds', {
    config: { permission: 'refunds.read' },
    schema: {
      tags, summary: 'Refunds, newest first; queue=awaiting_approval|approved|in_batch|paid|overdue|… for the refunds queue',
      querystring: z.object({
        limit: s.limit, cursor: s.cursor, queue: z.enum(REFUND_QUEUES as [RefundQueue, ...RefundQueue[]]).optional(),
        state: z.enum(REFUND_STATES as [RefundState, ...RefundState[]]).optional(), case_id: s.id.optional(), customer_id: s.id.optional(),
      }).strict(),
      response: { 200: res.pageOf(refundListItem), ...res.errors },
    },
  }, async (req) => listRefunds(db, actorOf(req).accountId, req.query));

  r.post('/api/v1/cases/:id/refunds', {
    config: { permission: 'refunds.handle' },
    schema: {
      tags, summary: 'Request a refund on a case: integer cents, ISO currency, reason, optional charge, an IBAN (with holder) or the original payment. Makes a refund_by promise',
      params: s.caseParams,
      body: z.object({
        amount_cents: z.number().describe('whole cents, > 0'), currency: z.string().max(3).default('EUR'), reason: z.string().max(1000),
        charge_id: z.string().min(1).max(200).optional().describe("the charge it pays back: billing's charge id as imported with the ledger"), destination: z.enum(['iban', 'original_payment']),
        iban: z.string().max(50).optional(), account_holder: z.string().max(200).optional(),
      }).strict(),
      response: { 201: refund, ...res.errors },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const c = await loadCase(db, actor.accountId, req.params.id);
    const b = req.body;
    const row = await requestRefund(db, actor, {
      caseId: c.id, amountCents: b.amount_cents, currency: b.currency, reason: b.reason, chargeId: b.charge_id,
      destination: b.destination, iban: b.iban, accountHolder: b.account_holder,
    });
    return reply.code(201).send(row);
  });

  r.get('/api/v1/refunds/:id', {
    config: { permission: 'refunds.read' },
    schema: { tags, summary: 'A refund', params: s.idParams, response: { 200: refund, ...res.errors } },
  }, async (req) => loadRefund(db, actorOf(req).accountId, req.params.id));

  r.post('/api/v1/refunds/:id/approve', {
    config: { permission: 'refunds.handle' },
    schema: { tags, summary: 'Approve a refund (an agent up to the account limit, a supervisor other than the requester above it)', params: s.idParams,
      body: z.object({}).strict().optional(), response: { 200: refund, ...res.errors } },
  }, async (req) => approveRefund(db, actorOf(req), req.params.id));

  r.post('/api/v1/refunds/:id/reject', {
    config: { permission: 'refunds.handle' },
    schema: { tags, summary: 'Reject a refund; the customer is told the reason in their language', params: s.idParams,
      body: z.object({ reason: z.string().trim().min(1).max(1000) }).strict(), response: { 200: refund, ...res.errors } },
  }, async (req) => rejectRefund(db, actorOf(req), req.params.id, req.body));

  r.post('/api/v1/refunds/:id/paid', {
    config: { permission: 'refunds.pay' },
    schema: { tags, summary: 'Record that an approved refund was paid (not in a SEPA batch): keeps its promise, tells the customer (refunds.pay)', params: s.idParams,
      body: z.object({}).strict().optional(), response: { 200: refund, ...res.errors } },
  }, async (req) => markRefundPaid(db, actorOf(req), req.params.id));

  r.get('/api/v1/settings/refunds', {
    config: { permission: 'settings.read' },
    schema: { tags, summary: 'Refund settings: approval limit, target days, double-charge window, paying account', response: { 200: settings, ...res.errors } },
  }, async (req) => getRefundSettings(db, actorOf(req).accountId));

  r.patch('/api/v1/settings/refunds', {
    config: { permission: 'refunds.settings' },
    schema: { tags, summary: 'Change the refund settings (admin)', body: settings.partial().strict(), response: { 200: settings, ...res.errors } },
  }, async (req) => updateRefundSettings(db, actorOf(req), req.body));

  refundLedgerRoutes(app, db);
  refundCustomerRoutes(app, db);
}
