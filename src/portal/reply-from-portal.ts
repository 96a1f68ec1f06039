import type { Db } from '../storage/db.ts';
import { receiveInbound, type IntakeConfig } from '../intake/receive-message.ts';
import { portalAdapter } from '../intake/channels/portal.ts';
import { answerBy } from '../intake/answer-by.ts';
import { AppError } from '../shared/errors.ts';
import { getPortalCase } from './get-case.ts';
import type { PortalUser } from './session.ts';

export const REPLY_MAX = 20_000;

export type PortalReplyOutcome =
  /** stored (or the same reply sent again): on which case, and when they hear from us */
  | { kind: 'stored'; caseId: string; caseRef: string; answerBy: Date; newCase: boolean }
  /** the text is empty or too long: the form again */
  | { kind: 'fix'; problem: 'required' | 'too_long' }
  | { kind: 'dropped'; reason: string };

/**
 * A signed-in customer replies on one of their own cases. It takes the intake road of every channel
 * (receive-message.ts: pipeline, the case road, acknowledgement, listening, the workspace live) on the
 * `portal` channel, from the address they signed in with. A case they may not see is null (the route:
 * a 404 that says nothing); a colleague's case they may see but not answer (403). A reply on a closed
 * case opens a new case, as a mail would.
 */
export async function replyFromPortal(
  db: Db,
  user: PortalUser,
  caseId: string,
  o: { text: string; nonce: string; config: IntakeConfig; now?: Date },
): Promise<PortalReplyOutcome | null> {
  const c = await getPortalCase(db, user, caseId);
  if (!c) return null;
  if (!c.own) throw new AppError('colleague_case', `Only ${c.customer_name || 'the colleague who asked'} can reply on case ${c.ref}; you can read it`, 403);
  const text = o.text.replace(/\r\n?/g, '\n').trim();
  if (!text) return { kind: 'fix', problem: 'required' };
  if (text.length > REPLY_MAX) return { kind: 'fix', problem: 'too_long' };
  const now = o.now ?? new Date();
  const result = await receiveInbound(
    db,
    portalAdapter,
    { email: user.email, name: user.name, caseId: c.id, subject: c.subject, text, nonce: o.nonce, receivedAt: now },
    { accountId: user.accountId, inbox: null, to: null },
    o.config,
  );
  if (result.outcome === 'stored') {
    return { kind: 'stored', caseId: result.caseId, caseRef: result.caseRef, answerBy: result.answerBy!, newCase: result.createdCase };
  }
  if (result.outcome === 'duplicate') {
    const [d] = await db.query<{ ref: string; customer_id: string; priority: string; channel: string; created_at: Date }>(
      `SELECT c.ref, c.customer_id, c.priority, c.channel, m.created_at FROM messages m JOIN cases c ON c.account_id = m.account_id AND c.id = m.case_id
       WHERE m.account_id = $1 AND m.id = $2`,
      [user.accountId, result.messageId],
    );
    return { kind: 'stored', caseId: result.caseId, caseRef: d.ref, answerBy: await answerBy(db, user.accountId, d, d.created_at, o.config.FIRST_RESPONSE_HOURS), newCase: false };
  }
  return { kind: 'dropped', reason: result.outcome === 'dropped' ? result.reason : result.outcome };
}
