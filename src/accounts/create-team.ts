import type { Db } from '../storage/db.ts';
import { type Actor } from '../shared/actor.ts';
import { requirePermission } from './permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { conflict, isUniqueViolation } from '../shared/errors.ts';

export interface TeamRow {
  id: string;
  name: string;
  created_at: Date;
}

export async function createTeam(db: Db, actor: Actor, opts: { name: string }): Promise<TeamRow> {
  requirePermission(actor, 'agents.manage', 'Creating teams');
  return db.transaction(async (tx) => {
    let team: TeamRow;
    try {
      [team] = await tx.query<TeamRow>(
        'INSERT INTO teams (account_id, name) VALUES ($1, $2) RETURNING id, name, created_at',
        [actor.accountId, opts.name.trim()],
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('team_exists', `A team named "${opts.name}" already exists`);
      throw err;
    }
    await recordAudit(tx, actor, { action: 'team.created', entityType: 'team', entityId: team.id, after: { name: team.name } });
    return team;
  });
}

export const listTeams = (db: Db, actor: { accountId: string }) =>
  db.query<TeamRow>('SELECT id, name, created_at FROM teams WHERE account_id = $1 ORDER BY name', [actor.accountId]);
