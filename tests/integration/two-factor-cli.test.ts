import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { cliRunner } from '../cli.ts';

/** `luister two-factor`: an admin requires two-factor sign-in of roles or one agent, and resets it (issue 20). */
const { dataDir, luister, json, account, agent } = cliRunner('luister-2fa-cli-');

let a: string[];
let email: string;
before(() => {
  a = account('Twee stappen BV');
  email = agent(a, 'Piet');
});
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('require by role and by name, then reset; bad input is a clear error', () => {
  const byRole = luister('two-factor', 'require', '--role', 'agent,admin', ...a);
  assert.equal(byRole.code, 0, byRole.err);
  assert.match(byRole.out, /Required of roles: agent, admin/);
  const byName = json(luister('two-factor', 'require', '--agent', email.toUpperCase(), '--json', ...a));
  const piet = byName.agents.find((x: { email: string }) => x.email === email);
  assert.deepEqual([piet.required, piet.required_by_name, piet.enabled], [true, true, false]);

  const reset = luister('two-factor', 'reset', '--agent', email, ...a);
  assert.equal(reset.code, 0, reset.err);
  assert.match(reset.out, /had no two-factor sign-in/);

  const bad = luister('two-factor', 'require', '--role', 'superadmin', ...a);
  assert.notEqual(bad.code, 0);
  assert.match(bad.err, /Unknown role superadmin/);
  const nobody = luister('two-factor', 'reset', '--agent', 'niemand@example.test', ...a);
  assert.notEqual(nobody.code, 0);
  assert.match(nobody.err, /does not exist/);
});
