import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../src/storage/db.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { importZammad } from '../../src/imports/zammad/import-zammad.ts';
import { newAccount, testDb, type TestAccount } from '../helpers.ts';
import { caseOf, counts, setUpAccount, withCopy } from '../helpdesk-import.ts';

const SAMPLE = join(import.meta.dirname, '../fixtures/import/zammad');
const FIELDS = [{ entity: 'case' as const, key: 'ordernummer' }, { entity: 'customer' as const, key: 'klantnummer' }, { entity: 'organisation' as const, key: 'contract' }];

describe('import a Zammad export (tests/fixtures/import/zammad, made by hand from the REST API documentation)', () => {
  let db: Db;
  let acc: TestAccount;
  let sanne: string;

  before(async () => {
    db = await testDb();
    acc = await newAccount(db, 'Zammad BV');
    sanne = await setUpAccount(db, acc.accountId, FIELDS);
  });
  after(() => db.close());

  test('a dry run reports what would happen, mapped, not mapped and unresolved, and changes nothing', async () => {
    const before = await counts(db, acc.accountId);
    const s = await importZammad(db, systemActor(acc.accountId), SAMPLE, { dryRun: true });
    assert.deepEqual(await counts(db, acc.accountId), before);
    assert.deepEqual([s.source, s.read, s.imported, s.cases], ['zammad', 4, 3, 3]);
    assert.equal(s.skipped['requester not in the export'], 1);
    assert.equal(s.mapped['organisations created'], 1);
    assert.equal(s.mapped['organisation custom field values (onto Luister organisation fields of the same key)'], 1);
    assert.equal(s.mapped['ticket custom field values (onto Luister case fields of the same key)'], 1);
    assert.equal(s.mapped['customer custom field values (onto Luister customer fields of the same key)'], 1);
    assert.equal(s.mapped['agents matched by e-mail'], 1);
    assert.equal(s.not_mapped['Zammad agents with no Luister agent of the same e-mail (their replies kept, unattributed)'], 1);
    assert.equal(s.not_mapped['tickets merged into another in Zammad (kept closed)'], 1);
    assert.equal(s.not_mapped['ticket status (kept as new: its assignee is no Luister agent)'], 2, 'closed without owner; merged with an unknown agent');
    assert.equal(s.not_mapped["tickets' group (not mapped to a team)"], 4);
    assert.equal(s.unresolved_references['user.organization_id not in organizations.json'], 1);
    assert.equal(s.unresolved_references['ticket.customer_id not in users.json'], 1);
    assert.ok(s.notes.some((n) => /ticket_states\.json/.test(n)), 'default state ids assumed, and said');
  });

  test('import: states by id or name, priorities, tags, attributes, organisation by domain, owner by e-mail, articles as inbound/outbound/note', async () => {
    const s = await importZammad(db, systemActor(acc.accountId), SAMPLE);
    assert.equal(s.imported, 3, JSON.stringify(s));
    const t11 = (await caseOf(db, acc.accountId, 'zammad', '11'))!;
    assert.deepEqual([t11.status, t11.priority, t11.channel, t11.owner_id], ['open', 'high', 'email', sanne]);
    assert.deepEqual(t11.tags, ['lekkage', 'spoed-klus']);
    assert.deepEqual(t11.custom_fields, { ordernummer: 'O-778' });
    assert.equal(t11.organisation, 'Bouwbedrijf De Boer');
    assert.deepEqual(t11.customer_fields, { klantnummer: 'Z-3' });
    assert.deepEqual(t11.messages.map((m: { type: string }) => m.type), ['inbound', 'outbound', 'note']);
    assert.equal(t11.messages[0].body, 'Sinds de verbouwing lekt het dak boven de keuken.', 'HTML article as text');
    assert.match(t11.messages[0].intake_notes.join('\n'), /foto-plafond\.jpg.*ticket_attachment\/11\/101\/901/);
    assert.equal(t11.messages[1].author_agent_id, sanne);
    const t12 = (await caseOf(db, acc.accountId, 'zammad', '12'))!;
    assert.deepEqual([t12.status, t12.priority, t12.channel, t12.owner_id], ['new', 'normal', 'phone', null], 'closed, owned by nobody: kept new');
    assert.equal(t12.messages[0].type, 'inbound', 'sender_id 2 is the customer');
    const t13 = (await caseOf(db, acc.accountId, 'zammad', '13'))!;
    assert.equal(t13.channel, 'web');
    const [org] = await db.query<{ custom_fields: object }>('SELECT custom_fields FROM organisations WHERE account_id = $1', [acc.accountId]);
    assert.deepEqual(org.custom_fields, { contract: 'zilver' });
  });

  test('importing again changes nothing', async () => {
    const before = await counts(db, acc.accountId);
    const again = await importZammad(db, systemActor(acc.accountId), SAMPLE);
    assert.equal(again.imported, 0);
    assert.equal(again.skipped['already imported (same Zammad ticket and articles)'], 3);
    assert.deepEqual(await counts(db, acc.accountId), before);
  });

  test('a truncated or foreign export is refused naming the file; an article without its ticket too; nothing imported', async () => {
    const other = await newAccount(db, 'Kapot Zammad BV');
    await withCopy(SAMPLE, async (dir) => {
      const text = readFileSync(join(SAMPLE, 'ticket_articles.json'), 'utf8');
      writeFileSync(join(dir, 'ticket_articles.json'), text.slice(0, text.length - 40));
      await assert.rejects(importZammad(db, systemActor(other.accountId), dir), (err: Error & { code?: string }) => {
        assert.equal(err.code, 'import_file_invalid');
        assert.match(err.message, /^ticket_articles\.json, line \d+: not valid JSON/);
        return true;
      });
      writeFileSync(join(dir, 'ticket_articles.json'), JSON.stringify([{ id: 1, body: 'x', created_at: '2025-03-03T07:45:00Z' }]));
      await assert.rejects(importZammad(db, systemActor(other.accountId), dir), /an article without ticket_id/);
      rmSync(join(dir, 'ticket_articles.json'));
      writeFileSync(join(dir, 'tickets.json'), JSON.stringify([{ id: 11, customer_id: acc.accountId, created_at: '2025-03-03T07:45:00Z' }]));
      await assert.rejects(importZammad(db, systemActor(other.accountId), dir), /tickets\.json, record 1: customer_id .*Zammad export/);
      rmSync(join(dir, 'tickets.json'));
      await assert.rejects(importZammad(db, systemActor(other.accountId), dir), /No tickets\.json/);
    });
    assert.deepEqual([(await counts(db, other.accountId)).cases, (await counts(db, other.accountId)).organisations], [0, 0]);
  });

  test("another account importing the same export gets its own; an organisation of the same name there is matched, not the first account's", async () => {
    const b = await newAccount(db, 'Tweede Zammad BV');
    await setUpAccount(db, b.accountId, []);
    await db.query(`INSERT INTO organisations (account_id, name, custom_fields) VALUES ($1, 'bouwbedrijf de boer', '{}')`, [b.accountId]);
    const beforeA = await counts(db, acc.accountId);
    const s = await importZammad(db, systemActor(b.accountId), SAMPLE);
    assert.equal(s.imported, 3);
    assert.equal(s.mapped['organisations matched by name'], 1);
    assert.equal(s.not_mapped['organisation custom field "contract" (no Luister organisation field with this key)'], 1);
    const t11 = (await caseOf(db, b.accountId, 'zammad', '11'))!;
    assert.equal(t11.organisation, 'bouwbedrijf de boer', "B's own organisation, its name as B wrote it");
    assert.deepEqual(await counts(db, acc.accountId), beforeA);
  });
});
