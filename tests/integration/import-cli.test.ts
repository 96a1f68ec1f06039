import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliRunner } from '../cli.ts';

/** `luister import mbox | zendesk | freshdesk | zammad | chatwoot` as a user runs it: a dry run first, then for real, then again. */
const { dataDir, luister, json } = cliRunner('luister-import-cli-');
const run = `${process.pid}.${Date.now()}`;

let a: string[];
const mbox = join(dataDir, 'archief.mbox');

before(() => {
  const account = json(luister('account', 'create', '--name', 'Import CLI BV', '--admin-email', `import.${run}@example.test`));
  a = ['--account', account.account_id];
  writeFileSync(mbox, [1, 2].map((n) => `From klant Mon Jan  ${n} 09:00:00 2025\nFrom: klant.${run}@voorbeeld.nl\nSubject: ${n > 1 ? 'Re: ' : ''}Vraag\nDate: Mon, ${n} Jan 2025 09:00:00 +0100\nMessage-ID: <cli${n}.${run}@x>\n${n > 1 ? `In-Reply-To: <cli1.${run}@x>\n` : ''}\nBericht ${n}.\n\n`).join(''));
});
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('import mbox: dry run, import, again; progress on stderr, the summary as JSON on stdout', () => {
  const dry = json(luister('import', 'mbox', mbox, '--dry-run', ...a));
  assert.equal(dry.dry_run, true);
  assert.equal(dry.imported, 2);
  const real = luister('import', 'mbox', mbox, ...a);
  assert.equal(json(real).imported, 2);
  assert.equal(json(real).cases, 1);
  assert.match(real.err, /100%\s+2\/2 messages/);
  assert.equal(json(luister('import', 'mbox', mbox, ...a)).imported, 0);
});

test('import zendesk: the sample export', () => {
  const s = json(luister('import', 'zendesk', 'tests/fixtures/import/zendesk', ...a));
  assert.equal(s.imported, 4);
  assert.equal(s.unresolved_references['ticket.requester_id not in users.json'], 1);
});

test('import freshdesk, zammad, chatwoot: dry run, then for real, then again with nothing imported', () => {
  for (const [source, n] of [['freshdesk', 3], ['zammad', 3], ['chatwoot', 2]] as const) {
    const dir = `tests/fixtures/import/${source}`;
    const dry = json(luister('import', source, dir, '--dry-run', ...a));
    assert.deepEqual([dry.source, dry.dry_run, dry.imported], [source, true, n]);
    const real = luister('import', source, dir, ...a);
    assert.equal(json(real).imported, n);
    assert.match(real.err, /100%\s+\d+\/\d+ tickets/);
    assert.equal(json(luister('import', source, dir, ...a)).imported, 0);
  }
  const wrong = luister('import', 'chatwoot', 'tests/fixtures/import/zammad', ...a);
  assert.equal(wrong.code, 1);
  assert.match(wrong.err, /No conversations\.json/);
});

test('a wrong or truncated file is a clear error and exit code 1', () => {
  const cut = join(dataDir, 'kapot.mbox');
  writeFileSync(cut, 'From x Mon Jan  1 00:00:00 2025\nFrom: a@b.nl\nContent-Type: multipart/mixed; boundary="q"\n\n--q\n\nhalf');
  const r = luister('import', 'mbox', cut, ...a);
  assert.equal(r.code, 1);
  assert.match(r.err, /Message 1 .* is truncated/);
  const dir = luister('import', 'mbox', 'tests/fixtures/import/zendesk', ...a);
  assert.equal(dir.code, 1);
  assert.match(dir.err, /is a folder: for a folder of \.eml files use `luister import eml/);
});
