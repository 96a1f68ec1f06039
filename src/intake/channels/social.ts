import { z } from 'zod';
import type { ChannelAdapter, InboundMessage } from '../types.ts';

/**
 * A message from any other network (Telegram, Facebook, X, Signal …) as a bridge posts it to the
 * generic messaging webhook. The bridge signs it like telephony events (Luister-Signature).
 */
export const socialMessage = z.object({
  id: z.string().min(1).max(200).describe('the network\'s message id: a retry sends the same one'),
  network: z.string().regex(/^[a-z][a-z0-9_.-]{0,30}$/, 'lower-case, like telegram or facebook'),
  from: z.object({
    handle: z.string().min(1).max(100).describe('the sender on that network'),
    name: z.string().max(200).optional(),
    phone: z.string().max(40).optional().describe('when the network knows it: the customer who also calls or mails is one person'),
    email: z.string().max(320).optional(),
  }).strict(),
  text: z.string().min(1).max(20_000),
  sent_at: z.iso.datetime({ offset: true }).optional(),
  language: z.enum(['nl', 'en']).optional(),
}).strict();
export type SocialMessage = z.infer<typeof socialMessage>;

/** A network's message as an InboundMessage on the `social` channel, from `network:handle` (and the phone or address when given). */
export const socialAdapter: ChannelAdapter<SocialMessage & { receivedAt: Date }> = {
  kind: 'social',
  async toInbound(s, target): Promise<InboundMessage> {
    return {
      channel: 'social',
      accountId: target.accountId,
      inboxId: null,
      from: {
        social: `${s.network}:${s.from.handle}`,
        ...(s.from.phone ? { phone: s.from.phone } : {}),
        ...(s.from.email ? { email: s.from.email } : {}),
        ...(s.from.name ? { name: s.from.name } : {}),
      },
      to: null,
      subject: '',
      text: s.text,
      newText: s.text,
      html: null,
      externalId: `social.${s.network}.${s.id}`,
      references: [],
      caseRef: null,
      attachments: [],
      automated: { kind: null, reason: null, bouncedRecipients: [], permanent: false },
      language: s.language ?? null,
      receivedAt: s.sent_at ? new Date(s.sent_at) : s.receivedAt,
      notes: [`sent on ${s.network}`],
    };
  },
};
