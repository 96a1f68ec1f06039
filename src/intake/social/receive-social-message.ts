import type { Db } from '../../storage/db.ts';
import { systemActor } from '../../shared/actor.ts';
import { receiveMessageIn } from '../../cases/receive-message.ts';
import { normaliseIdentity } from '../../customers/identity.ts';
import type { Connections } from '../doors/connections.ts';
import { firstDelivery, linkEvent, openCaseOf } from '../channels/open-case.ts';
import { type SocialMessage, socialAdapter } from '../channels/social.ts';

export type SocialResult = { outcome: 'duplicate' } | { outcome: 'stored'; case_id: string; case_ref: string; created_case: boolean };

/**
 * A message from another network through the generic messaging webhook (signature checked), in one
 * transaction: a retry of the same message id changes nothing; the sender is the customer behind
 * their e-mail or phone when the bridge knows it (else behind network:handle), and the handle is
 * kept as one more identity of that customer; the message joins their one open case or opens one.
 * Replies on such a case are stored on the `social` channel and leave through the account's
 * webhooks (event message.created), which the bridge delivers.
 */
export async function receiveSocialMessage(db: Db, conn: Connections, s: SocialMessage, now = new Date()): Promise<SocialResult> {
  const accountId = conn.account_id;
  const actor = systemActor(accountId);
  const m = await socialAdapter.toInbound({ ...s, receivedAt: now }, { accountId, inboxId: null, to: null });
  const handle = normaliseIdentity('social', m.from.social!);
  const phone = m.from.phone ? normaliseIdentity('phone', m.from.phone) : null;
  const email = m.from.email ? normaliseIdentity('email', m.from.email) : null;
  return db.transaction(async (tx): Promise<SocialResult> => {
    if (!(await firstDelivery(tx, accountId, 'social', `${s.network}.${s.id}`))) return { outcome: 'duplicate' };
    const openCase = (email && await openCaseOf(tx, accountId, 'email', email)) || (phone && await openCaseOf(tx, accountId, 'phone', phone))
      || await openCaseOf(tx, accountId, 'social', handle);
    const stored = await receiveMessageIn(tx, actor, {
      customer: { ...(email ? { email } : phone ? { phone } : { social: handle }), ...(m.from.name ? { name: m.from.name } : {}) },
      body: m.text, channel: 'social', language: m.language ?? undefined, threadedCaseId: openCase,
      email: { messageId: m.externalId, from: handle, notes: m.notes },
    });
    // the handle becomes one more identity of this customer (unless it already belongs to someone)
    await tx.query(
      `INSERT INTO customer_identities (account_id, customer_id, kind, value) VALUES ($1, $2, 'social', $3) ON CONFLICT (account_id, kind, value) DO NOTHING`,
      [accountId, stored.customerId, handle],
    );
    await linkEvent(tx, accountId, 'social', `${s.network}.${s.id}`, stored.case.id, stored.message.id);
    return { outcome: 'stored', case_id: stored.case.id, case_ref: stored.case.ref, created_case: stored.createdCase };
  });
}
