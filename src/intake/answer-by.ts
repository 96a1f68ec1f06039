import type { Db } from '../storage/db.ts';
import { listSlaPolicies } from '../promises/manage-sla-policies.ts';
import { getServiceSettings } from '../promises/settings.ts';
import { addBusinessTime } from '../promises/due-time.ts';
import { policyFor } from '../promises/sla-clock.ts';
import { caseFieldValues } from '../custom-fields/case-values.ts';

/**
 * When a customer will hear from us about a new message: the first-response target of the case's
 * service level (segment × priority × channel), counted in business hours with Dutch holidays; with
 * no policy that sets one, `fallbackHours` of wall-clock time (FIRST_RESPONSE_HOURS, as e-mail says).
 */
export async function answerBy(
  db: Db,
  accountId: string,
  c: { id?: string; customer_id: string; priority: string; channel: string },
  from: Date,
  fallbackHours: number,
): Promise<Date> {
  const [[customer], policies] = await Promise.all([
    db.query<{ segment: string }>('SELECT segment FROM customers WHERE account_id = $1 AND id = $2', [accountId, c.customer_id]),
    listSlaPolicies(db, accountId),
  ]);
  // the custom field values only matter (and are only read) when some policy has field conditions
  const fields = c.id && policies.some((p) => p.field_conditions?.length) ? await caseFieldValues(db, accountId, c.id) : undefined;
  const policy = policyFor(policies, { segment: customer?.segment ?? null, priority: c.priority, channel: c.channel, fields });
  if (policy?.first_response_minutes) {
    const settings = await getServiceSettings(db, accountId);
    const due = addBusinessTime(from, policy.first_response_minutes, settings.calendar);
    if (due) return due;
  }
  return new Date(from.getTime() + fallbackHours * 3_600_000);
}
