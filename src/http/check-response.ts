import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../shared/errors.ts';

/**
 * onSend hook for tests: the response must match the schema the route documents for its status
 * code, so the OpenAPI document cannot drift from what the code sends.
 */
export async function checkResponse(req: FastifyRequest, reply: FastifyReply, payload: unknown) {
  const schemas = req.routeOptions.schema?.response as Record<string, z.ZodType> | undefined;
  if (!schemas || typeof payload !== 'string' || reply.getHeader('idempotent-replayed')) return payload;
  const code = String(reply.statusCode);
  const schema = schemas[code] ?? schemas[`${code[0]}xx`];
  if (!schema) {
    throw new AppError('response_schema_mismatch', `${req.method} ${req.url} answered ${code}, which its schema does not document`, 500);
  }
  const result = schema.safeParse(JSON.parse(payload));
  if (!result.success) {
    throw new AppError('response_schema_mismatch', `${req.method} ${req.url} (${code}) does not match its documented schema:\n${z.prettifyError(result.error)}`, 500);
  }
  return payload;
}
