import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import type { Reads } from '../read-your-writes.ts';
import { addIdentity, removeIdentity } from '../../customers/change-identities.ts';
import { createCustomer } from '../../customers/create-customer.ts';
import { importCustomers } from '../../customers/import-customers.ts';
import { listCustomers } from '../../customers/list-customers.ts';
import { mergeCustomers } from '../../customers/merge-customers.ts';
import { decideVulnerabilitySign } from '../../customers/vulnerability-signs.ts';
import { loadCustomer } from '../../customers/store.ts';
import { updateCustomer } from '../../customers/update-customer.ts';
import { notFound } from '../../shared/errors.ts';
import { fieldFilters } from '../../custom-fields/fields.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

const identity = z.object({ kind: z.enum(['email', 'phone', 'social', 'external']), value: z.string().min(1).max(320) }).strict();
const fields = {
  name: z.string().max(200).optional(),
  segment: s.segment.optional(),
  language: s.language.nullable().optional(),
  vulnerable: z.boolean().optional(),
  media: z.boolean().optional(),
  sales_opt_out: z.boolean().optional(),
  organisation_id: s.id.nullable().optional().describe('the organisation (null: none); left out on create: found by e-mail domain'),
  custom_fields: s.customFieldValues.optional(),
};

export function customerRoutes(app: FastifyInstance, db: Db, reads: Reads) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['customers'];

  r.post('/api/v1/customers', {
    config: { permission: 'customers.write' },
    schema: {
      tags,
      summary: 'Create a customer with one or more identities (e-mail, phone in E.164, social handle, external id from billing)',
      body: z
        .object({ ...fields, email: z.string().max(320).optional(), phone: z.string().max(40).optional(), external_id: z.string().max(200).optional().describe('the id billing or a CRM gives the customer'), identities: z.array(identity).max(50).optional() })
        .strict(),
      response: { 201: res.customerSchema, ...res.errors },
    },
  }, async (req, reply) => {
    const { email, phone, external_id, identities = [], ...rest } = req.body;
    const all = [...identities];
    if (email) all.unshift({ kind: 'email', value: email });
    if (phone) all.push({ kind: 'phone', value: phone });
    if (external_id) all.push({ kind: 'external', value: external_id });
    const c = await createCustomer(db, actorOf(req), { ...rest, identities: all });
    return reply.code(201).header('location', `/api/v1/customers/${c.id}`).send(c);
  });

  r.get('/api/v1/customers', {
    config: { permission: 'customers.read' },
    schema: {
      tags,
      summary: 'List customers, newest first; filter by organisation_id and on custom fields with field.<key>=value',
      querystring: s.withFieldFilters({ limit: s.limit, cursor: s.cursor, segment: s.segment.optional(), include_merged: z.enum(['true', 'false']).optional(),
        organisation_id: s.id.optional() }),
      response: { 200: res.pageOf(res.customerSchema), ...res.errors },
    },
  }, async (req) =>
    listCustomers(reads(req), actorOf(req).accountId, {
      limit: req.query.limit, cursor: req.query.cursor, segment: req.query.segment, includeMerged: req.query.include_merged === 'true',
      organisationId: req.query.organisation_id, fields: fieldFilters(req.query),
    }));

  r.get('/api/v1/customers/:id', { config: { permission: 'customers.read' }, schema: { tags, summary: 'One customer with identities', params: s.idParams, response: { 200: res.customerSchema, ...res.errors } } }, async (req) => {
    const c = await loadCustomer(db, actorOf(req).accountId, req.params.id);
    if (!c) throw notFound('customer', req.params.id);
    return c;
  });

  r.patch('/api/v1/customers/:id', {
    config: { permission: 'customers.write' },
    schema: { tags, summary: 'Change name, segment, language, flags, organisation or custom fields (a wrong value: 400 naming the field, nothing written)', params: s.idParams, body: z.object(fields).strict(), response: { 200: res.customerSchema, ...res.errors } },
  }, async (req) => updateCustomer(db, actorOf(req), req.params.id, req.body));

  r.post('/api/v1/customers/:id/identities', {
    config: { permission: 'customers.write' },
    schema: { tags, summary: 'Add an identity', params: s.idParams, body: identity, response: { 201: res.customerSchema, ...res.errors } },
  }, async (req, reply) => reply.code(201).send(await addIdentity(db, actorOf(req), req.params.id, req.body)));

  r.delete('/api/v1/customers/:id/identities/:identity_id', {
    config: { permission: 'customers.write' },
    schema: { tags, summary: 'Remove an identity', params: z.object({ id: s.id, identity_id: s.id }).strict(), response: { 200: res.customerSchema, ...res.errors } },
  }, async (req) => removeIdentity(db, actorOf(req), req.params.id, req.params.identity_id));

  for (const decision of ['confirm', 'dismiss'] as const) {
    r.post(`/api/v1/vulnerability-signs/:id/${decision}`, {
      config: { permission: 'customers.write' },
      schema: {
        tags,
        summary: decision === 'confirm'
          ? "Confirm a sign of vulnerability: the customer's flag goes on, with where it came from (audited)"
          : 'Dismiss a sign of vulnerability: not suggested again for 90 days (audited)',
        params: s.idParams,
        body: z.object({}).strict().nullish(),
        response: { 200: res.vulnerabilitySignSchema, ...res.errors },
      },
    }, async (req) => decideVulnerabilitySign(db, actorOf(req), req.params.id, decision));
  }

  r.post('/api/v1/customers/:id/merge', {
    config: { permission: 'customers.merge' },
    schema: {
      tags,
      summary: 'Merge another customer into this one: identities and cases move, audited',
      params: s.idParams,
      body: z.object({ customer_id: s.id.describe('the customer that is folded into this one') }).strict(),
      response: { 200: res.customerSchema, ...res.errors },
    },
  }, async (req) => mergeCustomers(db, actorOf(req), req.params.id, req.body.customer_id));

  r.post('/api/v1/customers/import', {
    config: { permission: 'customers.import' },
    schema: {
      tags,
      summary: 'Import customers from CSV (columns: name,email,phone,external_id,segment,language,vulnerable,media,sales_opt_out,iban,account_holder). All or nothing.',
      body: z.object({ csv: z.string().min(1), dry_run: z.boolean().default(false) }).strict(),
      response: { 200: z.object({ dry_run: z.boolean(), rows: z.number().int(), created: z.number().int(), updated: z.number().int() }), ...res.errors },
    },
  }, async (req) => importCustomers(db, actorOf(req), req.body.csv, { dryRun: req.body.dry_run }));
}
