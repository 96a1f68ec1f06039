import type { Db } from '../storage/db.ts';
import { decideContact, type ContactDecision, type ContactPurpose, type PreferenceKind, type PreferenceSource, type PreferenceState } from './contact-decision.ts';

/**
 * The one place that says whether a customer may be contacted for a purpose. Every outbound path
 * asks it: replies (the sales-pitch check), templates and bulk replies (they go out as replies),
 * surveys, announcements. A new channel asks it too — nothing else reads the preferences.
 * Preferences of customers merged into this one count as this customer's.
 */
export async function mayContact(db: Db, accountId: string, customerId: string, purpose: ContactPurpose): Promise<ContactDecision> {
  const decisions = await contactDecisions(db, accountId, [customerId], purpose);
  return decisions.get(customerId) ?? { allowed: true };
}

/** The same decision for many customers at once (an announcement's audience, a survey sample). */
export async function contactDecisions(db: Db, accountId: string, customerIds: readonly string[], purpose: ContactPurpose): Promise<Map<string, ContactDecision>> {
  const out = new Map<string, ContactDecision>();
  if (!customerIds.length) return out;
  const rows = await db.query<{ id: string; erased: boolean; sales_opt_out: boolean; kind: PreferenceKind | null; allowed: boolean | null; source: PreferenceSource | null }>(
    `SELECT c.id, c.erased_at IS NOT NULL AS erased,
            c.sales_opt_out OR EXISTS (SELECT 1 FROM customers m WHERE m.account_id = c.account_id AND m.merged_into = c.id AND m.sales_opt_out) AS sales_opt_out,
            p.kind, p.allowed, p.source
     FROM customers c
     LEFT JOIN contact_preferences p ON p.account_id = c.account_id AND (p.customer_id = c.id OR p.customer_id IN
       (SELECT m.id FROM customers m WHERE m.account_id = c.account_id AND m.merged_into = c.id))
     WHERE c.account_id = $1 AND c.id = ANY($2::uuid[])`,
    [accountId, customerIds],
  );
  const byCustomer = new Map<string, { erased: boolean; prefs: PreferenceState[] }>();
  for (const r of rows) {
    const entry = byCustomer.get(r.id) ?? { erased: r.erased, prefs: [] };
    if (r.kind && r.allowed !== null && r.source) entry.prefs.push({ kind: r.kind, allowed: r.allowed, source: r.source });
    // the older flag (set by hand, by import or by a merge) still says no to sales
    if (r.sales_opt_out && !entry.prefs.some((p) => p.kind === 'sales' && !p.allowed)) entry.prefs.push({ kind: 'sales', allowed: false, source: 'agent' });
    byCustomer.set(r.id, entry);
  }
  for (const [id, e] of byCustomer) out.set(id, decideContact(purpose, e.prefs, e.erased));
  return out;
}

/** Only those who may be contacted for the purpose, in the given order. */
export async function contactable(db: Db, accountId: string, customerIds: readonly string[], purpose: ContactPurpose): Promise<string[]> {
  const d = await contactDecisions(db, accountId, customerIds, purpose);
  return customerIds.filter((id) => d.get(id)?.allowed);
}
