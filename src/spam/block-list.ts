import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { notFound } from '../shared/errors.ts';
import { isUuid } from '../shared/ids.ts';
import { type BlockKind, blockKeys, normaliseBlock } from './block-rule.ts';

export interface BlockedSender {
  id: string;
  kind: BlockKind;
  value: string;
  reason: string | null;
  case_id: string | null;
  created_by: string | null;
  created_at: Date;
}
const COLUMNS = 'id, kind, value, reason, case_id, created_by, created_at';

/** The block that stops this sender (its address, else its domain), or null. One indexed lookup. */
export async function blockFor(db: Db, accountId: string, from: string | null | undefined): Promise<{ id: string; kind: BlockKind } | null> {
  const k = blockKeys(from);
  if (!k) return null;
  const [row] = await db.query<{ id: string; kind: BlockKind }>(
    `SELECT id, kind FROM blocked_senders WHERE account_id = $1
       AND ((kind = 'address' AND value = $2) OR (kind = 'domain' AND value = $3)) ORDER BY kind LIMIT 1`,
    [accountId, k.address, k.domain],
  );
  return row ?? null;
}

export async function listBlocked(db: Db, accountId: string): Promise<BlockedSender[]> {
  return db.query<BlockedSender>(`SELECT ${COLUMNS} FROM blocked_senders WHERE account_id = $1 ORDER BY created_at DESC, id LIMIT 5000`, [accountId]);
}

/** Blocks an address or domain in the caller's transaction; blocking what is already blocked returns the existing entry. */
export async function addBlockIn(tx: Db, actor: Actor, b: { kind: BlockKind; value: string; reason?: string | null; caseId?: string | null }): Promise<{ entry: BlockedSender; created: boolean }> {
  const value = normaliseBlock(b.kind, b.value);
  const [row] = await tx.query<BlockedSender>(
    `INSERT INTO blocked_senders (account_id, kind, value, reason, case_id, created_by) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (account_id, kind, value) DO NOTHING RETURNING ${COLUMNS}`,
    [actor.accountId, b.kind, value, b.reason ?? null, b.caseId ?? null, actor.agentId],
  );
  if (!row) {
    const [existing] = await tx.query<BlockedSender>(`SELECT ${COLUMNS} FROM blocked_senders WHERE account_id = $1 AND kind = $2 AND value = $3`, [actor.accountId, b.kind, value]);
    return { entry: existing, created: false };
  }
  await recordAudit(tx, actor, { action: 'sender.blocked', entityType: 'blocked_sender', entityId: row.id, after: { kind: row.kind, value: row.value, reason: row.reason, case_id: row.case_id } });
  return { entry: row, created: true };
}

/** Blocks by hand (the block list screen, the API, the CLI): supervisors and admins. */
export async function addBlock(db: Db, actor: Actor, b: { kind: BlockKind; value: string; reason?: string | null }) {
  requirePermission(actor, 'senders.block', 'Blocking a sender by hand');
  return db.transaction((tx) => addBlockIn(tx, actor, b));
}

/** Unblocks (by id, or kind+value from the CLI): supervisors and admins. Audited. */
export async function removeBlock(db: Db, actor: Actor, idOrValue: string, kind?: BlockKind): Promise<BlockedSender> {
  requirePermission(actor, 'senders.block', 'Unblocking a sender');
  return db.transaction(async (tx) => {
    const [row] = isUuid(idOrValue)
      ? await tx.query<BlockedSender>(`DELETE FROM blocked_senders WHERE account_id = $1 AND id = $2 RETURNING ${COLUMNS}`, [actor.accountId, idOrValue])
      : await tx.query<BlockedSender>(`DELETE FROM blocked_senders WHERE account_id = $1 AND kind = $2 AND value = $3 RETURNING ${COLUMNS}`,
        [actor.accountId, kind ?? (idOrValue.includes('@') ? 'address' : 'domain'), normaliseBlock(kind ?? (idOrValue.includes('@') ? 'address' : 'domain'), idOrValue)]);
    if (!row) throw notFound('blocked_sender', idOrValue);
    await recordAudit(tx, actor, { action: 'sender.unblocked', entityType: 'blocked_sender', entityId: row.id, before: { kind: row.kind, value: row.value } });
    return row;
  });
}
