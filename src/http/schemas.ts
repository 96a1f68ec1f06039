import { z } from 'zod';
import { CASE_STATUSES, CHANNELS, PRIORITIES, TIERS } from '../cases/status.ts';

/** Shared request pieces. Objects are strict: an unknown field is an error, not silently dropped. */
export const id = z.guid().describe('UUID');
export const caseId = z
  .string()
  .regex(/^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|LU-\d{1,15})$/i, 'must be a case id or a reference like LU-1042')
  .describe('Case id (UUID) or reference (LU-1042)');
export const idParams = z.object({ id }).strict();
export const caseParams = z.object({ id: caseId }).strict();
/** PostgreSQL's integer: a larger number in a query would fail in the database, not as a clear 400. */
export const MAX_INT = 2_147_483_647;
/** An article version number in a query string. */
export const version = z.coerce.number().int().min(1).max(MAX_INT);
export const limit = z.coerce.number().int().min(1).max(200).default(50);
export const cursor = z.string().max(500).optional();

export const status = z.enum(CASE_STATUSES as [string, ...string[]]);
export const priority = z.enum(PRIORITIES as [string, ...string[]]);
export const tier = z.enum(TIERS as [string, ...string[]]);
export const channel = z.enum(CHANNELS as [string, ...string[]]);
export const language = z.string().regex(/^[a-z]{2}(-[A-Za-z]{2})?$/, 'must be a language code like nl or en-GB');
export const body = z.string().min(1).max(200_000);
export const segment = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'must be lower-case letters, digits, - or _ (e.g. gold)');
export const role = z.enum(['agent', 'supervisor', 'admin']);

/** Custom field values in a body: { key: value | null } (null clears); types are checked against the account's fields. */
export const customFieldValues = z
  .record(z.string().max(40), z.union([z.string().max(2000), z.number(), z.boolean(), z.array(z.string().max(100)).max(100), z.null()]))
  .refine((o) => Object.keys(o).length <= 100, 'at most 100 fields at once')
  .describe('custom field values by key; null clears a field (GET /api/v1/custom-fields)');

const conditionValue = z.union([z.string().max(2000), z.number(), z.boolean()]);
/** Conditions on custom field values (routing rules, service levels); each is checked against the field's type when saved. */
export const fieldConditions = z
  .array(z.object({
    entity: z.enum(['case', 'customer', 'organisation']),
    key: z.string().min(1).max(40),
    op: z.enum(['equals', 'one_of', 'is_set']).describe('equals: that value (yes/no: true or false; several-of: has that option); one_of: any of a list; is_set: has any value (no value given)'),
    value: z.union([conditionValue, z.array(conditionValue).min(1).max(100), z.null()]).optional().describe('the value (equals) or values (one_of); left out or null for is_set'),
  }).strict())
  .max(10);
export const fieldConditionsOut = z.array(z.object({ entity: z.string(), key: z.string(), op: z.string(), value: z.unknown() }));

/**
 * A list's query string that also takes `field.<key>=value` filters (custom fields): the known keys as
 * in `shape`, and any other key only in that form.
 */
export function withFieldFilters<T extends z.ZodRawShape>(shape: T) {
  return z
    .object(shape)
    .catchall(z.string().max(200).describe('field.<key>=value: custom field filter'))
    .superRefine((q, ctx) => {
      for (const k of Object.keys(q)) {
        if (!(k in shape) && !/^field\.[a-z][a-z0-9_]{0,39}$/.test(k)) ctx.addIssue({ code: 'custom', path: [k], message: `Unrecognized key: "${k.slice(0, 60)}" (custom field filters are field.<key>=value)` });
      }
    });
}
