import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { setRefundAccount } from '../../customers/refund-account.ts';
import { listCancellations, recordCancellation } from '../../refunds/cancellations.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

const cancellation = z.object({
  id: z.string(), customer_id: z.string(), product: z.string().nullable().describe('null: everything the customer had'),
  cancelled_at: res.time.describe('from then on no charge is due'), note: z.string().nullable(), recorded_by: z.string().nullable(), created_at: res.time,
}).describe('Cancellation');

/** A customer's side of refunds: where their refunds are paid, and what they cancelled. */
export function refundCustomerRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['refunds'];

  r.put('/api/v1/customers/:id/refund-account', {
    config: { permission: 'customers.write' },
    schema: { tags, summary: 'The IBAN (with holder) a customer\'s refunds are paid to: a bulk refund pays them there, so the SEPA export includes them; iban null removes it',
      params: s.idParams,
      body: z.object({ iban: z.string().max(50).nullable(), account_holder: z.string().max(200).nullable().optional() }).strict(),
      response: { 200: res.customerSchema, ...res.errors } },
  }, async (req) => setRefundAccount(db, actorOf(req), req.params.id, req.body));

  r.post('/api/v1/customers/:id/cancellations', {
    config: { permission: 'customers.write' },
    schema: { tags, summary: 'Record a customer\'s cancellation: a later charge in the ledger (for the product, or any) becomes a "charged after cancellation" finding',
      params: s.idParams,
      body: z.object({ cancelled_at: z.iso.datetime({ offset: true }), product: z.string().max(200).nullable().optional(), note: z.string().max(1000).nullable().optional() }).strict(),
      response: { 201: cancellation, ...res.errors } },
  }, async (req, reply) => reply.code(201).send(await recordCancellation(db, actorOf(req), req.params.id, { ...req.body, cancelled_at: new Date(req.body.cancelled_at) })));

  r.get('/api/v1/customers/:id/cancellations', {
    config: { permission: 'customers.read' },
    schema: { tags, summary: 'A customer\'s cancellations, latest first', params: s.idParams, response: { 200: res.listOf(cancellation), ...res.errors } },
  }, async (req) => listCancellations(db, actorOf(req).accountId, req.params.id));
}
