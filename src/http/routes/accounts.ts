import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../storage/db.ts';
import { createAgent } from '../../accounts/create-agent.ts';
import { createApiToken } from '../../accounts/create-api-token.ts';
import { createTeam, listTeams } from '../../accounts/create-team.ts';
import { login, logout } from '../../accounts/login.ts';
import { listApiTokens, revokeApiToken } from '../../accounts/revoke-api-token.ts';
import { listAgents, updateAgent } from '../../accounts/update-agent.ts';
import type { Role } from '../../shared/actor.ts';
import { permissionsOf } from '../../accounts/permissions.ts';
import { announceAccessChange, sessionOfCookie } from '../../live/stream-access.ts';
import { actorOf, SESSION_COOKIE } from '../auth.ts';
import { challengeReply, meTwoFactor, setSessionCookie, twoFactorChallengeSchema } from './two-factor.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

export function accountRoutes(app: FastifyInstance, db: Db, config: Config) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/auth/login', {
    config: { permission: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with e-mail and password; sets an HTTP-only session cookie',
      body: z.object({ email: z.string().max(320), password: z.string().max(1000), account_id: s.id.optional() }).strict(),
      description: 'For an agent with two-factor sign-in the answer is a challenge instead: no session yet, until POST /api/v1/auth/two-factor gets the code.',
      response: { 200: z.union([z.object({ agent: res.agentSchema, expires_at: res.time }), twoFactorChallengeSchema]), ...res.errors },
    },
  }, async (req, reply) => {
    const signedIn = await login(db, {
      email: req.body.email,
      password: req.body.password,
      accountId: req.body.account_id,
      ttlHours: config.SESSION_TTL_HOURS,
      requestId: req.id,
      clientIp: req.ip,
    });
    if ('challenge' in signedIn) return challengeReply(signedIn.challenge);
    setSessionCookie(req, reply, config, signedIn);
    return { agent: signedIn.agent, expires_at: signedIn.expiresAt };
  });

  r.post('/api/v1/auth/logout', { config: { permission: 'public' }, schema: { tags: ['auth'], summary: 'Sign out' } }, async (req, reply) => {
    const cookie = req.cookies[SESSION_COOKIE];
    // only a cookie that proves its session ends it (an id alone does not); its live streams end too, on every process
    const ended = cookie && (await logout(db, cookie)) ? sessionOfCookie(cookie) : null;
    if (ended) await announceAccessChange(db, ended.accountId, { credentialId: ended.sessionId });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { signed_out: true };
  });

  // open during a required enrolment: the workspace learns from it that it must show the set-up
  r.get('/api/v1/me', { config: { permission: 'profile.own', twoFactorEnrolment: true }, schema: { tags: ['auth'], summary: 'Who is calling' } }, async (req) => {
    const a = actorOf(req);
    const [agent] = a.agentId
      ? await db.query(`SELECT a.id, a.email, a.name, a.role, a.team_id, r.name AS custom_role FROM agents a
          LEFT JOIN custom_roles r ON r.account_id = a.account_id AND r.id = a.custom_role_id WHERE a.account_id = $1 AND a.id = $2`, [a.accountId, a.agentId])
      : [null];
    const [account] = await db.query('SELECT account_id AS id, name FROM accounts WHERE account_id = $1', [a.accountId]);
    // permissions: what the workspace may offer (the built-in role's and the custom role's), read fresh with the session
    return { account, actor: { type: a.type, id: a.id, role: a.role, permissions: permissionsOf(a) }, agent, ...(await meTwoFactor(db, a)) };
  });

  r.get('/api/v1/agents', { config: { permission: 'agents.read' }, schema: { tags: ['agents'], summary: 'List agents', response: { 200: res.listOf(res.agentSchema), ...res.errors } } }, async (req) => ({ data: await listAgents(db, actorOf(req)) }));

  r.post('/api/v1/agents', {
    config: { permission: 'agents.manage' },
    schema: {
      tags: ['agents'],
      summary: 'Add an agent (admin)',
      body: z
        .object({ email: z.email().max(320), name: z.string().trim().min(1).max(200), role: s.role.default('agent'), team_id: s.id.nullable().optional(), password: z.string().max(1000).optional() })
        .strict(),
      response: { 201: res.agentSchema, ...res.errors },
    },
  }, async (req, reply) => {
    const b = req.body;
    return reply.code(201).send(await createAgent(db, actorOf(req), { email: b.email, name: b.name, role: b.role as Role, teamId: b.team_id, password: b.password }));
  });

  r.patch('/api/v1/agents/:id', {
    config: { permission: 'profile.own' },
    schema: {
      tags: ['agents'],
      summary: 'Change an agent (admin), or your own name and password',
      params: s.idParams,
      body: z
        .object({ name: z.string().trim().min(1).max(200).optional(), role: s.role.optional(), team_id: s.id.nullable().optional(), active: z.boolean().optional(), password: z.string().max(1000).optional(),
          current_password: z.string().max(1000).optional().describe('needed to change your own password') })
        .strict(),
      response: { 200: res.agentSchema, ...res.errors },
    },
  }, async (req) => {
    const b = req.body;
    const agent = await updateAgent(db, actorOf(req), req.params.id, { name: b.name, role: b.role as Role | undefined, teamId: b.team_id, active: b.active, password: b.password, currentPassword: b.current_password });
    // deactivation or a new password ended the agent's sessions: their live streams end too
    if (b.active === false || b.password !== undefined) await announceAccessChange(db, agent.account_id, { agentId: agent.id });
    return agent;
  });

  r.get('/api/v1/teams', { config: { permission: 'agents.read' }, schema: { tags: ['agents'], summary: 'List teams', response: { 200: res.listOf(res.teamSchema), ...res.errors } } }, async (req) => ({ data: await listTeams(db, actorOf(req)) }));

  r.post('/api/v1/teams', {
    config: { permission: 'agents.manage' },
    schema: { tags: ['agents'], summary: 'Create a team (admin)', body: z.object({ name: z.string().trim().min(1).max(200) }).strict(), response: { 201: res.teamSchema, ...res.errors } },
  }, async (req, reply) => reply.code(201).send(await createTeam(db, actorOf(req), req.body)));

  r.get('/api/v1/tokens', { config: { permission: 'api_tokens.manage' }, schema: { tags: ['tokens'], summary: 'List API tokens (never their secrets)', response: { 200: res.listOf(res.apiTokenSchema), ...res.errors } } }, async (req) => ({
    data: await listApiTokens(db, actorOf(req)),
  }));

  r.post('/api/v1/tokens', {
    config: { permission: 'api_tokens.manage' },
    schema: {
      tags: ['tokens'],
      summary: 'Create an API token (admin); the token is in the response once and never again',
      description:
        'With `agent_id` the token is issued to that agent and acts as them, never with more than their role. Without it the token is a service identity: it has its role, but it is nobody (no notifications, no "my cases", no own password).',
      body: z.object({ name: z.string().trim().min(1).max(200), role: s.role.default('admin'), agent_id: s.id.optional() }).strict(),
      response: { 201: res.apiTokenSchema.extend({ token: z.string().describe('shown once') }), ...res.errors },
    },
  }, async (req, reply) => {
    const { apiToken, token } = await createApiToken(db, actorOf(req), { name: req.body.name, role: req.body.role as Role, agentId: req.body.agent_id });
    return reply.code(201).send({ ...apiToken, token });
  });

  r.delete('/api/v1/tokens/:id', { config: { permission: 'api_tokens.manage' }, schema: { tags: ['tokens'], summary: 'Revoke an API token', params: s.idParams, response: { 200: res.apiTokenSchema, ...res.errors } } }, async (req) => {
    const revoked = await revokeApiToken(db, actorOf(req), req.params.id);
    await announceAccessChange(db, actorOf(req).accountId, { credentialId: req.params.id }); // its live streams end
    return revoked;
  });
}
