import type { Db } from '../storage/db.ts';
import { systemActor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { createAgent, type AgentRow } from './create-agent.ts';
import { createApiToken } from './create-api-token.ts';

export interface CreateAccountOptions {
  name: string;
  adminEmail: string;
  adminName?: string;
  /** when given the admin can sign in with it; otherwise only the API token is usable */
  adminPassword?: string;
}

export interface CreatedAccount {
  account: { account_id: string; name: string; created_at: Date };
  admin: AgentRow;
  /** shown once; only its hash is stored */
  token: string;
}

/** A new tenant with its first admin and an admin API token, in one transaction. */
export async function createAccount(db: Db, opts: CreateAccountOptions): Promise<CreatedAccount> {
  return db.transaction(async (tx) => {
    const [account] = await tx.query<CreatedAccount['account']>(
      'INSERT INTO accounts (name) VALUES ($1) RETURNING account_id, name, created_at',
      [opts.name.trim()],
    );
    const actor = systemActor(account.account_id);
    await recordAudit(tx, actor, {
      action: 'account.created',
      entityType: 'account',
      entityId: account.account_id,
      after: { name: account.name },
    });
    const admin = await createAgent(tx, actor, {
      email: opts.adminEmail,
      name: opts.adminName ?? opts.adminEmail.split('@')[0],
      role: 'admin',
      password: opts.adminPassword,
    });
    // the first token is the first admin's own: it acts as them
    const { token } = await createApiToken(tx, { ...actor, agentId: admin.id }, { name: 'setup', role: 'admin', agentId: admin.id });
    return { account, admin, token };
  });
}
