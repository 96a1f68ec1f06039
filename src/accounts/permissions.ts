import { type Actor, type Role, hasRole } from '../shared/actor.ts';
import { forbidden } from '../shared/errors.ts';

/**
 * What each role may do, by name: one table, so a route's rule reads as a word and the three roles
 * can later be joined by custom roles built from the same names. Agents work their own cases and
 * promises; supervisors also act on colleagues' work and on what reaches many customers or the
 * public; admins also manage people, credentials and settings.
 */
export const PERMISSIONS = {
  /** solve or close a case another agent owns */
  'cases.close_others': 'supervisor',
  /** keep, cancel or renegotiate a promise another agent owns */
  'promises.change_others': 'supervisor',
  /** merge two customers into one (moves their cases and identities; cannot be undone) */
  'customers.merge': 'supervisor',
  /** import customers from a file */
  'customers.import': 'supervisor',
  /** export everything Luister holds about one customer (GDPR art. 15/20) */
  'customers.export': 'supervisor',
  /** erase one customer's personal data everywhere (GDPR art. 17; cannot be undone) */
  'customers.erase': 'admin',
  /** export cases and dashboard tables as CSV */
  'insight.export': 'supervisor',
  /** send an NPS survey to a sample of customers */
  'surveys.send': 'supervisor',
  /** set the account's retention rules and run them */
  'retention.manage': 'admin',
  /** publish to the help centre, or let an edit of a public article go live */
  'articles.publish': 'supervisor',
  /** approve a refund above the account's agent limit (never one's own request) */
  'refunds.approve_above_limit': 'supervisor',
  /** import the charge ledger, approve or dismiss its findings, refund a problem's customers in bulk */
  'refunds.manage_ledger': 'supervisor',
  /** export refunds as a SEPA batch and mark a batch paid */
  'refunds.pay': 'supervisor',
  /** change the refund settings: agent limit, target days, the account refunds are paid from */
  'refunds.settings': 'admin',
  /** schedule or cancel an announcement to customers (C4) */
  'announcements.schedule': 'supervisor',
  /** schedule an announcement with less than the minimum notice, with a written reason */
  'announcements.override_notice': 'admin',
  /** change the notice rules, the status page and its components */
  'announcements.settings': 'admin',
  /** open a public incident and post its updates (its owner keeps posting them) */
  'incidents.open': 'agent',
  /** post an update to, or resolve, an incident another agent owns */
  'incidents.change_others': 'supervisor',
  /** create, list and revoke API tokens */
  'api_tokens.manage': 'admin',
  /** add agents, change their role, team or access, reset their password */
  'agents.manage': 'admin',
  /** set up single sign-on (OpenID Connect) and switch password sign-in off or on */
  'sso.manage': 'admin',
  /** make, change and delete custom fields on cases, customers and organisations */
  'custom_fields.manage': 'admin',
  /** delete an organisation (its people stay, without it) */
  'organisations.delete': 'supervisor',
  /** set up the public doors: contact form, callback booking, chat widget */
  'channels.manage': 'admin',
  /** import history from a mail archive or another helpdesk (cases, customers, messages in bulk) */
  'imports.run': 'admin',
  /** block or unblock a sender or domain by hand (marking a case as spam blocks its sender too) */
  'senders.block': 'supervisor',
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

export const can = (actor: Actor, p: Permission) => actor.type === 'system' || hasRole(actor, PERMISSIONS[p]);

export function requirePermission(actor: Actor, p: Permission, what: string): void {
  if (!can(actor, p)) throw forbidden(`${what} needs the permission ${p} (${PERMISSIONS[p]} or above)`);
}

/** One's own work (or nobody's), or the permission to act on a colleague's. */
export const mayActOn = (actor: Actor, ownerId: string | null, p: Permission) =>
  ownerId === null || (actor.agentId !== null && ownerId === actor.agentId) || can(actor, p);
