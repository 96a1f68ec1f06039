import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import { can } from '../../accounts/permissions.ts';
import { recordAudit } from '../../shared/audit.ts';
import { forbidden, notFound } from '../../shared/errors.ts';
import type { OpenInterval, Weekday } from '../../promises/calendar.ts';
import { type Absence, type AgentHours, validateAgentHours } from './callback-rota.ts';
import { formatAbsences, formatHours, parseAbsences, parseHours } from './hours-text.ts';

/** One agent's line in the callback rota: `hours` null when they have none (then they take no callbacks once anyone has hours). */
export interface RotaLine {
  agent_id: string;
  name: string;
  email: string;
  hours: { weekly: Record<Weekday, OpenInterval[]>; absences: Absence[]; updated_at: Date; hours_text: string; absences_text: string } | null;
}

/** What a user or the API may send: the structured week, or the same written out ("ma-vr 09:00-12:00"); both checked whole. */
export interface HoursInput {
  weekly?: unknown;
  absences?: unknown;
  hours_text?: string;
  absences_text?: string;
}

const withText = (h: Omit<AgentHours, 'agentId'>, updated_at: Date, lang: 'nl' | 'en') =>
  ({ ...h, updated_at, hours_text: formatHours(h.weekly, lang), absences_text: formatAbsences(h.absences) });

/**
 * The hours of the account's active agents who have callback hours, or null when nobody has any:
 * then the door's fixed bookings per slot applies, as before rotas existed.
 */
export async function readRota(db: Db, accountId: string): Promise<AgentHours[] | null> {
  const rows = await db.query<{ agent_id: string; weekly: Record<Weekday, OpenInterval[]>; absences: Absence[] }>(
    `SELECT h.agent_id, h.weekly, h.absences FROM agent_callback_hours h
     JOIN agents a ON a.account_id = h.account_id AND a.id = h.agent_id AND a.active
     WHERE h.account_id = $1 ORDER BY a.name, a.id`,
    [accountId],
  );
  // stored rows were checked when written; the check also fills weekdays left out
  return rows.length ? rows.map((r) => ({ agentId: r.agent_id, ...validateAgentHours(r) })) : null;
}

/** Every active agent with their callback hours (null when none), for the rota screen and the API. */
export async function listRota(db: Db, accountId: string, lang: 'nl' | 'en' = 'nl'): Promise<RotaLine[]> {
  const rows = await db.query<{ agent_id: string; name: string; email: string; weekly: unknown; absences: unknown; updated_at: Date | null }>(
    `SELECT a.id AS agent_id, a.name, a.email, h.weekly, h.absences, h.updated_at FROM agents a
     LEFT JOIN agent_callback_hours h ON h.account_id = a.account_id AND h.agent_id = a.id
     WHERE a.account_id = $1 AND a.active ORDER BY a.name, a.id`,
    [accountId],
  );
  return rows.map((r) => ({
    agent_id: r.agent_id, name: r.name, email: r.email,
    hours: r.updated_at ? withText(validateAgentHours({ weekly: r.weekly, absences: r.absences }), r.updated_at, lang) : null,
  }));
}

function mayChange(actor: Actor, agentId: string) {
  if (actor.agentId !== agentId && !can(actor, 'routing.manage')) {
    throw forbidden("Changing another agent's callback hours needs the permission routing.manage (supervisor or above)");
  }
}

/** Sets an agent's callback hours (their own, or anyone's for a supervisor); checked whole, audited. */
export async function setCallbackHours(db: Db, actor: Actor, agentId: string, input: HoursInput, lang: 'nl' | 'en' = 'nl'): Promise<RotaLine> {
  mayChange(actor, agentId);
  const hours = validateAgentHours({
    weekly: input.hours_text !== undefined ? parseHours(input.hours_text) : input.weekly,
    absences: input.absences_text !== undefined ? parseAbsences(input.absences_text) : input.absences,
  });
  return db.transaction(async (tx) => {
    const [agent] = await tx.query<{ name: string; email: string }>('SELECT name, email FROM agents WHERE account_id = $1 AND id = $2 AND active', [actor.accountId, agentId]);
    if (!agent) throw notFound('agent', agentId);
    const [before] = await tx.query('SELECT weekly, absences FROM agent_callback_hours WHERE account_id = $1 AND agent_id = $2 FOR UPDATE', [actor.accountId, agentId]);
    const [row] = await tx.query<{ updated_at: Date }>(
      `INSERT INTO agent_callback_hours (account_id, agent_id, weekly, absences) VALUES ($1, $2, $3, $4)
       ON CONFLICT (account_id, agent_id) DO UPDATE SET weekly = EXCLUDED.weekly, absences = EXCLUDED.absences, updated_at = now()
       RETURNING updated_at`,
      [actor.accountId, agentId, JSON.stringify(hours.weekly), JSON.stringify(hours.absences)],
    );
    await recordAudit(tx, actor, { action: 'agent.callback_hours_set', entityType: 'agent', entityId: agentId, before: before ?? null, after: hours });
    return { agent_id: agentId, name: agent.name, email: agent.email, hours: withText(hours, row.updated_at, lang) };
  });
}

/** Takes an agent off the rota (no hours: once anyone has hours, they take no callbacks). */
export async function clearCallbackHours(db: Db, actor: Actor, agentId: string): Promise<{ agent_id: string; deleted: boolean }> {
  mayChange(actor, agentId);
  return db.transaction(async (tx) => {
    const [agent] = await tx.query('SELECT 1 FROM agents WHERE account_id = $1 AND id = $2', [actor.accountId, agentId]);
    if (!agent) throw notFound('agent', agentId);
    const [gone] = await tx.query('DELETE FROM agent_callback_hours WHERE account_id = $1 AND agent_id = $2 RETURNING weekly, absences', [actor.accountId, agentId]);
    if (gone) await recordAudit(tx, actor, { action: 'agent.callback_hours_cleared', entityType: 'agent', entityId: agentId, before: gone, after: null });
    return { agent_id: agentId, deleted: Boolean(gone) };
  });
}
