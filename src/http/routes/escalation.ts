import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { loadCase } from '../../cases/store.ts';
import { conflict } from '../../shared/errors.ts';
import { caseBrief } from '../../escalation/case-brief.ts';
import { escalationFacts } from '../../escalation/case-facts.ts';
import { escalateCase } from '../../escalation/escalate-case.ts';
import { decideEscalation } from '../../escalation/rules.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

const reason = z.object({ rule: z.string(), to: z.enum(['L1', 'L2', 'L3']), reason: z.string() });

export function escalationRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['escalation'];
  r.get('/api/v1/cases/:id/brief', {
    config: { permission: 'cases.read' },
    schema: { tags, summary: 'The case brief: who the customer is, what happened, what was promised, what was tried', params: s.caseParams,
      response: { 200: z.object({ brief: z.string(), escalation: z.object({ to: z.enum(['L1', 'L2', 'L3']), reasons: z.array(reason) }).nullable().describe('what the rules would do now') }), ...res.errors } },
  }, async (req) => {
    const accountId = actorOf(req).accountId;
    const c = await loadCase(db, accountId, req.params.id);
    const [facts] = await escalationFacts(db, accountId, { caseId: c.id });
    return { brief: await caseBrief(db, accountId, c.id), escalation: decideEscalation(facts) };
  });
  r.post('/api/v1/cases/:id/escalate', {
    config: { permission: 'cases.write' },
    schema: {
      tags, summary: 'Escalate a case with a generated brief: to a tier with a reason, or (empty body) as the rules decide',
      params: s.caseParams,
      body: z.object({ to: z.enum(['L2', 'L3']), reason: z.string().trim().min(1).max(1000) }).strict().nullish(),
      response: { 200: z.object({ case: res.caseSchema, reasons: z.array(reason), brief: z.string() }), ...res.errors },
    },
  }, async (req) => {
    const actor = actorOf(req);
    if (req.body) return escalateCase(db, actor, req.params.id, { to: req.body.to, reasons: [{ rule: 'manual', to: req.body.to, reason: req.body.reason }] });
    const c = await loadCase(db, actor.accountId, req.params.id);
    const [facts] = await escalationFacts(db, actor.accountId, { caseId: c.id });
    const d = decideEscalation(facts);
    if (!d) throw conflict('no_escalation_needed', `No escalation rule applies to ${c.ref}; give a tier and a reason to escalate by hand`);
    return escalateCase(db, actor, c.id, d);
  });
}
