/**
 * Who may be contacted for what: the one decision every outbound path asks (through
 * may-contact.ts). Service messages — answers about the customer's own case — are always
 * allowed; everything else needs the customer not to have said no to its kind.
 */
export type PreferenceKind = 'sales' | 'surveys' | 'announcements';
export const PREFERENCE_KINDS: readonly PreferenceKind[] = ['sales', 'surveys', 'announcements'];

export type PreferenceSource = 'agent' | 'message' | 'unsubscribe' | 'import';

/** Why a message goes out. A new outbound channel picks one of these and asks mayContact. */
export type ContactPurpose = 'service' | 'sales' | 'survey' | 'marketing_announcement';
export const CONTACT_PURPOSES: readonly ContactPurpose[] = ['service', 'sales', 'survey', 'marketing_announcement'];

/** The kinds a customer must not have refused for a purpose: a marketing announcement is sales too. */
export const KINDS_FOR: Record<ContactPurpose, readonly PreferenceKind[]> = {
  service: [],
  sales: ['sales'],
  survey: ['surveys'],
  marketing_announcement: ['sales', 'announcements'],
};

export interface PreferenceState {
  kind: PreferenceKind;
  allowed: boolean;
  source: PreferenceSource;
}

export type ContactDecision =
  | { allowed: true }
  | { allowed: false; reason: 'opted_out'; kind: PreferenceKind; source: PreferenceSource }
  | { allowed: false; reason: 'erased' };

export function decideContact(purpose: ContactPurpose, prefs: readonly PreferenceState[], erased = false): ContactDecision {
  // an erased customer is nobody any more: not even a service message can find them
  if (erased) return { allowed: false, reason: 'erased' };
  for (const kind of KINDS_FOR[purpose]) {
    const refused = prefs.find((p) => p.kind === kind && !p.allowed);
    if (refused) return { allowed: false, reason: 'opted_out', kind, source: refused.source };
  }
  return { allowed: true };
}
