/**
 * What auto-close does to one case pending with the customer at time `now`: nothing, send the
 * reminder, or solve it with the closing message. Days count from when the case last went to
 * pending_customer (a reply from the customer ends that spell; our next reply starts a new one).
 * The reminder comes first: a case not yet reminded gets the reminder even when it is already past
 * the close time (it is closed on a later sweep, `close - remind` days after the reminder at the
 * earliest), so a customer is never closed on without a warning. Pure.
 */
export interface AutoCloseRule {
  enabled: boolean;
  remindAfterDays: number;
  closeAfterDays: number;
}

export interface PendingCase {
  pendingSince: Date;
  remindedAt: Date | null;
}

export type AutoCloseStep = 'none' | 'remind' | 'close';

const DAY = 86_400_000;

export function autoCloseStep(rule: AutoCloseRule, c: PendingCase, now: Date): AutoCloseStep {
  if (!rule.enabled) return 'none';
  const pending = now.getTime() - c.pendingSince.getTime();
  if (!c.remindedAt) return pending >= rule.remindAfterDays * DAY ? 'remind' : 'none';
  const sinceReminder = now.getTime() - c.remindedAt.getTime();
  const gap = (rule.closeAfterDays - rule.remindAfterDays) * DAY;
  return pending >= rule.closeAfterDays * DAY && sinceReminder >= gap ? 'close' : 'none';
}
