// `luister promises | sla | brief | escalate | route`: promises, service levels, escalation and routing.
import { AppError } from '../../shared/errors.ts';
import { cliActor } from '../account-context.ts';
import { type CliOptions, print, required, withDb } from '../run.ts';
import type { Db } from '../../storage/db.ts';

/** `--field case.contract=zakelijk` (repeatable) as conditions, checked like the API's (src/custom-fields/conditions.ts). */
async function cliConditions(db: Db, accountId: string, given: string[] | undefined) {
  if (!given?.length) return undefined;
  const { conditionFromText } = await import('../../custom-fields/conditions.ts');
  const { fieldDefinitions } = await import('../../custom-fields/store.ts');
  const defs = await fieldDefinitions(db, accountId);
  return given.map((g) => conditionFromText(defs, g));
}

/** Promises, service levels, escalation and routing; null when the command is not one of these */
export function serviceCommand(cmd: string, sub: string | undefined, arg: string | undefined, opt: CliOptions, rest: string[] = []): Promise<unknown> | null {
  switch (cmd) {
    case 'promises':
      return withDb('promises', async (db) => {
        const actor = await cliActor(db, opt.account);
        const { listPromises } = await import('../../promises/list-promises.ts');
        const { PROMISE_STATES } = await import('../../promises/store.ts');
        if (opt.state && !PROMISE_STATES.includes(opt.state as never)) throw new AppError('invalid_state', `--state must be one of ${PROMISE_STATES.join(', ')}`);
        const endOfToday = new Date();
        endOfToday.setHours(24, 0, 0, 0);
        const { data } = await listPromises(db, actor.accountId, {
          limit: 200, state: (opt.state as never) ?? (opt['due-today'] ? 'open' : undefined), due_before: opt['due-today'] ? endOfToday : undefined,
        });
        for (const p of data) console.log(`${p.state.padEnd(12)} ${p.due_at.toISOString().slice(0, 16)}  ${p.kind.padEnd(18)} ${p.description}  (case ${p.case_id})`);
        if (!data.length) console.log('No promises');
      });
    case 'sla':
      if (sub === 'policy' && arg === 'create') {
        return withDb('sla policy create', async (db) => {
          const actor = await cliActor(db, opt.account);
          const { saveSlaPolicy } = await import('../../promises/manage-sla-policies.ts');
          const num = (v: string | undefined, name: string) => {
            if (v === undefined) return null;
            const n = Number(v);
            if (!Number.isInteger(n) || n <= 0) throw new AppError('invalid_minutes', `--${name} is a whole number of business minutes`);
            return n;
          };
          print(await saveSlaPolicy(db, actor, null, {
            name: required('name', opt.name), segment: opt.segment ?? null, priority: (opt.priority as never) ?? null, channel: (opt.channel as never) ?? null,
            first_response_minutes: num(opt['first-response'], 'first-response'), next_response_minutes: num(opt['next-response'], 'next-response'),
            resolution_minutes: num(opt.resolution, 'resolution'),
            field_conditions: await cliConditions(db, actor.accountId, opt.field),
          }));
        });
      }
      return withDb('sla', async (db) => {
        const actor = await cliActor(db, opt.account);
        const { casesAtRisk } = await import('../../promises/case-sla.ts');
        if (opt.state && opt.state !== 'at_risk' && opt.state !== 'breached') throw new AppError('invalid_state', '--state must be at_risk or breached');
        const { data } = await casesAtRisk(db, actor.accountId, { state: opt.state as 'at_risk' | 'breached' | undefined });
        for (const c of data) {
          const worst = c.clocks.filter((k) => k.state === 'breached' || k.state === 'at_risk').map((k) => `${k.target} ${k.state} (${k.elapsed_minutes}/${k.target_minutes} min)`);
          console.log(`${c.ref.padEnd(9)} ${worst.join(', ')}  ${c.subject}`);
        }
        if (!data.length) console.log('No cases at risk');
      });
    case 'brief':
      return withDb('brief', async (db) => {
        const actor = await cliActor(db, opt.account);
        const { loadCase } = await import('../../cases/store.ts');
        const { caseBrief } = await import('../../escalation/case-brief.ts');
        const { escalationFacts } = await import('../../escalation/case-facts.ts');
        const { decideEscalation } = await import('../../escalation/rules.ts');
        const c = await loadCase(db, actor.accountId, required('REF', sub));
        console.log(await caseBrief(db, actor.accountId, c.id));
        const d = decideEscalation((await escalationFacts(db, actor.accountId, { caseId: c.id }))[0]);
        console.log(d ? `\nEscalation rules: → ${d.to}: ${d.reasons.map((r) => r.reason).join('; ')}` : '\nEscalation rules: stays at its tier');
      });
    case 'escalate':
      return withDb('escalate', async (db) => {
        const actor = await cliActor(db, opt.account);
        const { escalateCase } = await import('../../escalation/escalate-case.ts');
        const { escalationFacts } = await import('../../escalation/case-facts.ts');
        const { decideEscalation } = await import('../../escalation/rules.ts');
        const { loadCase } = await import('../../cases/store.ts');
        const c = await loadCase(db, actor.accountId, required('REF', sub));
        if (opt.to !== undefined && opt.to !== 'L2' && opt.to !== 'L3') throw new AppError('invalid_tier', '--to must be L2 or L3');
        const d = opt.to
          ? { to: opt.to as 'L2' | 'L3', reasons: [{ rule: 'manual', to: opt.to as 'L2' | 'L3', reason: required('reason', opt.reason) }] }
          : decideEscalation((await escalationFacts(db, actor.accountId, { caseId: c.id }))[0]);
        if (!d) throw new AppError('no_escalation_needed', `No escalation rule applies to ${c.ref}; give --to and --reason to escalate by hand`);
        const r = await escalateCase(db, actor, c.id, d);
        console.log(`${r.case.ref} → ${r.case.tier}: ${r.reasons.map((x) => x.reason).join('; ')}\n\n${r.brief}`);
      });
    case 'route':
      if (sub === 'rules' || sub === 'rule') {
        return withDb('route rules', async (db) => {
          const actor = await cliActor(db, opt.account);
          const { deleteRoutingRule, listRoutingRules, saveRoutingRule } = await import('../../routing/manage-routing-rules.ts');
          if (sub === 'rule' && arg === 'add') {
            if (opt.tier !== undefined && !['L1', 'L2', 'L3'].includes(opt.tier)) throw new AppError('invalid_tier', '--tier must be L1, L2 or L3');
            return print(await saveRoutingRule(db, actor, null, {
              name: required('name', opt.name), position: opt.position === undefined ? undefined : Number(opt.position),
              conditions: await cliConditions(db, actor.accountId, opt.field), team_id: opt.team ?? null, tier: (opt.tier as 'L1' | 'L2' | 'L3' | undefined) ?? null,
            }));
          }
          if (sub === 'rule' && arg === 'delete') return print(await deleteRoutingRule(db, actor, required('ID', rest[0])));
          for (const r of await listRoutingRules(db, actor.accountId)) {
            const when = r.conditions.map((c) => `${c.entity}.${c.key} ${c.op === 'is_set' ? 'is set' : `${c.op === 'equals' ? '=' : 'in'} ${JSON.stringify(c.value)}`}`).join(' and ');
            console.log(`${String(r.position).padStart(3)}  ${r.name}: when ${when} → ${[r.team_id && `team ${r.team_id}`, r.tier && `at least ${r.tier}`].filter(Boolean).join(', ')}  (${r.id})`);
          }
        });
      }
      return withDb('route', async (db) => {
        const actor = await cliActor(db, opt.account);
        const { routeCase, routeQueue } = await import('../../routing/route-case.ts');
        if (opt.queue) {
          for (const r of (await routeQueue(db, actor)).data) console.log(`${r.ref.padEnd(9)} ${r.offered_to ? 'offered to' : 'not routed:'} ${r.reason}`);
          return;
        }
        const r = await routeCase(db, actor, required('REF', sub));
        console.log(r.offer ? `offered to ${r.agentName} — ${r.reason}` : r.reason);
      });
  }
  return null;
}
