import type { CaseStatus, ChannelKind } from '../../cases/status.ts';
import type { MessageType } from '../../cases/insert-message.ts';

/** Zammad's default state and priority ids, used only when the export holds no ticket_states.json / ticket_priorities.json. */
export const DEFAULT_STATES: Record<number, string> = { 1: 'new', 2: 'open', 3: 'pending reminder', 4: 'closed', 5: 'merged', 6: 'removed', 7: 'pending close' };
export const DEFAULT_PRIORITIES: Record<number, string> = { 1: '1 low', 2: '2 normal', 3: '3 high' };
/** Zammad's default article sender and type ids (API answers without expand). */
export const SENDERS: Record<number, string> = { 1: 'Agent', 2: 'Customer', 3: 'System' };
export const ARTICLE_TYPES: Record<number, string> = { 1: 'email', 2: 'sms', 3: 'chat', 4: 'fax', 5: 'phone', 10: 'note', 11: 'web' };

/**
 * A state by name → Luister's. "pending reminder" and "pending close" wait on the customer (a date
 * is set, the ticket comes back or closes by itself); a merged ticket's articles live on in the one
 * it was merged into, so it is kept closed. Others (removed, an admin's own) are unknown.
 */
export function zammadStatus(state: string | null | undefined): CaseStatus | null {
  const s = (state ?? 'new').toLowerCase();
  if (s === 'new') return 'new';
  if (s === 'open') return 'open';
  if (s.startsWith('pending')) return 'pending_customer';
  if (s === 'closed' || s === 'merged') return 'closed';
  return null;
}

/** The article type the ticket was opened with → the channel. */
export function zammadChannel(type: string | null | undefined): ChannelKind {
  const t = (type ?? '').toLowerCase();
  if (t === 'email') return 'email';
  if (t === 'phone' || t === 'sms' || t === 'fax') return 'phone';
  if (t === 'web') return 'web';
  if (t === 'chat') return 'chat';
  if (t.startsWith('whatsapp')) return 'whatsapp';
  if (/twitter|facebook|telegram|instagram/.test(t)) return 'social';
  return 'api';
}

/** An article: internal or a note is a note; the customer's inbound; an agent's outbound; the system's (auto-replies, triggers) a note. */
export function articleType(a: { internal?: boolean | null; sender: string | null; type: string | null }): MessageType {
  if (a.internal || (a.type ?? '').toLowerCase() === 'note') return 'note';
  const sender = (a.sender ?? '').toLowerCase();
  if (sender === 'customer') return 'inbound';
  if (sender === 'agent') return 'outbound';
  return 'note';
}

/** Agents and admins (Zammad's roles 1 Admin and 2 Agent, or their names) are matched to Luister agents. */
export const isZammadAgent = (u: { roles?: string[] | null; role_ids?: number[] | null }) =>
  (u.roles ?? []).some((r) => /^(admin|agent)$/i.test(r)) || (u.role_ids ?? []).some((r) => r === 1 || r === 2);
