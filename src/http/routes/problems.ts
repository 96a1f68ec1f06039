import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { noteOnAll, replyToAll } from '../../problems/bulk-actions.ts';
import { getProblem, listProblems } from '../../problems/get-problem.ts';
import { setCaseLink } from '../../problems/link-case.ts';
import { openProblem } from '../../problems/open-problem.ts';
import { dismissSignal, listSignalsWithExamples } from '../../problems/signals.ts';
import { PROBLEM_STATUSES, type ProblemStatus } from '../../problems/store.ts';
import { updateProblem } from '../../problems/update-problem.ts';
import { listTopics, mergeTopics, renameTopic } from '../../listening/manage-topics.ts';
import { getListeningSettings, updateListeningSettings } from '../../problems/listening-settings.ts';
import { splitTopic } from '../../listening/split-topic.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

const status = z.enum(PROBLEM_STATUSES as [ProblemStatus, ...ProblemStatus[]]);
const problem = z
  .object({
    id: z.string(), title: z.string(), status, owner_id: z.string(), root_cause: z.string().nullable(), topic_id: z.string().nullable(),
    signal_id: z.string().nullable(), created_at: res.time, updated_at: res.time, resolved_at: res.time.nullable(),
  })
  .describe('Problem');
const money = z.object({ cents: z.number().int(), currency: z.string() });
const linked = z.object({
  case_id: z.string(), ref: z.string(), subject: z.string(), status: z.string(), customer_id: z.string(), customer_name: z.string(),
  state: z.enum(['suggested', 'confirmed', 'removed']), linked_at: res.time,
  reason: z.object({
    why: z.enum(['topic', 'problem_topic', 'signal_topic', 'related_topic', 'burst_words']), topic_id: z.string().optional(),
    words: z.array(z.string()).optional().describe('burst_words: the bursting words the message shares with the problem\'s cases'),
  }).nullable()
    .describe('why the case was suggested: a message in one of the problem\'s topics (the problem\'s own, one its signal counted, one that came close later), or one using the words that burst with the problem\'s cases (burst_words); null: linked by hand'),
  amount: z.object({ amount: money, certain: z.boolean(), alternatives: z.array(money) }).nullable()
    .describe("the amount the customer's complaint is about ({{amount}}); uncertain: a person chooses among amount and alternatives"),
});
const problemIncident = z.object({
  id: z.string(), title: z.object({ nl: z.string(), en: z.string().optional() }), status: z.enum(['investigating', 'identified', 'monitoring', 'resolved']),
  impact: z.enum(['none', 'minor', 'major', 'critical']), next_update_at: res.time.nullable(), created_at: res.time, resolved_at: res.time.nullable(),
}).describe('An incident opened for this problem (its public face on the status page)');
const problemDetail = problem.extend({ cases: z.array(linked), affected_customers: z.number().int(), incidents: z.array(problemIncident) }).describe('Problem with linked cases and incidents');
const bulkResult = z.object({
  data: z.array(z.object({
    case_id: z.string(), ref: z.string(), outcome: z.enum(['sent', 'noted', 'blocked', 'skipped', 'failed']),
    message_id: z.string().optional(), error: z.object({ code: z.string(), message: z.string() }).optional(),
  })),
});
const signal = z
  .object({
    id: z.string(), topic_id: z.string().nullable(), title: z.string(), status: z.enum(['open', 'dismissed', 'converted']),
    evidence: z.object({
      count: z.number(), expected: z.number(), score: z.number(),
      reason: z.string().describe('the reason in English words; `why` says the same as data'),
      examples: z.array(z.string()).describe('ids of example messages'),
      series: z.array(z.object({ at: z.string(), count: z.number(), expected: z.number() })).describe('complaints per hour against the expected level'),
      why: z.union([
        z.object({ kind: z.literal('new_topic'), customers: z.number(), hours: z.number(), threshold: z.number(), related_topics: z.number() }),
        z.object({
          kind: z.literal('spike'), evidence: z.enum(['value', 'volatility', 'level', 'seasonal', 'novelty', 'range', 'warmup']),
          season: z.enum(['hour', 'weekday_hour']).nullable(), count: z.number(), expected: z.number(),
        }),
        z.object({
          kind: z.literal('burst_words'), customers: z.number(), hours: z.number(), threshold: z.number(),
          words: z.array(z.object({ word: z.string(), customers: z.number(), expected: z.number() })).describe('the words that burst: customers who used each in the window, and how many were expected'),
        }),
      ]).optional().describe('why the signal was raised, as data (signals raised before this field existed have only `reason`)'),
      topic_ids: z.array(z.string()).optional().describe('every topic the signal counted; a problem made from it is about all of them'),
      message_ids: z.array(z.string()).optional().describe('words that burst: every message the signal counted; a problem made from it suggests their cases'),
    }),
    raised_at: res.time, problem_id: z.string().nullable(),
  })
  .describe('Signal');
const exampleMessage = z.object({ id: z.string(), case_id: z.string(), case_ref: z.string(), excerpt: z.string(), at: res.time });

export function problemRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['problems'];

  r.get('/api/v1/problems', {
    config: { permission: 'problems.read' },
    schema: { tags, summary: 'List problems, newest first', querystring: z.object({ limit: s.limit, cursor: s.cursor, status: status.optional() }).strict(), response: { 200: res.pageOf(problem.extend({ confirmed_cases: z.number().int() })), ...res.errors } },
  }, async (req) => listProblems(db, actorOf(req).accountId, req.query));

  r.post('/api/v1/problems', {
    config: { permission: 'problems.manage' },
    schema: {
      tags,
      summary: 'Open a problem (supervisor): one owner; from a signal, its topic\'s open cases are suggested',
      body: z.object({
        title: z.string().trim().min(1).max(300), owner_id: s.id.optional(), root_cause: z.string().max(5000).optional(),
        signal_id: s.id.optional(), case_ids: z.array(s.id).max(1000).optional(),
      }).strict(),
      response: { 201: problem, ...res.errors },
    },
  }, async (req, reply) => {
    const b = req.body;
    const p = await openProblem(db, actorOf(req), { title: b.title, ownerId: b.owner_id, rootCause: b.root_cause, signalId: b.signal_id, caseIds: b.case_ids });
    return reply.code(201).header('location', `/api/v1/problems/${p.id}`).send(p);
  });

  r.get('/api/v1/problems/:id', { config: { permission: 'problems.read' }, schema: { tags, summary: 'One problem with its linked cases', params: s.idParams, response: { 200: problemDetail, ...res.errors } } }, async (req) =>
    getProblem(db, actorOf(req).accountId, req.params.id));

  r.patch('/api/v1/problems/:id', {
    config: { permission: 'problems.work' },
    schema: {
      tags,
      summary: 'Change status (investigating → identified → fixing → resolved), owner, root cause or title',
      params: s.idParams,
      body: z.object({ title: z.string().trim().min(1).max(300).optional(), status: status.optional(), owner_id: s.id.optional(), root_cause: z.string().max(5000).nullable().optional() }).strict(),
      response: { 200: problem, ...res.errors },
    },
  }, async (req) => updateProblem(db, actorOf(req), req.params.id, { title: req.body.title, status: req.body.status, ownerId: req.body.owner_id, rootCause: req.body.root_cause }));

  r.put('/api/v1/problems/:id/cases/:case_id', {
    config: { permission: 'problems.work' },
    schema: {
      tags,
      summary: 'Confirm that a case belongs to the problem, or remove it (then it is never suggested again)',
      params: z.object({ id: s.id, case_id: s.caseId }).strict(),
      body: z.object({ state: z.enum(['confirmed', 'removed']) }).strict(),
      response: { 200: z.object({ problem_id: z.string(), case_id: z.string(), ref: z.string(), state: z.enum(['confirmed', 'removed']) }), ...res.errors },
    },
  }, async (req) => setCaseLink(db, actorOf(req), req.params.id, req.params.case_id, req.body.state));

  r.post('/api/v1/problems/:id/reply', {
    config: { permission: 'problems.manage' },
    schema: {
      tags,
      summary: 'A personal reply to every confirmed case ({{customer.first_name}}, {{case.ref}}, {{amount}}), through the normal outbound path; optionally solve each',
      params: s.idParams,
      description: 'A case whose amount is uncertain is skipped (amount_uncertain) unless `amounts` gives the amount for it.',
      body: z.object({
        body: s.body,
        solve: z.boolean().default(false),
        amounts: z.record(s.id, z.object({ cents: z.number().int().positive().max(100_000_000), currency: z.enum(['EUR', 'USD', 'GBP']) }).strict()).optional()
          .describe('per case id: the amount to use for {{amount}}'),
      }).strict(),
      response: { 200: bulkResult, ...res.errors },
    },
  }, async (req) => ({ data: await replyToAll(db, actorOf(req), req.params.id, req.body) }));

  r.post('/api/v1/problems/:id/note', {
    config: { permission: 'problems.manage' },
    schema: { tags, summary: 'The same internal note on every confirmed case', params: s.idParams, body: z.object({ body: s.body }).strict(), response: { 200: bulkResult, ...res.errors } },
  }, async (req) => ({ data: await noteOnAll(db, actorOf(req), req.params.id, req.body.body) }));

  const topic = z
    .object({ id: z.string(), label: z.string(), autoLabel: z.string(), name: z.string().nullable(), size: z.number().int() })
    .describe('Topic');
  const ttags = ['topics'];
  r.get('/api/v1/topics', {
    config: { permission: 'problems.read' },
    schema: {
      tags: ttags,
      summary: 'Live topics that listening found, most recently active first, with readable labels',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict(),
      response: { 200: res.listOf(topic.extend({ first_at: res.time, last_at: res.time, open_signal_id: z.string().nullable() })), ...res.errors },
    },
  }, async (req) => ({ data: await listTopics(db, actorOf(req).accountId, req.query.limit) }));

  r.patch('/api/v1/topics/:id', {
    config: { permission: 'topics.manage' },
    schema: {
      tags: ttags,
      summary: 'Name a topic (supervisor); null goes back to the automatic label',
      params: s.idParams,
      body: z.object({ name: z.string().trim().max(200).nullable() }).strict(),
      response: { 200: topic, ...res.errors },
    },
  }, async (req) => renameTopic(db, actorOf(req), req.params.id, req.body.name));

  r.post('/api/v1/topics/:id/merge', {
    config: { permission: 'topics.manage' },
    schema: {
      tags: ttags,
      summary: 'Fold another topic into this one, with its messages, signals and problems (supervisor)',
      params: s.idParams,
      body: z.object({ topic_id: s.id }).strict(),
      response: { 200: topic, ...res.errors },
    },
  }, async (req) => mergeTopics(db, actorOf(req), req.params.id, req.body.topic_id));

  r.post('/api/v1/topics/:id/split', {
    config: { permission: 'topics.manage' },
    schema: {
      tags: ttags,
      summary: 'Split a topic that lumps two subjects together: its recent messages are re-clustered in two, the smaller group becomes a new topic (supervisor)',
      params: s.idParams,
      body: z.object({}).strict().nullish(),
      response: { 200: z.object({ keep: topic, split: topic, moved: z.number().int() }), ...res.errors },
    },
  }, async (req) => splitTopic(db, actorOf(req), req.params.id));

  r.get('/api/v1/signals', {
    config: { permission: 'problems.read' },
    schema: {
      tags, summary: 'Signals raised by spike detection, newest first, with the text of their example messages',
      querystring: z.object({ status: z.enum(['open', 'dismissed', 'converted']).optional() }).strict(),
      response: { 200: res.listOf(signal.extend({ example_messages: z.array(exampleMessage) })), ...res.errors },
    },
  }, async (req) => ({ data: await listSignalsWithExamples(db, actorOf(req).accountId, req.query.status) }));

  r.post('/api/v1/signals/:id/dismiss', {
    config: { permission: 'problems.manage' },
    schema: { tags, summary: 'Dismiss a signal (supervisor)', params: s.idParams, body: z.object({ reason: z.string().max(2000).optional() }).strict().optional(), response: { 200: signal, ...res.errors } },
  }, async (req) => dismissSignal(db, actorOf(req), req.params.id, req.body?.reason));

  const listening = z.object({ auto_problem_min_count: z.number().int().nullable().describe('a signal with at least this many complaints opens a problem by itself; null: never') });
  r.get('/api/v1/settings/listening', { config: { permission: 'settings.read' }, schema: { tags, summary: 'When a signal becomes a problem by itself', response: { 200: listening, ...res.errors } } },
    async (req) => getListeningSettings(db, actorOf(req).accountId));
  r.patch('/api/v1/settings/listening', {
    config: { permission: 'listening.settings' },
    schema: { tags, summary: 'Set the threshold at which a signal opens a problem by itself (admin)',
      body: z.object({ auto_problem_min_count: z.number().int().min(2).max(100_000).nullable() }).partial().strict(), response: { 200: listening, ...res.errors } },
  }, async (req) => updateListeningSettings(db, actorOf(req), req.body));
}
