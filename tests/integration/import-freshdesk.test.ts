import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../src/storage/db.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { importFreshdesk } from '../../src/imports/freshdesk/import-freshdesk.ts';
import { newAccount, testDb, type TestAccount } from '../helpers.ts';
import { caseOf, counts, setUpAccount, withCopy } from '../helpdesk-import.ts';

const SAMPLE = join(import.meta.dirname, '../fixtures/import/freshdesk');
const FIELDS = [{ entity: 'case' as const, key: 'contract' }, { entity: 'customer' as const, key: 'klantnummer' }];

describe('import a Freshdesk export (tests/fixtures/import/freshdesk, made by hand from the API v2 documentation)', () => {
  let db: Db;
  let acc: TestAccount;
  let sanne: string;

  before(async () => {
    db = await testDb();
    acc = await newAccount(db, 'Freshdesk BV');
    sanne = await setUpAccount(db, acc.accountId, FIELDS);
  });
  after(() => db.close());

  test('a dry run reports what would happen, mapped, not mapped and unresolved, and changes nothing', async () => {
    const before = await counts(db, acc.accountId);
    const s = await importFreshdesk(db, systemActor(acc.accountId), SAMPLE, { dryRun: true });
    assert.deepEqual(await counts(db, acc.accountId), before);
    assert.equal(s.source, 'freshdesk');
    assert.deepEqual([s.read, s.imported, s.cases], [4, 3, 3]);
    assert.equal(s.skipped['requester not in the export'], 1);
    assert.equal(s.mapped['organisations created'], 1);
    assert.equal(s.mapped['agents matched by e-mail'], 1);
    assert.equal(s.mapped['ticket custom field values (onto Luister case fields of the same key)'], 1, 'cf_contract → contract');
    assert.equal(s.mapped['customer custom field values (onto Luister customer fields of the same key)'], 1);
    assert.equal(s.not_mapped['ticket custom field "cf_kleur" (no Luister case field with this key)'], 1);
    assert.equal(s.not_mapped['organisation domains not claimed (a free e-mail provider, not one organisation)'], 1);
    assert.equal(s.not_mapped['organisation custom field "klantsoort" (no Luister organisation field with this key)'], 1);
    assert.equal(s.not_mapped['ticket status (kept as new: its assignee is no Luister agent)'], 1);
    assert.equal(s.not_mapped["tickets' type (Refund)"], 1);
    assert.equal(s.not_mapped['ticket CCs (cc_emails)'], 1);
    assert.equal(s.not_mapped['attachments (kept as links in the message notes, not downloaded)'], 1);
    assert.equal(s.not_mapped['Freshdesk agents with no Luister agent of the same e-mail (their replies kept, unattributed)'], 1);
    assert.equal(s.unresolved_references['contact.company_id not in companies.json'], 1);
    assert.equal(s.unresolved_references['ticket.requester_id not in contacts.json or agents.json'], 1);
    assert.ok(s.notes.some((n) => /dry run/.test(n)));
  });

  test('import: statuses (custom ones by label), priorities, sources, tags, fields, company, responder by e-mail, messages with their dates; nothing sent', async () => {
    const s = await importFreshdesk(db, systemActor(acc.accountId), SAMPLE, { requestId: 'import:freshdesk-test' });
    assert.equal(s.imported, 3, JSON.stringify(s));
    assert.equal(s.batches.failed, null);
    assert.equal(s.batches.committed, 2, 'the organisations, then one batch of tickets');
    const t1 = (await caseOf(db, acc.accountId, 'freshdesk', '1'))!;
    assert.deepEqual([t1.status, t1.priority, t1.channel, t1.owner_id], ['open', 'high', 'email', sanne]);
    assert.deepEqual(t1.tags, ['garantie', 'remmen']);
    assert.deepEqual(t1.custom_fields, { contract: 'C-42' });
    assert.equal(t1.organisation, 'Fietsenwinkel Jansen');
    assert.deepEqual(t1.customer_fields, { klantnummer: 'F-11' });
    assert.equal(t1.created_at.toISOString(), '2025-02-03T08:30:00.000Z');
    assert.deepEqual(t1.messages.map((m: { type: string }) => m.type), ['inbound', 'outbound', 'note', 'inbound']);
    assert.equal(t1.messages[0].body, 'Na het onderhoud piepen de remmen van mijn fiets.');
    assert.equal(t1.messages[1].author_agent_id, sanne);
    assert.equal(t1.messages[1].delivery_status, null, 'a reply from the past is not sent again');
    assert.match(t1.messages[3].intake_notes.join('\n'), /rem-geluid\.mp4.*https:\/\/voorbeeld\.attachments\.example/);
    assert.equal(t1.contact_count, 2);
    const t2 = (await caseOf(db, acc.accountId, 'freshdesk', '2'))!;
    assert.deepEqual([t2.status, t2.priority, t2.channel], ['new', 'urgent', 'web'], 'resolved by an agent who is not in Luister: kept new, reported');
    assert.equal(t2.messages[0].body, 'I returned the helmet three weeks ago and have not been refunded.', 'HTML description as text');
    assert.match(t2.messages[1].intake_notes.join('\n'), /Oud Medewerker <oud@helpdesk\.example>, a Freshdesk agent who is no Luister agent/);
    const t3 = (await caseOf(db, acc.accountId, 'freshdesk', '3'))!;
    assert.deepEqual([t3.status, t3.priority, t3.channel], ['pending_customer', 'low', 'phone'], 'custom status "Waiting on Customer"');
    assert.equal(await caseOf(db, acc.accountId, 'freshdesk', '4'), undefined);
    const c = await counts(db, acc.accountId);
    assert.equal(c.jobs, 0, 'no mail queued');
    assert.deepEqual([c.organisations, c.domains, c.linked], [1, 1, 1]);
  });

  test('importing again changes nothing; a later export with one more conversation adds only that', async () => {
    const before = await counts(db, acc.accountId);
    const again = await importFreshdesk(db, systemActor(acc.accountId), SAMPLE);
    assert.equal(again.imported, 0);
    assert.equal(again.skipped['already imported (same Freshdesk ticket and conversations)'], 3);
    assert.equal(again.mapped['organisations matched by name'], 1);
    assert.deepEqual(await counts(db, acc.accountId), before);
    await withCopy(SAMPLE, async (dir) => {
      writeFileSync(join(dir, 'conversations/3.json'), JSON.stringify([
        { id: 6001, body_text: 'Ze is teruggebeld.', incoming: false, private: true, user_id: 21, created_at: '2025-02-08T11:00:00Z' }]));
      const later = await importFreshdesk(db, systemActor(acc.accountId), dir);
      assert.equal(later.imported, 1);
      assert.equal((await counts(db, acc.accountId)).messages, before.messages + 1);
    });
  });

  test('a batch that fails is rolled back whole, named, and running again resumes', async () => {
    const other = await newAccount(db, 'Hervat Freshdesk BV');
    const fn = `fail_fd_import_${other.accountId.replace(/-/g, '')}`;
    // a database that refuses one message of this account only (the test may share PostgreSQL with others)
    await db.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.account_id = '${other.accountId}' AND NEW.body LIKE '%WEIGER%' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`);
    await db.query(`CREATE TRIGGER ${fn} BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    await withCopy(SAMPLE, async (dir) => {
      const tickets = JSON.parse(readFileSync(join(dir, 'tickets.json'), 'utf8'));
      tickets[1].conversations[0].body_text = 'WEIGER dit bericht.';
      writeFileSync(join(dir, 'tickets.json'), JSON.stringify(tickets));
      try {
        const s = await importFreshdesk(db, systemActor(other.accountId), dir, { batchSize: 1 });
        assert.equal(s.batches.committed, 2, 'the organisations and ticket 1');
        assert.deepEqual({ ...s.batches.failed, error: undefined }, { batch: 3, items: 'tickets 2–2', error: undefined });
        assert.match(s.batches.failed!.error, /refused for the test/);
        assert.ok(s.notes.some((n) => /rolled back.*Run the import again to resume/.test(n)));
        assert.equal((await counts(db, other.accountId)).cases, 1, 'ticket 2 rolled back whole, tickets 3 and 4 not tried');
      } finally {
        await db.query(`DROP TRIGGER ${fn} ON messages`);
        await db.query(`DROP FUNCTION ${fn}()`);
      }
      const resumed = await importFreshdesk(db, systemActor(other.accountId), dir, { batchSize: 1 });
      assert.equal(resumed.imported, 2);
      assert.equal(resumed.skipped['already imported (same Freshdesk ticket and conversations)'], 1);
      assert.equal((await counts(db, other.accountId)).cases, 3);
    });
  });

  test('a truncated, foreign or incomplete export is refused naming the file, nothing imported', async () => {
    const other = await newAccount(db, 'Kapot Freshdesk BV');
    await withCopy(SAMPLE, async (dir) => {
      const text = readFileSync(join(SAMPLE, 'tickets.json'), 'utf8');
      writeFileSync(join(dir, 'tickets.json'), text.slice(0, Math.floor(text.length / 2)));
      await assert.rejects(importFreshdesk(db, systemActor(other.accountId), dir), (err: Error & { code?: string }) => {
        assert.equal(err.code, 'import_file_invalid');
        assert.match(err.message, /^tickets\.json, line \d+: not valid JSON/);
        return true;
      });
      // a Zendesk export given as Freshdesk's: its statuses are words, not numbers
      writeFileSync(join(dir, 'tickets.json'), readFileSync(join(SAMPLE, '../zendesk/tickets.json')));
      await assert.rejects(importFreshdesk(db, systemActor(other.accountId), dir), /tickets\.json, record 1: status .* is this a Freshdesk export\?/);
      // another account's Luister ids where Freshdesk's numbers belong
      writeFileSync(join(dir, 'tickets.json'), JSON.stringify([{ id: 1, status: 2, requester_id: 11, responder_id: acc.accountId, created_at: '2025-02-03T08:30:00Z' }]));
      await assert.rejects(importFreshdesk(db, systemActor(other.accountId), dir), /record 1: responder_id/);
      writeFileSync(join(dir, 'conversations/1.json'), '[{"id": 1, "body_text": "half');
      writeFileSync(join(dir, 'tickets.json'), readFileSync(join(SAMPLE, 'tickets.json')));
      await assert.rejects(importFreshdesk(db, systemActor(other.accountId), dir), /conversations\/1\.json, line 1: not valid JSON.*cut short/);
    });
    await assert.rejects(importFreshdesk(db, systemActor(other.accountId), join(SAMPLE, '../zendesk')), /No tickets\.json|record 1/);
    assert.equal((await counts(db, other.accountId)).cases, 0);
    assert.equal((await counts(db, other.accountId)).organisations, 0);
  });

  test("another account importing the same export gets its own: its own agent, organisation and fields; the first account's untouched", async () => {
    const b = await newAccount(db, 'Tweede Freshdesk BV');
    const sanneB = await setUpAccount(db, b.accountId, [{ entity: 'case', key: 'contract' }]);
    const beforeA = await counts(db, acc.accountId);
    const s = await importFreshdesk(db, systemActor(b.accountId), SAMPLE);
    assert.equal(s.imported, 3, 'what account A imported does not count as imported for B');
    assert.equal(s.mapped['organisations created'], 1);
    assert.equal(s.not_mapped['customer custom field "klantnummer" (no Luister customer field with this key)'], 1, "A's customer field is not B's");
    const t1 = (await caseOf(db, b.accountId, 'freshdesk', '1'))!;
    assert.equal(t1.owner_id, sanneB);
    assert.notEqual(t1.owner_id, sanne);
    assert.deepEqual(await counts(db, acc.accountId), beforeA);
    const [leak] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM customers c JOIN organisations o ON o.id = c.organisation_id WHERE c.account_id = $1 AND o.account_id <> $1`, [b.accountId]);
    assert.equal(leak.n, 0);
  });
});
