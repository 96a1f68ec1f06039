import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { bumpStatusVersion } from './settings.ts';

export interface ComponentRow { id: string; name_nl: string; name_en: string; position: number; created_at: Date }

export async function listComponents(db: Db, accountId: string): Promise<ComponentRow[]> {
  return db.query<ComponentRow>('SELECT id, name_nl, name_en, position, created_at FROM status_components WHERE account_id = $1 ORDER BY position, name_nl', [accountId]);
}

/** A part of the service the status page reports on (e.g. "Internet", "TV", "Mijn omgeving"). Admin. */
export async function createComponent(db: Db, actor: Actor, o: { name_nl: string; name_en?: string; position?: number }): Promise<ComponentRow> {
  requirePermission(actor, 'announcements.settings', 'Adding a status page component');
  return db.transaction(async (tx) => {
    const [row] = await tx.query<ComponentRow>(
      `INSERT INTO status_components (account_id, name_nl, name_en, position) VALUES ($1, $2, $3, $4) RETURNING id, name_nl, name_en, position, created_at`,
      [actor.accountId, o.name_nl.trim(), (o.name_en ?? o.name_nl).trim(), o.position ?? 0],
    );
    await recordAudit(tx, actor, { action: 'status_component.created', entityType: 'status_component', entityId: row.id, after: row });
    await bumpStatusVersion(tx, actor.accountId);
    return row;
  });
}
