import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { cliRunner } from '../cli.ts';

/** `luister roles`: compose a custom role, grant and revoke names, give it to an agent, delete it (issue 20). */
const { dataDir, luister, json, account, agent } = cliRunner('luister-roles-cli-');

let a: string[];
let email: string;
before(() => {
  a = account('Rollen BV');
  email = agent(a, 'Kees');
});
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('create, grant, revoke, assign, list and delete; an unknown permission changes nothing', () => {
  const made = json(luister('roles', 'create', '--name', 'Privacy officer', '--permissions', 'customers.export', '--json', ...a));
  assert.deepEqual(made.permissions, ['customers.export']);
  const granted = json(luister('roles', 'grant', 'privacy officer', 'customers.erase,webhooks.manage', '--json', ...a));
  assert.deepEqual(granted.permissions, ['customers.export', 'customers.erase', 'webhooks.manage']);
  const revoked = json(luister('roles', 'revoke', made.id, 'webhooks.manage', '--json', ...a));
  assert.deepEqual(revoked.permissions, ['customers.export', 'customers.erase']);

  const bad = luister('roles', 'grant', 'Privacy officer', 'customers.fly', ...a);
  assert.notEqual(bad.code, 0);
  assert.match(bad.err, /No such permission: customers\.fly/);

  const assigned = luister('roles', 'assign', 'Privacy officer', '--agent', email, ...a);
  assert.equal(assigned.code, 0, assigned.err);
  assert.match(assigned.out, /now has the custom role Privacy officer on top of agent/);
  const list = luister('roles', 'list', ...a);
  assert.match(list.out, /Privacy officer\s+1 agent\(s\)\s+customers\.export, customers\.erase/);
  const names = luister('roles', 'permissions', ...a);
  assert.match(names.out, /customers\.erase\s+admin\s+erase/);

  assert.equal(json(luister('roles', 'assign', 'none', '--agent', email, '--json', ...a)).custom_role_id, null);
  json(luister('roles', 'assign', 'Privacy officer', '--agent', email, '--json', ...a));
  const gone = luister('roles', 'delete', 'Privacy officer', ...a);
  assert.equal(gone.code, 0, gone.err);
  assert.deepEqual(json(luister('roles', 'list', '--json', ...a)), []);
  const nobody = luister('roles', 'assign', 'Privacy officer', '--agent', email, ...a);
  assert.notEqual(nobody.code, 0);
  assert.match(nobody.err, /Privacy officer/);
});
