import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../shared/errors.ts';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown; request_id?: string };
}

/** Every failure leaves as `{ error: { code, message } }` with the right status; never a stack trace. */
export function errorHandler(err: FastifyError & { code?: string }, req: FastifyRequest, reply: FastifyReply) {
  const send = (status: number, code: string, message: string, details?: unknown) =>
    reply.code(status).send({ error: { code, message, ...(details === undefined ? {} : { details }), request_id: req.id } });

  if (err instanceof AppError) {
    const wait = (err.details as { retry_after_seconds?: number } | undefined)?.retry_after_seconds;
    if (err.status === 429 && wait) reply.header('retry-after', String(wait));
    return send(err.status, err.code, err.message, err.details);
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => ({
      in: err.validationContext,
      path: (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.'),
      message: v.message,
    }));
    const first = issues[0];
    const where = first?.path ? `${first.in} ${first.path}` : first?.in ?? 'request';
    return send(400, 'validation_failed', `Invalid ${where}: ${first?.message ?? 'does not match the schema'}`, issues);
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(413, 'body_too_large', `The request body is larger than ${req.routeOptions.bodyLimit ?? 'the'} bytes allowed`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(415, 'unsupported_media_type', 'Send the request body as application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return send(400, 'invalid_json', 'The body is empty but the content type says JSON');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return send(400, 'invalid_json', 'The request body is not valid JSON');
  }
  if (err.statusCode === 400 && err instanceof SyntaxError) return send(400, 'invalid_json', 'The request body is not valid JSON');
  if (err.statusCode === 429) return send(429, 'rate_limited', err.message);
  const pgCode = (err as { code?: string }).code;
  if (pgCode === '23503') return send(422, 'reference_not_found', 'A referenced record does not exist in this account');
  if (pgCode === '23514' || pgCode === '22001') return send(422, 'invalid_value', 'A value is not allowed here');
  if (pgCode === '22003') return send(400, 'value_out_of_range', 'A number is larger (or smaller) than the database can hold');
  if (pgCode === '22021' || pgCode === '22P05') {
    return send(422, 'invalid_value', 'A text value contains a character that cannot be stored (such as \\u0000)');
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return send(err.statusCode, (err.code ?? 'bad_request').toLowerCase(), err.message);
  }
  req.log.error({ err }, 'unhandled error');
  return send(500, 'internal_error', 'Something went wrong on our side; the request id helps us find it');
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply) {
  reply.code(404).send({
    error: { code: 'route_not_found', message: `No route ${req.method} ${req.url.split('?')[0]}`, request_id: req.id },
  });
}
