import type { Db } from '../storage/db.ts';
import type { HelpContact } from '../knowledge/set-help-centre.ts';
import type { Portal } from './settings.ts';

/** How a portal visitor reaches a person, on every page: what the account offers of these. */
export interface ContactWays {
  phone: string | null;
  email: string | null;
  hours: string | null;
  /** the help centre's contact page (an https link the admin gave) */
  url: string | null;
  callback: boolean;
  form: boolean;
}

export async function contactWays(db: Db, portal: Portal): Promise<ContactWays> {
  const [row] = await db.query<{ help_contact: HelpContact | null; inbox: string | null }>(
    `SELECT a.help_contact, (SELECT address FROM inboxes WHERE account_id = a.account_id ORDER BY created_at, id LIMIT 1) AS inbox
     FROM accounts a WHERE a.account_id = $1`,
    [portal.accountId],
  );
  const c = row?.help_contact ?? {};
  return {
    phone: c.phone ?? null,
    email: c.email ?? row?.inbox ?? null,
    hours: c.hours ?? null,
    url: c.url ?? null,
    callback: portal.door.callback_enabled,
    form: portal.door.form_enabled,
  };
}
