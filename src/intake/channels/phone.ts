import { z } from 'zod';
import { normaliseIdentity } from '../../customers/identity.ts';
import type { ChannelAdapter, InboundMessage } from '../types.ts';
import { callText } from '../phone/call-text.ts';

/**
 * A telephony provider's event, in Luister's generic JSON (README: "Phone and WhatsApp"). One call
 * sends several: started, answered, then ended — or missed; a caller who asks for a callback in the
 * phone menu sends callback.requested (with the window they chose, if any).
 */
export const callEvent = z.object({
  id: z.string().min(1).max(200).describe('the event id: a retry sends the same one'),
  type: z.enum(['call.started', 'call.answered', 'call.ended', 'call.missed', 'callback.requested']),
  call_id: z.string().min(1).max(200),
  direction: z.enum(['inbound', 'outbound']),
  from: z.string().min(3).max(40).describe('the calling number'),
  to: z.string().min(3).max(40).describe('the called number'),
  occurred_at: z.iso.datetime({ offset: true }).optional(),
  duration_seconds: z.number().int().min(0).max(86_400).optional(),
  recording_url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  caller_name: z.string().max(200).optional(),
  language: z.enum(['nl', 'en']).optional().describe('the language the caller chose in the phone menu'),
  note: z.string().max(2000).optional(),
  callback_window: z.object({ start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }) }).strict().optional(),
}).strict();
export type CallEvent = z.infer<typeof callEvent>;

/** The customer's number in an event: the caller of an inbound call, the called number of an outbound one. */
export const customerNumber = (e: CallEvent) => normaliseIdentity('phone', e.direction === 'inbound' ? e.from : e.to);

/**
 * The phone as a channel: an event that ends a call (ended, missed, a callback request) becomes an
 * InboundMessage on the `phone` channel, its text written in the caller's language: who called,
 * how long, the recording. The event id keeps it stored once.
 */
export const phoneAdapter: ChannelAdapter<CallEvent & { receivedAt: Date }> = {
  kind: 'phone',
  async toInbound(e, target): Promise<InboundMessage> {
    const language = e.language ?? 'nl';
    const phone = customerNumber(e);
    const { subject, body } = callText(e, language, phone);
    return {
      channel: 'phone',
      accountId: target.accountId,
      inboxId: null,
      from: { phone, ...(e.caller_name ? { name: e.caller_name } : {}) },
      to: null,
      subject,
      text: body,
      newText: body,
      html: null,
      externalId: `phone.${e.id}@luister`,
      references: [],
      caseRef: null,
      attachments: [],
      automated: { kind: null, reason: null, bouncedRecipients: [], permanent: false },
      language,
      receivedAt: e.occurred_at ? new Date(e.occurred_at) : e.receivedAt,
      notes: [`telephony event ${e.type} (call ${e.call_id})`],
    };
  },
};
