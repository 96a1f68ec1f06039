import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { can } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError, forbidden, notFound } from '../shared/errors.ts';
import { isUuid } from '../shared/ids.ts';
import { liveNotice } from '../live/notice.ts';
import { publishLive } from '../live/publish.ts';
import { loadCase } from './store.ts';

export interface Follower {
  agent_id: string;
  name: string;
  added_by: string | null;
  created_at: Date;
}

/**
 * Followers: agents who get a case's notifications without owning it — a customer message on it,
 * a reply or note by someone else, a merge or split, and whatever its owner hears about it (service
 * levels at risk or breached, promises due or broken, an escalation). Never of their own doing.
 */
export async function listFollowers(db: Db, accountId: string, caseId: string): Promise<Follower[]> {
  return db.query<Follower>(
    `SELECT f.agent_id, a.name, f.added_by, f.created_at FROM case_followers f
     JOIN agents a ON a.account_id = f.account_id AND a.id = f.agent_id
     WHERE f.account_id = $1 AND f.case_id = $2 ORDER BY f.created_at, a.name`,
    [accountId, caseId],
  );
}

/**
 * Adds a follower (yourself, or a colleague: anyone who works cases may, as one copies a colleague
 * in). Following a case one follows already changes nothing (200, `changed: false`). Audited on the case.
 */
export async function followCase(db: Db, actor: Actor, caseIdOrRef: string, agentId: string) {
  return db.transaction(async (tx) => {
    const c = await loadCase(tx, actor.accountId, caseIdOrRef, true);
    if (c.merged_into_id) throw new AppError('case_merged', `${c.ref} was merged into another case: follow that one`, 409);
    await activeAgent(tx, actor.accountId, agentId);
    const [row] = await tx.query<{ agent_id: string }>(
      `INSERT INTO case_followers (account_id, case_id, agent_id, added_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (account_id, case_id, agent_id) DO NOTHING RETURNING agent_id`,
      [actor.accountId, c.id, agentId, actor.agentId],
    );
    if (row) {
      await recordAudit(tx, actor, { action: 'case.follower_added', entityType: 'case', entityId: c.id, after: { agent_id: agentId } });
      await publishLive(tx, liveNotice(actor.accountId, 'case.followers_changed', { case_id: c.id, agent_id: agentId }));
    }
    return { case_id: c.id, changed: Boolean(row), followers: await listFollowers(tx, actor.accountId, c.id) };
  });
}

/**
 * Removes a follower: yourself, or — for whoever may give cases to colleagues (cases.assign_others,
 * supervisors) — a colleague. Not following changes nothing (200, `changed: false`). Audited on the case.
 */
export async function unfollowCase(db: Db, actor: Actor, caseIdOrRef: string, agentId: string) {
  if (!isUuid(agentId)) throw notFound('agent', agentId);
  if (agentId !== actor.agentId && !can(actor, 'cases.assign_others')) {
    throw forbidden('Taking a colleague off a case\'s followers needs the permission cases.assign_others (supervisor or above); anyone may stop following themselves');
  }
  return db.transaction(async (tx) => {
    const c = await loadCase(tx, actor.accountId, caseIdOrRef, true);
    const [row] = await tx.query<{ agent_id: string }>(
      'DELETE FROM case_followers WHERE account_id = $1 AND case_id = $2 AND agent_id = $3 RETURNING agent_id',
      [actor.accountId, c.id, agentId],
    );
    if (row) {
      await recordAudit(tx, actor, { action: 'case.follower_removed', entityType: 'case', entityId: c.id, before: { agent_id: agentId } });
      await publishLive(tx, liveNotice(actor.accountId, 'case.followers_changed', { case_id: c.id, agent_id: agentId }));
    }
    return { case_id: c.id, changed: Boolean(row), followers: await listFollowers(tx, actor.accountId, c.id) };
  });
}

async function activeAgent(tx: Db, accountId: string, agentId: string): Promise<void> {
  if (!isUuid(agentId)) throw notFound('agent', agentId);
  const [a] = await tx.query<{ active: boolean }>('SELECT active FROM agents WHERE account_id = $1 AND id = $2', [accountId, agentId]);
  if (!a) throw notFound('agent', agentId);
  if (!a.active) throw new AppError('agent_inactive', `Agent ${agentId} is deactivated and gets no notifications`, 409);
}
