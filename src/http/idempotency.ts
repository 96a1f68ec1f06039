import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../storage/db.ts';
import { AppError } from '../shared/errors.ts';

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
 * Keys are per account and kept for 24 hours.
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
    // expired keys are released lazily, one at a time
    await db.query(`DELETE FROM idempotency_keys WHERE account_id = $1 AND key = $2 AND created_at < now() - interval '24 hours'`, [
      accountId,
      key,
    ]);
    const [fresh] = await db.query(
      `INSERT INTO idempotency_keys (account_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (account_id, key) DO NOTHING RETURNING key`,
      [accountId, key, hash],
    );
    if (fresh) {
      req.idempotencyKey = key;
      return;
    }
    const [prior] = await db.query<{ request_hash: string; status: string; response_status: number; response_body: string }>(
      'SELECT request_hash, status, response_status, response_body FROM idempotency_keys WHERE account_id = $1 AND key = $2',
      [accountId, key],
    );
    if (!prior) throw new AppError('idempotency_conflict', 'Retry the request', 409);
    if (prior.request_hash !== hash) {
      throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used for a different request', 422);
    }
    if (prior.status !== 'done') {
      throw new AppError('idempotency_in_progress', 'A request with this Idempotency-Key is still being processed', 409);
    }
    return reply
      .code(prior.response_status)
      .header('idempotent-replayed', 'true')
      .type('application/json; charset=utf-8')
      .send(prior.response_body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.idempotencyKey || !req.actor) return payload;
    const params = [req.actor.accountId, req.idempotencyKey];
    if (reply.statusCode >= 500) {
      await db.query('DELETE FROM idempotency_keys WHERE account_id = $1 AND key = $2', params);
    } else {
      await db.query(
        `UPDATE idempotency_keys SET status = 'done', response_status = $3, response_body = $4 WHERE account_id = $1 AND key = $2`,
        [...params, reply.statusCode, typeof payload === 'string' ? payload : JSON.stringify(payload ?? null)],
      );
    }
    return payload;
  });
}
