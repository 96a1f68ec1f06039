import type { ChannelKind } from '../cases/status.ts';

/** An attachment as a channel hands it in: bytes plus what the sender claimed they are. */
export interface InboundAttachment {
  filename: string;
  declaredType: string;
  content: Buffer;
}

/** What the sender's mail client or automat said about itself (e-mail only). */
export type AutomatedKind = 'auto_reply' | 'bounce' | 'bulk';

/**
 * One message from outside, in the same shape whatever channel brought it. A channel adapter
 * makes it; the pipeline steps refine it; the case road stores it.
 */
export interface InboundMessage {
  channel: ChannelKind;
  accountId: string;
  inboxId: string | null;
  from: { email?: string; phone?: string; social?: string; name?: string };
  /** the address it was sent to (e-mail) */
  to: string | null;
  subject: string;
  /** the whole text as received */
  text: string;
  /** what the customer newly wrote: `text` without quoted history and signature (a step fills it) */
  newText: string;
  /** HTML as received; a step sanitises it before anything stores it */
  html: string | null;
  /** the channel's own id for the message (e-mail: Message-ID without <>), the key for "stored once" */
  externalId: string | null;
  /** ids of earlier messages this one answers (e-mail: References + In-Reply-To), oldest first */
  references: string[];
  /** a case number or id the sender gave (subject tag [#1234], plus-address support+1234@) */
  caseRef: string | null;
  attachments: InboundAttachment[];
  automated: { kind: AutomatedKind | null; reason: string | null; bouncedRecipients: string[]; permanent: boolean };
  language: string | null;
  receivedAt: Date;
  /** steps add notes a person can read later, e.g. "quoted history stripped" */
  notes: string[];
}

/**
 * A channel: turns what arrives (a raw e-mail, a form post) into an InboundMessage. Later
 * channels (form, chat, phone, social) implement the same type.
 */
export interface ChannelAdapter<Raw> {
  kind: ChannelKind;
  toInbound(raw: Raw, target: { accountId: string; inboxId: string | null; to: string | null }): Promise<InboundMessage>;
}

/** What became of a message: stored (on which case), or refused with a reason a person can read. */
export type IntakeResult =
  | { outcome: 'stored'; caseId: string; caseRef: string; messageId: string; createdCase: boolean; acknowledged: boolean; answerBy?: Date }
  | { outcome: 'duplicate'; messageId: string; caseId: string }
  | { outcome: 'bounce_recorded'; identities: number; caseId: string | null }
  | { outcome: 'dropped'; reason: string; /** the sender or its domain is on the block list (src/spam/): dropped silently */ blocked?: boolean };
