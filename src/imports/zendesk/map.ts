import type { CaseStatus, ChannelKind, Priority } from '../../cases/status.ts';
import type { MessageType } from '../../cases/insert-message.ts';
import { TAG_PATTERN } from '../../tags/tags.ts';

/** Zendesk's ticket statuses → Luister's. "hold" waits on a third party: on us. */
const STATUSES: Record<string, CaseStatus> = {
  new: 'new', open: 'open', pending: 'pending_customer', hold: 'pending_us', solved: 'solved', closed: 'closed',
};

/**
 * The case status for a ticket. Luister triages a case only with an owner (cases_owner_once_triaged):
 * a ticket past "new" whose assignee is not a Luister agent stays new, and the caller reports it.
 */
export function mapStatus(status: string | null | undefined, hasOwner: boolean): { status: CaseStatus; kept: 'unknown' | 'no_owner' | null } {
  const mapped = STATUSES[(status ?? 'new').toLowerCase()];
  if (!mapped) return { status: 'new', kept: 'unknown' };
  if (mapped !== 'new' && !hasOwner) return { status: 'new', kept: 'no_owner' };
  return { status: mapped, kept: null };
}

/** Zendesk has the same four priorities; none set is normal. */
export function mapPriority(p: string | null | undefined): Priority | null {
  const v = (p ?? 'normal').toLowerCase();
  return v === 'low' || v === 'normal' || v === 'high' || v === 'urgent' ? v : null;
}

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

/** A Zendesk tag as a Luister tag (lower case, `a-z0-9:_-`), or null when nothing usable is left. */
export function mapTag(tag: string): string | null {
  const t = tag.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase().replace(/[^a-z0-9:_-]+/g, '-').replace(/^[-_:]+/, '').slice(0, 64);
  return TAG_PATTERN.test(t) ? t : null;
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
