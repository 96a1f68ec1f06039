import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Db } from '../../src/storage/db.ts';
import type { Actor } from '../../src/shared/actor.ts';
import { systemActor } from '../../src/shared/actor.ts';
import type { ImportSummary } from '../../src/imports/summary.ts';
import { importZendesk } from '../../src/imports/zendesk/import-zendesk.ts';
import { importZammad } from '../../src/imports/zammad/import-zammad.ts';
import { importChatwoot } from '../../src/imports/chatwoot/import-chatwoot.ts';
import { newAccount, testDb } from '../helpers.ts';
import { counts, setUpAccount } from '../helpdesk-import.ts';

// Issue 20, "an import resumes or rolls back per batch and says which", for the helpdesk sources whose own tests
// do not break a batch (Freshdesk's and the mail archive's do): the database refuses the second case of one account,
// the import stops at that batch and names it, the batch before it stays, and the run after resumes to the same
// result as an import that never failed.
type Importer = (db: Db, actor: Actor, dir: string, opts?: { batchSize?: number; dryRun?: boolean }) => Promise<ImportSummary>;
const SOURCES: [string, Importer][] = [['zendesk', importZendesk], ['zammad', importZammad], ['chatwoot', importChatwoot]];
const fixture = (source: string) => join(import.meta.dirname, '../fixtures/import', source);
const stored = async (db: Db, accountId: string) => {
  const { messages, cases, customers, tags, organisations, refs } = await counts(db, accountId);
  return { messages, cases, customers, tags, organisations, refs };
};

describe('a helpdesk import whose batch fails: rolled back whole, named, and resumed by running it again', () => {
  let db: Db;
  before(async () => { db = await testDb(); });
  after(() => db.close());

  for (const [source, run] of SOURCES) {
    test(`${source}: the failing batch is named and rolled back, the batch before it kept; again resumes to what a clean import stores`, async () => {
      const clean = await newAccount(db, `Schoon ${source}`);
      await setUpAccount(db, clean.accountId, []);
      const reference = await run(db, systemActor(clean.accountId), fixture(source), { batchSize: 1 });
      assert.equal(reference.batches.failed, null);
      const want = await stored(db, clean.accountId);
      assert.ok(want.cases >= 2, 'the sample has two cases or more');

      const acc = await newAccount(db, `Hervat ${source}`);
      await setUpAccount(db, acc.accountId, []);
      const fn = `fail_${source}_${acc.accountId.replace(/-/g, '')}`;
      // this account's second case is refused (the test may share PostgreSQL with others: only this account)
      await db.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF NEW.account_id = '${acc.accountId}' AND (SELECT count(*) FROM cases WHERE account_id = NEW.account_id) >= 1
        THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`);
      await db.query(`CREATE TRIGGER ${fn} BEFORE INSERT ON cases FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
      let first: ImportSummary;
      try {
        first = await run(db, systemActor(acc.accountId), fixture(source), { batchSize: 1 });
      } finally {
        await db.query(`DROP TRIGGER ${fn} ON cases`);
        await db.query(`DROP FUNCTION ${fn}()`);
      }
      const failed = first.batches.failed;
      assert.ok(failed, 'the summary names the failed batch');
      assert.match(failed.error, /refused for the test/);
      assert.match(failed.items, /\S+ \S+–\S+/, `which items: ${failed.items}`);
      assert.ok(first.batches.committed >= 1, 'the batches before it are stored');
      assert.ok(first.notes.some((n) => new RegExp(`batch ${failed.batch} .*rolled back.*Run the import again to resume`).test(n)), first.notes.join('\n'));
      const half = await stored(db, acc.accountId);
      assert.equal(half.cases, 1, 'the failing batch left nothing, later batches were not tried');
      assert.ok(half.messages < want.messages);

      const resumed = await run(db, systemActor(acc.accountId), fixture(source), { batchSize: 1 });
      assert.equal(resumed.batches.failed, null);
      assert.equal(resumed.imported, reference.imported - 1, 'only what was not stored yet');
      assert.deepEqual(await stored(db, acc.accountId), want, 'the same as an import that never failed');
      const again = await run(db, systemActor(acc.accountId), fixture(source), { batchSize: 1 });
      assert.equal(again.imported, 0);
      assert.deepEqual(await stored(db, acc.accountId), want);
    });
  }
});
