import { randomBytes } from 'node:crypto';
import type { Db } from '../storage/db.ts';
import { type Actor } from '../shared/actor.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { notFound } from '../shared/errors.ts';
import type { EventName } from './events.ts';

export interface WebhookRow {
  id: string;
  url: string;
  events: EventName[];
  description: string | null;
  active: boolean;
  created_at: Date;
}

const COLUMNS = 'id, url, events, description, active, created_at';

/** The signing secret is returned once, at creation. */
export async function createWebhook(db: Db, actor: Actor, opts: { url: string; events: EventName[]; description?: string }) {
  requirePermission(actor, 'webhooks.manage', 'Managing webhooks');
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  return db.transaction(async (tx) => {
    const [row] = await tx.query<WebhookRow>(
      `INSERT INTO webhooks (account_id, url, secret, events, description) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [actor.accountId, opts.url, secret, opts.events, opts.description ?? null],
    );
    await recordAudit(tx, actor, { action: 'webhook.created', entityType: 'webhook', entityId: row.id, after: { url: row.url, events: row.events } });
    return { ...row, secret };
  });
}

export async function listWebhooks(db: Db, actor: Actor) {
  requirePermission(actor, 'webhooks.manage', 'Managing webhooks');
  return db.query<WebhookRow>(`SELECT ${COLUMNS} FROM webhooks WHERE account_id = $1 ORDER BY created_at`, [actor.accountId]);
}

/** Deactivates (deliveries keep their history); pending deliveries to it are dropped by the worker. */
export async function deleteWebhook(db: Db, actor: Actor, id: string) {
  requirePermission(actor, 'webhooks.manage', 'Managing webhooks');
  return db.transaction(async (tx) => {
    const [row] = await tx.query<WebhookRow>(
      `UPDATE webhooks SET active = false WHERE account_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [actor.accountId, id],
    );
    if (!row) throw notFound('webhook', id);
    await recordAudit(tx, actor, { action: 'webhook.deactivated', entityType: 'webhook', entityId: id });
    return row;
  });
}

export async function listDeliveries(db: Db, actor: Actor, webhookId: string) {
  requirePermission(actor, 'webhooks.manage', 'Managing webhooks');
  const hook = await db.query('SELECT 1 FROM webhooks WHERE account_id = $1 AND id = $2', [actor.accountId, webhookId]);
  if (!hook.length) throw notFound('webhook', webhookId);
  return db.query(
    `SELECT id, event, status, attempts, last_status_code, last_error, created_at, delivered_at, payload
     FROM webhook_deliveries WHERE account_id = $1 AND webhook_id = $2 ORDER BY created_at DESC LIMIT 100`,
    [actor.accountId, webhookId],
  );
}
