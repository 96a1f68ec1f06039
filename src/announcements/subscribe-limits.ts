/**
 * How often the public subscribe form may be used, so that nobody can flood a stranger's mailbox with
 * confirmation mails through it (the double opt-in's one weakness) or fill the table from one machine.
 */

/** subscribe requests per client address (IP) per status page per hour */
export const SUBSCRIBES_PER_IP_PER_HOUR = 20;
/** a pending address gets at most one confirmation mail per this many minutes: a repeat within it is answered as usual, without a mail */
export const CONFIRM_EVERY_MINUTES = 10;
/** and at most this many per 24 hours (counted from the first of them); beyond that the form says so */
export const CONFIRMATIONS_PER_DAY = 3;
const DAY = 86_400_000;

export interface ConfirmationHistory { confirm_sent_at: Date | null; confirm_count: number; confirm_window_start: Date | null }

export type ConfirmationVerdict =
  | { send: true; count: number; windowStart: Date }
  | { send: false; refuse: false }
  | { send: false; refuse: true; retryAt: Date };

/** Whether a pending address may be sent another confirmation mail now, given what it was sent before. */
export function confirmationVerdict(h: ConfirmationHistory, now: Date): ConfirmationVerdict {
  const t = now.getTime();
  const inWindow = h.confirm_window_start !== null && t - h.confirm_window_start.getTime() < DAY;
  const count = inWindow ? h.confirm_count : 0;
  if (count >= CONFIRMATIONS_PER_DAY) return { send: false, refuse: true, retryAt: new Date(h.confirm_window_start!.getTime() + DAY) };
  if (h.confirm_sent_at && t - h.confirm_sent_at.getTime() < CONFIRM_EVERY_MINUTES * 60_000) return { send: false, refuse: false };
  return { send: true, count: count + 1, windowStart: inWindow ? h.confirm_window_start! : now };
}
