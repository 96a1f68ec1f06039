import { z } from 'zod';
import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { invalid } from '../shared/errors.ts';
import { type Door, DOOR_SELECT, doorOf } from '../intake/doors/channel-settings.ts';
import type { HelpContact } from '../knowledge/set-help-centre.ts';
import { type ContactWays, contactWaysOf } from './contact-ways.ts';

/** The customer portal of an account: on or off, and its two clocks. It lives at /portal/<the doors' slug>. */
export interface PortalSettings {
  enabled: boolean;
  /** how long a sign-in link may be used (minutes) */
  link_minutes: number;
  /** a signed-in customer is signed out after this long without a request (minutes) */
  idle_minutes: number;
  /** the portal's path, null while the public doors have no address (or the portal is off) */
  path: string | null;
}

export const portalSettingsPatch = z
  .object({
    enabled: z.boolean(),
    link_minutes: z.number().int().min(5).max(60),
    idle_minutes: z.number().int().min(5).max(240),
  })
  .partial()
  .strict();
export type PortalSettingsPatch = z.infer<typeof portalSettingsPatch>;

const DEFAULTS = { enabled: false, link_minutes: 15, idle_minutes: 30 };
/** A signed-in session ends this long after sign-in whatever the activity. */
export const SESSION_MAX_HOURS = 12;

export const portalPath = (slug: string) => `/portal/${encodeURIComponent(slug)}`;

export async function getPortalSettings(db: Db, accountId: string): Promise<PortalSettings> {
  const [row] = await db.query<Omit<PortalSettings, 'path'> & { slug: string | null }>(
    `SELECT coalesce(p.enabled, false) AS enabled, coalesce(p.link_minutes, $2) AS link_minutes, coalesce(p.idle_minutes, $3) AS idle_minutes, s.slug
     FROM accounts a LEFT JOIN portal_settings p ON p.account_id = a.account_id LEFT JOIN channel_settings s ON s.account_id = a.account_id
     WHERE a.account_id = $1`,
    [accountId, DEFAULTS.link_minutes, DEFAULTS.idle_minutes],
  );
  const { slug, ...rest } = row ?? { ...DEFAULTS, slug: null };
  return { ...rest, path: rest.enabled && slug ? portalPath(slug) : null };
}

/**
 * Switches the portal on or off and sets its clocks (admin, channels.manage: it is one of the public
 * doors). On needs the doors' public address (the portal lives under it) and an inbox (links are mailed
 * from it; every page offers it, beside the phone, callbacks and contact form, as a way to reach a person).
 */
export async function setPortalSettings(db: Db, actor: Actor, patch: PortalSettingsPatch): Promise<PortalSettings> {
  requirePermission(actor, 'channels.manage', 'Setting up the customer portal');
  return db.transaction(async (tx) => {
    const before = await getPortalSettings(tx, actor.accountId);
    const next = { ...before, ...patch };
    if (next.enabled) {
      const [doors] = await tx.query<{ slug: string | null; inbox: boolean }>(
        `SELECT s.slug, EXISTS (SELECT 1 FROM inboxes i WHERE i.account_id = a.account_id) AS inbox
         FROM accounts a LEFT JOIN channel_settings s ON s.account_id = a.account_id WHERE a.account_id = $1`,
        [actor.accountId],
      );
      if (!doors?.slug) throw invalid('portal_needs_address', 'Set up the public doors first (PUT /api/v1/channels with a slug): the portal lives at /portal/<slug>');
      // the sign-in links are mailed from it, and every portal page names it as a way to reach a person
      if (!doors.inbox) throw invalid('portal_needs_inbox', 'Add an inbox first (POST /api/v1/inboxes): sign-in links are sent from it, and every portal page offers it as a way to reach a person');
    }
    await tx.query(
      `INSERT INTO portal_settings (account_id, enabled, link_minutes, idle_minutes) VALUES ($1, $2, $3, $4)
       ON CONFLICT (account_id) DO UPDATE SET enabled = EXCLUDED.enabled, link_minutes = EXCLUDED.link_minutes,
         idle_minutes = EXCLUDED.idle_minutes, updated_at = now()`,
      [actor.accountId, next.enabled, next.link_minutes, next.idle_minutes],
    );
    // switched off: whoever is signed in is signed out now
    if (before.enabled && !next.enabled) {
      await tx.query('UPDATE portal_sessions SET ended_at = now() WHERE account_id = $1 AND ended_at IS NULL', [actor.accountId]);
    }
    const after = await getPortalSettings(tx, actor.accountId);
    await recordAudit(tx, actor, { action: 'account.portal_set', entityType: 'account', entityId: actor.accountId, before, after });
    return after;
  });
}

/** The portal at a public slug, when the account has it on: its door (name, secret), clocks, contact ways and time zone. Else null. */
export interface Portal {
  door: Door;
  accountId: string;
  name: string;
  slug: string;
  linkMinutes: number;
  idleMinutes: number;
  /** how a visitor reaches a person: on every page */
  ways: ContactWays;
  timeZone: string;
}

/** One statement: every page of the portal starts here (the benchmark's "what the page adds" is mostly statements). */
export async function findPortal(db: Db, slug: string): Promise<Portal | null> {
  if (slug.length > 63) return null;
  const [row] = await db.query<Omit<Door, 'fields'> & { link_minutes: number; idle_minutes: number; help_contact: HelpContact | null; inbox: string | null; time_zone: string | null }>(
    `SELECT ${DOOR_SELECT}, p.link_minutes, p.idle_minutes, a.help_contact, z.time_zone,
       (SELECT address FROM inboxes WHERE account_id = s.account_id ORDER BY created_at, id LIMIT 1) AS inbox
     FROM channel_settings s JOIN accounts a ON a.account_id = s.account_id
     JOIN portal_settings p ON p.account_id = s.account_id AND p.enabled
     LEFT JOIN account_settings z ON z.account_id = s.account_id
     WHERE s.slug = $1`,
    [slug],
  );
  if (!row) return null;
  const { link_minutes, idle_minutes, help_contact, inbox, time_zone, ...door } = row;
  return {
    door: doorOf(door), accountId: door.account_id, name: door.account_name, slug: door.slug, linkMinutes: link_minutes, idleMinutes: idle_minutes,
    ways: contactWaysOf(help_contact, inbox, door), timeZone: time_zone ?? 'Europe/Amsterdam',
  };
}
