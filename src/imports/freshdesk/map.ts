import type { CaseStatus, ChannelKind, Priority } from '../../cases/status.ts';
import type { MessageType } from '../../cases/insert-message.ts';

/** Freshdesk's built-in statuses (2 open, 3 pending, 4 resolved, 5 closed) → Luister's. */
const STATUSES: Record<number, CaseStatus> = { 2: 'open', 3: 'pending_customer', 4: 'solved', 5: 'closed' };

/**
 * A ticket's status. A custom status (6 and up) is known by its label from ticket_fields.json
 * (the status field's choices): "Waiting on Customer" waits on the customer, "Waiting on Third
 * Party" on us; any other is unknown (null) and reported.
 */
export function freshdeskStatus(status: number, customLabel: string | null): CaseStatus | null {
  if (STATUSES[status]) return STATUSES[status];
  const l = (customLabel ?? '').toLowerCase();
  if (/customer|klant/.test(l)) return 'pending_customer';
  if (/third party|derde|vendor|supplier|leverancier/.test(l)) return 'pending_us';
  return null;
}

/** 1 low, 2 medium, 3 high, 4 urgent; none is normal. */
export function freshdeskPriority(p: number | null | undefined): Priority | null {
  if (p === null || p === undefined) return 'normal';
  return ({ 1: 'low', 2: 'normal', 3: 'high', 4: 'urgent' } as Record<number, Priority>)[p] ?? null;
}

/** The ticket's source: 1 e-mail, 2 portal, 3 phone, 5 Twitter, 6 Facebook, 7 chat, 8 MobiHelp, 9 feedback widget, 10 outbound e-mail. */
export function freshdeskChannel(source: number | null | undefined): ChannelKind {
  switch (source) {
    case 1: case 10: return 'email';
    case 2: case 9: return 'web';
    case 3: return 'phone';
    case 5: case 6: return 'social';
    case 7: case 8: return 'chat';
    default: return 'api';
  }
}

/** A conversation: private is a note; incoming (from the customer) inbound; an agent's reply outbound; anyone else's a note. */
export function conversationType(c: { private?: boolean | null; incoming?: boolean | null }, author: 'agent' | 'contact' | null): MessageType {
  if (c.private) return 'note';
  if (c.incoming) return 'inbound';
  if (author === 'agent') return 'outbound';
  if (author === 'contact') return 'inbound';
  return 'note';
}
