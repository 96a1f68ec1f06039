import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../src/storage/db.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { importZendesk } from '../../src/imports/zendesk/import-zendesk.ts';
import { createField } from '../../src/custom-fields/manage-fields.ts';
import { newAccount, testDb, type TestAccount } from '../helpers.ts';

const SAMPLE = join(import.meta.dirname, '../fixtures/import/zendesk');

describe('import a Zendesk export (tests/fixtures/import/zendesk, made by hand from the API documentation)', () => {
  let db: Db;
  let acc: TestAccount;
  let sanne: string;
  const counts = async (accountId = acc.accountId) => (await db.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM messages WHERE account_id = $1) AS messages, (SELECT count(*)::int FROM cases WHERE account_id = $1) AS cases,
       (SELECT count(*)::int FROM customers WHERE account_id = $1) AS customers, (SELECT count(*)::int FROM case_tags WHERE account_id = $1) AS tags,
       (SELECT count(*)::int FROM audit_log WHERE account_id = $1) AS audit, (SELECT count(*)::int FROM jobs WHERE account_id = $1) AS jobs`, [accountId]))[0];
  const caseOf = async (zendeskId: string) => (await db.query<Record<string, any>>(
    `SELECT c.*, (SELECT array_agg(tag ORDER BY tag) FROM case_tags t WHERE t.account_id = c.account_id AND t.case_id = c.id) AS tags
     FROM import_refs r JOIN cases c ON c.account_id = r.account_id AND c.id = r.local_id
     WHERE r.account_id = $1 AND r.source = 'zendesk' AND r.kind = 'ticket' AND r.external_id = $2`, [acc.accountId, zendeskId]))[0];

  before(async () => {
    db = await testDb();
    acc = await newAccount(db, 'Zendesk BV');
    sanne = (await createAgent(db, systemActor(acc.accountId), { email: 'Sanne@Helpdesk.example', name: 'Sanne Bakker', role: 'agent' })).id;
    // custom fields of the same key take the export's values: a case field named like ticket_fields.json's title, a customer field like user_fields' key
    await createField(db, systemActor(acc.accountId), { entity: 'case', key: 'contract', label_nl: 'Contract', label_en: 'Contract', type: 'text' });
    await createField(db, systemActor(acc.accountId), { entity: 'customer', key: 'klantnummer', label_nl: 'Klantnummer', label_en: 'Customer number', type: 'text' });
  });
  after(() => db.close());

  test('a dry run reports what would happen, not mapped and unresolved, and changes nothing', async () => {
    const before = await counts();
    const s = await importZendesk(db, systemActor(acc.accountId), SAMPLE, { dryRun: true });
    assert.deepEqual(await counts(), before);
    assert.equal(s.read, 5);
    assert.equal(s.imported, 4);
    assert.equal(s.cases, 4);
    assert.equal(s.skipped['requester not in the export'], 1);
    assert.equal(s.mapped['organisations created'], 1);
    assert.equal(s.mapped['organisation domains claimed'], 1);
    assert.equal(s.mapped['ticket custom field values (onto Luister case fields of the same key)'], 2);
    assert.equal(s.mapped['customer custom field values (onto Luister customer fields of the same key)'], 1);
    assert.equal(s.not_mapped['organisation custom field "contract" (no Luister organisation field with this key)'], 1);
    assert.equal(s.mapped['agents matched by e-mail'], 1);
    assert.equal(s.not_mapped['ticket status (kept as new: its assignee is no Luister agent)'], 2, 'solved with an unknown agent, pending without assignee');
    assert.equal(s.not_mapped['attachments (kept as links in the message notes, not downloaded)'], 1);
    assert.equal(s.not_mapped['tags that make no valid Luister tag'], 1);
    assert.equal(s.unresolved_references['ticket.requester_id not in users.json'], 1);
    assert.equal(s.unresolved_references['ticket.organization_id not in organizations.json'], 1);
    assert.equal(s.unresolved_references['user.organization_id not in organizations.json'], 1);
    assert.equal(s.unresolved_references['comment.author_id not in users.json'], 1);
  });

  test('import: statuses, priorities, tags, owner by e-mail, comments as inbound/outbound/note with their dates; nothing sent', async () => {
    const s = await importZendesk(db, systemActor(acc.accountId), SAMPLE, { requestId: 'import:zendesk-test' });
    assert.equal(s.imported, 4, JSON.stringify(s));
    assert.equal(s.batches.failed, null);
    const t1 = await caseOf('1001');
    assert.equal(t1.status, 'open');
    assert.equal(t1.priority, 'high');
    assert.equal(t1.owner_id, sanne);
    assert.deepEqual(t1.tags, ['factuur', 'terugbetaling-nodig']);
    assert.equal(t1.created_at.toISOString(), '2025-01-06T08:00:00.000Z');
    assert.equal(t1.last_contact_at.toISOString(), '2025-01-08T15:30:00.000Z');
    assert.equal(t1.contact_count, 2);
    assert.equal(t1.language, 'nl');
    assert.deepEqual(t1.custom_fields, { contract: 'contract-42' });
    const msgs = await db.query<{ type: string; author_agent_id: string | null; created_at: Date; intake_notes: string[]; delivery_status: string | null }>(
      'SELECT type, author_agent_id, created_at, intake_notes, delivery_status FROM messages WHERE account_id = $1 AND case_id = $2 ORDER BY created_at', [acc.accountId, t1.id]);
    assert.deepEqual(msgs.map((m) => m.type), ['inbound', 'outbound', 'note', 'inbound']);
    assert.equal(msgs[1].author_agent_id, sanne);
    assert.equal(msgs[1].delivery_status, null, 'a reply from the past is not sent again');
    assert.match(msgs[0].intake_notes.join('\n'), /factuur-januari\.pdf.*https:\/\/voorbeeld\.zendesk\.com\/attachments/);
    const [cust] = await db.query<{ name: string; value: string }>(
      `SELECT c.name, i.value FROM customers c JOIN customer_identities i ON i.account_id = c.account_id AND i.customer_id = c.id WHERE c.account_id = $1 AND c.id = $2`, [acc.accountId, t1.customer_id]);
    assert.deepEqual(cust, { name: 'Anna de Vries', value: 'anna@klant.example' });
    const [org] = await db.query<{ name: string; customers: number; domains: string[] }>(
      `SELECT o.name, (SELECT count(*)::int FROM customers c WHERE c.account_id = o.account_id AND c.organisation_id = o.id) AS customers,
         (SELECT array_agg(domain) FROM organisation_domains d WHERE d.account_id = o.account_id AND d.organisation_id = o.id) AS domains
       FROM organisations o WHERE o.account_id = $1`, [acc.accountId]);
    assert.deepEqual(org, { name: 'Bakkerij De Vries', customers: 1, domains: ['bakkerijdevries.example'] }, 'Anna joins her organization');
    const [fields] = await db.query<{ custom_fields: object }>('SELECT custom_fields FROM customers WHERE account_id = $1 AND id = $2', [acc.accountId, t1.customer_id]);
    assert.deepEqual(fields.custom_fields, { klantnummer: 'K-1001' });

    const t2 = await caseOf('1002');
    assert.equal(t2.status, 'new', 'solved by an agent who is not in Luister: kept new, reported');
    assert.equal(t2.priority, 'urgent');
    assert.deepEqual(t2.tags, ['refund']);
    assert.equal(t2.channel, 'web');
    assert.equal((await caseOf('1003')).channel, 'phone');
    assert.equal((await caseOf('1005')).status, 'pending_us', 'hold waits on us');
    assert.equal(await caseOf('1004'), undefined);
    const after = await counts();
    assert.equal(after.jobs, 0, 'no mail queued, no analysis');
    assert.equal(after.customers, 3);
  });

  test('importing again changes nothing; a later export with one more comment adds only that comment', async () => {
    const before = await counts();
    const again = await importZendesk(db, systemActor(acc.accountId), SAMPLE);
    assert.equal(again.imported, 0);
    assert.equal(again.mapped['organisations matched by name'], 1);
    assert.equal(again.mapped['organisations created'], undefined);
    assert.equal(again.skipped['already imported (same Zendesk ticket and comments)'], 4);
    assert.deepEqual(await counts(), before);

    const dir = mkdtempSync(join(tmpdir(), 'luister-zendesk-'));
    try {
      cpSync(SAMPLE, dir, { recursive: true });
      const file = join(dir, 'ticket_comments/1005.json');
      const page = JSON.parse(readFileSync(file, 'utf8'));
      page.comments.push({ id: 8103, author_id: 101, body: 'Het werkt weer, dank u.', public: true, created_at: '2025-01-14T08:00:00Z' });
      writeFileSync(file, JSON.stringify(page));
      const later = await importZendesk(db, systemActor(acc.accountId), dir);
      assert.equal(later.imported, 1);
      assert.equal((await counts()).messages, before.messages + 1);
      const t5 = await caseOf('1005');
      assert.equal(t5.contact_count, 2);
      assert.equal(t5.last_contact_at.toISOString(), '2025-01-14T08:00:00.000Z');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a truncated or foreign export is refused with the file and line, nothing imported', async () => {
    const other = await newAccount(db, 'Kapot BV');
    const dir = mkdtempSync(join(tmpdir(), 'luister-zendesk-bad-'));
    try {
      cpSync(SAMPLE, dir, { recursive: true });
      const text = readFileSync(join(SAMPLE, 'tickets.json'), 'utf8');
      writeFileSync(join(dir, 'tickets.json'), text.slice(0, Math.floor(text.length / 2)));
      await assert.rejects(importZendesk(db, systemActor(other.accountId), dir), (err: Error & { code?: string }) => {
        assert.equal(err.code, 'import_file_invalid');
        assert.match(err.message, /^tickets\.json, line \d+: not valid JSON/);
        return true;
      });
      writeFileSync(join(dir, 'tickets.json'), JSON.stringify({ tickets: [{ id: 'abc', created_at: 'yesterday' }] }));
      await assert.rejects(importZendesk(db, systemActor(other.accountId), dir), /tickets\.json, record 1: id .*Zendesk export/);
      rmSync(join(dir, 'tickets.json'));
      await assert.rejects(importZendesk(db, systemActor(other.accountId), dir), /No tickets\.json/);
      // records of two Zendesk accounts (their urls name two subdomains): refused whole
      writeFileSync(join(dir, 'tickets.json'), JSON.stringify({ tickets: [
        { id: 1, url: 'https://eerste.zendesk.com/api/v2/tickets/1.json', requester_id: 101, created_at: '2025-01-01T00:00:00Z' },
        { id: 2, url: 'https://tweede.zendesk.com/api/v2/tickets/2.json', requester_id: 101, created_at: '2025-01-01T00:00:00Z' }] }));
      await assert.rejects(importZendesk(db, systemActor(other.accountId), dir), (err: Error & { code?: string }) => {
        assert.equal(err.code, 'import_foreign_reference');
        assert.match(err.message, /ticket 2 belongs to Zendesk account tweede/);
        return true;
      });
      assert.equal((await counts(other.accountId)).cases, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
