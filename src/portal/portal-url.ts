import type { Db } from '../storage/db.ts';

/**
 * The portal's full address for a mail to a customer (the acknowledgement), or null: while the portal
 * is off, or without PUBLIC_URL (a mail names only the configured public address, never a request's Host).
 */
export async function portalUrl(db: Db, accountId: string, publicUrl: string | undefined): Promise<string | null> {
  if (!publicUrl) return null;
  const [row] = await db.query<{ slug: string }>(
    'SELECT s.slug FROM portal_settings p JOIN channel_settings s ON s.account_id = p.account_id WHERE p.account_id = $1 AND p.enabled',
    [accountId],
  );
  return portalUrlFor(publicUrl, row?.slug ?? null);
}

/** The same from a slug the caller read already (intake's lookup: the portal's slug when it is on, else null). */
export function portalUrlFor(publicUrl: string | undefined, slug: string | null): string | null {
  return publicUrl && slug ? `${publicUrl.replace(/\/+$/, '')}/portal/${encodeURIComponent(slug)}` : null;
}
