import type { Db } from '../storage/db.ts';
import { type Actor, systemActor } from '../shared/actor.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError } from '../shared/errors.ts';
import { loadCase } from '../cases/store.ts';
import type { Tier } from '../cases/status.ts';
import { respondToTransfer, TRANSFER_COLUMNS, type TransferRow } from '../cases/transfer-case.ts';
import { notify } from '../promises/notify.ts';
import { chooseAgent, type RoutingAgent, segmentRank } from './choose-agent.ts';
import { listRoutingRules } from './manage-routing-rules.ts';
import { routedTier, ruleFor } from './rules.ts';
import { LIVE_SEEN_SECONDS, liveSql } from '../live/agent-live.ts';
import { caseFieldValues } from '../custom-fields/case-values.ts';

/** Every active agent with what routing weighs: languages, skills, availability, tier and open cases. */
export async function routingAgents(db: Db, accountId: string, opts: { liveOnly?: boolean } = {}): Promise<RoutingAgent[]> {
  const rows = await db.query<{ id: string; name: string; team_id: string | null; languages: string[]; skills: string[]; available: boolean; max_open_cases: number; tier: Tier; open_cases: number }>(
    `SELECT a.id, a.name, a.team_id, a.languages, a.skills, a.available AND (NOT $2 OR ${liveSql('a', '$3')}) AS available, a.max_open_cases, a.tier,
       -- load: the open cases they own plus the offers waiting for their answer
       (SELECT count(*)::int FROM cases c WHERE c.account_id = a.account_id AND c.owner_id = a.id AND c.status NOT IN ('solved', 'closed'))
         + (SELECT count(*)::int FROM case_transfers t WHERE t.account_id = a.account_id AND t.to_agent_id = a.id AND t.status = 'offered') AS open_cases
     FROM agents a WHERE a.account_id = $1 AND a.active ORDER BY a.name, a.id`,
    [accountId, opts.liveOnly ?? false, LIVE_SEEN_SECONDS],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, teamId: r.team_id, languages: r.languages, skills: r.skills, available: r.available, openCases: r.open_cases, maxOpenCases: r.max_open_cases, tier: r.tier }));
}

/**
 * Offers a case to the best agent for it (see chooseAgent), passing over its owner and everyone
 * who declined it before. The offer is a transfer like any other: the receiver accepts or
 * declines; the owner, if any, stays accountable until then. Supervisors and the system route.
 * `liveOnly` (a chat visitor waiting for a person): only agents whose workspace is open now.
 */
export async function routeCase(db: Db, actor: Actor, caseIdOrRef: string, opts: { liveOnly?: boolean } = {}): Promise<{ offer: TransferRow | null; reason: string; agentName?: string }> {
  requirePermission(actor, 'routing.manage', 'Routing cases');
  return db.transaction(async (tx) => {
    const c = await loadCase(tx, actor.accountId, caseIdOrRef, true);
    if (c.status === 'solved' || c.status === 'closed') throw new AppError('case_not_open', `${c.ref} is ${c.status}; there is nothing to route`, 409);
    const [open] = await tx.query('SELECT 1 FROM case_transfers WHERE account_id = $1 AND case_id = $2 AND status = $3', [actor.accountId, c.id, 'offered']);
    if (open) throw new AppError('transfer_pending', `Case ${c.ref} already has an open offer`, 409);
    const declined = await tx.query<{ to_agent_id: string }>(
      `SELECT to_agent_id FROM case_transfers WHERE account_id = $1 AND case_id = $2 AND status = 'declined'`, [actor.accountId, c.id]);
    const exclude = new Set([...declined.map((d) => d.to_agent_id), ...(c.owner_id ? [c.owner_id] : [])]);
    const rules = await listRoutingRules(tx, actor.accountId);
    const rule = rules.length ? ruleFor(rules, await caseFieldValues(tx, actor.accountId, c.id)) : null;
    if (rule?.team_id && rule.team_id !== c.team_id) {
      await tx.query('UPDATE cases SET team_id = $3, updated_at = now() WHERE account_id = $1 AND id = $2', [actor.accountId, c.id, rule.team_id]);
      await recordAudit(tx, actor, { action: 'case.updated', entityType: 'case', entityId: c.id, before: { team_id: c.team_id }, after: { team_id: rule.team_id, routing_rule: rule.name } });
    }
    const tier = routedTier(c.tier, rule);
    const agents = (await routingAgents(tx, actor.accountId, opts)).filter((a) => !rule?.team_id || a.teamId === rule.team_id);
    const pick = chooseAgent(agents, { language: c.language, topic: c.topic, tier }, exclude);
    const ruleWords = rule ? `regel "${rule.name}"` : null;
    if (!pick) {
      await recordAudit(tx, actor, { action: 'case.routing_failed', entityType: 'case', entityId: c.id, after: { passed_over: [...exclude], routing_rule: rule?.name ?? null } });
      return { offer: null, reason: `nobody available for ${c.ref} (${[ruleWords, tier, c.language].filter(Boolean).join(', ')}); ${exclude.size} passed over` };
    }
    pick.reason = [ruleWords, pick.reason].filter(Boolean).join(', ');
    const [offer] = await tx.query<TransferRow>(
      `INSERT INTO case_transfers (account_id, case_id, from_agent_id, to_agent_id, note, routed)
       VALUES ($1, $2, $3, $4, $5, true) RETURNING ${TRANSFER_COLUMNS}`,
      [actor.accountId, c.id, c.owner_id, pick.agent.id, `routing: ${pick.reason}`],
    );
    await recordAudit(tx, actor, { action: 'case.transfer_offered', entityType: 'case', entityId: c.id, after: { ...offer, reason: pick.reason } });
    await notify(tx, actor.accountId, { agentIds: [pick.agent.id], kind: 'case.offered', caseId: c.id, body: `${c.ref} "${c.subject}" wordt je aangeboden (${pick.reason})` });
    return { offer, reason: pick.reason, agentName: pick.agent.name };
  });
}

/** Accepts, declines or cancels an offer; declining an offer that routing made passes the case on. */
export async function respondToOffer(db: Db, actor: Actor, caseIdOrRef: string, transferId: string, response: 'accept' | 'decline' | 'cancel') {
  const result = await respondToTransfer(db, actor, caseIdOrRef, transferId, response);
  if (response !== 'decline' || !result.transfer.routed) return result;
  const next = await routeCase(db, systemActor(actor.accountId), result.case.id);
  return { ...result, next_offer: next.offer, routing: next.reason };
}

/** Routes every unowned case without an offer: higher segments first, then the longest waiting. */
export async function routeQueue(db: Db, actor: Actor, o: { limit?: number } = {}) {
  requirePermission(actor, 'routing.manage', 'Routing cases');
  const waiting = await db.query<{ id: string; ref: string; segment: string; created_at: Date }>(
    `SELECT c.id, c.ref, cu.segment, c.created_at FROM cases c JOIN customers cu ON cu.account_id = c.account_id AND cu.id = c.customer_id
     WHERE c.account_id = $1 AND c.owner_id IS NULL AND c.status NOT IN ('solved', 'closed')
       AND NOT EXISTS (SELECT 1 FROM case_transfers t WHERE t.account_id = c.account_id AND t.case_id = c.id AND t.status = 'offered')`,
    [actor.accountId],
  );
  waiting.sort((a, b) => segmentRank(a.segment) - segmentRank(b.segment) || new Date(a.created_at).getTime() - new Date(b.created_at).getTime());
  const results: { case_id: string; ref: string; offered_to: string | null; reason: string }[] = [];
  for (const c of waiting.slice(0, o.limit ?? 500)) {
    const r = await routeCase(db, actor, c.id);
    results.push({ case_id: c.id, ref: c.ref, offered_to: r.offer?.to_agent_id ?? null, reason: r.offer ? `${r.agentName}: ${r.reason}` : r.reason });
  }
  return { data: results };
}
