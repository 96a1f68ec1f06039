import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import { recordAudit } from '../../shared/audit.ts';
import { AppError, invalid } from '../../shared/errors.ts';
import { requirePermission } from '../../accounts/permissions.ts';
import { newSecret } from '../../accounts/secrets.ts';

/** An approved WhatsApp message template: the only kind of message Meta lets us send outside the 24-hour window. */
export interface WhatsAppTemplate {
  name: string;
  language: string;
  /** 'callback': may confirm a callback to a caller outside the 24-hour window ({{1}} the case reference, {{2}} when we call) */
  use?: 'callback';
}

/** The phone and WhatsApp connections of an account, with the secrets (server side only: never sent to a client, never logged). */
export interface Connections {
  account_id: string;
  phone_enabled: boolean;
  phone_secret: string | null;
  phone_callback_minutes: number;
  whatsapp_enabled: boolean;
  whatsapp_app_secret: string | null;
  whatsapp_verify_token: string | null;
  whatsapp_access_token: string | null;
  whatsapp_phone_number_id: string | null;
  whatsapp_templates: WhatsAppTemplate[];
  messaging_enabled: boolean;
  messaging_secret: string | null;
}

/** What the API and the CLI show: whether each secret is set and its last four characters, never the secret. */
export interface PublicConnections {
  phone: { enabled: boolean; secret_set: boolean; secret_hint: string | null; callback_minutes: number };
  whatsapp: {
    enabled: boolean;
    app_secret_set: boolean;
    app_secret_hint: string | null;
    verify_token_set: boolean;
    access_token_set: boolean;
    access_token_hint: string | null;
    phone_number_id: string | null;
    templates: WhatsAppTemplate[];
  };
  messaging: { enabled: boolean; secret_set: boolean; secret_hint: string | null };
}

const COLUMNS = `account_id, phone_enabled, phone_secret, phone_callback_minutes, whatsapp_enabled, whatsapp_app_secret,
  whatsapp_verify_token, whatsapp_access_token, whatsapp_phone_number_id, whatsapp_templates, messaging_enabled, messaging_secret`;

const secretText = z.string().min(8).max(512).regex(/^[\x21-\x7e]+$/, 'printable characters without spaces');
const template = z.object({ name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'lower-case letters, digits and _'), language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'like nl or en_US'),
  use: z.literal('callback').optional().describe('callback: confirms a callback to a caller outside the 24-hour window; body parameters {{1}} case reference, {{2}} when we call') }).strict();

export const phonePatch = z.object({
  enabled: z.boolean(),
  /** true: make a new signing secret (shown once in the answer); the old one stops working */
  rotate_secret: z.literal(true),
  callback_minutes: z.number().int().min(5).max(10080),
}).partial().strict();

export const messagingPatch = z.object({
  enabled: z.boolean(),
  /** true: make a new signing secret (shown once in the answer); the old one stops working */
  rotate_secret: z.literal(true),
}).partial().strict();

export const whatsappPatch = z.object({
  enabled: z.boolean(),
  app_secret: secretText,
  verify_token: secretText,
  access_token: secretText,
  phone_number_id: z.string().regex(/^[0-9]{1,30}$/, 'the digits of the number id in Meta\'s WhatsApp Manager'),
  templates: z.array(template).max(100),
}).partial().strict();

const hint = (s: string | null) => (s ? `…${s.slice(-4)}` : null);

export function publicConnections(c: Connections | null): PublicConnections {
  return {
    phone: { enabled: c?.phone_enabled ?? false, secret_set: Boolean(c?.phone_secret), secret_hint: hint(c?.phone_secret ?? null), callback_minutes: c?.phone_callback_minutes ?? 120 },
    whatsapp: {
      enabled: c?.whatsapp_enabled ?? false,
      app_secret_set: Boolean(c?.whatsapp_app_secret),
      app_secret_hint: hint(c?.whatsapp_app_secret ?? null),
      verify_token_set: Boolean(c?.whatsapp_verify_token),
      access_token_set: Boolean(c?.whatsapp_access_token),
      access_token_hint: hint(c?.whatsapp_access_token ?? null),
      phone_number_id: c?.whatsapp_phone_number_id ?? null,
      templates: c?.whatsapp_templates ?? [],
    },
    messaging: { enabled: c?.messaging_enabled ?? false, secret_set: Boolean(c?.messaging_secret), secret_hint: hint(c?.messaging_secret ?? null) },
  };
}

export async function getConnections(db: Db, accountId: string): Promise<Connections | null> {
  const [row] = await db.query<Connections>(`SELECT ${COLUMNS} FROM phone_whatsapp_settings WHERE account_id = $1`, [accountId]);
  return row ?? null;
}

/** The connections behind a public address (/api/public/v1/…/<slug>), or null. */
export async function connectionsAt(db: Db, slug: string): Promise<Connections | null> {
  if (slug.length > 63) return null;
  const [row] = await db.query<Connections>(
    `SELECT ${COLUMNS.split(',').map((c) => `p.${c.trim()}`).join(', ')}
     FROM channel_settings s JOIN phone_whatsapp_settings p ON p.account_id = s.account_id WHERE s.slug = $1`,
    [slug],
  );
  return row ?? null;
}

async function upsert(db: Db, actor: Actor, what: string, set: Record<string, unknown>): Promise<Connections> {
  return db.transaction(async (tx) => {
    const [door] = await tx.query('SELECT 1 FROM channel_settings WHERE account_id = $1', [actor.accountId]);
    if (!door) throw invalid('slug_required', 'Choose the public address first (PUT /api/v1/channels with a slug, or `luister channels set --slug …`): the webhooks live under it');
    const before = await getConnections(tx, actor.accountId);
    const cols = Object.keys(set);
    const [row] = await tx.query<Connections>(
      `INSERT INTO phone_whatsapp_settings (account_id${cols.map((c) => `, ${c}`).join('')}) VALUES ($1${cols.map((_, i) => `, $${i + 2}`).join('')})
       ON CONFLICT (account_id) DO UPDATE SET ${[...cols.map((c) => `${c} = EXCLUDED.${c}`), 'updated_at = now()'].join(', ')}
       RETURNING ${COLUMNS}`,
      [actor.accountId, ...cols.map((c) => set[c])],
    );
    // the audit log keeps what changed, never a secret
    await recordAudit(tx, actor, { action: `account.${what}_set`, entityType: 'account', entityId: actor.accountId,
      before: publicConnections(before)[what as 'phone' | 'whatsapp' | 'messaging'], after: publicConnections(row)[what as 'phone' | 'whatsapp' | 'messaging'] });
    return row;
  });
}

/**
 * Switches the telephony webhook on or off and sets how soon a missed call is called back. The
 * signing secret is made here (on first use or when asked) and returned once, like an API token.
 */
export async function setPhone(db: Db, actor: Actor, patch: z.infer<typeof phonePatch>): Promise<PublicConnections & { secret?: string }> {
  requirePermission(actor, 'channels.manage', 'Connecting a telephony provider');
  const before = await getConnections(db, actor.accountId);
  const secret = patch.rotate_secret || !before?.phone_secret ? `lph_${newSecret()}` : undefined;
  const set: Record<string, unknown> = {};
  if (patch.enabled !== undefined) set.phone_enabled = patch.enabled;
  if (patch.callback_minutes !== undefined) set.phone_callback_minutes = patch.callback_minutes;
  if (secret) set.phone_secret = secret;
  const row = await upsert(db, actor, 'phone', set);
  return { ...publicConnections(row), ...(secret ? { secret } : {}) };
}

/** Connects a WhatsApp Business number (Cloud API). Enabling needs all three secrets and the number id. */
export async function setWhatsApp(db: Db, actor: Actor, patch: z.infer<typeof whatsappPatch>): Promise<PublicConnections> {
  requirePermission(actor, 'channels.manage', 'Connecting WhatsApp');
  const before = await getConnections(db, actor.accountId);
  const set: Record<string, unknown> = {};
  if (patch.enabled !== undefined) set.whatsapp_enabled = patch.enabled;
  if (patch.app_secret !== undefined) set.whatsapp_app_secret = patch.app_secret;
  if (patch.verify_token !== undefined) set.whatsapp_verify_token = patch.verify_token;
  if (patch.access_token !== undefined) set.whatsapp_access_token = patch.access_token;
  if (patch.phone_number_id !== undefined) set.whatsapp_phone_number_id = patch.phone_number_id;
  if (patch.templates !== undefined) set.whatsapp_templates = JSON.stringify(patch.templates);
  const enabled = patch.enabled ?? before?.whatsapp_enabled ?? false;
  if (enabled) {
    const missing = (['app_secret', 'verify_token', 'access_token', 'phone_number_id'] as const)
      .filter((k) => patch[k] === undefined && !before?.[`whatsapp_${k}`]);
    if (missing.length) throw new AppError('whatsapp_incomplete', `WhatsApp needs ${missing.join(', ')} before it can be switched on`, 422);
  }
  return publicConnections(await upsert(db, actor, 'whatsapp', set));
}

/** Switches the generic messaging webhook (other networks, through a bridge) on or off; its secret is shown once. */
export async function setMessaging(db: Db, actor: Actor, patch: z.infer<typeof messagingPatch>): Promise<PublicConnections & { secret?: string }> {
  requirePermission(actor, 'channels.manage', 'Connecting a messaging bridge');
  const before = await getConnections(db, actor.accountId);
  const secret = patch.rotate_secret || !before?.messaging_secret ? `lms_${newSecret()}` : undefined;
  const set: Record<string, unknown> = {};
  if (patch.enabled !== undefined) set.messaging_enabled = patch.enabled;
  if (secret) set.messaging_secret = secret;
  const row = await upsert(db, actor, 'messaging', set);
  return { ...publicConnections(row), ...(secret ? { secret } : {}) };
}
