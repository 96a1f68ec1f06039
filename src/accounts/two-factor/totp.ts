import { Secret, TOTP } from 'otpauth';

/**
 * TOTP (RFC 6238) with the otpauth library: SHA-1, 6 digits, 30-second steps (what every
 * authenticator app reads). Pure: the time and the last accepted step are arguments.
 */
export const PERIOD = 30;
/** one step either side: a phone's clock a little off, or a code typed as it turns over */
export const WINDOW = 1;

export const newTotpSecret = () => new Secret({ size: 20 }).base32;

const totpOf = (secret: string, label = 'Luister', issuer = 'Luister') =>
  new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });

/** otpauth://totp/Luister:anna%40example.nl?… for the QR code */
export const otpauthUri = (secret: string, label: string, issuer: string) => totpOf(secret, label, issuer).toString();

/** The code for a moment (tests and the browser test compute codes the way a phone does). */
export const codeAt = (secret: string, time: number) => totpOf(secret).generate({ timestamp: time });

export const stepAt = (time: number) => Math.floor(time / 1000 / PERIOD);

export type CodeCheck = { ok: true; step: number } | { ok: false; reason: 'malformed' | 'wrong' | 'replayed' };

/** Normalises "123 456" to "123456"; null when it cannot be a code. */
export function normaliseCode(code: string): string | null {
  const c = code.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(c) ? c : null;
}

/**
 * Is this the code of a step near now, and one later than the last accepted step? A code is
 * accepted once: the same step again (or an earlier one) is a replay.
 */
export function checkCode(secret: string, code: string, lastUsedStep: number | null, now: number): CodeCheck {
  const c = normaliseCode(code);
  if (!c) return { ok: false, reason: 'malformed' };
  const delta = totpOf(secret).validate({ token: c, timestamp: now, window: WINDOW });
  if (delta === null) return { ok: false, reason: 'wrong' };
  const step = stepAt(now) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return { ok: false, reason: 'replayed' };
  return { ok: true, step };
}
