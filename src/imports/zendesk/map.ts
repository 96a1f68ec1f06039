import type { CaseStatus, ChannelKind } from '../../cases/status.ts';
import type { MessageType } from '../../cases/insert-message.ts';

/** Zendesk's ticket statuses → Luister's. "hold" waits on a third party: on us. */
const STATUSES: Record<string, CaseStatus> = {
  new: 'new', open: 'open', pending: 'pending_customer', hold: 'pending_us', solved: 'solved', closed: 'closed',
};

export const zendeskStatus = (status: string | null | undefined): CaseStatus | null => STATUSES[(status ?? 'new').toLowerCase()] ?? null;

/** Zendesk's via.channel → the channel the customer used. */
export function mapChannel(channel: string | null | undefined): ChannelKind {
  const c = (channel ?? '').toLowerCase();
  if (c === 'email') return 'email';
  if (c === 'web' || c === 'web_form' || c === 'help_center') return 'web';
  if (c === 'chat' || c === 'native_messaging' || c === 'messaging' || c === 'chat_transcript') return 'chat';
  if (c === 'voice' || c === 'phone' || c === 'sms') return 'phone';
  if (/twitter|facebook|instagram|whatsapp|line|wechat|any_channel/.test(c)) return 'social';
  return 'api';
}

/**
 * Who wrote a comment, as a Luister message: private → an internal note; the requester or another
 * end user → inbound; an agent → outbound (a reply that was sent then, never sent again); an author
 * the export does not hold → a note saying so.
 */
export function commentType(c: { public?: boolean | null; author_id: string | null }, requesterId: string | null, authorRole: string | null): MessageType {
  if (c.public === false) return 'note';
  if (c.author_id !== null && c.author_id === requesterId) return 'inbound';
  if (authorRole === 'end-user') return 'inbound';
  if (authorRole === 'agent' || authorRole === 'admin') return 'outbound';
  return 'note';
}
