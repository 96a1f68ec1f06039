import type { Db } from '../../storage/db.ts';
import { receiveInbound, type IntakeConfig } from '../receive-message.ts';
import { formAdapter } from '../channels/form.ts';
import type { Door } from '../doors/channel-settings.ts';
import { hitThrottle } from '../doors/throttle.ts';
import { answerBy } from '../answer-by.ts';
import { type FieldProblem, readSubmission, undeclaredKeys } from './form-fields.ts';
import { checkFormToken } from './form-token.ts';

export type FormOutcome =
  | { kind: 'stored'; caseRef: string; answerBy: Date; acknowledged: boolean; duplicate: boolean }
  /** a person can fix it: the form again with their values and what to change */
  | { kind: 'fix'; values: Record<string, string>; problems: Record<string, FieldProblem | 'too_fast' | 'expired'> }
  /** not from a person filling in this form (honeypot, forged or foreign token, undeclared fields) */
  | { kind: 'refused'; reason: string }
  | { kind: 'throttled'; retryAfterSeconds: number };

/**
 * A visitor sends the public contact form. In this order: the per-address limit (every attempt
 * counts), only declared fields, the honeypot empty, the signed timestamp (not forged, not sooner
 * than the minimum fill time, not older than a day), the fields themselves; then the message takes
 * the same intake road as an e-mail and becomes a case, acknowledged by mail.
 */
export async function submitForm(
  db: Db,
  door: Door,
  o: { ip: string; body: Record<string, string>; language: 'nl' | 'en'; config: IntakeConfig; now?: Date },
): Promise<FormOutcome> {
  const now = o.now ?? new Date();
  const limit = await hitThrottle(db, { accountId: door.account_id, door: 'form', ip: o.ip, secret: door.form_secret, perHour: door.submissions_per_hour, now });
  if (!limit.allowed) return { kind: 'throttled', retryAfterSeconds: limit.retryAfterSeconds };
  const unknown = undeclaredKeys(door.fields, o.body);
  if (unknown.length) return { kind: 'refused', reason: `undeclared fields: ${unknown.slice(0, 5).join(', ')}` };
  if ((o.body.website ?? '') !== '') return { kind: 'refused', reason: 'honeypot filled' };

  const { values, problems } = readSubmission(door.fields, o.body);
  const token = checkFormToken(door.form_secret, door.account_id, o.body.t, now.getTime(), door.min_fill_seconds);
  if (!token.ok) {
    if (token.reason === 'malformed' || token.reason === 'bad_signature') return { kind: 'refused', reason: `form token ${token.reason}` };
    return { kind: 'fix', values, problems: { ...problems, form: token.reason } };
  }
  if (Object.keys(problems).length) return { kind: 'fix', values, problems };

  const result = await receiveInbound(
    db,
    formAdapter,
    { fields: door.fields, values, nonce: token.nonce, language: o.language, receivedAt: now },
    { accountId: door.account_id, inbox: null, to: null },
    o.config,
  );
  if (result.outcome === 'stored') {
    return { kind: 'stored', caseRef: result.caseRef, answerBy: result.answerBy!, acknowledged: result.acknowledged, duplicate: false };
  }
  if (result.outcome === 'duplicate') {
    // the same form sent twice: the page shows the case the first one made
    const [c] = await db.query<{ ref: string; customer_id: string; priority: string; channel: string; created_at: Date }>(
      'SELECT ref, customer_id, priority, channel, created_at FROM cases WHERE account_id = $1 AND id = $2',
      [door.account_id, result.caseId],
    );
    return { kind: 'stored', caseRef: c.ref, answerBy: await answerBy(db, door.account_id, c, c.created_at, o.config.FIRST_RESPONSE_HOURS), acknowledged: false, duplicate: true };
  }
  return { kind: 'refused', reason: result.outcome === 'dropped' ? result.reason : result.outcome };
}
