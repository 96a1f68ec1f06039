import type { Db } from '../../storage/db.ts';
import { AppError } from '../../shared/errors.ts';
import { getConnections, type WhatsAppTemplate } from '../doors/connections.ts';
import type { WhatsAppTemplateUse } from './queue-whatsapp.ts';
import { serviceWindow, type WindowState } from './service-window.ts';

export interface ReplyChannel {
  /** where a reply on the case goes: the channel of the customer's last message */
  channel: string;
  whatsapp: { window: WindowState; templates: WhatsAppTemplate[]; to: string } | null;
}

/**
 * Where an agent's reply goes: through WhatsApp when the customer last wrote through WhatsApp, else
 * the case's own channel. With WhatsApp, the 24-hour service window of that last message decides
 * whether free text may go out (the composer shows it; the API enforces it).
 */
export async function replyChannel(db: Db, accountId: string, c: { id: string; channel: string }, now = new Date()): Promise<ReplyChannel> {
  const [last] = await db.query<{ channel: string; from_address: string | null; created_at: Date }>(
    `SELECT channel, from_address, created_at FROM messages
     WHERE account_id = $1 AND case_id = $2 AND type = 'inbound' AND automated IS NULL ORDER BY created_at DESC LIMIT 1`,
    [accountId, c.id],
  );
  if (last?.channel !== 'whatsapp' || !last.from_address) return { channel: c.channel === 'whatsapp' ? 'email' : c.channel, whatsapp: null };
  const conn = await getConnections(db, accountId);
  return { channel: 'whatsapp', whatsapp: { window: serviceWindow(new Date(last.created_at), now), templates: conn?.whatsapp_templates ?? [], to: last.from_address } };
}

/**
 * Checks a reply that goes out on WhatsApp: inside the window free text (or a template) may go;
 * outside it only a template the account marked approved. Refused with an error the agent can act on.
 */
export function checkWhatsAppReply(target: NonNullable<ReplyChannel['whatsapp']>, template: WhatsAppTemplateUse | undefined): WhatsAppTemplateUse | null {
  if (template) {
    const known = target.templates.some((t) => t.name === template.name && t.language === template.language);
    if (!known) throw new AppError('whatsapp_template_not_approved', `"${template.name}" (${template.language}) is not one of the approved WhatsApp templates of this account; add it under Channels once Meta approved it`, 422);
    return template;
  }
  if (!target.window.open) {
    const since = target.window.closedAt ? ` (it closed at ${target.window.closedAt.toISOString()})` : '';
    throw new AppError('whatsapp_window_closed',
      `The customer last wrote on WhatsApp more than 24 hours ago${since}: WhatsApp allows only an approved template now. Send one (whatsapp_template), or answer by e-mail or phone.`, 422);
  }
  return null;
}
