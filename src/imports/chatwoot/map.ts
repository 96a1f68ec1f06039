import type { CaseStatus, ChannelKind } from '../../cases/status.ts';
import type { MessageType } from '../../cases/insert-message.ts';

/**
 * Chatwoot's conversation statuses → Luister's: pending (a bot still has it, no person yet) is
 * new; snoozed (set aside until the customer writes or a time passes) waits on the customer.
 */
const STATUSES: Record<string, CaseStatus> = { open: 'open', pending: 'new', snoozed: 'pending_customer', resolved: 'solved' };
export const chatwootStatus = (s: string | null | undefined): CaseStatus | null => STATUSES[(s ?? 'open').toLowerCase()] ?? null;

/** The inbox's channel (meta.channel, "Channel::Email") → the channel the customer used. */
export function chatwootChannel(channel: string | null | undefined): ChannelKind {
  const c = (channel ?? '').replace(/^Channel::/, '').toLowerCase();
  if (c === 'email') return 'email';
  if (c === 'webwidget') return 'chat';
  if (c === 'whatsapp') return 'whatsapp';
  if (c === 'sms' || c === 'twiliosms' || c === 'voice') return 'phone';
  if (/facebook|instagram|twitter|telegram|line|tiktok/.test(c)) return 'social';
  return 'api';
}

/** message_type as its name: 0 incoming, 1 outgoing, 2 activity, 3 template. */
export function messageKind(t: number | string): 'incoming' | 'outgoing' | 'activity' | 'template' | null {
  const names = ['incoming', 'outgoing', 'activity', 'template'] as const;
  if (typeof t === 'number') return names[t] ?? null;
  return (names as readonly string[]).includes(t) ? (t as (typeof names)[number]) : null;
}

/** A message: private is a note, incoming inbound, outgoing and template (sent by an agent or bot) outbound; activity is no message (null). */
export function chatwootMessageType(m: { private?: boolean | null; message_type: number | string }): MessageType | null {
  const kind = messageKind(m.message_type);
  if (kind === 'activity' || kind === null) return null;
  if (m.private) return 'note';
  return kind === 'incoming' ? 'inbound' : 'outbound';
}
