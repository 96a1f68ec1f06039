import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../storage/db.ts';
import { authenticateSession, authenticateToken } from '../accounts/authenticate.ts';
import type { Actor } from '../shared/actor.ts';
import { AppError } from '../shared/errors.ts';
import { mustEnrolFirst } from '../accounts/two-factor/policy.ts';
import { isPermission, requirePermission, type RoutePermission } from '../accounts/permissions.ts';

export const SESSION_COOKIE = 'luister_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /**
     * What the caller must hold, checked before anything else of the request (src/accounts/permissions.ts):
     * a permission name, or 'public' (no sign-in). Every route declares one; it is in the OpenAPI document
     * as x-permission.
     */
    permission?: RoutePermission;
  }
}

/**
 * Bearer token first, then the session cookie; then the route's permission. Routes are private unless
 * they declare the permission 'public'. A URL that matches no route has no permission to check (404).
 */
export function authHook(db: Db) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const permission = req.routeOptions.config?.permission;
    if (permission === 'public' || !req.url.startsWith('/api/')) return;
    const header = req.headers.authorization;
    let actor: Actor | null = null;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) throw new AppError('invalid_authorization', 'Use "Authorization: Bearer <token>"', 401);
      actor = await authenticateToken(db, m[1]);
      if (!actor) throw new AppError('invalid_token', 'The API token is not valid or was revoked', 401);
    } else {
      const cookie = req.cookies?.[SESSION_COOKIE];
      if (cookie) actor = await authenticateSession(db, cookie);
      if (!actor) throw new AppError('unauthenticated', 'Sign in or send "Authorization: Bearer <token>"', 401);
      // a session of an agent who must set up two-factor sign-in may do only that (API tokens are not affected)
      if (req.routeOptions.config?.twoFactorEnrolment !== true && actor.agentId && (await mustEnrolFirst(db, actor.accountId, actor.agentId))) {
        throw new AppError('two_factor_enrolment_required', 'Set up two-factor sign-in first: your account requires it (POST /api/v1/two-factor/enrolment)', 403);
      }
    }
    req.actor = { ...actor, requestId: req.id };
    if (permission) requirePermission(actor, permission, `${req.method} ${req.routeOptions.url}`);
  };
}

/**
 * At start-up: a route that declares no permission, or one that does not exist, stops the server from
 * starting (a test cannot forget it). Outside /api/ nothing is authenticated, so only 'public' fits there.
 */
export function checkRoutePermission(route: { method: string | string[]; url: string; config?: { permission?: unknown } }): void {
  const p = route.config?.permission;
  const where = `${[route.method].flat().join(',')} ${route.url}`;
  if (p === undefined) throw new Error(`${where} declares no permission (config.permission: a name from src/accounts/permissions.ts, or 'public')`);
  if (p !== 'public' && (typeof p !== 'string' || !isPermission(p))) throw new Error(`${where} declares the permission ${String(p)}, which does not exist`);
  if (p !== 'public' && !route.url.startsWith('/api/')) throw new Error(`${where}: routes outside /api/ are not authenticated; declare 'public'`);
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', 'Sign in or send "Authorization: Bearer <token>"', 401);
  return req.actor;
}
