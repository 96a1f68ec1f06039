import type { FormField } from '../form/form-fields.ts';
import type { ChannelAdapter, InboundMessage } from '../types.ts';

/** A checked submission of the public contact form (submit-form.ts checked fields, spam and limits). */
export interface FormSubmission {
  fields: readonly FormField[];
  values: Readonly<Record<string, string>>;
  /** the signed token's nonce: the same form sent twice is one message */
  nonce: string;
  /** the page's language, which the visitor chose or their browser asked for */
  language: 'nl' | 'en';
  receivedAt: Date;
}

/**
 * The contact form as a channel: the visitor's fields become an InboundMessage on the `web`
 * channel. The account's own fields (an order number) are written above the message as
 * "Label: value" lines, in the page's language, so the agent reads them where the story is.
 */
export const formAdapter: ChannelAdapter<FormSubmission> = {
  kind: 'web',
  async toInbound(s, target): Promise<InboundMessage> {
    const v = s.values;
    const extra = s.fields
      .filter((f) => !f.builtIn && v[f.key])
      .map((f) => `${f.label[s.language]}: ${v[f.key]}`);
    const text = [...extra, ...(extra.length ? [''] : []), v.message].join('\n');
    return {
      channel: 'web',
      accountId: target.accountId,
      inboxId: null,
      from: { email: v.email, ...(v.name ? { name: v.name } : {}), ...(v.phone ? { phone: v.phone } : {}) },
      to: null,
      subject: v.subject ?? '',
      text,
      newText: text,
      html: null,
      externalId: `form.${s.nonce}@luister`,
      references: [],
      caseRef: null,
      attachments: [],
      automated: { kind: null, reason: null, bouncedRecipients: [], permanent: false },
      language: s.language,
      receivedAt: s.receivedAt,
      notes: ['sent with the contact form'],
    };
  },
};
