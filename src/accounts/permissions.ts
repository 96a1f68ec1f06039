import { type Actor, type Role, hasRole } from '../shared/actor.ts';
import { forbidden } from '../shared/errors.ts';

/**
 * What each role may do, by name: one table, so a route's rule reads as a word. Every permission has
 * the lowest built-in role that holds it (agent < supervisor < admin: a higher role holds everything a
 * lower one does). Agents work their own cases and promises; supervisors also act on colleagues' work
 * and on what reaches many customers or the public; admins also manage people, credentials and settings.
 *
 * Custom roles (src/accounts/roles/) GRANT named permissions on top of an agent's built-in role: they
 * never take one away. So the permissions every agent holds (role 'agent') describe what a route is
 * about, and the ones above it are what a custom role can add.
 */
export const PERMISSIONS = {
  // --- every agent ---
  'profile.own': { role: 'agent', description: 'see who you are; change your own name, password, availability and two-factor sign-in; read your notifications' },
  'agents.read': { role: 'agent', description: 'see colleagues, teams, how routing sees them, and the permission names' },
  'cases.read': { role: 'agent', description: 'see cases with their timelines, service-level clocks and attachments; search; follow changes live' },
  'cases.write': { role: 'agent', description: 'open cases, reply, add notes, change status, tags and fields, take, transfer, escalate, merge and split your own cases, follow cases and mark your own cases as spam' },
  'customers.read': { role: 'agent', description: 'see customers and organisations, their contact preferences and cancellations' },
  'customers.write': { role: 'agent', description: 'add and change customers and organisations, their identities, tags, contact preferences, refund account and cancellations' },
  'knowledge.read': { role: 'agent', description: 'read and search knowledge-base articles and their versions' },
  'knowledge.write': { role: 'agent', description: 'write and edit knowledge-base articles (they stay internal until published)' },
  'replies.use': { role: 'agent', description: 'check draft replies, use templates and macros, make personal macros' },
  'problems.read': { role: 'agent', description: 'see problems, topics and signals' },
  'problems.work': { role: 'agent', description: 'change a problem you own and confirm or remove its cases' },
  'promises.read': { role: 'agent', description: 'see promises and the drafts waiting for approval' },
  'promises.write': { role: 'agent', description: 'make promises and keep, renegotiate or cancel your own' },
  'refunds.read': { role: 'agent', description: 'see refunds, ledger findings, tariff rules and SEPA batches' },
  'refunds.handle': { role: 'agent', description: 'request a refund on a case, approve one up to the agent limit, reject one' },
  'insight.read': { role: 'agent', description: 'see the dashboard, CSAT and NPS' },
  'announcements.read': { role: 'agent', description: 'see announcements, incidents and status page components; check the notice of a planned announcement' },
  'settings.read': { role: 'agent', description: "read the account's settings (service, service levels, reply checks, listening, refunds, retention, surveys, channels, custom fields, inboxes, block list)" },
  'incidents.open': { role: 'agent', description: 'open a public incident and post its updates (its owner keeps posting them)' },

  // --- supervisors ---
  'cases.close_others': { role: 'supervisor', description: "solve, close or mark as spam a case another agent owns; set auto-close" },
  'cases.merge_others': { role: 'supervisor', description: "merge or split a case another agent owns (merging one's own cases, or unowned ones, needs only cases.write)" },
  'cases.assign_others': { role: 'supervisor', description: 'give a case to a colleague; transfer, or cancel the transfer of, a case you do not own' },
  'routing.manage': { role: 'supervisor', description: "route cases to the best available agent; set agents' tier, maximum load and others' availability" },
  'promises.change_others': { role: 'supervisor', description: 'keep, cancel or renegotiate a promise another agent owns' },
  'drafts.approve': { role: 'supervisor', description: 'approve or discard a message to a customer that waits for a supervisor (an apology after a broken promise)' },
  'customers.merge': { role: 'supervisor', description: 'merge two customers into one (moves their cases and identities; cannot be undone)' },
  'customers.import': { role: 'supervisor', description: 'import customers from a file' },
  'customers.export': { role: 'supervisor', description: 'export everything Luister holds about one customer (GDPR art. 15/20)' },
  'organisations.delete': { role: 'supervisor', description: 'delete an organisation (its people stay, without it)' },
  'problems.manage': { role: 'supervisor', description: "open problems, handle signals, change anyone's problem, send a problem's bulk reply or note" },
  'topics.manage': { role: 'supervisor', description: 'name, merge and split topics' },
  'templates.manage': { role: 'supervisor', description: 'make, change and delete reply templates' },
  'macros.share': { role: 'supervisor', description: 'make and change shared macros (everyone may make personal ones)' },
  'insight.export': { role: 'supervisor', description: 'export cases and dashboard tables as CSV' },
  'surveys.send': { role: 'supervisor', description: 'send an NPS survey to a sample of customers, or schedule it' },
  'articles.publish': { role: 'supervisor', description: 'publish to the help centre, or let an edit of a public article go live' },
  'refunds.approve_above_limit': { role: 'supervisor', description: "approve a refund above the account's agent limit (never one's own request)" },
  'refunds.manage_ledger': { role: 'supervisor', description: "import the charge ledger, approve or dismiss its findings, change tariff rules, refund a problem's customers in bulk" },
  'refunds.pay': { role: 'supervisor', description: 'export refunds as a SEPA batch and mark a batch or a refund paid' },
  'announcements.schedule': { role: 'supervisor', description: 'schedule or cancel an announcement to customers' },
  'incidents.change_others': { role: 'supervisor', description: 'post an update to, or resolve, an incident another agent owns' },
  'senders.block': { role: 'supervisor', description: 'block or unblock a sender or domain by hand (marking a case as spam blocks its sender too)' },
  'audit.read': { role: 'supervisor', description: 'read the audit log' },

  // --- admins ---
  'customers.erase': { role: 'admin', description: "erase one customer's personal data everywhere (GDPR art. 17; cannot be undone)" },
  'retention.manage': { role: 'admin', description: "set the account's retention rules, preview and run them" },
  'refunds.settings': { role: 'admin', description: 'change the refund settings: agent limit, target days, the account refunds are paid from' },
  'announcements.override_notice': { role: 'admin', description: 'schedule an announcement with less than the minimum notice, with a written reason' },
  'announcements.settings': { role: 'admin', description: 'change the notice rules, the status page and its components' },
  'api_tokens.manage': { role: 'admin', description: 'create, list and revoke API tokens' },
  'agents.manage': { role: 'admin', description: "add agents and teams, change agents' role, team or access, reset their password or two-factor sign-in, require two-factor sign-in" },
  'roles.manage': { role: 'admin', description: 'compose custom roles from these permissions and give them to agents' },
  'sso.manage': { role: 'admin', description: 'set up single sign-on (OpenID Connect) and switch password sign-in off or on' },
  'custom_fields.manage': { role: 'admin', description: 'make, change and delete custom fields on cases, customers and organisations' },
  'channels.manage': { role: 'admin', description: 'set up the public doors (contact form, callback booking, chat widget), telephony, WhatsApp and messaging' },
  'inboxes.manage': { role: 'admin', description: 'add, change, verify and poll e-mail inboxes' },
  'webhooks.manage': { role: 'admin', description: 'subscribe URLs to events, see their deliveries, deactivate them' },
  'imports.run': { role: 'admin', description: 'import history from a mail archive or another helpdesk (cases, customers, messages in bulk)' },
  'service_levels.manage': { role: 'admin', description: 'change service levels and the service settings (time zone, business hours, reminders, breaches)' },
  'replies.settings': { role: 'admin', description: 'switch reply checks off, to warn or to block; set the mantra thresholds' },
  'listening.settings': { role: 'admin', description: 'set the threshold at which a signal opens a problem by itself' },
  'insight.settings': { role: 'admin', description: 'set the hourly cost behind cost per contact' },
  'help_centre.manage': { role: 'admin', description: 'set up the public help centre address and how visitors reach a person' },
} as const satisfies Record<string, { role: Role; description: string }>;

export type Permission = keyof typeof PERMISSIONS;
/** What a route declares: a permission, or `public` (no sign-in: pages, sign-in itself, signed webhooks). */
export type RoutePermission = Permission | 'public';

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];
export const isPermission = (name: string): name is Permission => Object.hasOwn(PERMISSIONS, name);
export const minimumRole = (p: Permission): Role => PERMISSIONS[p].role;

/** The system may do everything; an agent or token what its built-in role holds, plus what its custom role grants. */
export const can = (actor: Actor, p: Permission) =>
  actor.type === 'system' || hasRole(actor, PERMISSIONS[p].role) || (actor.grants?.includes(p) ?? false);

export function requirePermission(actor: Actor, p: Permission, what: string): void {
  if (!can(actor, p)) throw forbidden(`${what} needs the permission ${p} (${PERMISSIONS[p].role} or above, or a custom role that grants it)`);
}

/** One's own work (or nobody's), or the permission to act on a colleague's. */
export const mayActOn = (actor: Actor, ownerId: string | null, p: Permission) =>
  ownerId === null || (actor.agentId !== null && ownerId === actor.agentId) || can(actor, p);

/** Every permission the actor holds: the built-in role's and the custom role's (for /me and the workspace). */
export const permissionsOf = (actor: Actor): Permission[] => PERMISSION_NAMES.filter((p) => can(actor, p));
