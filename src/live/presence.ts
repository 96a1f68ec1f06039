import type { LiveNotice, PresenceState } from './notice.ts';

/** One agent on one case, as the others see it. */
export interface Presence {
  agent_id: string;
  name: string;
  state: Exclude<PresenceState, 'left'>;
  /** when this agent's latest heartbeat or change was sent */
  at: string;
}

/** How long a presence lasts without a heartbeat (the workspace beats every 15 s). */
export const PRESENCE_TTL_MS = 45_000;

/**
 * Who is on which case right now, per server process, built only from presence notices (every
 * process hears every notice, so they agree without a shared table). Entries expire without
 * a heartbeat, so a closed laptop does not stay "typing" forever; memory is bounded by the
 * agents actually present.
 */
export class PresenceBoard {
  private readonly cases = new Map<string, Map<string, Presence & { expires: number }>>();
  private nextSweep = 0;

  constructor(private readonly ttlMs = PRESENCE_TTL_MS) {}

  apply(n: LiveNotice, now = Date.now()): void {
    if (n.event !== 'presence' || !n.case_id || !n.agent_id || !n.state) return;
    const key = `${n.account_id}/${n.case_id}`;
    let agents = this.cases.get(key);
    if (n.state === 'left') {
      agents?.delete(n.agent_id);
      if (agents?.size === 0) this.cases.delete(key);
    } else {
      if (!agents) this.cases.set(key, (agents = new Map()));
      agents.set(n.agent_id, { agent_id: n.agent_id, name: n.name ?? '', state: n.state, at: n.at, expires: now + this.ttlMs });
    }
    if (now >= this.nextSweep) this.sweep(now);
  }

  /** Who is on the case, typing first, then by name. */
  list(accountId: string, caseId: string, now = Date.now()): Presence[] {
    const agents = this.cases.get(`${accountId}/${caseId}`);
    if (!agents) return [];
    const out: Presence[] = [];
    for (const [id, p] of agents) {
      if (p.expires <= now) agents.delete(id);
      else out.push({ agent_id: p.agent_id, name: p.name, state: p.state, at: p.at });
    }
    return out.sort((a, b) => (a.state === b.state ? a.name.localeCompare(b.name) : a.state === 'typing' ? -1 : 1));
  }

  sweep(now = Date.now()): void {
    for (const [key, agents] of this.cases) {
      for (const [id, p] of agents) if (p.expires <= now) agents.delete(id);
      if (agents.size === 0) this.cases.delete(key);
    }
    this.nextSweep = now + this.ttlMs;
  }

  get size(): number {
    return this.cases.size;
  }
}
