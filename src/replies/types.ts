/**
 * The reply checker's vocabulary. Every check is a pure function over the draft text and what
 * we know of the case; the mantra check adds a database lookup on top (check-reply.ts).
 */
export type CheckName =
  | 'apology' // a complaint gets an apology
  | 'thanks' // thanks for reporting / for your patience
  | 'action' // a concrete action: what we will do, not only sympathy
  | 'next_contact' // when the customer hears from us next
  | 'signature' // a named human, not only "Team Klantenservice"
  | 'blame' // blame-shifting: "daar gaan wij niet over", "dat ligt aan uw bank"
  | 'condescension' // "zoals ik al zei", "as I said"
  | 'sales_pitch' // selling to a customer who opted out: a hard block
  | 'mantra' // near-duplicate of replies sent to many different customers
  | 'stock_reply'; // a stock reply to a customer who complained about stock replies

export const CHECK_NAMES: readonly CheckName[] = [
  'apology', 'thanks', 'action', 'next_contact', 'signature', 'blame', 'condescension', 'sales_pitch', 'mantra', 'stock_reply',
];

export type Severity = 'info' | 'warning' | 'block';

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Finding {
  check: CheckName;
  severity: Severity;
  /** what is wrong, in the draft's language */
  message: string;
  /** what to do about it, in the draft's language */
  suggestion: string;
  /** the offending text; null when the finding is about something missing */
  span: Span | null;
}

export interface DraftContext {
  language: 'nl' | 'en';
  /** the case is a complaint (then an apology is expected) */
  isComplaint: boolean;
  /** the customer opted out of sales contact */
  salesOptOut: boolean;
  /** the customer's last message complained about standard, canned replies */
  askedForPersonalReply?: boolean;
  /** how many other customers recently got nearly this reply (the mantra index), when known */
  sentToOthers?: number;
}

export type Check = (draft: string, ctx: DraftContext) => Finding[];
