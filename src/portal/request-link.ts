import type { Db } from '../storage/db.ts';
import { enqueueJob } from '../storage/jobs.ts';
import { hitThrottle } from '../intake/doors/throttle.ts';
import { normaliseIdentity } from '../customers/identity.ts';
import { AppError } from '../shared/errors.ts';
import type { Portal } from './settings.ts';

/** Sign-in requests from one client address an hour, whatever addresses it types. */
export const SIGN_IN_PER_IP_PER_HOUR = 10;
/** Links to one e-mail address an hour (counted whether or not it is a customer's: counting reveals nothing). */
export const LINKS_PER_ADDRESS_PER_HOUR = 3;
export const LINK_JOB = { kind: 'portal.link', maxAttempts: 6 } as const;

export type LinkRequest = { outcome: 'accepted' } | { outcome: 'throttled'; retryAfterSeconds: number };

/**
 * A visitor asks for a sign-in link. The answer never says whether the address is a customer's: the
 * same "if we know this address, a link is on its way" for every well-formed address, and the same
 * work on the way (a job is queued for every address within its limit; the job looks the address up
 * and sends only to a customer's, so the response time does not tell either). Limits: per client
 * address (a 429 that speaks of the client, not of the e-mail address), and per e-mail address
 * (silently: a flood of requests for someone's address sends them at most a few mails an hour).
 * A malformed address is a form error (it says nothing about anybody).
 */
export async function requestSignInLink(db: Db, portal: Portal, o: { email: string; ip: string; language: 'nl' | 'en'; now?: Date }): Promise<LinkRequest> {
  const now = o.now ?? new Date();
  const secret = portal.door.form_secret;
  const byIp = await hitThrottle(db, { accountId: portal.accountId, door: 'portal_sign_in', ip: o.ip, secret, perHour: SIGN_IN_PER_IP_PER_HOUR, now });
  if (!byIp.allowed) return { outcome: 'throttled', retryAfterSeconds: byIp.retryAfterSeconds };
  const email = o.email.trim().length > 320 ? null : safeAddress(o.email);
  if (!email) throw new AppError('invalid_email', 'This is not a valid e-mail address', 422);
  // the e-mail address as the "client" of its own counter (kept as a keyed hash, like a client address)
  const byAddress = await hitThrottle(db, { accountId: portal.accountId, door: 'portal_address', ip: `mail:${email}`, secret, perHour: LINKS_PER_ADDRESS_PER_HOUR, now });
  if (byAddress.allowed) {
    await enqueueJob(db, { accountId: portal.accountId, kind: LINK_JOB.kind, payload: { email, language: o.language }, maxAttempts: LINK_JOB.maxAttempts });
  }
  return { outcome: 'accepted' };
}

function safeAddress(raw: string): string | null {
  try {
    return normaliseIdentity('email', raw);
  } catch {
    return null;
  }
}
