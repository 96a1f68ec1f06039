import type { Db } from '../../storage/db.ts';
import { recordAudit } from '../../shared/audit.ts';
import type { AgentRow } from '../create-agent.ts';
import { formatSecret, hashSecret, newSecret } from '../secrets.ts';

/** A session exactly like a password sign-in's (login.ts): same table, same cookie format, same audit action. */
export async function startSession(db: Db, agent: AgentRow, opts: { ttlHours: number; requestId?: string; via: string }): Promise<{ cookie: string; expiresAt: Date }> {
  const secret = newSecret();
  const expiresAt = new Date(Date.now() + opts.ttlHours * 3_600_000);
  return db.transaction(async (tx) => {
    const [s] = await tx.query<{ id: string }>(
      `INSERT INTO sessions (account_id, agent_id, secret_hash, expires_at) VALUES ($1, $2, $3, $4) RETURNING id`,
      [agent.account_id, agent.id, hashSecret(secret), expiresAt],
    );
    await recordAudit(
      tx,
      { accountId: agent.account_id, type: 'agent', id: agent.id, role: agent.role, agentId: agent.id, requestId: opts.requestId },
      { action: 'agent.signed_in', entityType: 'agent', entityId: agent.id, after: { via: opts.via } },
    );
    return { cookie: formatSecret('lss', agent.account_id, s.id, secret), expiresAt };
  });
}
