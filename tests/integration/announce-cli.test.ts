import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliRunner } from '../cli.ts';

/** `luister announcements` and `luister incidents` (issue 15): the same use cases and refusals as the API, from a script. */

const { dataDir, luister } = cliRunner('luister-announce-cli-');
const ok = (r: { out: string; err: string; code: number | null }) => {
  assert.equal(r.code, 0, r.err || r.out);
  return r.out;
};
const file = (name: string, v: unknown) => {
  const p = join(dataDir, name);
  writeFileSync(p, JSON.stringify(v));
  return p;
};
const DAY = 86_400_000;
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('luister announcements check|schedule|list and incidents open|update|list', () => {
  const account = JSON.parse(ok(luister('account', 'create', '--name', 'Aankondiging BV', '--admin-email', `ann.${process.pid}.${Date.now()}@example.test`)));
  const a = ['--account', account.account_id];
  const owner = JSON.parse(ok(luister('agent', 'create', '--email', `piet.${process.pid}.${Date.now()}@example.test`, '--name', 'Piet', ...a)));
  ok(luister('inbox', 'create', '--address', `service.${process.pid}.${Date.now()}@aankondiging.example`, '--name', 'Service', ...a));
  ok(luister('import', 'customers', 'tests/fixtures/customers.csv', ...a));

  // the notice check names the earliest date, with and without vulnerable customers
  const soon = new Date(Date.now() + 5 * DAY).toISOString().slice(0, 10);
  const check = ok(luister('announcements', 'check', '--kind', 'rebranding', '--effective', soon, ...a));
  assert.match(check, /without vulnerable customers: too short — 14 days needed, earliest effective date \d{4}-\d{2}-\d{2}/);
  assert.match(check, /with vulnerable customers: too short — 21 days needed/);

  const content = { nl: { subject: 'Wij krijgen een nieuwe naam', body: 'Vanaf de ingangsdatum heten wij Blauw.', plain: 'Wij heten straks Blauw.' } };
  const body = { kind: 'rebranding', content, audience: { kind: 'all' }, contact_route: '088 123 45 67' };
  const short = luister('announcements', 'schedule', '--file', file('short.json', { ...body, effective_at: new Date(Date.now() + 5 * DAY).toISOString() }), ...a);
  assert.equal(short.code, 1);
  assert.match(short.err, /needs \d+ days' notice.*The earliest allowed effective date is \d{4}-\d{2}-\d{2}/);
  assert.match(ok(luister('announcements', ...a)), /No announcements/, 'nothing was written');

  const scheduled = JSON.parse(ok(luister('announcements', 'schedule', '--file', file('ok.json', { ...body, effective_at: new Date(Date.now() + 40 * DAY).toISOString() }), ...a)));
  assert.equal(scheduled.status, 'scheduled');
  assert.match(ok(luister('announcements', '--state', 'scheduled', ...a)), /scheduled\s+\d{4}-\d{2}-\d{2}\s+rebranding\s+0\/3 sent\s+Wij krijgen een nieuwe naam/);

  // incidents: four parts and a contact, or refused with the field named
  const parts = { nl: { happened: 'Storing op internet', doing: 'Monteurs zijn onderweg', means: 'U heeft mogelijk geen internet' } };
  const next = new Date(Date.now() + 2 * 3_600_000).toISOString();
  const incident = { title: { nl: 'Storing internet Utrecht' }, impact: 'major', owner_id: owner.id, update: { status: 'investigating', parts, next_update_at: next, contact_route: '088 123 45 67' } };
  const missing = luister('incidents', 'open', '--file', file('bad.json', { ...incident, update: { ...incident.update, parts: { nl: { happened: 'x', doing: 'y' } } } }), ...a);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /update\.parts\.nl\.means/);
  assert.match(ok(luister('incidents', ...a)), /No open incidents/);

  const opened = JSON.parse(ok(luister('incidents', 'open', '--file', file('incident.json', incident), ...a)));
  const id = opened.incident.id;
  assert.match(ok(luister('incidents', ...a)), /investigating\s+major\s+next update by \d{4}-\d{2}-\d{2}T\d{2}:\d{2}\s+Storing internet Utrecht\s+\(0 late of 0\)/);
  const noNext = luister('incidents', 'update', id, '--file', file('nonext.json', { status: 'identified', parts, contact_route: '088 123 45 67' }), ...a);
  assert.equal(noNext.code, 1, 'an open incident needs the time of the next update');
  const resolved = JSON.parse(ok(luister('incidents', 'update', id, '--file', file('resolved.json', { status: 'resolved', parts, contact_route: '088 123 45 67' }), ...a)));
  assert.equal(resolved.incident.status, 'resolved');
  assert.match(ok(luister('incidents', ...a)), /No open incidents/);
  assert.match(ok(luister('incidents', '--all', ...a)), /resolved\s+major\s+resolved\s+Storing internet Utrecht\s+\(0 late of 1\)/);
});
