import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../storage/db.ts';
import type { Actor, Role } from '../../shared/actor.ts';
import type { SignedIn } from '../../accounts/login.ts';
import { completeChallenge, type LoginChallenge } from '../../accounts/two-factor/challenge.ts';
import { confirmEnrolment, disableTwoFactor, startEnrolment } from '../../accounts/two-factor/enrol.ts';
import { requireForAgent, resetTwoFactor, setRequiredRoles, twoFactorOverview } from '../../accounts/two-factor/manage.ts';
import { twoFactorState } from '../../accounts/two-factor/policy.ts';
import { secretsKey } from '../../accounts/secret-box.ts';
import type { SecondFactor } from '../../accounts/two-factor/verify-second-factor.ts';
import { announceAccessChange } from '../../live/stream-access.ts';
import { actorOf, SESSION_COOKIE } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** true: a session that must first set up two-factor sign-in may use this route */
    twoFactorEnrolment?: boolean;
  }
}

export const twoFactorChallengeSchema = z.object({
  two_factor_required: z.literal(true),
  challenge_token: z.string().describe('give it with the code to POST /api/v1/auth/two-factor; not a session'),
  expires_at: res.time,
});

export const challengeReply = (c: LoginChallenge) => ({ two_factor_required: true as const, challenge_token: c.token, expires_at: c.expiresAt });

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, config: Config, signedIn: SignedIn) {
  const secure = config.COOKIE_SECURE === 'auto' ? req.protocol === 'https' : config.COOKIE_SECURE === 'true';
  reply.setCookie(SESSION_COOKIE, signedIn.cookie, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: signedIn.expiresAt });
}

/** /api/v1/me's two-factor part, for an agent: is it on, must they use it, must they set it up first. */
export async function meTwoFactor(db: Db, a: Actor) {
  if (!a.agentId) return {};
  const st = await twoFactorState(db, a.accountId, a.agentId);
  if (!st) return {};
  return { two_factor: { enabled: st.enabled, required: st.required, must_enrol: st.required && !st.enabled && a.type === 'agent', recovery_codes_left: st.recoveryCodesLeft } };
}

const code = z.string().trim().min(1).max(20).describe('the 6 digits the authenticator app shows');
const recoveryCode = z.string().trim().min(1).max(40).describe('one of the recovery codes shown at set-up');
const proofBody = z
  .object({ code: code.optional(), recovery_code: recoveryCode.optional() })
  .strict()
  .refine((b) => (b.code === undefined) !== (b.recovery_code === undefined), { message: 'give either code or recovery_code' });
const proofOf = (b: { code?: string; recovery_code?: string }): SecondFactor => (b.code !== undefined ? { code: b.code } : { recoveryCode: b.recovery_code! });

const statusSchema = z.object({ enabled: z.boolean(), pending: z.boolean(), required: z.boolean(), recovery_codes_left: z.number().int() });
const roles = z.array(s.role).max(3);
const overviewSchema = z.object({
  required_roles: roles,
  agents: z.array(z.object({
    agent_id: z.string(), name: z.string(), email: z.string(), role: s.role, active: z.boolean(), enabled: z.boolean(), required: z.boolean(), required_by_name: z.boolean(),
  })),
});

export function twoFactorRoutes(app: FastifyInstance, db: Db, config: Config) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const key = () => secretsKey(config);

  r.post('/api/v1/auth/two-factor', {
    config: { permission: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      summary: 'Complete a sign-in with the authenticator code (or a recovery code); sets the session cookie',
      body: z
        .object({ challenge_token: z.string().max(200), code: code.optional(), recovery_code: recoveryCode.optional() })
        .strict()
        .refine((b) => (b.code === undefined) !== (b.recovery_code === undefined), { message: 'give either code or recovery_code' }),
      response: { 200: z.object({ agent: res.agentSchema, expires_at: res.time }), ...res.errors },
    },
  }, async (req, reply) => {
    const signedIn = await completeChallenge(db, key(), {
      token: req.body.challenge_token, proof: proofOf(req.body), ttlHours: config.SESSION_TTL_HOURS, clientIp: req.ip, requestId: req.id,
    });
    setSessionCookie(req, reply, config, signedIn);
    return { agent: signedIn.agent, expires_at: signedIn.expiresAt };
  });

  r.get('/api/v1/two-factor', {
    config: { permission: 'profile.own', twoFactorEnrolment: true },
    schema: { tags: ['two-factor'], summary: 'Your own two-factor sign-in: on, required, recovery codes left', response: { 200: statusSchema, ...res.errors } },
  }, async (req) => {
    const a = actorOf(req);
    const st = a.agentId ? await twoFactorState(db, a.accountId, a.agentId) : null;
    return { enabled: st?.enabled ?? false, pending: st?.pending ?? false, required: st?.required ?? false, recovery_codes_left: st?.recoveryCodesLeft ?? 0 };
  });

  r.post('/api/v1/two-factor/enrolment', {
    config: { permission: 'profile.own', twoFactorEnrolment: true },
    schema: {
      tags: ['two-factor'],
      summary: 'Start setting up two-factor sign-in: a new key, as a QR code and as text (a session, not an API token)',
      body: z.object({}).strict().optional(),
      response: { 200: z.object({ secret: z.string(), otpauth_uri: z.string(), qr_code: z.string().describe('SVG data URL') }), ...res.errors },
    },
  }, async (req) => {
    const e = await startEnrolment(db, key(), actorOf(req));
    return { secret: e.secret, otpauth_uri: e.otpauthUri, qr_code: e.qrCode };
  });

  r.post('/api/v1/two-factor/enrolment/confirm', {
    config: { permission: 'profile.own', twoFactorEnrolment: true },
    schema: {
      tags: ['two-factor'],
      summary: 'Confirm the set-up with a first code; the answer holds ten recovery codes, shown this once',
      body: z.object({ code }).strict(),
      response: { 200: z.object({ enabled: z.literal(true), recovery_codes: z.array(z.string()) }), ...res.errors },
    },
  }, async (req) => {
    const { recoveryCodes } = await confirmEnrolment(db, key(), actorOf(req), req.body.code, req.ip);
    return { enabled: true as const, recovery_codes: recoveryCodes };
  });

  r.post('/api/v1/two-factor/disable', {
    config: { permission: 'profile.own' },
    schema: { tags: ['two-factor'], summary: 'Switch your two-factor sign-in off with a code (not when required)', body: proofBody, response: { 200: statusSchema, ...res.errors } },
  }, async (req) => {
    const a = actorOf(req);
    await disableTwoFactor(db, key(), a, proofOf(req.body), req.ip);
    const st = await twoFactorState(db, a.accountId, a.agentId!);
    return { enabled: false, pending: false, required: st?.required ?? false, recovery_codes_left: 0 };
  });

  r.get('/api/v1/two-factor/policy', {
    config: { permission: 'agents.manage' },
    schema: { tags: ['two-factor'], summary: 'Who must use two-factor sign-in, and who does (admin)', response: { 200: overviewSchema, ...res.errors } },
  }, async (req) => twoFactorOverview(db, actorOf(req)));

  r.put('/api/v1/two-factor/policy', {
    config: { permission: 'agents.manage' },
    schema: {
      tags: ['two-factor'],
      summary: 'Require two-factor sign-in of roles (all three: the whole account; none: nobody by role) (admin)',
      body: z.object({ required_roles: roles }).strict(),
      response: { 200: overviewSchema, ...res.errors },
    },
  }, async (req) => {
    await setRequiredRoles(db, actorOf(req), req.body.required_roles as Role[]);
    return twoFactorOverview(db, actorOf(req));
  });

  r.put('/api/v1/agents/:id/two-factor', {
    config: { permission: 'agents.manage' },
    schema: {
      tags: ['two-factor'],
      summary: 'Require two-factor sign-in of one agent, or no longer by name (admin)',
      params: s.idParams,
      body: z.object({ required: z.boolean() }).strict(),
      response: { 200: overviewSchema, ...res.errors },
    },
  }, async (req) => {
    await requireForAgent(db, actorOf(req), req.params.id, req.body.required);
    return twoFactorOverview(db, actorOf(req));
  });

  r.delete('/api/v1/agents/:id/two-factor', {
    config: { permission: 'agents.manage' },
    schema: {
      tags: ['two-factor'],
      summary: "Reset an agent's two-factor sign-in (a lost phone): removes it and ends their sessions (admin)",
      params: s.idParams,
      response: { 200: z.object({ had_two_factor: z.boolean() }), ...res.errors },
    },
  }, async (req) => {
    const done = await resetTwoFactor(db, actorOf(req), req.params.id);
    await announceAccessChange(db, actorOf(req).accountId, { agentId: req.params.id }); // their live streams end too
    return done;
  });
}
