import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { mergeCases } from '../../cases/merge-cases.ts';
import { splitCase } from '../../cases/split-case.ts';
import { MAX_SPLIT_MESSAGES } from '../../cases/split-plan.ts';
import { followCase, listFollowers, unfollowCase } from '../../cases/follow-case.ts';
import { loadCase } from '../../cases/store.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

const moved = z.record(z.string(), z.number().int()).describe('how many of each kind moved (messages, promises, refunds, problem_links …)');
const followers = z.object({ case_id: s.id, changed: z.boolean().describe('false: nothing to do (already so)'), followers: z.array(res.followerSchema) });
const followerParams = z.object({ id: s.caseId, agent_id: s.id }).strict();

/** Merge two cases of one customer, split messages off into a new case, and a case's followers. */
export function caseMergeRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];

  r.post('/api/v1/cases/:id/merge', {
    config: { permission: 'cases.write' },
    schema: {
      tags,
      summary: "Merge this case into another case of the same customer (`into`): its messages, promises, refunds, problem links, tags, followers and contacts move there, this case is closed with merged_into_id, and the customer's next mail lands in `into`. A colleague's case needs cases.merge_others. Two customers' cases: 409 different_customers (merge the customers first); a closed or merged case: 409. Audited on both",
      params: s.caseParams,
      body: z.object({ into: s.caseId.describe('the surviving case (id or LU-reference)') }).strict(),
      response: {
        200: z.object({
          case: res.caseSchema.describe('the surviving case'),
          merged: res.caseSchema.describe('this case, closed, pointing at the surviving one'),
          moved,
          fields_kept: z.record(z.string(), z.object({ kept: z.unknown(), other: z.unknown() })).describe('custom fields both had: the surviving case kept its own value'),
          tags_dropped: z.array(z.string()).describe('tags over the 50 a case may carry: not moved'),
        }),
        ...res.errors,
      },
    },
  }, async (req) => mergeCases(db, actorOf(req), req.params.id, req.body.into));

  r.post('/api/v1/cases/:id/split', {
    config: { permission: 'cases.write' },
    schema: {
      tags,
      summary: 'Split messages off into a new case of the same customer (same inbox, owner, priority, followers): the chosen messages with their attachments, the acknowledgements that answered them and the promises made in them. Replies to those mails land in the new case. At least one customer message must move and one stay (422 no_customer_message, 409 split_everything). Audited on both',
      params: s.caseParams,
      body: z.object({
        message_ids: z.array(s.id).min(1).max(MAX_SPLIT_MESSAGES).describe('messages of this case to move'),
        subject: z.string().trim().min(1).max(500).optional().describe("the new case's subject (default: the first moved customer mail's)"),
      }).strict(),
      response: {
        201: z.object({
          case: res.caseSchema.describe('the new case'),
          from: res.caseSchema.describe('this case, after the split'),
          message_ids: z.array(s.id).describe('the messages that moved (the chosen ones and their acknowledgements)'),
          moved: z.object({ messages: z.number().int(), promises: z.number().int() }),
        }),
        ...res.errors,
      },
    },
  }, async (req, reply) => {
    const out = await splitCase(db, actorOf(req), req.params.id, { messageIds: req.body.message_ids, subject: req.body.subject });
    reply.code(201).header('location', `/api/v1/cases/${out.case.id}`);
    return out;
  });

  r.get('/api/v1/cases/:id/followers', {
    config: { permission: 'cases.read' },
    schema: { tags, summary: "The case's followers: agents who get its notifications without owning it", params: s.caseParams, response: { 200: z.object({ data: z.array(res.followerSchema) }), ...res.errors } },
  }, async (req) => {
    const accountId = actorOf(req).accountId;
    const c = await loadCase(db, accountId, req.params.id);
    return { data: await listFollowers(db, accountId, c.id) };
  });

  r.put('/api/v1/cases/:id/followers/:agent_id', {
    config: { permission: 'cases.write' },
    schema: {
      tags,
      summary: "Follow the case (your own agent id) or add a colleague as follower: they get its notifications (customer messages, replies and notes by others, merges and splits, and what its owner hears about it). Audited",
      params: followerParams,
      response: { 200: followers, ...res.errors },
    },
  }, async (req) => followCase(db, actorOf(req), req.params.id, req.params.agent_id));

  r.delete('/api/v1/cases/:id/followers/:agent_id', {
    config: { permission: 'cases.write' },
    schema: {
      tags,
      summary: 'Stop following the case (your own agent id), or take a colleague off its followers (needs cases.assign_others). Audited',
      params: followerParams,
      response: { 200: followers, ...res.errors },
    },
  }, async (req) => unfollowCase(db, actorOf(req), req.params.id, req.params.agent_id));
}
