// The charge ledger's columns as a billing system names them, and one row read into a charge.
// Pure: no database, unit-tested beside. The sample format (our own) is the default mapping.
import { z } from 'zod';
import { phoneNumbers } from '../shared/packages.ts';
import { invalid } from '../shared/errors.ts';
import { localToUtc } from '../promises/zoned-time.ts';
import { isCurrency, parseAmount } from './money.ts';

export const LEDGER_FIELDS = ['charge_id', 'customer', 'amount', 'currency', 'charged_at', 'merchant_ref', 'description', 'product', 'quantity', 'cancelled_at'] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];
const REQUIRED: readonly LedgerField[] = ['charge_id', 'customer', 'amount', 'charged_at'];

export const ledgerMappingSchema = z
  .object({
    /** our field → the header of the column in the file; a field left out is not in the file */
    columns: z.partialRecord(z.enum(LEDGER_FIELDS), z.string().min(1).max(200)).default({}),
    delimiter: z.string().min(1).max(1).default(','),
    /** which separator marks the cents in amounts */
    decimal: z.enum([',', '.', 'auto']).default('auto'),
    /** amounts written in cents ("1250") rather than units ("12,50") */
    amount_unit: z.enum(['units', 'cents']).default('units'),
    /** when the file has no currency column */
    default_currency: z.string().length(3).default('EUR'),
    /** times without an offset are read in this zone */
    time_zone: z.string().min(1).max(100).default('Europe/Amsterdam'),
  })
  .strict();
/** `sample`: no columns were given, so the sample format's optional columns may be absent from the file. */
export type LedgerMapping = z.infer<typeof ledgerMappingSchema> & { sample?: boolean };
export type LedgerMappingInput = z.input<typeof ledgerMappingSchema>;

/** The sample format: each field under its own name. */
export const SAMPLE_COLUMNS: Record<LedgerField, string> = Object.fromEntries(LEDGER_FIELDS.map((f) => [f, f])) as Record<LedgerField, string>;

export function parseMapping(input: unknown): LedgerMapping {
  const r = ledgerMappingSchema.safeParse(input ?? {});
  if (!r.success) throw invalid('invalid_mapping', `The column mapping is not valid: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const m = r.data;
  if (!Object.keys(m.columns).length) return { ...m, columns: { ...SAMPLE_COLUMNS }, sample: true, default_currency: checkCurrency(m.default_currency) };
  checkCurrency(m.default_currency);
  return m;
}

function checkCurrency(code: string): string {
  if (!isCurrency(code)) throw invalid('unknown_currency', `default_currency: "${code}" is not an ISO 4217 code`);
  return code;
}

export type ColumnIndex = Partial<Record<LedgerField, number>>;

/** Where each mapped field is in the header; a missing required column or a mapped one that is absent is refused. */
export function resolveColumns(header: string[], m: LedgerMapping): ColumnIndex {
  const at = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const idx: ColumnIndex = {};
  const missing: string[] = [];
  for (const f of LEDGER_FIELDS) {
    const name = m.columns[f];
    if (!name) {
      if (REQUIRED.includes(f)) missing.push(`${f} (not in the mapping)`);
      continue;
    }
    const i = at.get(name.trim().toLowerCase());
    if (i === undefined && m.sample && !REQUIRED.includes(f)) continue;
    if (i === undefined) missing.push(`${f} (column "${name}")`);
    else idx[f] = i;
  }
  if (missing.length) {
    throw invalid('ledger_bad_header', `Line 1: the header lacks ${missing.join(', ')}; it has: ${header.map((h) => `"${h}"`).join(', ')}`, { line: 1, missing });
  }
  return idx;
}

export interface ChargeInput {
  charge_ref: string;
  customer_ref: string;
  amount_cents: number;
  currency: string;
  charged_at: Date;
  merchant_ref: string | null;
  description: string | null;
  product: string | null;
  quantity: string | null;
  /** billing's word that the customer's subscription (to this row's product) ended then */
  cancelled_at: Date | null;
}
export type RowResult = { ok: true; charge: ChargeInput } | { ok: false; field: LedgerField | null; reason: string };

const bad = (field: LedgerField | null, reason: string): RowResult => ({ ok: false, field, reason });

const NON_ASCII = /[^\x00-\x7f]/;

/** The customer as billing names them: an e-mail address lower-cased, a phone number in E.164, else the id as written. */
export function normaliseCustomerRef(raw: string): string {
  const v = raw.trim();
  if (v.includes('@')) return (NON_ASCII.test(v) ? v.normalize('NFC') : v).toLowerCase();
  if (/^\+?[\d\s().-]{8,20}$/.test(v)) {
    try {
      const p = phoneNumbers().parsePhoneNumberWithError(v, 'NL');
      if (p.isValid()) return p.number;
    } catch {
      // not a phone number after all: an external id made of digits
    }
  }
  return v;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const DUTCH = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** ISO 8601 with an offset as it is; a local time (2026-11-24 10:15, 24-11-2026 10:15) in the mapping's zone. */
export function parseChargedAt(raw: string, timeZone: string): Date | null {
  const v = raw.trim();
  let y: number, mo: number, d: number, h = 0, mi = 0, s = 0;
  // what billing exports write nearly always (2026-11-24 10:15:00, or with a T): read digit by digit
  if ((v.length === 19 || v.length === 16) && isLocalDateTime(v)) {
    y = num(v, 0, 4); mo = num(v, 5, 7); d = num(v, 8, 10); h = num(v, 11, 13); mi = num(v, 14, 16);
    if (v.length === 19) s = num(v, 17, 19);
    return localDate(y, mo, d, h, mi, s, timeZone);
  }
  const local = LOCAL.exec(v);
  const dutch = local ? null : DUTCH.exec(v);
  if (local) {
    y = +local[1]; mo = +local[2]; d = +local[3];
    if (local[4] !== undefined) { h = +local[4]; mi = +local[5]; s = local[6] === undefined ? 0 : +local[6]; }
  } else if (dutch) {
    d = +dutch[1]; mo = +dutch[2]; y = +dutch[3];
    if (dutch[4] !== undefined) { h = +dutch[4]; mi = +dutch[5]; s = dutch[6] === undefined ? 0 : +dutch[6]; }
  } else {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v)) return null;
    const t = new Date(v);
    return Number.isNaN(t.getTime()) ? null : t;
  }
  return localDate(y, mo, d, h, mi, s, timeZone);
}

function localDate(y: number, mo: number, d: number, h: number, mi: number, s: number, timeZone: string): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const localMs = Date.UTC(y, mo - 1, d, h, mi, s);
  if (d > 28 && new Date(localMs).getUTCDate() !== d) return null; // 31 April
  return new Date(localMs - offsetAt(timeZone, localMs));
}

/** dddd-dd-dd[ T]dd:dd(:dd)? — the shape LOCAL matches with a time, checked without a regex's match array. */
function isLocalDateTime(v: string): boolean {
  const sep = v.charCodeAt(10);
  if (v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45 || (sep !== 32 && sep !== 84) || v.charCodeAt(13) !== 58) return false;
  if (v.length === 19 && v.charCodeAt(16) !== 58) return false;
  for (let i = 0; i < v.length; i++) {
    if (i === 4 || i === 7 || i === 10 || i === 13 || i === 16) continue;
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
function num(v: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + v.charCodeAt(i) - 48;
  return n;
}

// A zone's offset changes only on the hour (summer time), at most once a day, and a ledger's rows
// cluster in time: the offset is computed once per local day, or per hour on a day it changes
// (Intl costs ~70 µs a call, a million rows a minute of it).
const offsets = new Map<string, number>();
let lastZone = '';
let lastDay = NaN;
let lastOffset = 0;
function offsetAt(timeZone: string, localMs: number): number {
  const day = localMs - (localMs % 86_400_000);
  if (day === lastDay && timeZone === lastZone) return lastOffset;
  const first = hourOffset(timeZone, day);
  const last = hourOffset(timeZone, day + 23 * 3_600_000);
  if (first !== last) return hourOffset(timeZone, localMs - (localMs % 3_600_000));
  lastZone = timeZone;
  lastDay = day;
  lastOffset = first;
  return first;
}
function hourOffset(timeZone: string, hour: number): number {
  const key = `${timeZone} ${hour}`;
  let off = offsets.get(key);
  if (off === undefined) {
    if (offsets.size > 50_000) offsets.clear();
    // the instant of a time inside the hour, minus the hour's start: exact for skipped and repeated hours too
    const probe = hour + 1_800_000;
    off = probe - localToUtc(timeZone, probe);
    offsets.set(key, off);
  }
  return off;
}

/** One record of the file (its fields by position) as a charge, or the first field that is wrong and why. */
export function readChargeRow(fields: string[], idx: ColumnIndex, m: LedgerMapping, mayHoldNul = true): RowResult {
  // the database stores no NUL character (a file cut from a binary export may carry one); the reader
  // says when no text read so far held one at all
  if (mayHoldNul) for (const f of LEDGER_FIELDS) if (idx[f] !== undefined && fields[idx[f]!]?.includes('\u0000')) return bad(f, 'contains a NUL character');
  const chargeRef = cell(fields, idx.charge_id);
  if (!chargeRef) return bad('charge_id', 'empty');
  if (chargeRef.length > 200) return bad('charge_id', 'longer than 200 characters');
  const customer = cell(fields, idx.customer);
  if (!customer) return bad('customer', 'empty');
  if (customer.length > 320) return bad('customer', 'longer than 320 characters');
  const rawAmount = cell(fields, idx.amount);
  let cents: number;
  if (m.amount_unit === 'cents') {
    if (!/^-?\d{1,15}$/.test(rawAmount)) return bad('amount', `"${rawAmount}" is not a whole number of cents`);
    cents = Number(rawAmount);
  } else {
    const a = parseAmount(rawAmount, m.decimal);
    if (!a.ok) return bad('amount', a.reason);
    cents = a.cents;
  }
  if (cents <= 0) return bad('amount', `${rawAmount} is not a positive amount`);
  const currency = idx.currency === undefined ? m.default_currency : cell(fields, idx.currency).toUpperCase() || m.default_currency;
  if (currency !== lastCurrency) {
    if (!isCurrency(currency)) return bad('currency', `"${currency}" is not an ISO 4217 currency code`);
    lastCurrency = currency;
  }
  const rawAt = cell(fields, idx.charged_at);
  const chargedAt = parseChargedAt(rawAt, m.time_zone);
  if (!chargedAt) return bad('charged_at', `"${rawAt}" is not a date and time (use 2026-11-24T10:15:00+01:00 or 2026-11-24 10:15)`);
  const rawQty = cell(fields, idx.quantity);
  let quantity: string | null = null;
  if (rawQty) {
    const q = rawQty.replace(',', '.');
    if (!/^\d{1,12}(\.\d{1,6})?$/.test(q)) return bad('quantity', `"${rawQty}" is not a number`);
    quantity = q;
  }
  const rawCancelled = cell(fields, idx.cancelled_at);
  let cancelledAt: Date | null = null;
  if (rawCancelled) {
    cancelledAt = parseChargedAt(rawCancelled, m.time_zone);
    if (!cancelledAt) return bad('cancelled_at', `"${rawCancelled}" is not a date and time`);
  }
  return {
    ok: true,
    charge: {
      charge_ref: chargeRef, customer_ref: normaliseCustomerRef(customer), amount_cents: cents, currency, charged_at: chargedAt,
      merchant_ref: optional(fields, idx.merchant_ref, 200), description: optional(fields, idx.description, 500),
      product: optional(fields, idx.product, 200), quantity, cancelled_at: cancelledAt,
    },
  };
}

// a million rows go through readChargeRow: no closures made per row, and the currency checked once per change
let lastCurrency = '';
function cell(fields: string[], i: number | undefined): string {
  return i === undefined ? '' : (fields[i] ?? '').trim();
}
function optional(fields: string[], i: number | undefined, max: number): string | null {
  return cell(fields, i).slice(0, max) || null;
}
