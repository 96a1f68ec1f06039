import { language } from './i18n.ts';

// Dates in the user's own locale (en-GB, nl-BE …), words in the UI language.
const locale = navigator.language || language;
const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });

export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
const timeOnly = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
const hour = new Intl.DateTimeFormat(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit' });

/** Today's times as "14:30", other days with their date. */
export function formatDue(iso: string, now = new Date()): string {
  const d = new Date(iso);
  return d.toDateString() === now.toDateString() ? timeOnly.format(d) : dateTime.format(d);
}

/** An hourly bucket of a chart: "za 14:00". */
export const formatHour = (iso: string) => hour.format(new Date(iso));

/** Local midnight that ends today, as ISO 8601 with the browser's own offset (what the API's due_before wants). */
export function endOfToday(now = new Date()): string {
  const d = new Date(now);
  d.setHours(24, 0, 0, 0);
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T00:00:00${sign}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`;
}

/** "3 uur geleden", "in 2 dagen" — with the exact time in a title for a hover or a screen reader. */
export function formatRelative(iso: string, now = Date.now()): string {
  const s = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(s);
  if (abs < 60) return relative.format(0, 'second');
  if (abs < 3600) return relative.format(Math.round(s / 60), 'minute');
  if (abs < 86_400) return relative.format(Math.round(s / 3600), 'hour');
  return relative.format(Math.round(s / 86_400), 'day');
}

export const formatMoney = (cents: number, currency: string) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);

export const formatNumber = (n: number, digits = 2) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);

/** Search and suggestion snippets are HTML-escaped text with <mark> around hits: turn them into parts without using innerHTML. */
export function markedParts(snippet: string): { text: string; mark: boolean }[] {
  const unescape = (s: string) =>
    s.replace(/&(lt|gt|quot|#39|#x27|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", amp: '&' })[e] ?? '');
  return snippet.split(/(<mark>[\s\S]*?<\/mark>)/).filter(Boolean).map((p) =>
    p.startsWith('<mark>') ? { text: unescape(p.slice(6, -7)), mark: true } : { text: unescape(p), mark: false });
}

const day = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
/** A calendar day (YYYY-MM-DD) as "di 24 nov." — the day itself, whatever the browser's zone. */
export const formatDay = (ymd: string) => day.format(new Date(`${ymd}T12:00:00Z`));

const euro = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
/** Cents as money in the user's locale: "€ 3,75". */
export const formatCents = (cents: number) => euro.format(cents / 100);

const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
/** A fraction as a percentage: "67%". */
export const formatPercent = (f: number) => percent.format(f);
