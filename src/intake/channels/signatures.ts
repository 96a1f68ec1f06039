import { createHmac, timingSafeEqual } from 'node:crypto';
import { verifySignature } from '../../webhooks/sign.ts';

/** How old a signed telephony event may be (seconds, either way): older is refused as a replay. */
export const PHONE_REPLAY_WINDOW_SECONDS = 300;

export type SignatureVerdict = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

/**
 * The telephony webhook's signature, the same convention Luister signs its own webhooks with:
 * `Luister-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.<raw body>">`. The timestamp is
 * signed too, so a captured request cannot be replayed after the window; within it, the event id
 * makes a replay a duplicate. Compared in constant time.
 */
export function checkPhoneSignature(secret: string, rawBody: Buffer, header: string | undefined, nowSec: number): SignatureVerdict {
  if (!header) return { ok: false, reason: 'missing' };
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/i.test(parts.v1 ?? '')) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowSec - t) > PHONE_REPLAY_WINDOW_SECONDS) return { ok: false, reason: 'stale' };
  return verifySignature(secret, rawBody.toString('utf8'), header, nowSec, PHONE_REPLAY_WINDOW_SECONDS) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/**
 * Meta's webhook signature: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the
 * app secret>`. Over the bytes as received (a re-serialised JSON differs), in constant time.
 */
export function checkHubSignature(appSecret: string, rawBody: Buffer, header: string | undefined): SignatureVerdict {
  if (!header) return { ok: false, reason: 'missing' };
  const m = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!m) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  const given = Buffer.from(m[1], 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/** A secret compared in constant time (the WhatsApp verify token). */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What a provider (or our tests) puts in the header: the signature of a body at a time. */
export function hubSignature(appSecret: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}
