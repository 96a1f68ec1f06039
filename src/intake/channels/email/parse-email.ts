import { createHash } from 'node:crypto';
import type { Attachment, ParsedMail } from 'mailparser';
import { htmlToText, mailparser } from '../../../shared/packages.ts';
import type { ChannelAdapter, InboundAttachment, InboundMessage } from '../../types.ts';
import { bareMessageId, isMailAddress, messageIds, splitPlusAddress } from './addresses.ts';
import { classifyAutomated } from './automated.ts';
import { transcodeUtf7Words } from './utf7-words.ts';

/** Parts of a bounce that describe the failed delivery; they are not the customer's attachments. */
const REPORT_PARTS = new Set(['message/delivery-status', 'message/rfc822', 'text/rfc822-headers', 'message/global-headers']);

export interface EmailTarget {
  accountId: string;
  inboxId: string | null;
  /** the inbox address (or plus-address) the mail was delivered to */
  to: string | null;
  /** SMTP MAIL FROM, used when the From header is missing or broken */
  envelopeFrom?: string | null;
}

/**
 * E-mail as a channel: a raw RFC 5322 message (bytes) becomes an InboundMessage. mailparser
 * decodes charsets, transfer encodings and nested parts; text is derived from HTML when a mail
 * has no text part. Never throws on a malformed mail: what cannot be read is left empty.
 */
export const emailAdapter: ChannelAdapter<Buffer | string> & {
  toInbound(raw: Buffer | string, target: EmailTarget): Promise<InboundMessage>;
} = {
  kind: 'email',
  async toInbound(raw, target: EmailTarget) {
    const mail = await mailparser().simpleParser(transcodeUtf7Words(typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw), PARSE_OPTIONS);
    const m = await readableText(inboundFromParsed(mail, target), mail, raw);
    // without a Message-ID, the content itself is the key: a retried delivery is still stored once
    return m.externalId ? m : { ...m, externalId: `sha256-${createHash('sha256').update(raw).digest('hex')}@luister.invalid` };
  },
};

/** simpleParser's options here (bench/email-intake.ts measures parse-only with exactly these). textAsHtml is not used: skipping it saves about 1 ms of CPU per mail (link detection). */
export const PARSE_OPTIONS = { skipImageLinks: true, skipTextToHtml: true, maxHtmlLengthToParse: 2_000_000, keepDeliveryStatus: true };

/**
 * Nothing a customer wrote may be lost to a parser's strictness. When mailparser finds no text:
 * from the HTML part; else from a forwarded message/rfc822 part ("forward as attachment"); else,
 * when the MIME structure cannot be read at all (a multipart without its boundary), the raw body.
 */
async function readableText(m: InboundMessage, mail: ParsedMail, raw: Buffer | string): Promise<InboundMessage> {
  if (m.text.trim()) return m;
  if (m.html) {
    const text = htmlToText()(m.html, { wordwrap: false });
    return { ...m, text, newText: text };
  }
  const forwarded = mail.attachments.find((a) => a.contentType === 'message/rfc822');
  if (forwarded) {
    const inner = await mailparser().simpleParser(transcodeUtf7Words(forwarded.content), PARSE_OPTIONS);
    const text = (inner.text ?? (typeof inner.html === 'string' ? htmlToText()(inner.html, { wordwrap: false }) : '')).replace(/\r\n/g, '\n');
    if (text.trim()) return { ...m, text, newText: text, notes: [...m.notes, 'text taken from the attached (forwarded) message'] };
  }
  if (!mail.attachments.length) {
    const body = rawBody(raw);
    if (body) return { ...m, text: body, newText: body, notes: [...m.notes, 'MIME structure unreadable: the raw body is kept as text'] };
  }
  return m;
}

function rawBody(raw: Buffer | string): string {
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  const end = text.search(/\r?\n\r?\n/);
  return end < 0 ? '' : text.slice(end).replace(/\r\n/g, '\n').trim().slice(0, 1_000_000);
}

export function inboundFromParsed(mail: ParsedMail, target: EmailTarget): InboundMessage {
  const automated = classifyAutomated(mail);
  const sender = mail.from?.value.find((a) => a.address && isMailAddress(a.address.trim()));
  const fromAddress = sender?.address?.trim() ?? (target.envelopeFrom && isMailAddress(target.envelopeFrom) ? target.envelopeFrom : undefined);
  const references = [...messageIds(mail.references), ...messageIds(mail.inReplyTo)];
  if (automated.kind === 'bounce') references.push(...originalMessageIds(mail.attachments));
  const text = (mail.text ?? '').replace(/\r\n/g, '\n');
  return {
    channel: 'email',
    accountId: target.accountId,
    inboxId: target.inboxId,
    from: { email: fromAddress?.normalize('NFC').toLowerCase(), name: sender?.name?.trim() || undefined },
    to: target.to,
    subject: (mail.subject ?? '').trim(),
    text,
    newText: text,
    html: typeof mail.html === 'string' && mail.html.trim() ? mail.html : null,
    externalId: mail.messageId ? bareMessageId(mail.messageId) || null : null,
    references: [...new Set(references)],
    caseRef: target.to ? splitPlusAddress(target.to).tag : null,
    attachments: automated.kind === 'bounce' ? [] : customerAttachments(mail.attachments),
    automated: {
      kind: automated.kind,
      reason: automated.reason,
      bouncedRecipients: automated.bouncedRecipients,
      permanent: automated.permanent,
    },
    language: null,
    receivedAt: new Date(),
    notes: [],
  };
}

function customerAttachments(list: Attachment[]): InboundAttachment[] {
  return list
    .filter((a) => !REPORT_PARTS.has(a.contentType))
    .map((a) => ({ filename: safeFilename(a.filename, a.contentType), declaredType: a.contentType || 'application/octet-stream', content: a.content }));
}

/** A bounce carries the failed mail (or its headers): its Message-ID names the case it belongs to. */
function originalMessageIds(list: Attachment[]): string[] {
  const ids: string[] = [];
  for (const a of list) {
    if (!REPORT_PARTS.has(a.contentType) || a.contentType === 'message/delivery-status') continue;
    const head = a.content.subarray(0, 64 * 1024).toString('utf8');
    const m = /^Message-ID:\s*(<[^>\s]+>)/im.exec(head);
    if (m) ids.push(bareMessageId(m[1]));
  }
  return ids;
}

/** A name that is safe to show and to offer as a download: no paths, no control characters. */
export function safeFilename(name: string | undefined, type: string): string {
  const base = (name ?? '').replace(/^.*[\\/]/, '').replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 200);
  if (base && base !== '.' && base !== '..') return base;
  const ext = type.split('/')[1]?.replace(/[^a-z0-9]/gi, '').slice(0, 10) || 'bin';
  return `bijlage.${ext}`;
}
