import type { Db } from '../storage/db.ts';
import { systemActor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { addMessage } from '../cases/add-message.ts';
import { updateCase } from '../cases/update-case.ts';
import { autoCloseStep } from './autoclose-due.ts';
import { autoCloseText } from './autoclose-text.ts';

export interface AutoCloseResult {
  reminded: string[];
  closed: string[];
  /** cases whose message the reply checks refused (or another error): left as they are, retried next sweep */
  failed: { caseId: string; error: string }[];
}

// the timestamps also as text: PostgreSQL keeps microseconds, a JS Date does not, and the claim compares them exactly
interface Candidate { id: string; ref: string; language: string | null; pending_customer_since: Date; autoclose_reminded_at: Date | null; since_key: string; reminded_key: string | null }

const BATCH = 500;

/**
 * The auto-close sweep (hourly): for every account that turned it on, cases pending with the
 * customer long enough get the reminder, later the closing message and status solved — both as
 * ordinary replies from the system (addMessage: reply checks, e-mail/WhatsApp/chat delivery,
 * promises, webhooks), both audited. Each step is claimed in the same transaction as its message
 * (the reminder by a conditional update of the case, the close by the status leaving
 * pending_customer), so a re-run or a second worker never sends anything twice. A customer who
 * writes moves the case back to open (statusAfterCustomerContact) and so ends the spell.
 */
export async function sweepAutoClose(db: Db, opts: { now?: Date; accountId?: string } = {}): Promise<AutoCloseResult> {
  const now = opts.now ?? new Date();
  const out: AutoCloseResult = { reminded: [], closed: [], failed: [] };
  const accounts = await db.query<{ account_id: string; remind_after_days: number; close_after_days: number }>(
    `SELECT account_id, remind_after_days, close_after_days FROM autoclose_settings WHERE enabled ${opts.accountId ? 'AND account_id = $1' : ''}`,
    opts.accountId ? [opts.accountId] : []);
  for (const a of accounts) {
    const rule = { enabled: true, remindAfterDays: a.remind_after_days, closeAfterDays: a.close_after_days };
    const actor = systemActor(a.account_id);
    const daysBefore = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const cases = await db.query<Candidate>(
      `SELECT c.id, c.ref, coalesce(c.language, cu.language) AS language, c.pending_customer_since, c.autoclose_reminded_at,
         c.pending_customer_since::text AS since_key, c.autoclose_reminded_at::text AS reminded_key
       FROM cases c JOIN customers cu ON cu.account_id = c.account_id AND cu.id = c.customer_id
       WHERE c.account_id = $1 AND c.status = 'pending_customer' AND c.pending_customer_since <= $2
         AND (c.autoclose_reminded_at IS NULL OR (c.pending_customer_since <= $3 AND c.autoclose_reminded_at <= $4))
       ORDER BY c.pending_customer_since LIMIT ${BATCH}`,
      // only cases with something due (so a batch of reminded cases still waiting never hides the rest); autoCloseStep decides
      [a.account_id, daysBefore(a.remind_after_days), daysBefore(a.close_after_days), daysBefore(a.close_after_days - a.remind_after_days)]);
    for (const c of cases) {
      const step = autoCloseStep(rule, { pendingSince: new Date(c.pending_customer_since), remindedAt: c.autoclose_reminded_at ? new Date(c.autoclose_reminded_at) : null }, now);
      if (step === 'none') continue;
      try {
        const done = await db.transaction(async (tx) => {
          // the claim: still the same pending spell, still at the same step (else another sweep, or the customer, came first)
          const [claimed] = await tx.query<{ id: string }>(
            step === 'remind'
              ? `UPDATE cases SET autoclose_reminded_at = $4 WHERE account_id = $1 AND id = $2 AND status = 'pending_customer'
                   AND pending_customer_since = $3::timestamptz AND autoclose_reminded_at IS NULL RETURNING id`
              : `SELECT id FROM cases WHERE account_id = $1 AND id = $2 AND status = 'pending_customer'
                   AND pending_customer_since = $3::timestamptz AND autoclose_reminded_at = $4::timestamptz FOR UPDATE`,
            [a.account_id, c.id, c.since_key, step === 'remind' ? now.toISOString() : c.reminded_key]);
          if (!claimed) return false;
          const text = autoCloseText(step, c.language, { ref: c.ref, closeInDays: a.close_after_days - a.remind_after_days });
          const message = await addMessage(tx, actor, c.id, { type: 'outbound', body: text.body, language: text.language, now });
          if (step === 'close') await updateCase(tx, actor, c.id, { status: 'solved' });
          await recordAudit(tx, actor, {
            action: step === 'remind' ? 'case.autoclose_reminded' : 'case.autoclosed', entityType: 'case', entityId: c.id,
            after: { message_id: message.id, language: text.language, pending_since: c.pending_customer_since },
          });
          return true;
        });
        if (done) (step === 'remind' ? out.reminded : out.closed).push(c.id);
      } catch (err) {
        out.failed.push({ caseId: c.id, error: err instanceof Error ? err.message : String(err) });
      }
    }
  }
  return out;
}
