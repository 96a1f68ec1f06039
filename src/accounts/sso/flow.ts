import * as oidc from 'openid-client';
import type { Db } from '../../storage/db.ts';
import { systemActor } from '../../shared/actor.ts';
import { recordAudit } from '../../shared/audit.ts';
import { AppError } from '../../shared/errors.ts';
import { AGENT_COLUMNS, createAgent, type AgentRow } from '../create-agent.ts';
import { hashSecret, newSecret, secretMatches } from '../secrets.ts';
import { matchAgent } from './rules.ts';
import { openSecret } from './secret-box.ts';
import { loadSso, type SsoRow } from './settings.ts';
import { openSession } from '../login.ts';

/**
 * OpenID Connect authorization code flow with PKCE (openid-client): state, nonce and the code
 * verifier stay on the server, in a row bound to the browser by a cookie; the callback checks the
 * state, the issuer, the audience, the nonce and the ID token's signature and times (openid-client),
 * uses the row once, and signs in the agent with the provider's verified e-mail address.
 */
export const FLOW_MINUTES = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class SsoError extends AppError {}
const fail = (code: string, message: string, status = 400) => new SsoError(code, message, status);

// discovery documents are fetched once per settings version and kept for ten minutes
const configs = new Map<string, { config: oidc.Configuration; at: number }>();

async function providerConfig(settings: SsoRow, key: Buffer): Promise<oidc.Configuration> {
  const cacheKey = `${settings.account_id}|${settings.updated_at.toISOString()}`;
  const hit = configs.get(cacheKey);
  if (hit && Date.now() - hit.at < 600_000) return hit.config;
  const secret = openSecret(key, settings.account_id, settings.client_secret_enc);
  const url = new URL(settings.discovery_url);
  let config: oidc.Configuration;
  try {
    config = await oidc.discovery(url, settings.client_id, undefined, oidc.ClientSecretBasic(secret), {
      timeout: 10,
      // plain http is allowed for a provider on this machine only (settings refuse it elsewhere)
      execute: url.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
    });
  } catch (err) {
    throw fail('sso_provider_unreachable', `The identity provider's discovery document could not be read (${(err as Error).message})`, 502);
  }
  configs.set(cacheKey, { config, at: Date.now() });
  return config;
}

async function settingsOf(db: Db, accountId: string): Promise<SsoRow> {
  const settings = UUID.test(accountId) ? await loadSso(db, accountId) : undefined;
  if (!settings) throw fail('sso_not_set_up', 'This account has no single sign-on', 404);
  return settings;
}

export interface StartedFlow {
  /** where the browser goes: the provider's authorization endpoint */
  location: string;
  /** the value of the browser-binding cookie */
  cookie: string;
}

export async function startSso(db: Db, key: Buffer, accountId: string, redirectUri: string): Promise<StartedFlow> {
  const settings = await settingsOf(db, accountId);
  const config = await providerConfig(settings, key);
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const browser = newSecret();
  await db.query('DELETE FROM sso_logins WHERE account_id = $1 AND expires_at < now()', [accountId]);
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO sso_logins (account_id, browser_hash, state, nonce, code_verifier, redirect_uri, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(mins => $7)) RETURNING id`,
    [accountId, hashSecret(browser), state, nonce, verifier, redirectUri, FLOW_MINUTES],
  );
  const location = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { location: location.href, cookie: `${row.id}.${browser}` };
}

export interface FinishOptions {
  accountId: string;
  /** the full callback URL the browser came back to (with code, state, iss) */
  callbackUrl: URL;
  /** the browser-binding cookie set by startSso */
  cookie: string | undefined;
  ttlHours: number;
  requestId?: string;
}

export async function finishSso(db: Db, key: Buffer, opts: FinishOptions): Promise<{ agent: AgentRow; cookie: string; expiresAt: Date; created: boolean }> {
  const settings = await settingsOf(db, opts.accountId);
  const [flowId, browser] = (opts.cookie ?? '').split('.');
  if (!flowId || !browser || !UUID.test(flowId)) {
    throw fail('sso_not_started', 'This sign-in was not begun in this browser, or it took longer than ten minutes. Start again.');
  }
  // used once: the row is claimed before the provider is asked, so a replayed callback finds nothing
  const [flow] = await db.query<{ state: string; nonce: string; code_verifier: string; redirect_uri: string; browser_hash: string }>(
    `UPDATE sso_logins SET used_at = now() WHERE account_id = $1 AND id = $2 AND used_at IS NULL AND expires_at > now()
     RETURNING state, nonce, code_verifier, redirect_uri, browser_hash`,
    [opts.accountId, flowId],
  );
  if (!flow || !secretMatches(browser, flow.browser_hash)) {
    throw fail('sso_not_started', 'This sign-in was already used, expired, or was not begun in this browser. Start again.');
  }
  const config = await providerConfig(settings, key);
  // the callback is checked against the redirect URI the flow began with (the one the provider knows)
  const current = new URL(flow.redirect_uri);
  current.search = opts.callbackUrl.search;
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: flow.code_verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    throw fail('sso_refused', `The identity provider's answer was refused: ${describe(err)}`);
  }
  const idClaims = tokens.claims();
  if (!idClaims) throw fail('sso_refused', 'The identity provider sent no ID token');
  let claims: Record<string, unknown> = { ...idClaims };
  if (claims.email === undefined && tokens.access_token) {
    try {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...info, ...idClaims, email: info.email, email_verified: info.email_verified, name: idClaims.name ?? info.name };
    } catch (err) {
      throw fail('sso_refused', `The identity provider's user info was refused: ${describe(err)}`);
    }
  }
  const email = typeof claims.email === 'string' ? claims.email.trim() : '';
  const [existing] = email
    ? await db.query<AgentRow>(`SELECT ${AGENT_COLUMNS} FROM agents WHERE account_id = $1 AND lower(email) = lower($2)`, [opts.accountId, email])
    : [];
  const match = matchAgent(claims, existing ?? null, settings.auto_create_role);
  if (match.kind === 'refuse') throw fail(match.code, match.message, 403);
  const actor = { ...systemActor(opts.accountId), requestId: opts.requestId };
  const agent = match.kind === 'create' ? await createAgent(db, actor, { email: match.email, name: match.name, role: match.role }) : existing!;
  const session = await openSession(db, agent, { ttlHours: opts.ttlHours, requestId: opts.requestId, via: 'sso' });
  await recordAudit(db, actor, { action: 'sso.signed_in', entityType: 'agent', entityId: agent.id, after: { issuer: idClaims.iss, subject: idClaims.sub, created: match.kind === 'create' } });
  return { ...session, created: match.kind === 'create' };
}

function describe(err: unknown): string {
  // openid-client's message is general ("invalid response encountered"); its cause says what was wrong
  type E = { message?: string; error?: string; error_description?: string; cause?: unknown };
  const parts: string[] = [];
  for (let e = err as E | undefined, depth = 0; e && typeof e === 'object' && depth < 3; e = e.cause as E | undefined, depth++) {
    if (e.message && !parts.includes(e.message)) parts.push(e.message);
    if (e.error) parts.push(`${e.error}${e.error_description ? `: ${e.error_description}` : ''}`);
  }
  return parts.join(' — ').slice(0, 500) || 'unknown error';
}
