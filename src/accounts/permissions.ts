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
  /** publish to the help centre, or let an edit of a public article go live */
  'articles.publish': 'supervisor',
  /** create, list and revoke API tokens */
  'api_tokens.manage': 'admin',
  /** add agents, change their role, team or access, reset their password */
  'agents.manage': 'admin',
  /** set up the public doors: contact form, callback booking, chat widget */
  'channels.manage': 'admin',
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

export const can = (actor: Actor, p: Permission) => actor.type === 'system' || hasRole(actor, PERMISSIONS[p]);

export function requirePermission(actor: Actor, p: Permission, what: string): void {
  if (!can(actor, p)) throw forbidden(`${what} needs the permission ${p} (${PERMISSIONS[p]} or above)`);
}

/** One's own work (or nobody's), or the permission to act on a colleague's. */
export const mayActOn = (actor: Actor, ownerId: string | null, p: Permission) =>
  ownerId === null || (actor.agentId !== null && ownerId === actor.agentId) || can(actor, p);
