import { DAY_MS, isoDate, localToUtc, utcToLocal } from '../promises/zoned-time.ts';

export type AnnouncementKind = 'contract_terms' | 'price_change' | 'rebranding' | 'service_change' | 'planned_maintenance' | 'other';
export const ANNOUNCEMENT_KINDS: readonly AnnouncementKind[] = ['contract_terms', 'price_change', 'rebranding', 'service_change', 'planned_maintenance', 'other'];

/**
 * The minimum notice per kind of change, in calendar days, unless the account sets its own.
 * Contract terms and prices: 30 days, as the ACM asks of telecom providers (art. 7.2 Tw).
 */
export const DEFAULT_NOTICE_DAYS: Record<AnnouncementKind, number> = {
  contract_terms: 30,
  price_change: 30,
  rebranding: 14,
  service_change: 14,
  planned_maintenance: 3,
  other: 0,
};
export const DEFAULT_VULNERABLE_EXTRA_DAYS = 7;

export interface NoticeRule {
  noticeDays: Partial<Record<AnnouncementKind, number>>;
  vulnerableExtraDays: number;
  timeZone: string;
}

export interface NoticeInput {
  kind: AnnouncementKind;
  /** when sending starts (vulnerable customers first) */
  sendAt: Date;
  effectiveAt: Date;
  /** does the audience hold vulnerable customers (they need the extra days) */
  anyVulnerable: boolean;
}

export interface NoticeVerdict {
  ok: boolean;
  /** the days of notice this announcement needs */
  requiredDays: number;
  /** the days it gives (calendar days between the first send and the effective date, account time zone) */
  givenDays: number;
  /** the first local date the change may take effect, 'YYYY-MM-DD' */
  earliestDate: string;
  /** the start of that day, as an instant */
  earliestAt: Date;
}

export const requiredNoticeDays = (rule: NoticeRule, kind: AnnouncementKind, anyVulnerable: boolean) =>
  (rule.noticeDays[kind] ?? DEFAULT_NOTICE_DAYS[kind]) + (anyVulnerable ? rule.vulnerableExtraDays : 0);

const localDay = (timeZone: string, at: Date) => Math.floor(utcToLocal(timeZone, at.getTime()) / DAY_MS);

/**
 * Is there enough notice? Counted in whole calendar days in the account's time zone, from the day
 * sending starts to the day the change takes effect: a rebranding sent on 1 December with 14 days'
 * notice may take effect on 15 December at the earliest. Pure: the caller supplies the rule.
 */
export function checkNotice(rule: NoticeRule, input: NoticeInput): NoticeVerdict {
  const requiredDays = requiredNoticeDays(rule, input.kind, input.anyVulnerable);
  const sendDay = localDay(rule.timeZone, input.sendAt);
  const earliestDay = sendDay + requiredDays;
  const givenDays = localDay(rule.timeZone, input.effectiveAt) - sendDay;
  return {
    ok: givenDays >= requiredDays && input.effectiveAt.getTime() > input.sendAt.getTime(),
    requiredDays,
    givenDays,
    earliestDate: isoDate(earliestDay),
    earliestAt: new Date(localToUtc(rule.timeZone, earliestDay * DAY_MS)),
  };
}

/**
 * When one recipient is written to. Vulnerable customers first, at the start of sending; when the
 * audience holds vulnerable customers, the others follow the extra days later (still with their full
 * notice, since the check asked for the extra days on top). Never later than the day before the change.
 */
export function recipientSendAt(o: { sendAt: Date; effectiveAt: Date; vulnerable: boolean; anyVulnerable: boolean; vulnerableExtraDays: number }): Date {
  if (o.vulnerable || !o.anyVulnerable) return o.sendAt;
  const later = o.sendAt.getTime() + o.vulnerableExtraDays * DAY_MS;
  const latest = o.effectiveAt.getTime() - DAY_MS;
  return new Date(Math.max(o.sendAt.getTime(), Math.min(later, latest)));
}
