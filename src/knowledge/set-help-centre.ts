import type { Db } from '../storage/db.ts';
import { type Actor } from '../shared/actor.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { conflict, invalid, isUniqueViolation } from '../shared/errors.ts';

/** How a visitor of the help centre reaches a person. At least one of email, phone, url. */
export interface HelpContact {
  email?: string;
  phone?: string;
  url?: string;
  /** when someone answers, e.g. "ma–vr 9–17 uur" */
  hours?: string;
}

export interface HelpCentreSettings {
  slug: string | null;
  /** path of the public help centre, null when it is off */
  url: string | null;
  contact: HelpContact | null;
}

export interface SetHelpCentreOptions {
  /** null switches the public help centre off */
  slug: string | null;
  contact?: HelpContact;
}

export const hasContact = (c: HelpContact | null | undefined) => Boolean(c && (c.email || c.phone || c.url));

/**
 * The account's public help centre at /help/<slug> (admin). Every page of it tells how to reach a
 * person, so a help centre cannot be switched on without a way to reach one.
 */
export async function setHelpCentre(db: Db, actor: Actor, opts: SetHelpCentreOptions): Promise<HelpCentreSettings> {
  requirePermission(actor, 'help_centre.manage', 'Setting up the public help centre');
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.query<{ help_slug: string | null; help_contact: HelpContact | null }>(
        'SELECT help_slug, help_contact FROM accounts WHERE account_id = $1 FOR UPDATE',
        [actor.accountId],
      );
      const contact = opts.contact ?? before.help_contact;
      if (opts.slug !== null && !hasContact(contact)) {
        throw invalid('contact_required', 'Say how visitors reach a person: give contact.email, contact.phone or contact.url');
      }
      await tx.query('UPDATE accounts SET help_slug = $2, help_contact = $3 WHERE account_id = $1', [
        actor.accountId,
        opts.slug,
        contact ? JSON.stringify(contact) : null,
      ]);
      await recordAudit(tx, actor, {
        action: 'account.help_centre_set',
        entityType: 'account',
        entityId: actor.accountId,
        before: { slug: before.help_slug, contact: before.help_contact },
        after: { slug: opts.slug, contact },
      });
      return settings(opts.slug, contact ?? null);
    });
  } catch (err) {
    if (isUniqueViolation(err, 'help_slug')) throw conflict('help_slug_taken', `The help centre address "${opts.slug}" is taken; choose another`);
    throw err;
  }
}

export const settings = (slug: string | null, contact: HelpContact | null): HelpCentreSettings => ({
  slug,
  url: slug ? `/help/${slug}` : null,
  contact,
});
