import { action } from './checks/action.ts';
import { apology } from './checks/apology.ts';
import { blame } from './checks/blame.ts';
import { condescension } from './checks/condescension.ts';
import { nextContact } from './checks/next-contact.ts';
import { salesPitch } from './checks/sales-pitch.ts';
import { signature } from './checks/signature.ts';
import { stockReply } from './checks/stock-reply.ts';
import { thanks } from './checks/thanks.ts';
import type { Check, CheckName, DraftContext, Finding } from './types.ts';

/** The pure checks, in the order a reader meets the problems. Mantra needs the database: check-reply.ts. */
export const PURE_CHECKS: Record<Exclude<CheckName, 'mantra'>, Check> = {
  blame,
  condescension,
  sales_pitch: salesPitch,
  apology,
  thanks,
  action,
  next_contact: nextContact,
  signature,
  stock_reply: stockReply,
};

export function checkDraft(draft: string, ctx: DraftContext): Finding[] {
  // typographic quotes as straight ones (same length, so spans keep their offsets)
  const text = draft.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
  return Object.values(PURE_CHECKS).flatMap((check) => check(text, ctx));
}
