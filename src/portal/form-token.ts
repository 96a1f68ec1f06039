import { checkFormToken, issueFormToken, type TokenCheck } from '../intake/form/form-token.ts';

/**
 * The portal's form tokens, signed with the doors' form secret like the contact form's (form-token.ts),
 * but scoped: the sign-in form's to the account, a signed-in page's to its session. So a token is the
 * defence against cross-site posts (another site cannot read one out of the page) and its nonce names
 * the post (a reply sent twice, by a double click or a reload, is stored once).
 */
const scope = (accountId: string, sessionId: string | null) => (sessionId ? `${accountId}|portal|${sessionId}` : `${accountId}|portal-sign-in`);

export const portalToken = (secret: string, accountId: string, sessionId: string | null, now = Date.now()) =>
  issueFormToken(secret, scope(accountId, sessionId), now);

/** No minimum fill time (a customer answers fast, and the sign-in form is limited per address and per client); at most a day old. */
export const checkPortalToken = (secret: string, accountId: string, sessionId: string | null, token: string | undefined, now = Date.now()): TokenCheck =>
  checkFormToken(secret, scope(accountId, sessionId), token, now, 0);
