import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The form's signed timestamp: when the page was served, a random nonce, and an HMAC over both
 * with the account's form secret. A submission sooner than the minimum fill time is a bot's (people
 * need seconds to type); one older than a day is a stale page. The nonce names the submission, so
 * the same form sent twice (a double click, a reload) is stored once.
 */
export const MAX_FORM_AGE_MS = 24 * 3_600_000;

export function issueFormToken(secret: string, accountId: string, issuedAt = Date.now(), nonce = randomBytes(12).toString('base64url')): string {
  return `${issuedAt}.${nonce}.${mac(secret, accountId, issuedAt, nonce)}`;
}

export type TokenCheck =
  | { ok: true; nonce: string; issuedAt: number }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'too_fast' | 'expired' };

export function checkFormToken(secret: string, accountId: string, token: string | undefined, now: number, minFillSeconds: number): TokenCheck {
  const m = /^(\d{10,15})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
  if (!m) return { ok: false, reason: 'malformed' };
  const issuedAt = Number(m[1]);
  const want = Buffer.from(mac(secret, accountId, issuedAt, m[2]));
  const got = Buffer.from(m[3]);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, reason: 'bad_signature' };
  if (now - issuedAt < minFillSeconds * 1000) return { ok: false, reason: 'too_fast' };
  if (now - issuedAt > MAX_FORM_AGE_MS) return { ok: false, reason: 'expired' };
  return { ok: true, nonce: m[2], issuedAt };
}

function mac(secret: string, accountId: string, issuedAt: number, nonce: string): string {
  return createHmac('sha256', secret).update(`form|${accountId}|${issuedAt}|${nonce}`).digest('base64url');
}
