import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../storage/db.ts';
import { AppError } from '../shared/errors.ts';
import type { Actor } from '../shared/actor.ts';

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey?: string;
  }
}

/**
 * Stripe's Idempotency-Key on every POST: the first request with a key runs and its response
 * (2xx or 4xx) is stored; a retry with the same key and body gets that response again
 * (header `Idempotent-Replayed: true`) and changes nothing. The same key with another body is
 * refused; a retry while the first is still running gets 409. A 5xx frees the key for a retry.
 *
 * Keys belong to the credential that sent them (a token, or an agent's sessions) and to its role at
 * the time: another credential, or the same one after its role changed, runs its own request with
 * its own authorisation and never sees a stored response. A response that carries a secret (a new
 * token, a signing secret) is never stored: its replay says the request was done, without the body.
 * Kept for 24 hours.
 */
export function registerIdempotency(app: FastifyInstance, db: Db) {
  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || key === undefined || !req.actor) return;
    if (typeof key !== 'string' || key.length < 1 || key.length > 255) {
      throw new AppError('invalid_idempotency_key', 'Idempotency-Key must be 1 to 255 characters', 400);
    }
    const hash = createHash('sha256').update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`).digest('hex');
    const accountId = req.actor.accountId;
    const credential = credentialOf(req.actor);
    const ids = [accountId, credential, key];
    // expired keys are released lazily, one at a time
    await db.query(
      `DELETE FROM idempotency_keys WHERE account_id = $1 AND credential = $2 AND key = $3 AND created_at < now() - interval '24 hours'`,
      ids,
    );
    const [fresh] = await db.query(
      `INSERT INTO idempotency_keys (account_id, credential, key, request_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (account_id, credential, key) DO NOTHING RETURNING key`,
      [...ids, hash],
    );
    if (fresh) {
      req.idempotencyKey = key;
      return;
    }
    const [prior] = await db.query<{ request_hash: string; status: string; response_status: number; response_body: string | null }>(
      'SELECT request_hash, status, response_status, response_body FROM idempotency_keys WHERE account_id = $1 AND credential = $2 AND key = $3',
      ids,
    );
    if (!prior) throw new AppError('idempotency_conflict', 'Retry the request', 409);
    if (prior.request_hash !== hash) {
      throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used for a different request', 422);
    }
    if (prior.status !== 'done') {
      throw new AppError('idempotency_in_progress', 'A request with this Idempotency-Key is still being processed', 409);
    }
    if (prior.response_body === null) {
      throw new AppError(
        'idempotency_secret_withheld',
        'This request was already done. Its response held a secret that is shown only once, so it is not repeated: list the resource to see it, or revoke it and make a new one',
        409,
      );
    }
    return reply
      .code(prior.response_status)
      .header('idempotent-replayed', 'true')
      .type('application/json; charset=utf-8')
      .send(prior.response_body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.idempotencyKey || !req.actor) return payload;
    const params = [req.actor.accountId, credentialOf(req.actor), req.idempotencyKey];
    if (reply.statusCode >= 500) {
      await db.query('DELETE FROM idempotency_keys WHERE account_id = $1 AND credential = $2 AND key = $3', params);
    } else {
      const body = typeof payload === 'string' ? payload : JSON.stringify(payload ?? null);
      await db.query(
        `UPDATE idempotency_keys SET status = 'done', response_status = $4, response_body = $5
         WHERE account_id = $1 AND credential = $2 AND key = $3`,
        [...params, reply.statusCode, holdsSecret(body) ? null : body],
      );
    }
    return payload;
  });
}

/** Who a stored response belongs to: the token, or the agent behind a session, with the role it had. */
export function credentialOf(actor: Actor): string {
  return `${actor.type}:${actor.type === 'agent' ? actor.agentId : actor.id}:${actor.role}`;
}

const SECRET_FIELDS = new Set(['token', 'secret', 'password', 'recovery_codes', 'client_secret', 'signing_secret']);

/** True when a JSON response has a field that is a secret, at any depth. */
export function holdsSecret(body: string): boolean {
  let found = false;
  try {
    JSON.parse(body, (k, v) => {
      if (SECRET_FIELDS.has(k) && v !== null && v !== undefined && v !== '') found = true;
      return v;
    });
  } catch {
    return false;
  }
  return found;
}
