import { AppError, invalid } from '../shared/errors.ts';
import type { MessageAutomated, MessageType } from './insert-message.ts';
import { subjectFromBody } from './subject.ts';

/** A message of the case being split, as the split needs to see it. */
export interface SplitMessage {
  id: string;
  type: MessageType;
  automated: MessageAutomated | null;
  subject: string | null;
  body: string;
  email_message_id: string | null;
  email_references: string[] | null;
  created_at: Date;
}

export const MAX_SPLIT_MESSAGES = 500;

const fromCustomer = (m: SplitMessage) => m.type === 'inbound' && m.automated === null;

/**
 * Which messages move to the new case: the ones chosen, and the acknowledgements that answered a
 * chosen mail (so the customer's reply to an acknowledgement finds the new case too). Refused, with
 * nothing written, when a chosen message is not on this case, or when either case would be left
 * without a message from the customer (a split is for a customer who asked two things).
 */
export function splitSelection(ref: string, messages: readonly SplitMessage[], chosen: readonly string[]): SplitMessage[] {
  const ids = new Set(chosen);
  const byId = new Map(messages.map((m) => [m.id, m]));
  const unknown = [...ids].filter((id) => !byId.has(id));
  if (unknown.length) {
    throw invalid('message_not_in_case', `These messages are not on ${ref}: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ' …' : ''}`, { message_ids: unknown });
  }
  const answered = new Set(messages.filter((m) => ids.has(m.id) && m.email_message_id).map((m) => m.email_message_id!));
  const moving = messages.filter((m) => ids.has(m.id)
    || (m.automated === 'acknowledgement' && answered.has(m.email_references?.at(-1) ?? '')));
  const staying = messages.filter((m) => !moving.includes(m));
  if (!moving.some(fromCustomer)) {
    throw invalid('no_customer_message', `Choose at least one message from the customer to split off ${ref}: the new case starts with what they asked`);
  }
  if (!staying.some(fromCustomer)) {
    throw new AppError('split_everything', `${ref} would keep no message from the customer: leave at least one on it (or change the case itself instead of splitting it)`, 409);
  }
  return moving;
}

/** The new case's subject: the one given, else the first moved customer mail's subject (without Re:), else the start of its text. */
export function splitSubject(given: string | undefined, moving: readonly SplitMessage[]): string {
  if (given?.trim()) return given.trim().slice(0, 500);
  const first = moving.find(fromCustomer)!;
  // without the old case's reference (a reply to our mail carries it) and the reply prefixes
  const subject = first.subject?.replace(/[[(]\s*LU-\d+\s*[\])]|\bLU-\d+\b/gi, ' ')
    .replace(/^\s*((re|aw|antw|antwoord|fw|fwd|wg|doorst|doorgestuurd)\s*:\s*)+/i, '').replace(/\s+/g, ' ').trim();
  return (subject || subjectFromBody(first.body)).slice(0, 500);
}
