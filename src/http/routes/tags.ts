import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { changeCaseTags } from '../../tags/change-case-tags.ts';
import { changeCustomerTags } from '../../tags/change-customer-tags.ts';
import { MAX_TAGS } from '../../tags/tags.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

/** The tag rule itself (pattern, 64 characters) is checked in src/tags/ so the API, the CLI and macros refuse alike. */
const tagList = z.array(z.string().max(200)).max(MAX_TAGS);
export const tagChange = z
  .object({ add: tagList.optional().describe('tags to add (normalised: lower-case, spaces become -)'), remove: tagList.optional().describe('tags to remove; each must be on it') })
  .strict()
  .refine((b) => (b.add?.length ?? 0) + (b.remove?.length ?? 0) > 0, 'add or remove at least one tag');

export function tagRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/cases/:id/tags', {
    config: { permission: 'cases.write' },
    schema: {
      tags: ['cases'],
      summary: 'Add and remove tags on a case (letters, digits, ":", "_", "-", at most 64 characters). A bad tag, or removing one the case does not carry, changes nothing (422)',
      params: s.caseParams, body: tagChange,
      response: { 200: z.object({ case_id: z.string(), tags: z.array(z.string()) }), ...res.errors },
    },
  }, async (req) => changeCaseTags(db, actorOf(req), req.params.id, req.body));

  r.post('/api/v1/customers/:id/tags', {
    config: { permission: 'customers.write' },
    schema: {
      tags: ['customers'],
      summary: 'Add and remove tags on a customer (PUT replaces them all)',
      params: s.idParams, body: tagChange,
      response: { 200: z.object({ customer_id: z.string(), tags: z.array(z.string()) }), ...res.errors },
    },
  }, async (req) => changeCustomerTags(db, actorOf(req), req.params.id, req.body));
}
