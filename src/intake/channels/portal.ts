import type { ChannelAdapter, InboundMessage } from '../types.ts';

/** A reply a signed-in customer wrote in the portal (src/portal/reply-from-portal.ts checked who and where). */
export interface PortalReply {
  /** the address they signed in with: the customer is found by it, as for an e-mail */
  email: string;
  name: string;
  caseId: string;
  subject: string;
  text: string;
  /** the form token's nonce: the same reply sent twice (double click, reload) is one message */
  nonce: string;
  receivedAt: Date;
}

/**
 * The portal as a channel: a customer's reply on one of their cases becomes an InboundMessage on the
 * `portal` channel that names the case by its id, so the case road joins it there (and, for a closed
 * case, opens a new one, as for a mail).
 */
export const portalAdapter: ChannelAdapter<PortalReply> = {
  kind: 'portal',
  async toInbound(r, target): Promise<InboundMessage> {
    return {
      channel: 'portal',
      accountId: target.accountId,
      inboxId: null,
      from: { email: r.email, ...(r.name ? { name: r.name } : {}) },
      to: null,
      subject: r.subject,
      text: r.text,
      newText: r.text,
      html: null,
      externalId: `portal.${r.nonce}@luister`,
      references: [],
      caseRef: r.caseId,
      attachments: [],
      automated: { kind: null, reason: null, bouncedRecipients: [], permanent: false },
      language: null,
      receivedAt: r.receivedAt,
      notes: ['sent from the customer portal'],
    };
  },
};
