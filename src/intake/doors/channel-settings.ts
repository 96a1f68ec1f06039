import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import { recordAudit } from '../../shared/audit.ts';
import { conflict, invalid, isUniqueViolation } from '../../shared/errors.ts';
import { requirePermission } from '../../accounts/permissions.ts';
import { forgetDoors } from './door-cache.ts';
import { formFields, type FormField, type StoredField, validateFieldConfig } from '../form/form-fields.ts';

/** An account's public doors: the contact form, callback booking and the chat widget at /contact/<slug>. */
export interface ChannelSettings {
  account_id: string;
  slug: string;
  form_enabled: boolean;
  form_fields: StoredField[];
  allowed_origins: string[];
  min_fill_seconds: number;
  submissions_per_hour: number;
  callback_enabled: boolean;
  callback_slot_minutes: number;
  callback_capacity: number;
  callback_days_ahead: number;
  chat_enabled: boolean;
  /** the chat's knowledge-base bot: answers a visitor's questions with public help-centre articles until they ask for a person (off by default) */
  chat_bot_enabled: boolean;
}

/** What the public routes need besides the settings: the account's name and the form secret (never sent to a client). */
export interface Door extends ChannelSettings {
  account_name: string;
  form_secret: string;
  fields: FormField[];
}

const COLUMNS = `account_id, slug, form_enabled, form_fields, allowed_origins, min_fill_seconds, submissions_per_hour,
  callback_enabled, callback_slot_minutes, callback_capacity, callback_days_ahead, chat_enabled, chat_bot_enabled`;

export const channelSettingsPatch = z
  .object({
    slug: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'lower-case letters, digits and -, at most 63'),
    form_enabled: z.boolean(),
    form_fields: z.array(z.unknown()).max(20),
    allowed_origins: z.array(z.string().max(200)).max(20),
    min_fill_seconds: z.number().int().min(0).max(600),
    submissions_per_hour: z.number().int().min(1).max(1000),
    callback_enabled: z.boolean(),
    callback_slot_minutes: z.union([z.literal(15), z.literal(20), z.literal(30), z.literal(60)]),
    callback_capacity: z.number().int().min(1).max(100),
    callback_days_ahead: z.number().int().min(1).max(60),
    chat_enabled: z.boolean(),
    chat_bot_enabled: z.boolean(),
  })
  .partial()
  .strict();
export type ChannelSettingsPatch = z.infer<typeof channelSettingsPatch>;

export async function getChannelSettings(db: Db, accountId: string): Promise<ChannelSettings | null> {
  const [row] = await db.query<ChannelSettings>(`SELECT ${COLUMNS} FROM channel_settings WHERE account_id = $1`, [accountId]);
  return row ?? null;
}

/** The columns of a Door, over channel_settings `s` joined with accounts `a` (the portal reads its door in the same statement as its own settings). */
export const DOOR_SELECT = `${COLUMNS.split(',').map((c) => `s.${c.trim()}`).join(', ')}, s.form_secret, a.name AS account_name`;
export const doorOf = <T extends Omit<Door, 'fields'>>(row: T): T & Door => ({ ...row, fields: formFields(row.form_fields) });

/** The door at a public slug, or null. */
export async function findDoor(db: Db, slug: string): Promise<Door | null> {
  if (slug.length > 63) return null;
  const [row] = await db.query<Door>(
    `SELECT ${COLUMNS.split(',').map((c) => `s.${c.trim()}`).join(', ')}, s.form_secret, a.name AS account_name
     FROM channel_settings s JOIN accounts a ON a.account_id = s.account_id WHERE s.slug = $1`,
    [slug],
  );
  return row ? { ...row, fields: formFields(row.form_fields) } : null;
}

/**
 * Sets up or changes the account's public doors (admin). The first call needs a slug; a field list
 * or an origin that is not right changes nothing.
 */
export async function setChannelSettings(db: Db, actor: Actor, patch: ChannelSettingsPatch): Promise<ChannelSettings> {
  requirePermission(actor, 'channels.manage', 'Setting up the contact form, callbacks and chat');
  const fields = patch.form_fields === undefined ? undefined : validateFieldConfig(patch.form_fields);
  const origins = patch.allowed_origins?.map(checkOrigin);
  try {
    return await db.transaction(async (tx) => {
      const before = await getChannelSettings(tx, actor.accountId);
      if (!before && !patch.slug) throw invalid('slug_required', 'Choose the public address first: give slug (e.g. "parkeren-amsterdam")');
      const next = { ...before, ...patch, ...(fields ? { form_fields: fields } : {}), ...(origins ? { allowed_origins: origins } : {}) };
      const [row] = await tx.query<ChannelSettings>(
        `INSERT INTO channel_settings (account_id, slug, form_secret, form_enabled, form_fields, allowed_origins, min_fill_seconds, submissions_per_hour,
           callback_enabled, callback_slot_minutes, callback_capacity, callback_days_ahead, chat_enabled, chat_bot_enabled)
         VALUES ($1, $2, $3, coalesce($4, true), coalesce($5::jsonb, '[]'), coalesce($6::text[], '{}'), coalesce($7, 3), coalesce($8, 10),
           coalesce($9, true), coalesce($10, 30), coalesce($11, 1), coalesce($12, 10), coalesce($13, true), coalesce($14, false))
         ON CONFLICT (account_id) DO UPDATE SET slug = EXCLUDED.slug, form_enabled = EXCLUDED.form_enabled, form_fields = EXCLUDED.form_fields,
           allowed_origins = EXCLUDED.allowed_origins, min_fill_seconds = EXCLUDED.min_fill_seconds, submissions_per_hour = EXCLUDED.submissions_per_hour,
           callback_enabled = EXCLUDED.callback_enabled, callback_slot_minutes = EXCLUDED.callback_slot_minutes,
           callback_capacity = EXCLUDED.callback_capacity, callback_days_ahead = EXCLUDED.callback_days_ahead, chat_enabled = EXCLUDED.chat_enabled,
           chat_bot_enabled = EXCLUDED.chat_bot_enabled, updated_at = now()
         RETURNING ${COLUMNS}`,
        [actor.accountId, next.slug, randomBytes(32).toString('base64url'), next.form_enabled ?? null,
          next.form_fields ? JSON.stringify(next.form_fields) : null, next.allowed_origins ?? null, next.min_fill_seconds ?? null,
          next.submissions_per_hour ?? null, next.callback_enabled ?? null, next.callback_slot_minutes ?? null, next.callback_capacity ?? null,
          next.callback_days_ahead ?? null, next.chat_enabled ?? null, next.chat_bot_enabled ?? null],
      );
      await recordAudit(tx, actor, { action: 'account.channels_set', entityType: 'account', entityId: actor.accountId, before, after: row });
      return row;
    }).finally(forgetDoors);
  } catch (err) {
    if (isUniqueViolation(err, 'slug')) throw conflict('channel_slug_taken', `The address "${patch.slug}" is taken; choose another`);
    throw err;
  }
}

/** An origin as browsers send it: https://host[:port], nothing after it. */
export function checkOrigin(raw: string): string {
  try {
    const u = new URL(raw.trim());
    if ((u.protocol === 'https:' || u.protocol === 'http:') && (u.pathname === '/' || u.pathname === '') && !u.search && !u.hash && !u.username) return u.origin;
  } catch {
    // falls through to the error
  }
  throw invalid('origin_invalid', `"${raw}" is not an origin like https://www.example.nl (scheme and host, no path)`);
}
