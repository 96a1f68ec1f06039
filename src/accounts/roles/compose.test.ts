import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../shared/actor.ts';
import { AppError } from '../../shared/errors.ts';
import { checkPermissionNames, nextPermissions, requireHeldByActor } from './compose.ts';

const agent = (grants: string[] = []): Actor => ({ accountId: 'a', type: 'agent', id: 'x', role: 'agent', agentId: 'x', grants });

test('known names are kept once, in the order of the permission table; unknown ones are refused by name', () => {
  assert.deepEqual(checkPermissionNames(['webhooks.manage', 'customers.erase', 'webhooks.manage']), ['customers.erase', 'webhooks.manage']);
  assert.throws(() => checkPermissionNames(['customers.erase', 'customers.fly', 'x']), (e: AppError) => {
    assert.equal(e.code, 'unknown_permission');
    assert.equal(e.status, 422);
    assert.deepEqual(e.details, { unknown: ['customers.fly', 'x'] });
    return true;
  });
  assert.deepEqual(checkPermissionNames([]), []);
});

test('a change replaces the list, or grants and revokes names on top of the current one', () => {
  assert.deepEqual(nextPermissions(['audit.read'], { grant: ['articles.publish'] }), ['articles.publish', 'audit.read']);
  assert.deepEqual(nextPermissions(['audit.read', 'articles.publish'], { revoke: ['audit.read'] }), ['articles.publish']);
  assert.deepEqual(nextPermissions(['audit.read'], { permissions: ['webhooks.manage'], revoke: ['webhooks.manage'] }), []);
  assert.throws(() => nextPermissions([], { revoke: ['nope'] }), /No such permission: nope/);
  // a name an older version stored but that no longer exists is dropped, not an error
  assert.deepEqual(nextPermissions(['gone.away', 'audit.read'], {}), ['audit.read']);
});

test('nobody hands out a permission they do not hold', () => {
  assert.doesNotThrow(() => requireHeldByActor({ ...agent(), role: 'admin' }, ['customers.erase', 'roles.manage'], 'x'));
  assert.doesNotThrow(() => requireHeldByActor(agent(['roles.manage', 'audit.read']), ['audit.read', 'cases.read'], 'x'));
  assert.throws(() => requireHeldByActor(agent(['roles.manage']), ['customers.erase'], 'Composing a role'), /customers\.erase/);
});
