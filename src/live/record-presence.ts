import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { forbidden } from '../shared/errors.ts';
import { loadCase } from '../cases/store.ts';
import type { LiveHub } from './hub.ts';
import type { PresenceState } from './notice.ts';
import type { Presence } from './presence.ts';
import { publishLive } from './publish.ts';

/** A heartbeat counts the time since the previous one, at most this much (a sleeping laptop is not work). */
export const MAX_BEAT_SECONDS = 30;

/**
 * An agent says they are on a case (viewing or typing), still there (the workspace repeats it
 * every 15 s) or gone. The colleagues on the same case hear it live; the time between heartbeats
 * is counted as work on the case (per agent and day, in the account's time zone) for the
 * dashboard's cost per contact. Returns who else is on the case.
 */
export async function recordPresence(db: Db, hub: LiveHub, actor: Actor, caseIdOrRef: string, state: PresenceState): Promise<Presence[]> {
  if (!actor.agentId) throw forbidden('Only an agent (signed in, or with a token made by an agent) can be present on a case');
  const c = await loadCase(db, actor.accountId, caseIdOrRef);
  const [agent] = await db.query<{ name: string }>(
    `WITH w AS (
       INSERT INTO case_work (account_id, case_id, agent_id, day)
       VALUES ($1, $2, $3, (now() AT TIME ZONE coalesce((SELECT time_zone FROM account_settings WHERE account_id = $1), 'Europe/Amsterdam'))::date)
       ON CONFLICT (account_id, case_id, agent_id, day) DO UPDATE
       SET seconds = case_work.seconds + least($4, greatest(0, extract(epoch FROM now() - case_work.last_beat_at)))::int,
           last_beat_at = now())
     SELECT name FROM agents WHERE account_id = $1 AND id = $3`,
    [actor.accountId, c.id, actor.agentId, MAX_BEAT_SECONDS],
  );
  await hub.start();
  await publishLive(db, {
    account_id: actor.accountId, event: 'presence', at: new Date().toISOString(), case_id: c.id, agent_id: actor.agentId, name: agent?.name ?? '', state,
  });
  return othersOn(hub, actor, c.id);
}

/** Who else is on the case now. */
export async function listPresence(db: Db, hub: LiveHub, actor: Actor, caseIdOrRef: string): Promise<Presence[]> {
  const c = await loadCase(db, actor.accountId, caseIdOrRef);
  await hub.start();
  return othersOn(hub, actor, c.id);
}

const othersOn = (hub: LiveHub, actor: Actor, caseId: string) => hub.presence.list(actor.accountId, caseId).filter((p) => p.agent_id !== actor.agentId);
