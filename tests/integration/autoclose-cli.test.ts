import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { cliRunner } from '../cli.ts';

const { dataDir, luister, json } = cliRunner('luister-autoclose-cli-');
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('luister autoclose: shows the defaults, turns it on with days, refuses bad days and changes nothing', () => {
  const account = json(luister('account', 'create', '--name', 'Autoclose BV', '--admin-email', `ac.${process.pid}.${Date.now()}@example.test`));
  const a = ['--account', account.account_id];
  assert.deepEqual(json(luister('autoclose', ...a)), { enabled: false, remind_after_days: 7, close_after_days: 14 });
  assert.deepEqual(json(luister('autoclose', 'on', '--remind', '5', '--close', '12', ...a)), { enabled: true, remind_after_days: 5, close_after_days: 12 });
  const bad = luister('autoclose', 'on', '--remind', '20', ...a);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /must be more than remind_after_days/);
  const nan = luister('autoclose', 'on', '--close', 'twee', ...a);
  assert.equal(nan.code, 1);
  assert.deepEqual(json(luister('autoclose', 'show', ...a)), { enabled: true, remind_after_days: 5, close_after_days: 12 });
  assert.equal(json(luister('autoclose', 'off', ...a)).enabled, false);
});
