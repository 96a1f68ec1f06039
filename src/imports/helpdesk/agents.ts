import type { Db } from '../../storage/db.ts';
import type { SourcePerson } from './export.ts';

/** A source agent and the Luister agent of the same e-mail address, if there is one. */
export type Agents = Map<string, { agentId: string | null; name: string; email: string | null }>;

/**
 * The source's agents → this account's active Luister agents with the same e-mail address
 * (case-insensitive). Only this account's agents are looked at: an id in the export never
 * reaches another account's agent.
 */
export async function matchAgents(db: Db, accountId: string, people: readonly SourcePerson[]): Promise<Agents> {
  const rows = await db.query<{ id: string; email: string }>('SELECT id, lower(email) AS email FROM agents WHERE account_id = $1 AND active', [accountId]);
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  const out: Agents = new Map();
  for (const p of people) {
    if (!p.agent) continue;
    out.set(p.id, { agentId: (p.email && byEmail.get(p.email.trim().toLowerCase())) || null, name: p.name, email: p.email });
  }
  return out;
}
