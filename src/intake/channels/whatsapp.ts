import { z } from 'zod';
import { normaliseIdentity } from '../../customers/identity.ts';
import type { ChannelAdapter, InboundMessage } from '../types.ts';

/**
 * What Meta posts to the webhook (WhatsApp Cloud API, field "messages"). Only what Luister reads is
 * described; Meta adds fields over time, so unknown ones are let through (the signature, not the
 * shape, is what proves a request came from Meta).
 */
const waMessage = z.looseObject({
  from: z.string().regex(/^[0-9]{5,20}$/),
  id: z.string().min(1).max(300),
  timestamp: z.string().regex(/^[0-9]{1,12}$/),
  type: z.string().max(40),
  text: z.looseObject({ body: z.string().max(65_536) }).optional(),
  image: z.looseObject({ caption: z.string().max(4096).optional() }).optional(),
  document: z.looseObject({ caption: z.string().max(4096).optional(), filename: z.string().max(500).optional() }).optional(),
  video: z.looseObject({ caption: z.string().max(4096).optional() }).optional(),
  button: z.looseObject({ text: z.string().max(4096).optional() }).optional(),
});
const waStatus = z.looseObject({
  id: z.string().max(300),
  status: z.string().max(40),
  biz_opaque_callback_data: z.string().max(512).optional(),
  errors: z.array(z.looseObject({ code: z.number().optional(), title: z.string().max(1000).optional() })).optional(),
});
export const whatsappPayload = z.looseObject({
  object: z.string().max(100),
  entry: z.array(z.looseObject({
    changes: z.array(z.looseObject({
      field: z.string().max(100),
      value: z.looseObject({
        metadata: z.looseObject({ phone_number_id: z.string().max(40) }).optional(),
        contacts: z.array(z.looseObject({ wa_id: z.string().max(20), profile: z.looseObject({ name: z.string().max(500).optional() }).optional() })).max(100).optional(),
        messages: z.array(waMessage).max(100).optional(),
        statuses: z.array(waStatus).max(100).optional(),
      }),
    })).max(100),
  })).max(100),
});
export type WhatsAppPayload = z.infer<typeof whatsappPayload>;
export type WhatsAppMessage = z.infer<typeof waMessage>;

/** One message out of a webhook post, with the sender's profile name when Meta gave it. */
export interface WhatsAppInbound {
  message: WhatsAppMessage;
  profileName: string | null;
  receivedAt: Date;
}

/** The text a person reads for a message: its text, else its caption, else what kind it was ("[image]"). */
export function whatsappText(m: WhatsAppMessage): string {
  const text = m.text?.body ?? m.button?.text ?? m.image?.caption ?? m.video?.caption ?? m.document?.caption;
  if (text?.trim()) return m.type === 'text' || m.type === 'button' ? text : `[${m.type}] ${text}`;
  return `[${m.type}${m.document?.filename ? `: ${m.document.filename}` : ''}]`;
}

/** The customer identity behind a wa_id (the number in international form, without +). */
export const waPhone = (waId: string) => normaliseIdentity('phone', `+${waId}`);

/**
 * WhatsApp as a channel: a message becomes an InboundMessage from the sender's number (so the
 * customer who mails and calls from it is one person), stored once per wamid.
 */
export const whatsappAdapter: ChannelAdapter<WhatsAppInbound> = {
  kind: 'whatsapp',
  async toInbound(w, target): Promise<InboundMessage> {
    const text = whatsappText(w.message);
    return {
      channel: 'whatsapp',
      accountId: target.accountId,
      inboxId: null,
      from: { phone: waPhone(w.message.from), ...(w.profileName ? { name: w.profileName } : {}) },
      to: null,
      subject: '',
      text,
      newText: text,
      html: null,
      externalId: `wa.${w.message.id}`,
      references: [],
      caseRef: null,
      attachments: [],
      automated: { kind: null, reason: null, bouncedRecipients: [], permanent: false },
      language: null,
      receivedAt: new Date(Number(w.message.timestamp) * 1000 || w.receivedAt.getTime()),
      notes: ['sent on WhatsApp'],
    };
  },
};
