import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliRunner } from '../cli.ts';

const PG = process.env.DATABASE_URL;
const { dataDir, env, luister, json } = cliRunner('luister-cli-');

let account: { account_id: string; token: string };

before(() => {
  account = json(luister('account', 'create', '--name', 'CLI Test BV', '--admin-email', `cli.${process.pid}.${Date.now()}@example.test`));
});
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('account create prints the account id and a token, once', () => {
  assert.match(account.account_id, /^[0-9a-f-]{36}$/);
  assert.match(account.token, /^lst_/);
});

test('agent create, token create, import customers and search go through the same functions as the API', () => {
  const a = ['--account', account.account_id];
  const agent = json(luister('agent', 'create', '--email', `sanne.${Date.now()}@example.test`, '--name', 'Sanne', '--role', 'supervisor', ...a));
  assert.equal(agent.role, 'supervisor');
  const token = json(luister('token', 'create', '--name', 'ci', '--role', 'agent', ...a));
  assert.equal(token.role, 'agent');
  assert.match(token.token, /^lst_/);

  const bad = luister('import', 'customers', 'tests/fixtures/customers-bad.csv', ...a);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /2 problem\(s\).*nothing was imported/);
  assert.match(bad.err, /invalid_email/);
  assert.match(bad.err, /invalid_phone/);

  const dry = json(luister('import', 'customers', 'tests/fixtures/customers.csv', '--dry-run', ...a));
  assert.deepEqual(dry, { dry_run: true, rows: 3, created: 3, updated: 0 });
  const imported = json(luister('import', 'customers', 'tests/fixtures/customers.csv', ...a));
  assert.deepEqual(imported, { dry_run: false, rows: 3, created: 3, updated: 0 });
  const again = json(luister('import', 'customers', 'tests/fixtures/customers.csv', ...a));
  assert.equal(again.updated, 3, 'importing twice updates, never duplicates');

  const found = luister('search', 'Jansen', ...a);
  assert.equal(found.code, 0, found.err);
  assert.match(found.out, /customer .*Ria Jansen/);
});

test('tag and cases: tags from a script, and the same refusals as the API', () => {
  const a = ['--account', account.account_id];
  const none = luister('tag', 'case', 'LU-999999', '--add', 'vip', ...a);
  assert.equal(none.code, 1);
  assert.match(none.err, /Case LU-999999 does not exist in this account/);
  const missing = luister('tag', 'case', 'LU-999999', ...a);
  assert.match(missing.err, /--add/);
  const bad = luister('cases', '--tag', 'niet!goed', ...a);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /Not a tag: "niet!goed"/);
  assert.deepEqual(json(luister('cases', '--tag', 'vip', '--json', ...a)), []);
});

test('organisations and fields from a script: the same rules as the API', () => {
  const a = ['--account', account.account_id];
  const domain = `cli-${process.pid}-${Date.now()}.nl`;
  const org = json(luister('organisations', 'add', '--name', 'Garage Smit', '--domains', domain, '--segment', 'zakelijk', ...a));
  assert.deepEqual(org.domains, [domain]);
  const free = luister('organisations', 'add', '--name', 'Gratis', '--domains', 'gmail.com', ...a);
  assert.equal(free.code, 1);
  assert.match(free.err, /free e-mail provider/);
  assert.ok(json(luister('organisations', 'list', '--json', ...a)).some((o: { id: string }) => o.id === org.id));
  assert.equal(json(luister('organisations', 'show', org.id, ...a)).name, 'Garage Smit');

  const field = json(luister('fields', 'add', '--kind', 'case', '--key', 'oorzaak', '--label-nl', 'Oorzaak', '--label-en', 'Cause', '--type', 'one_of', '--options', 'storing,factuur', '--required-on-solve', ...a));
  assert.deepEqual(field.options, ['storing', 'factuur']);
  assert.equal(field.required_on_solve, true);
  assert.deepEqual(json(luister('cases', '--field', 'oorzaak=storing', '--json', ...a)), []);
  const wrong = luister('cases', '--field', 'oorzaak=ruzie', ...a);
  assert.equal(wrong.code, 1);
  assert.match(wrong.err, /"oorzaak"/);
  assert.equal(json(luister('fields', 'delete', field.id, ...a)).key, 'oorzaak');
  assert.equal(json(luister('organisations', 'delete', org.id, ...a)).id, org.id);
});

test('unknown commands and missing options are clear errors', () => {
  const r = luister('frobnicate');
  assert.equal(r.code, 1);
  assert.match(r.err, /Unknown command: frobnicate/);
  const m = luister('account', 'create', '--name', 'X');
  assert.match(m.err, /Missing --admin-email/);
});

test('a CLI command never opens ./data while a server has it open', { skip: Boolean(PG) && 'PGlite only: PostgreSQL has no such limit' }, async () => {
  const server = spawn(process.execPath, ['bin/luister.mjs', 'serve'], { env: { ...env, PORT: '0', SMTP_PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (c) => {
        out += c;
        if (out.includes('Luister is ready')) resolve();
      });
      server.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
      setTimeout(() => reject(new Error(`server not ready: ${out}`)), 60_000);
    });
    const r = luister('search', 'Jansen', '--account', account.account_id);
    assert.equal(r.code, 1);
    assert.match(r.err, /is in use by Luister \(serve, pid \d+/);
    assert.match(r.err, /stop it first, use the HTTP API/);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  // after the server stopped, the CLI works again
  assert.equal(luister('search', 'Jansen', '--account', account.account_id).code, 0);
});

test('setup creates the first account without any default password; refuses a second time', { skip: Boolean(PG) && 'PGlite only (a shared PostgreSQL already has accounts)' }, () => {
  const fresh = mkdtempSync(join(tmpdir(), 'luister-setup-'));
  try {
    const run = (...args: string[]) => spawnSync(process.execPath, ['bin/luister.mjs', 'setup', ...args], { env: { ...env, DATA_DIR: fresh }, encoding: 'utf8' });
    const opts = ['--account-name', 'Mijn Bedrijf', '--admin-name', 'Anne', '--admin-email', 'anne@example.test'];
    const weak = run(...opts, '--admin-password', 'kort');
    assert.equal(weak.status, 1);
    assert.match(weak.stderr, /at least 10 characters/);
    const ok = run(...opts, '--admin-password', 'een goed lang wachtwoord');
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /Account "Mijn Bedrijf" created/);
    assert.match(ok.stdout, /lst_/);
    const twice = run(...opts, '--admin-password', 'een goed lang wachtwoord');
    assert.equal(twice.status, 1);
    assert.match(twice.stderr, /already set up/);
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
});

test('demo prints how to sign in: the workspace address, a password and the agents; --json gives the same as data', () => {
  const text = luister('demo');
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /Demo loaded in [\d.]+ s: .* with 14 days of history/);
  assert.match(text.out, /Sign in to the workspace at http:\/\/localhost:\d+\/app\//);
  const password = /with the password (\S+) and one of these addresses/.exec(text.out)?.[1];
  assert.ok(password && password.length >= 10, text.out);
  assert.match(text.out, /joris(\+\d+)?@demo\.luister\.example +Joris van Leeuwen \(supervisor\)/);
  assert.match(text.out, /API token .*lst_/);

  const demo = json(luister('demo', '--json', '--password', 'een eigen wachtwoord'));
  assert.equal(demo.password, 'een eigen wachtwoord');
  const stories = Object.keys(demo.cases);
  assert.equal(stories.length, 5);
  assert.ok(stories.every((s, i) => s.startsWith(`P${i + 1}`)));
  // a second demo in the same database gets addresses of its own: the sign-in needs no account id
  assert.ok(demo.agents.every((a: { email: string }) => !text.out.includes(`${a.email} `)), 'the second demo reuses the first one\'s addresses');
  const found = luister('search', 'parkeren', '--account', demo.account_id);
  assert.match(found.out, /Te veel betaald voor parkeren/);
});

test('inbox verify: the installation admin vouches for an address, so mail to it is routed', () => {
  const a = ['--account', account.account_id];
  const address = `support.${process.pid}.${Date.now()}@cli.test`;
  const created = json(luister('inbox', 'create', '--address', address, '--name', 'Support', ...a));
  assert.equal(created.verified, false, 'a new inbox waits for proof');
  const verified = json(luister('inbox', 'verify', address.toUpperCase(), ...a));
  assert.equal(verified.verified, true);
  assert.equal(verified.verification.verified_by, 'admin');
  const again = luister('inbox', 'verify', address, ...a);
  assert.equal(again.code, 1);
  assert.match(again.err, /verified already/);
  const unknown = luister('inbox', 'verify', `nobody.${Date.now()}@cli.test`);
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /inbox_not_found|No inbox/);
});

test('status-components: add, rename, order, group and remove the status page components from a script; a wrong order changes nothing', () => {
  const a = ['--account', account.account_id];
  const add = (name: string) => luister('status-components', 'add', '--name', name, ...a);
  const idOf = (out: string) => /\(([0-9a-f-]{36})\)/.exec(out)![1];
  const internet = add('Internet');
  assert.equal(internet.code, 0, internet.err);
  const tv = add('Televisie');
  const ids = [idOf(internet.out), idOf(tv.out)];
  const renamed = luister('status-components', 'rename', ids[1], '--name-en', 'Television', ...a);
  assert.equal(renamed.code, 0, renamed.err);
  assert.match(renamed.out, /Televisie \/ Television/);
  const ordered = luister('status-components', 'order', `${ids[1]},${ids[0]}`, ...a);
  assert.equal(ordered.code, 0, ordered.err);
  assert.match(ordered.out, /1\. Televisie[\s\S]*2\. Internet/);
  const incomplete = luister('status-components', 'order', ids[0], ...a);
  assert.equal(incomplete.code, 1);
  assert.match(incomplete.err, /must name all 2 components/);
  const list = luister('status-components', ...a);
  assert.match(list.out, /1\. Televisie[\s\S]*2\. Internet/);
  const noName = luister('status-components', 'add', ...a);
  assert.equal(noName.code, 1);
  assert.match(noName.err, /Missing --name/);
  // Internet into the group Televisie, then the group removed: Internet stands alone
  const grouped = luister('status-components', 'group', ids[0], '--in', ids[1], ...a);
  assert.equal(grouped.code, 0, grouped.err);
  assert.match(grouped.out, new RegExp(`Internet .*in group ${ids[1]}`));
  const removed = luister('status-components', 'remove', ids[1], ...a);
  assert.equal(removed.code, 0, removed.err);
  assert.match(removed.out, new RegExp(`Removed ${ids[1]}; no longer in a group: ${ids[0]}`));
});

test('block add, list and remove: the spam block list from the command line', () => {
  const a = ['--account', account.account_id];
  const added = json(luister('block', 'add', 'Reclame.Example', '--reason', 'nieuwsbrieven', '--json', ...a));
  assert.deepEqual([added.kind, added.value, added.reason], ['domain', 'reclame.example', 'nieuwsbrieven']);
  assert.equal(json(luister('block', 'add', 'spam@elders.example', '--json', ...a)).kind, 'address');
  assert.match(luister('block', 'list', ...a).out, /domain\s+reclame\.example/);
  assert.equal(json(luister('block', 'list', '--json', ...a)).length, 2);
  assert.equal(json(luister('block', 'remove', 'reclame.example', '--json', ...a)).value, 'reclame.example');
  const again = luister('block', 'remove', 'reclame.example', ...a);
  assert.notEqual(again.code, 0);
  assert.match(again.err, /does not exist/);
  assert.notEqual(luister('block', 'add', 'geen domein', ...a).code, 0);
});
