import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { systemActor } from '../../src/shared/actor.ts';
import { receiveMessage } from '../../src/cases/receive-message.ts';
import { cliRunner } from '../cli.ts';

/** `luister cases merge|split|follow|unfollow|followers`: the same use cases as the API, for an admin's script. */

const { dataDir, luister, json, withDb } = cliRunner('luister-merge-cli-');
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('luister cases merge, split, follow: from a script, with the same refusals as the API', async () => {
  const account = json(luister('account', 'create', '--name', 'Samenvoegen BV', '--admin-email', `merge.${process.pid}.${Date.now()}@example.test`));
  const a = ['--account', account.account_id];
  const agentEmail = `sanne.${process.pid}.${Date.now()}@example.test`;
  json(luister('agent', 'create', '--email', agentEmail, '--name', 'Sanne', ...a));
  const customer = `henk.${process.pid}.${Date.now()}@example.test`;
  const [one, two, other] = await withDb(async (db) => {
    const actor = systemActor(account.account_id);
    const x = await receiveMessage(db, actor, { customer: { email: customer }, subject: 'Parkeerkosten', body: 'Te veel betaald.', channel: 'api' });
    const y = await receiveMessage(db, actor, { customer: { email: customer }, subject: 'Vergunning', body: 'Hoe vraag ik een vergunning aan? En mijn bon?', channel: 'api' });
    const z = await receiveMessage(db, actor, { customer: { email: `ria.${Date.now()}@example.test` }, subject: 'Anders', body: 'Hallo', channel: 'api' });
    await db.query(`UPDATE cases SET owner_id = $2, status = 'open' WHERE account_id = $1 AND id = ANY($3::uuid[])`, [account.account_id, account.admin_id, [x.case.id, y.case.id, z.case.id]]);
    return [x, y, z];
  });

  const refused = luister('cases', 'merge', one.case.ref, '--into', other.case.ref, ...a);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /different customers: merge the customers first/);
  assert.notEqual(luister('cases', 'merge', one.case.ref, ...a).code, 0, '--into is required');

  const followed = json(luister('cases', 'follow', two.case.ref, '--agent', agentEmail, '--json', ...a));
  assert.deepEqual(followed.followers.map((f: { name: string }) => f.name), ['Sanne']);
  assert.match(luister('cases', 'followers', two.case.ref, ...a).out, /Sanne/);

  const merged = luister('cases', 'merge', one.case.ref, '--into', two.case.ref, ...a);
  assert.equal(merged.code, 0, merged.err);
  assert.match(merged.out, new RegExp(`${one.case.ref} merged into ${two.case.ref}: 1 messages`));

  const badId = luister('cases', 'split', two.case.ref, '--messages', 'eerste', ...a);
  assert.equal(badId.code, 1);
  assert.match(badId.err, /Not message ids: eerste/);
  const split = json(luister('cases', 'split', two.case.ref, '--messages', one.message.id, '--subject', 'Parkeerkosten terug', '--json', ...a));
  assert.equal(split.case.subject, 'Parkeerkosten terug');
  assert.deepEqual(split.message_ids, [one.message.id]);

  assert.match(luister('cases', 'unfollow', two.case.ref, '--agent', agentEmail, ...a).out, /Done: nobody follow/);
  assert.notEqual(luister('cases', 'follow', two.case.ref, '--agent', 'niemand@example.test', ...a).code, 0);
});
