import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { AppError } from '../shared/errors.ts';
import type { PreferenceKind } from './contact-decision.ts';
import { findRightsLink } from './rights-links.ts';
import { setContactPreference } from './set-contact-preference.ts';

/**
 * One-click unsubscribe: the link's own customer refuses the link's kind, source `unsubscribe`.
 * Using it twice is harmless (the customer stays unsubscribed); a link for a survey or an unknown
 * token unsubscribes nobody.
 */
export async function unsubscribe(db: Db, token: string): Promise<{ kind: PreferenceKind }> {
  const link = await findRightsLink(db, token);
  if (!link || link.purpose !== 'unsubscribe' || !link.kind) throw new AppError('link_not_found', 'This unsubscribe link is not valid', 404);
  const kind = link.kind;
  await db.transaction(async (tx) => {
    const actor: Actor = { accountId: link.account_id, type: 'customer', id: link.customer_id, role: 'agent', agentId: null };
    const [erased] = await tx.query('SELECT 1 FROM customers WHERE account_id = $1 AND id = $2 AND erased_at IS NOT NULL', [link.account_id, link.customer_id]);
    if (erased) return;
    const [current] = await tx.query<{ allowed: boolean }>(
      'SELECT allowed FROM contact_preferences WHERE account_id = $1 AND customer_id = $2 AND kind = $3', [link.account_id, link.customer_id, kind]);
    if (current && !current.allowed) return;
    await setContactPreference(tx, actor, { customerId: link.customer_id, kind, allowed: false, source: 'unsubscribe' });
    await tx.query('UPDATE rights_links SET used_at = coalesce(used_at, now()) WHERE account_id = $1 AND id = $2', [link.account_id, link.id]);
  });
  return { kind };
}
