export type CaseStatus = 'new' | 'open' | 'pending_customer' | 'pending_us' | 'solved' | 'closed';
export const CASE_STATUSES: readonly CaseStatus[] = ['new', 'open', 'pending_customer', 'pending_us', 'solved', 'closed'];
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];
export type Tier = 'L1' | 'L2' | 'L3';
export const TIERS: readonly Tier[] = ['L1', 'L2', 'L3'];
export type ChannelKind = 'email' | 'web' | 'chat' | 'phone' | 'social' | 'api' | 'whatsapp' | 'portal';
export const CHANNELS: readonly ChannelKind[] = ['email', 'web', 'chat', 'phone', 'social', 'api', 'whatsapp', 'portal'];

/**
 * Why a status change is refused, or null when it is allowed.
 * A case leaves `new` only with an owner; it never goes back to `new`; a closed case stays closed
 * (a customer writing again opens a new one).
 */
export function statusChangeProblem(from: CaseStatus, to: CaseStatus, hasOwner: boolean): string | null {
  if (from === to) return null;
  if (from === 'closed') return 'A closed case cannot change status; a new message opens a new case';
  if (to === 'new') return 'A case cannot go back to new once triaged';
  if (!hasOwner) return 'Assign an owner before changing the status: every triaged case has exactly one owner';
  return null;
}

/** The status after a customer writes again. */
export function statusAfterCustomerContact(s: CaseStatus): CaseStatus {
  return s === 'pending_customer' || s === 'solved' ? 'open' : s;
}
