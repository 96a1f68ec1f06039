import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cliRunner } from '../cli.ts';

// `luister sso set | show | off`: the same functions as the API; the secret comes from the environment
// and is never printed. Without SECRETS_KEY the key is made once in DATA_DIR/secrets.key (owner only).
const { dataDir, luister, json } = cliRunner('luister-sso-cli-', undefined, { SSO_SECRET: 'geheim-uit-de-omgeving-42', SECRETS_KEY: '' });
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('sso set, show and off from the command line', () => {
  const account = json(luister('account', 'create', '--name', 'SSO CLI BV', '--admin-email', `sso.${process.pid}.${Date.now()}@example.test`));
  const a = ['--account', account.account_id];
  const set = luister('sso', 'set', '--label', 'Contoso', '--discovery-url', 'https://login.contoso.test/realms/team', '--client-id', 'luister', '--client-secret-env', 'SSO_SECRET', '--auto-create', 'agent', ...a);
  const view = json(set);
  assert.equal(view.enabled, true);
  assert.equal(view.client_secret_set, true);
  assert.equal(view.auto_create_role, 'agent');
  assert.ok(!set.out.includes('geheim') && !set.err.includes('geheim'), 'the secret is never printed');
  assert.equal(statSync(join(dataDir, 'secrets.key')).mode & 0o777, 0o600);

  const changed = json(luister('sso', 'set', '--password-sign-in', 'off', '--auto-create', 'off', ...a));
  assert.equal(changed.password_sign_in, false);
  assert.equal(changed.auto_create_role, null);
  assert.equal(changed.label, 'Contoso', 'options left out keep their value');
  const shown = luister('sso', 'show', ...a);
  assert.equal(json(shown).discovery_url, 'https://login.contoso.test/realms/team');
  assert.ok(!shown.out.includes('geheim'));

  const bad = luister('sso', 'set', '--discovery-url', 'http://login.contoso.test', ...a);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /https/);
  assert.equal(json(luister('sso', 'off', ...a)).enabled, false);
});
