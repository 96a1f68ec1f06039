import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.ts';

/**
 * JSON may carry a lone UTF-16 surrogate ("\ud800"), which is no Unicode character: PostgreSQL
 * refuses it (in text as in jsonb) and the request would fail half-way with a 500. Every request's
 * body, query and path parameters are checked before validation, so all routes answer the same
 * 400 validation_failed and nothing is written.
 */
const LONE_SURROGATE = /\p{Cs}/u;
const MAX_DEPTH = 64;

/** The path of the first string (or key) holding a lone surrogate, or null. */
export function findLoneSurrogate(value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findLoneSurrogate(value[i], [...path, String(i)], depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  if (Buffer.isBuffer(value)) return null;
  for (const [k, v] of Object.entries(value)) {
    if (LONE_SURROGATE.test(k)) return [...path, k.replace(LONE_SURROGATE, '\\u{?}')];
    const hit = findLoneSurrogate(v, [...path, k], depth + 1);
    if (hit) return hit;
  }
  return null;
}

/** preValidation hook: 400 validation_failed when any text in the request is not well-formed Unicode. */
export async function rejectLoneSurrogates(req: FastifyRequest, _reply: FastifyReply) {
  for (const [where, value] of [['body', req.body], ['querystring', req.query], ['params', req.params]] as const) {
    const hit = findLoneSurrogate(value);
    if (!hit) continue;
    const path = hit.join('.');
    const message = 'contains a lone UTF-16 surrogate (such as \\ud800), which is not a character; send well-formed Unicode text';
    throw new AppError('validation_failed', `Invalid ${where}${path ? ` ${path}` : ''}: ${message}`, 400, [{ in: where, path, message }]);
  }
}
