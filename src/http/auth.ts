import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../storage/db.ts';
import { authenticateSession, authenticateToken } from '../accounts/authenticate.ts';
import type { Actor } from '../shared/actor.ts';
import { AppError } from '../shared/errors.ts';
import { mustEnrolFirst } from '../accounts/two-factor/policy.ts';

export const SESSION_COOKIE = 'luister_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** false: the route is public */
    auth?: boolean;
  }
}

/** Bearer token first, then the session cookie. Routes are private unless config.auth is false. */
export function authHook(db: Db) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    if (req.routeOptions.config?.auth === false || !req.url.startsWith('/api/')) return;
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
  };
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', 'Sign in or send "Authorization: Bearer <token>"', 401);
  return req.actor;
}
