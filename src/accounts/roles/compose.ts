import { can, isPermission, PERMISSION_NAMES, type Permission } from '../permissions.ts';
import type { Actor } from '../../shared/actor.ts';
import { forbidden, invalid } from '../../shared/errors.ts';

/**
 * The names a role is composed of, checked against the permission table: an unknown name is refused
 * (422 unknown_permission, naming each), never stored. Duplicates go; the order is the table's.
 */
export function checkPermissionNames(names: readonly string[]): Permission[] {
  const unknown = [...new Set(names.filter((n) => !isPermission(n)))];
  if (unknown.length) {
    throw invalid('unknown_permission', `No such permission: ${unknown.join(', ')} (GET /api/v1/permissions lists them)`, { unknown });
  }
  const wanted = new Set(names);
  return PERMISSION_NAMES.filter((p) => wanted.has(p));
}

/** A role's permissions after a change: the whole list replaced, or names granted and revoked. */
export function nextPermissions(current: readonly string[], change: { permissions?: readonly string[]; grant?: readonly string[]; revoke?: readonly string[] }): Permission[] {
  const base = change.permissions ?? current.filter(isPermission);
  const revoke = new Set(checkPermissionNames(change.revoke ?? []));
  return checkPermissionNames([...base, ...(change.grant ?? [])]).filter((p) => !revoke.has(p));
}

/**
 * Nobody hands out more than they hold: who composes or gives a role must hold each of its permissions
 * (an admin holds them all). Without this a holder of roles.manage could grant themselves anything.
 */
export function requireHeldByActor(actor: Actor, permissions: readonly Permission[], what: string): void {
  const missing = permissions.filter((p) => !can(actor, p));
  if (missing.length) throw forbidden(`${what}: you cannot hand out permissions you do not hold yourself (${missing.join(', ')})`);
}
