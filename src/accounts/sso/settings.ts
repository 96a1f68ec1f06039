import type { Db } from '../../storage/db.ts';
import type { Actor, Role } from '../../shared/actor.ts';
import { recordAudit } from '../../shared/audit.ts';
import { AppError, invalid } from '../../shared/errors.ts';
import { requirePermission } from '../permissions.ts';
import { discoveryUrlProblem } from './rules.ts';
import { sealSecret } from './secret-box.ts';

/** An account's single sign-on as the API shows it: never the client secret, only whether one is set. */
export interface SsoView {
  enabled: boolean;
  label: string | null;
  discovery_url: string | null;
  client_id: string | null;
  client_secret_set: boolean;
  auto_create_role: Role | null;
  password_sign_in: boolean;
  updated_at: Date | null;
}

export interface SsoRow {
  account_id: string;
  label: string;
  discovery_url: string;
  client_id: string;
  client_secret_enc: string;
  auto_create_role: Role | null;
  password_sign_in: boolean;
  updated_at: Date;
}

export interface SsoInput {
  label: string;
  discovery_url: string;
  client_id: string;
  /** omitted: keep the secret already stored (there must be one) */
  client_secret?: string;
  auto_create_role: Role | null;
  password_sign_in: boolean;
}

const OFF: SsoView = { enabled: false, label: null, discovery_url: null, client_id: null, client_secret_set: false, auto_create_role: null, password_sign_in: true, updated_at: null };

export const viewOf = (row: SsoRow | undefined): SsoView =>
  row
    ? { enabled: true, label: row.label, discovery_url: row.discovery_url, client_id: row.client_id, client_secret_set: Boolean(row.client_secret_enc), auto_create_role: row.auto_create_role, password_sign_in: row.password_sign_in, updated_at: row.updated_at }
    : OFF;

export async function loadSso(db: Db, accountId: string): Promise<SsoRow | undefined> {
  const [row] = await db.query<SsoRow>('SELECT * FROM sso_settings WHERE account_id = $1', [accountId]);
  return row;
}

export async function showSso(db: Db, actor: Actor): Promise<SsoView> {
  requirePermission(actor, 'sso.manage', 'Seeing the single sign-on settings');
  return viewOf(await loadSso(db, actor.accountId));
}

const audited = (v: SsoView) => ({ label: v.label, discovery_url: v.discovery_url, client_id: v.client_id, auto_create_role: v.auto_create_role, password_sign_in: v.password_sign_in });

/** Sets up (or changes) single sign-on for the actor's account. */
export async function setSso(db: Db, actor: Actor, key: Buffer, input: SsoInput): Promise<SsoView> {
  requirePermission(actor, 'sso.manage', 'Setting up single sign-on');
  const problem = discoveryUrlProblem(input.discovery_url);
  if (problem) throw invalid('invalid_discovery_url', `Discovery URL: ${problem}`);
  return db.transaction(async (tx) => {
    const before = await loadSso(tx, actor.accountId);
    if (input.client_secret === undefined && !before) throw invalid('client_secret_required', 'Give the client secret the identity provider issued (client_secret)');
    const sealed = input.client_secret !== undefined ? sealSecret(key, actor.accountId, input.client_secret) : before!.client_secret_enc;
    const [row] = await tx.query<SsoRow>(
      `INSERT INTO sso_settings (account_id, label, discovery_url, client_id, client_secret_enc, auto_create_role, password_sign_in, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (account_id) DO UPDATE SET label = $2, discovery_url = $3, client_id = $4, client_secret_enc = $5,
         auto_create_role = $6, password_sign_in = $7, updated_at = now()
       RETURNING *`,
      [actor.accountId, input.label.trim(), input.discovery_url.trim(), input.client_id.trim(), sealed, input.auto_create_role, input.password_sign_in],
    );
    const after = viewOf(row);
    await recordAudit(tx, actor, {
      action: before ? 'sso.changed' : 'sso.set_up',
      entityType: 'account',
      entityId: actor.accountId,
      before: before ? audited(viewOf(before)) : undefined,
      after: { ...audited(after), client_secret_changed: input.client_secret !== undefined },
    });
    return after;
  });
}

/** Switches single sign-on off; password sign-in is on again for everyone. */
export async function turnSsoOff(db: Db, actor: Actor): Promise<SsoView> {
  requirePermission(actor, 'sso.manage', 'Switching single sign-on off');
  return db.transaction(async (tx) => {
    const [gone] = await tx.query<SsoRow>('DELETE FROM sso_settings WHERE account_id = $1 RETURNING *', [actor.accountId]);
    if (!gone) throw new AppError('sso_not_set_up', 'Single sign-on is not set up for this account', 404);
    await tx.query('DELETE FROM sso_logins WHERE account_id = $1', [actor.accountId]);
    await recordAudit(tx, actor, { action: 'sso.switched_off', entityType: 'account', entityId: actor.accountId, before: audited(viewOf(gone)) });
    return OFF;
  });
}

/** The accounts whose sign-in page offers "Sign in with …": an account that sets up SSO chooses to be listed. */
export async function listSsoButtons(db: Db): Promise<{ account_id: string; account_name: string; label: string }[]> {
  return db.query(
    `SELECT s.account_id, a.name AS account_name, s.label FROM sso_settings s JOIN accounts a ON a.account_id = s.account_id ORDER BY a.name LIMIT 100`,
  );
}

/** Password sign-in refused for an account whose admin switched it off (called once the password proved right). */
export async function assertPasswordSignInAllowed(db: Db, accountId: string): Promise<void> {
  const [row] = await db.query<{ password_sign_in: boolean }>('SELECT password_sign_in FROM sso_settings WHERE account_id = $1', [accountId]);
  if (row && !row.password_sign_in) {
    throw new AppError('password_sign_in_off', 'This account signs in through its identity provider only: use "Sign in with …"', 403);
  }
}
