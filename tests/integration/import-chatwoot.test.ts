import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../src/storage/db.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { importChatwoot } from '../../src/imports/chatwoot/import-chatwoot.ts';
import { newAccount, testDb, type TestAccount } from '../helpers.ts';
import { caseOf, counts, setUpAccount, withCopy } from '../helpdesk-import.ts';

const SAMPLE = join(import.meta.dirname, '../fixtures/import/chatwoot');
const FIELDS = [{ entity: 'case' as const, key: 'ordernummer' }, { entity: 'customer' as const, key: 'klantnummer' }];

describe('import a Chatwoot export (tests/fixtures/import/chatwoot, made by hand from the Application API documentation)', () => {
  let db: Db;
  let acc: TestAccount;
  let sanne: string;

  before(async () => {
    db = await testDb();
    acc = await newAccount(db, 'Chatwoot BV');
    sanne = await setUpAccount(db, acc.accountId, FIELDS);
  });
  after(() => db.close());

  test('a dry run reports what would happen, mapped, not mapped, and changes nothing', async () => {
    const before = await counts(db, acc.accountId);
    const s = await importChatwoot(db, systemActor(acc.accountId), SAMPLE, { dryRun: true });
    assert.deepEqual(await counts(db, acc.accountId), before);
    assert.deepEqual([s.source, s.read, s.imported, s.cases], ['chatwoot', 3, 2, 2]);
    assert.equal(s.skipped['requester without e-mail or phone'], 1);
    assert.equal(s.mapped['organisations created'], 1, 'company_name, written two ways, is one organisation');
    assert.equal(s.mapped['agents matched by e-mail'], 1);
    assert.equal(s.mapped['ticket custom field values (onto Luister case fields of the same key)'], 1);
    assert.equal(s.not_mapped['ticket custom field "spoed" (no Luister case field with this key)'], 1);
    assert.equal(s.not_mapped['activity messages (assignments, status changes: not imported as messages)'], 1);
    assert.equal(s.not_mapped['contact additional attributes (city, country, social profiles, …)'], 2);
    assert.equal(s.not_mapped["conversations' team (not mapped to a Luister team)"], 1);
    assert.equal(s.not_mapped['conversation status (kept as new: its assignee is no Luister agent)'], 1);
  });

  test('import: statuses, priorities, labels, custom attributes, company, assignee by e-mail (contacts and agents numbered apart), Unix times', async () => {
    const s = await importChatwoot(db, systemActor(acc.accountId), SAMPLE);
    assert.equal(s.imported, 2, JSON.stringify(s));
    const c7 = (await caseOf(db, acc.accountId, 'chatwoot', '3:7'))!;
    assert.deepEqual([c7.status, c7.priority, c7.channel, c7.owner_id], ['open', 'high', 'chat', sanne]);
    assert.deepEqual(c7.tags, ['storing', 'vip-klant']);
    assert.deepEqual(c7.custom_fields, { ordernummer: 'W-7' });
    assert.equal(c7.organisation, 'Visser Installatie');
    assert.deepEqual(c7.customer_fields, { klantnummer: 'CW-1' });
    assert.equal(c7.created_at.toISOString(), '2025-01-06T08:00:00.000Z');
    assert.deepEqual(c7.messages.map((m: { type: string }) => m.type), ['inbound', 'outbound', 'note', 'inbound']);
    assert.equal(c7.messages[1].author_agent_id, sanne, 'agent 1, not contact 1');
    assert.equal(c7.messages[3].body, '(attachments only)');
    assert.match(c7.messages[3].intake_notes.join('\n'), /ketel\.jpg/);
    const c8 = (await caseOf(db, acc.accountId, 'chatwoot', '3:8'))!;
    assert.deepEqual([c8.status, c8.priority, c8.channel, c8.subject], ['new', 'normal', 'email', 'Offerte warmtepomp']);
    assert.equal(c8.organisation, 'Visser Installatie');
    assert.equal(await caseOf(db, acc.accountId, 'chatwoot', '3:9'), undefined);
  });

  test('importing again changes nothing', async () => {
    const before = await counts(db, acc.accountId);
    const again = await importChatwoot(db, systemActor(acc.accountId), SAMPLE);
    assert.equal(again.imported, 0);
    assert.equal(again.skipped['already imported (same Chatwoot conversation and messages)'], 2);
    assert.deepEqual(await counts(db, acc.accountId), before);
  });

  test("records of another Chatwoot account are refused whole; a truncated or foreign file too; nothing imported", async () => {
    const other = await newAccount(db, 'Kapot Chatwoot BV');
    await withCopy(SAMPLE, async (dir) => {
      const page = JSON.parse(readFileSync(join(SAMPLE, 'messages/8.json'), 'utf8'));
      page.payload[1].account_id = 4;
      writeFileSync(join(dir, 'messages/8.json'), JSON.stringify(page));
      await assert.rejects(importChatwoot(db, systemActor(other.accountId), dir), (err: Error & { code?: string; status?: number }) => {
        assert.equal(err.code, 'import_foreign_reference');
        assert.match(err.message, /message 802 of conversation 8 belongs to Chatwoot account 4, but .* to account 3/);
        return true;
      });
      writeFileSync(join(dir, 'messages/8.json'), readFileSync(join(SAMPLE, 'messages/8.json')));
      const text = readFileSync(join(SAMPLE, 'conversations.json'), 'utf8');
      writeFileSync(join(dir, 'conversations.json'), text.slice(0, 600));
      await assert.rejects(importChatwoot(db, systemActor(other.accountId), dir), /conversations\.json, line \d+: not valid JSON/);
      writeFileSync(join(dir, 'conversations.json'), readFileSync(join(SAMPLE, '../freshdesk/tickets.json')));
      await assert.rejects(importChatwoot(db, systemActor(other.accountId), dir), /No conversations\.json|record 1/);
    });
    await assert.rejects(importChatwoot(db, systemActor(other.accountId), join(SAMPLE, '../freshdesk')), /No conversations\.json/);
    assert.equal((await counts(db, other.accountId)).cases, 0);
  });

  test("conversation 7 of another Chatwoot account is not taken for this one's", async () => {
    await withCopy(SAMPLE, async (dir) => {
      for (const f of ['agents.json', 'conversations.json', 'messages/7.json', 'messages/8.json', 'messages/9.json']) {
        writeFileSync(join(dir, f), readFileSync(join(dir, f), 'utf8').replace(/"account_id": 3/g, '"account_id": 5'));
      }
      const s = await importChatwoot(db, systemActor(acc.accountId), dir);
      assert.equal(s.imported, 2, 'same numbers, another account: new conversations');
      assert.ok(await caseOf(db, acc.accountId, 'chatwoot', '5:7'));
    });
  });
});
