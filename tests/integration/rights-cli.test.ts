import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { systemActor } from '../../src/shared/actor.ts';
import { receiveMessage } from '../../src/cases/receive-message.ts';
import { cliRunner } from '../cli.ts';

/** `luister customer export|erase|preferences` and `luister retention` (issue 18): the same use cases as the API, from a script. */

const { dataDir, luister, json, withDb } = cliRunner('luister-rights-cli-');
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('luister customer export writes the ZIP, erase needs --yes and a reason (and --override for an open refund), retention previews', async () => {
  const account = json(luister('account', 'create', '--name', 'Rechten BV', '--admin-email', `rights.${process.pid}.${Date.now()}@example.test`));
  const a = ['--account', account.account_id];
  const email = `wim.${process.pid}.${Date.now()}@example.test`;
  const c = await withDb(async (db) => {
    const r = await receiveMessage(db, systemActor(account.account_id), { customer: { email, name: 'Wim Willems' }, subject: 'Factuur', body: 'Mijn factuur van de blauwe olifant klopt niet.', channel: 'api' });
    await db.query(`INSERT INTO refunds (account_id, case_id, customer_id, amount_cents, currency, reason, destination, state) VALUES ($1, $2, $3, 700, 'EUR', 'Te veel', 'original_payment', 'requested')`,
      [account.account_id, r.case.id, r.case.customer_id]);
    return r.case;
  });

  const out = join(dataDir, 'wim.zip');
  const exported = luister('customer', 'export', c.customer_id, '--out', out, ...a);
  assert.equal(exported.code, 0, exported.err);
  assert.match(exported.out, /Wrote .*wim\.zip/);
  const files = unzipSync(new Uint8Array(readFileSync(out)));
  assert.equal(JSON.parse(strFromU8(files['customer.json'])).customer.name, 'Wim Willems');
  assert.ok(strFromU8(files['messages.json']).includes('blauwe olifant'));
  assert.equal(JSON.parse(strFromU8(files['refunds.json'])).refunds.length, 1);
  const prefs = json(luister('customer', 'preferences', c.customer_id, ...a)) as { kind: string; allowed: boolean }[];
  assert.deepEqual(prefs.map((p) => [p.kind, p.allowed]), [['sales', true], ['surveys', true], ['announcements', true]]);

  const unsure = luister('customer', 'erase', c.customer_id, '--reason', 'verzoek per brief', ...a);
  assert.equal(unsure.code, 1);
  assert.match(unsure.err, /add --yes/);
  const open = luister('customer', 'erase', c.customer_id, '--reason', 'verzoek per brief', '--yes', ...a);
  assert.equal(open.code, 1);
  assert.match(open.err, /1 open refund/);
  const erased = json(luister('customer', 'erase', c.customer_id, '--reason', 'verzoek per brief', '--yes', '--override', ...a));
  assert.deepEqual([erased.messages, erased.open_refunds_rejected], [1, 1]);
  const again = luister('customer', 'export', c.customer_id, '--out', out, ...a);
  assert.equal(again.code, 1);
  assert.match(again.err, /was erased/);
  await withDb(async (db) => {
    const [row] = await db.query<{ name: string; erased: boolean }>('SELECT name, erased_at IS NOT NULL AS erased FROM customers WHERE account_id = $1 AND id = $2', [account.account_id, c.customer_id]);
    assert.deepEqual(row, { name: '', erased: true });
  });

  const preview = json(luister('retention', ...a));
  assert.equal(preview.dry_run, true);
  const run = luister('retention', 'run', ...a);
  assert.equal(run.code, 1, 'the rules are off until an admin switches them on');
});
