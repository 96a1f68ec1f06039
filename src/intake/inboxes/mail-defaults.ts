import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import { requirePermission } from '../../accounts/permissions.ts';
import { recordAudit } from '../../shared/audit.ts';
import { cleanSignature } from './save-inbox.ts';

/**
 * The account's defaults for mail it sends: the sender name and the signature (Dutch, English) of
 * every inbox that has none of its own. An inbox's own name wins; its own signature wins when it has
 * one in either language (so an inbox never mixes its Dutch lines with the account's English ones).
 */
export interface MailDefaults {
  /** '' = the account's name */
  sender_name: string;
  signature_nl: string;
  signature_en: string;
}

export const NO_MAIL_DEFAULTS: MailDefaults = { sender_name: '', signature_nl: '', signature_en: '' };

export async function getMailDefaults(db: Db, accountId: string): Promise<MailDefaults & { account_name: string }> {
  const [row] = await db.query<MailDefaults & { account_name: string }>(
    `SELECT coalesce(d.sender_name, '') AS sender_name, coalesce(d.signature_nl, '') AS signature_nl, coalesce(d.signature_en, '') AS signature_en,
       a.name AS account_name
     FROM accounts a LEFT JOIN mail_defaults d ON d.account_id = a.account_id WHERE a.account_id = $1`, [accountId]);
  return row;
}

/** Admins (who set up inboxes) change them; a field left out keeps its value; audited. */
export async function updateMailDefaults(db: Db, actor: Actor, patch: Partial<MailDefaults>): Promise<MailDefaults & { account_name: string }> {
  requirePermission(actor, 'inboxes.manage', 'Setting the sender name and signature');
  return db.transaction(async (tx) => {
    const before = await getMailDefaults(tx, actor.accountId);
    const next: MailDefaults = {
      sender_name: patch.sender_name !== undefined ? patch.sender_name.trim() : before.sender_name,
      signature_nl: patch.signature_nl !== undefined ? cleanSignature(patch.signature_nl) : before.signature_nl,
      signature_en: patch.signature_en !== undefined ? cleanSignature(patch.signature_en) : before.signature_en,
    };
    await tx.query(
      `INSERT INTO mail_defaults (account_id, sender_name, signature_nl, signature_en) VALUES ($1, $2, $3, $4)
       ON CONFLICT (account_id) DO UPDATE SET sender_name = EXCLUDED.sender_name, signature_nl = EXCLUDED.signature_nl,
         signature_en = EXCLUDED.signature_en, updated_at = now()`,
      [actor.accountId, next.sender_name, next.signature_nl, next.signature_en]);
    const { account_name: _, ...was } = before;
    await recordAudit(tx, actor, { action: 'settings.mail_defaults_updated', entityType: 'account', entityId: actor.accountId, before: { ...was }, after: { ...next } });
    return { ...next, account_name: before.account_name };
  });
}
