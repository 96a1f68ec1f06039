import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { cliRunner } from '../cli.ts';

/** `luister channels rota|hours`: an admin scripts who takes callbacks when (issue 17). */
const { dataDir, luister, json, account, agent } = cliRunner('luister-rota-cli-');

let a: string[];
let email: string;
before(() => {
  a = account('Rooster BV');
  email = agent(a, 'Sanne');
});
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('set hours in words, add an absence, list the rota, refuse bad hours, clear', () => {
  const before = luister('channels', 'rota', ...a);
  assert.equal(before.code, 0, before.err);
  assert.match(before.out, /Sanne <[^>]+>: not on the rota/);
  assert.match(before.out, /Nobody has callback hours/);

  const set = json(luister('channels', 'hours', email, '--hours', 'ma-vr 09:00-12:00, wo 13:00-17:00', ...a));
  assert.deepEqual(set.hours.weekly['3'], [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }]);
  // an absence alone keeps the hours
  const away = json(luister('channels', 'hours', email, '--away', '2027-07-19..2027-08-06', ...a));
  assert.deepEqual(away.hours.absences, [{ start: '2027-07-19', end: '2027-08-06' }]);
  assert.equal(away.hours.weekly['1'].length, 1);
  const list = luister('channels', 'rota', ...a);
  assert.match(list.out, /Sanne <[^>]+>: ma-vr 09:00-12:00, wo 13:00-17:00; away 2027-07-19\.\.2027-08-06/);

  const bad = luister('channels', 'hours', email, '--hours', 'ma 12:00-09:00', ...a);
  assert.notEqual(bad.code, 0);
  assert.match(bad.err, /ends before it starts/);
  const unknown = luister('channels', 'hours', 'niemand@example.test', '--hours', 'ma 09:00-12:00', ...a);
  assert.notEqual(unknown.code, 0);
  assert.match(unknown.err, /agent/i);
  assert.deepEqual(json(luister('channels', 'rota', '--json', ...a)).find((l: { email: string }) => l.email === email).hours.weekly['1'], [{ start: '09:00', end: '12:00' }], 'the refused change changed nothing');

  const cleared = json(luister('channels', 'hours', email, '--clear', ...a));
  assert.equal(cleared.deleted, true);
  assert.match(luister('channels', 'rota', ...a).out, /Sanne <[^>]+>: not on the rota/);
});
