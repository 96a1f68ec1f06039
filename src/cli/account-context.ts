import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { isUuid } from '../shared/ids.ts';

/** CLI commands act as the system within one account: --account, or the only account there is. */
export async function cliActor(db: Db, accountId: string | undefined): Promise<Actor> {
  if (accountId) {
    const rows = await db.query('SELECT 1 FROM accounts WHERE account_id = $1', [accountId]);
    if (!rows.length) throw new AppError('account_not_found', `Account ${accountId} does not exist`, 404);
    return { accountId, type: 'system', id: null, role: 'admin', agentId: null };
  }
  const all = await db.query<{ account_id: string; name: string }>('SELECT account_id, name FROM accounts ORDER BY created_at LIMIT 20');
  if (all.length === 1) return { accountId: all[0].account_id, type: 'system', id: null, role: 'admin', agentId: null };
  if (!all.length) throw new AppError('no_account', 'There is no account yet: run `npx luister setup` first', 404);
  throw new AppError('account_required', `Several accounts exist; choose one with --account:\n${all.map((a) => `  ${a.account_id}  ${a.name}`).join('\n')}`, 400);
}

/** An agent of the account by e-mail address or id, as an admin types it (404 agent_not_found). */
export async function agentIdOf(db: Db, accountId: string, emailOrId: string): Promise<string> {
  const [a] = await db.query<{ id: string }>(
    isUuid(emailOrId) ? 'SELECT id FROM agents WHERE account_id = $1 AND id = $2' : 'SELECT id FROM agents WHERE account_id = $1 AND lower(email) = lower($2)',
    [accountId, emailOrId]);
  if (!a) throw notFound('agent', emailOrId);
  return a.id;
}
