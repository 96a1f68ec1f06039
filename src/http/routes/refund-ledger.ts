import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { AppError, invalid } from '../../shared/errors.ts';
import { requirePermission } from '../../accounts/permissions.ts';
import { importLedger } from '../../refunds/import-ledger.ts';
import { detectFindings } from '../../refunds/detect-findings.ts';
import { approveFinding, approveFindings, dismissFinding, listFindings } from '../../refunds/findings.ts';
import { exportSepaBatch, getBatch, listBatches, markBatchPaid } from '../../refunds/export-sepa.ts';
import { previewProblemRefund, refundProblem } from '../../refunds/refund-problem.ts';
import { deleteTariffRule, listTariffRules, saveTariffRule } from '../../refunds/tariff-rules.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';
import { refundSchema } from './refunds.ts';

/** The API takes a ledger of up to this size in one request; larger files go through `luister ledger import`. */
const MAX_UPLOAD = 64 * 1024 * 1024;

const rowError = z.object({ line: z.number().int(), field: z.string().nullable(), reason: z.string() });
const importReport = z.object({
  import_id: z.string().nullable(), dry_run: z.boolean(), rows_read: z.number().int(), rows_good: z.number().int(), rows_imported: z.number().int(),
  rows_already_there: z.number().int().describe('charge ids imported before: a re-import changes nothing'), rows_bad: z.number().int(),
  errors: z.array(rowError).describe('the first 200 bad rows'), lines_reencoded: z.number().int().describe('lines that were not UTF-8 (read as Windows-1252)'),
  reencoded_lines: z.array(z.number().int()), truncated_last_line: z.boolean(), bytes: z.number().int(),
});
const finding = z.object({
  id: z.string(), kind: z.enum(['double_charge', 'overcharge', 'after_cancellation']), charge_id: z.string(), related_charge_id: z.string().nullable(), customer_ref: z.string(),
  customer_id: z.string().nullable(), customer_name: z.string().nullable(), case_id: z.string().nullable(), case_ref: z.string().nullable(),
  amount_cents: z.number().int().describe('the refund it proposes'), currency: z.string(), explanation: z.string(),
  status: z.enum(['proposed', 'approved', 'dismissed']), refund_id: z.string().nullable(), charged_at: res.time, created_at: res.time,
}).describe('Ledger finding');
const batch = z.object({
  id: z.string(), message_id: z.string(), format: z.enum(['pain.001.001.03', 'pain.001.001.09']), refund_count: z.number().int(), total_cents: z.number().int(),
  status: z.enum(['exported', 'paid']), created_at: res.time, paid_at: res.time.nullable(),
});
const tariffRule = z.object({
  id: z.string(), product: z.string(), currency: z.string(), fixed_cents: z.number().int(), unit_price_cents: z.number(), max_cents: z.number().int().nullable(),
  tolerance_cents: z.number().int(), created_at: res.time,
});

export function refundLedgerRoutes(app: FastifyInstance, db: Db) {
  const tags = ['refunds'];
  // the CSV upload: its own content type in its own scope (the rest of the API is JSON only)
  app.register(async (child) => {
    child.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD }, (_req, body, done) => done(null, body));
    child.withTypeProvider<ZodTypeProvider>().post('/api/v1/ledger/imports', {
      config: { permission: 'refunds.manage_ledger' },
      bodyLimit: MAX_UPLOAD,
      schema: {
        tags, summary: 'Import the charge ledger: a CSV body (text/csv); mapping as JSON in the query (see README). Good rows kept, bad ones reported; idempotent by charge id (refunds.manage_ledger)',
        querystring: z.object({ mapping: z.string().max(4000).optional(), dry_run: z.enum(['true', 'false']).optional(), file_name: z.string().max(500).optional() }).strict(),
        response: { 200: importReport, ...res.errors },
      },
    }, async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported_media_type', 'Send the ledger as text/csv', 415);
      let mapping: unknown;
      if (req.query.mapping) {
        try {
          mapping = JSON.parse(req.query.mapping);
        } catch {
          throw invalid('invalid_mapping', 'mapping: not valid JSON');
        }
      }
      return importLedger(db, actorOf(req), Readable.from([req.body]), { mapping, dryRun: req.query.dry_run === 'true', fileName: req.query.file_name });
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/ledger/detect', {
    config: { permission: 'refunds.manage_ledger' },
    schema: { tags, summary: 'Look for double charges, overcharges and charges after a cancellation in the ledger; each finding proposes a refund (refunds.manage_ledger)',
      body: z.object({}).strict().optional(),
      response: { 200: z.object({ double_charges: z.number().int(), after_cancellation: z.number().int(), overcharges: z.number().int(), linked_to_customer: z.number().int() }), ...res.errors } },
  }, async (req) => detectFindings(db, actorOf(req)));

  r.get('/api/v1/ledger/findings', {
    config: { permission: 'refunds.read' },
    schema: { tags, summary: 'Ledger findings, newest first (on a customer or case: customer_id / case_id)',
      querystring: z.object({ limit: s.limit, cursor: s.cursor, status: z.enum(['proposed', 'approved', 'dismissed']).optional(), customer_id: s.id.optional(), case_id: s.id.optional() }).strict(),
      response: { 200: res.pageOf(finding), ...res.errors } },
  }, async (req) => listFindings(db, actorOf(req).accountId, req.query));

  r.post('/api/v1/ledger/findings/:id/approve', {
    config: { permission: 'refunds.manage_ledger' },
    schema: { tags, summary: 'Approve a finding: an approved refund on the customer\'s open case (one is opened if needed)', params: s.idParams,
      body: z.object({}).strict().optional(), response: { 200: z.object({ finding_id: z.string(), refund: refundSchema }), ...res.errors } },
  }, async (req) => approveFinding(db, actorOf(req), req.params.id));

  r.post('/api/v1/ledger/findings/approve', {
    config: { permission: 'refunds.manage_ledger' },
    schema: { tags, summary: 'Approve findings in bulk; each is reported on its own',
      body: z.object({ ids: z.array(s.id).min(1).max(500) }).strict(),
      response: { 200: res.listOf(z.object({ finding_id: z.string(), refund_id: z.string().optional(), error: z.object({ code: z.string(), message: z.string() }).optional() })), ...res.errors } },
  }, async (req) => {
    requirePermission(actorOf(req), 'refunds.manage_ledger', 'Approving ledger findings');
    return approveFindings(db, actorOf(req), req.body.ids);
  });

  r.post('/api/v1/ledger/findings/:id/dismiss', {
    config: { permission: 'refunds.manage_ledger' },
    schema: { tags, summary: 'Dismiss a finding with a reason', params: s.idParams, body: z.object({ reason: z.string().trim().min(1).max(1000) }).strict(),
      response: { 200: z.object({ id: z.string(), status: z.enum(['proposed', 'approved', 'dismissed']) }), ...res.errors } },
  }, async (req) => dismissFinding(db, actorOf(req), req.params.id, req.body.reason));

  r.get('/api/v1/tariff-rules', {
    config: { permission: 'refunds.read' },
    schema: { tags, summary: 'Tariff rules: what a charge for a product may cost (fixed + unit price × quantity, capped)', response: { 200: res.listOf(tariffRule), ...res.errors } },
  }, async (req) => listTariffRules(db, actorOf(req).accountId));

  r.post('/api/v1/tariff-rules', {
    config: { permission: 'refunds.manage_ledger' },
    schema: { tags, summary: 'Add or replace the tariff rule of a product (refunds.manage_ledger)',
      body: z.object({
        product: z.string().trim().min(1).max(200), currency: z.string().length(3).default('EUR'), fixed_cents: z.number().int().min(0).default(0),
        unit_price_cents: z.number().min(0).describe('per unit of quantity, e.g. per minute parked; may have decimals'),
        max_cents: z.number().int().positive().nullable().default(null), tolerance_cents: z.number().int().min(0).default(0),
      }).strict(),
      response: { 201: tariffRule, ...res.errors } },
  }, async (req, reply) => reply.code(201).send(await saveTariffRule(db, actorOf(req), req.body)));

  r.delete('/api/v1/tariff-rules/:id', {
    config: { permission: 'refunds.manage_ledger' },
    schema: { tags, summary: 'Remove a tariff rule (refunds.manage_ledger)', params: s.idParams, response: { 200: z.object({ id: z.string(), deleted: z.boolean() }), ...res.errors } },
  }, async (req) => deleteTariffRule(db, actorOf(req), req.params.id));

  const problemLine = z.object({
    case_id: z.string(), ref: z.string(), customer_id: z.string(), customer_name: z.string(), amount_cents: z.number().int().nullable(), currency: z.string(),
    source: z.enum(['ledger', 'mentioned', 'chosen', 'uncertain', 'none', 'already_refunded']), finding_ids: z.array(z.string()), alternatives: z.array(z.number().int()),
    destination: z.enum(['iban', 'original_payment']).describe('to the IBAN the customer gave on the case or has on file (then in the SEPA export), else back to the original payment'),
    iban: z.string().nullable(), account_holder: z.string().nullable(), iban_source: z.enum(['given', 'on_file']).nullable(),
  });
  const amounts = z.record(z.string(), z.number().int().positive()).describe('per case id: the amount in cents a supervisor chose');
  r.post('/api/v1/problems/:id/refund-preview', {
    config: { permission: 'refunds.read' },
    schema: { tags, summary: 'Bulk refund preview: per customer of the problem the amount (from the ledger, or the amount they mentioned) and the total', params: s.idParams,
      body: z.object({ amounts: amounts.optional() }).strict().optional(),
      response: { 200: z.object({ data: z.array(problemLine), customers: z.number().int(), total_cents: z.number().int(), to_iban: z.number().int().describe('customers paid to an IBAN') }), ...res.errors } },
  }, async (req) => previewProblemRefund(db, actorOf(req).accountId, req.params.id, req.body?.amounts));

  r.post('/api/v1/problems/:id/refund', {
    config: { permission: 'refunds.manage_ledger' },
    schema: { tags, summary: 'Refund the problem\'s customers in one approval: one approved refund each, each told their own amount (refunds.manage_ledger)', params: s.idParams,
      body: z.object({ amounts: amounts.optional() }).strict().optional(),
      response: { 200: res.listOf(z.object({ case_id: z.string(), ref: z.string(), outcome: z.enum(['refunded', 'skipped', 'failed']), refund_id: z.string().optional(),
        amount_cents: z.number().int().optional(), destination: z.enum(['iban', 'original_payment']).optional(), error: z.object({ code: z.string(), message: z.string() }).optional() })), ...res.errors } },
  }, async (req) => refundProblem(db, actorOf(req), req.params.id, { amounts: req.body?.amounts }));

  r.get('/api/v1/refund-batches', {
    config: { permission: 'refunds.read' },
    schema: { tags, summary: 'SEPA batches, newest first', response: { 200: res.listOf(batch), ...res.errors } },
  }, async (req) => listBatches(db, actorOf(req).accountId));

  r.post('/api/v1/refund-batches', {
    config: { permission: 'refunds.pay' },
    schema: { tags, summary: 'Export every approved refund to an IBAN as one SEPA credit transfer (refunds.pay)',
      body: z.object({ format: z.enum(['pain.001.001.03', 'pain.001.001.09']).default('pain.001.001.03') }).strict().optional(),
      response: { 201: batch, ...res.errors } },
  }, async (req, reply) => {
    const { xml: _, ...b } = await exportSepaBatch(db, actorOf(req), { format: req.body?.format });
    return reply.code(201).send(b);
  });

  r.get('/api/v1/refund-batches/:id/xml', {
    config: { permission: 'refunds.pay' },
    schema: { tags, summary: 'The batch\'s pain.001 file, to upload to the bank (refunds.pay)', params: s.idParams },
  }, async (req, reply) => {
    requirePermission(actorOf(req), 'refunds.pay', 'Downloading a SEPA batch');
    const b = await getBatch(db, actorOf(req).accountId, req.params.id);
    return reply.type('application/xml; charset=utf-8').header('content-disposition', `attachment; filename="${b.message_id}.xml"`).send(b.xml);
  });

  r.post('/api/v1/refund-batches/:id/paid', {
    config: { permission: 'refunds.pay' },
    schema: { tags, summary: 'The bank paid the batch: its refunds are paid, their promises kept, each customer told their amount (refunds.pay)', params: s.idParams,
      body: z.object({}).strict().optional(), response: { 200: batch, ...res.errors } },
  }, async (req) => {
    const { xml: _, ...b } = await markBatchPaid(db, actorOf(req), req.params.id);
    return b;
  });
}
