import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../src/storage/db.ts';
import { testDb } from '../helpers.ts';

/**
 * Sharding ready (issue 21, docs/scaling.md): Luister shards per account on Citus, with `account_id` as the distribution
 * column of every table. That holds only while every table carries account_id in its primary key, every unique index
 * includes it (Citus enforces uniqueness per shard only), and every foreign key includes it on both sides (co-located
 * tables join and cascade on one shard). This test reads the schema from the database after all migrations
 * (pg_catalog; the same on PGlite and PostgreSQL) and fails when a table, a unique index or a foreign key breaks that.
 * The exceptions are listed here, each with its reason: adding one is a design decision, to be written down in
 * docs/scaling.md as well.
 */

/**
 * Global tables: not distributed by account. On Citus they stay local tables on the coordinator (or become reference
 * tables, copied to every node). None of them may be referenced by a distributed table's foreign key.
 */
const GLOBAL_TABLES: Record<string, string> = {
  // the distribution table itself is NOT here: accounts has account_id as its primary key and is distributed like the rest
  schema_migrations: 'the migration ledger of the whole database; Citus propagates DDL from the coordinator',
  login_failures: 'sign-in throttle keyed by the e-mail and client address a caller sent, before any account is known',
  sweep_marks: 'how far each system sweep (promises.breach, promises.remind) has come; one row per sweep, all accounts',
  jobs:
    'the job queue: claimed across accounts by every worker (FOR UPDATE SKIP LOCKED needs one table on one node), and ' +
    'system jobs have no account (account_id NULL). On Citus it stays a local table on the coordinator; its foreign key ' +
    'to accounts is dropped there (a local table cannot reference a distributed one) — see docs/scaling.md',
};

/**
 * Reference tables: small, read-mostly, the same for every account, copied to every node on Citus; a distributed
 * table may reference them by a foreign key without account_id. There are none yet (every lookup table so far is
 * per account). A new one goes here with its reason.
 */
const REFERENCE_TABLES: Record<string, string> = {};

/**
 * Unique indexes without account_id on distributed tables: the lookups that find the account from something public
 * (an address, a slug, a secret in a link) before any account is known. Citus cannot enforce them across shards, so
 * on Citus each becomes a row in a routing table distributed by that key (or a reference table), written in the same
 * transaction; see docs/scaling.md "Lookups that find the account". To fix when Luister moves to Citus, not before:
 * on one PostgreSQL server a unique index is the simplest correct guard.
 */
// (Migration 0041 moved three secrets that are only looked up within their account — chat visitor tokens, status
// unsubscribe secrets, announcement reply tokens — to unique indexes with account_id; they are no longer here.)
const GLOBAL_UNIQUE_INDEXES: Record<string, string> = {
  inboxes_address_verified: 'SMTP routes a mail to the one account that verified its address, before it knows the account',
  accounts_help_slug_key: 'the public help centre at /help/<slug> finds its account by the slug',
  announcement_settings_status_slug_key: 'the public status page at /status/<slug> finds its account by the slug',
  channel_settings_slug_key: 'the public contact form and chat widget find their account by the slug',
  callback_bookings_manage_hash_key: "a customer's link to manage a callback carries only the secret (hashed here)",
};

interface TableRow { table: string; pk: string[] | null; account_id: boolean; account_not_null: boolean }
interface IndexRow { table: string; index: string; columns: number[]; account_attnum: number | null; primary: boolean }
interface FkRow { table: string; name: string; ref: string; cols: string[]; refcols: string[] }

async function readSchema(db: Db) {
  const tables = await db.query<TableRow>(
    `SELECT c.relname AS table,
       (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM pg_index i
          CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(att, ord)
          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.att
        WHERE i.indrelid = c.oid AND i.indisprimary) AS pk,
       EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'account_id' AND NOT a.attisdropped) AS account_id,
       coalesce((SELECT a.attnotnull FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'account_id' AND NOT a.attisdropped), false) AS account_not_null
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
     ORDER BY 1`,
  );
  const indexes = await db.query<IndexRow>(
    `SELECT t.relname AS table, ic.relname AS index, i.indisprimary AS primary,
       (SELECT array_agg(k.att::int ORDER BY k.ord) FROM unnest(i.indkey) WITH ORDINALITY k(att, ord)
        WHERE k.ord <= i.indnkeyatts) AS columns,
       (SELECT a.attnum::int FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'account_id' AND NOT a.attisdropped) AS account_attnum
     FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema() AND i.indisunique AND t.relkind IN ('r', 'p')
     ORDER BY 1, 2`,
  );
  const fks = await db.query<FkRow>(
    `SELECT t.relname AS table, con.conname AS name, r.relname AS ref,
       (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(att, ord)
          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.att) AS cols,
       (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(att, ord)
          JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.att) AS refcols
     FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE con.contype = 'f' AND n.nspname = current_schema()
     ORDER BY 1, 2`,
  );
  return { tables, indexes, fks };
}

const distributed = (table: string) => !(table in GLOBAL_TABLES) && !(table in REFERENCE_TABLES);

/** What breaks sharding by account_id, one line each; [] when the schema is shardable. */
function shardabilityProblems({ tables, indexes, fks }: Awaited<ReturnType<typeof readSchema>>): string[] {
  const problems: string[] = [];

  // 1. every distributed table: account_id NOT NULL and in its primary key (or, lacking that, in a unique index)
  for (const t of tables.filter((x) => distributed(x.table))) {
    if (!t.account_id) {
      problems.push(`${t.table}: no account_id column (distribute it by account, or list it as global/reference with a reason)`);
      continue;
    }
    if (!t.account_not_null) problems.push(`${t.table}: account_id may be NULL (the distribution column must be set)`);
    const inPk = t.pk?.includes('account_id') ?? false;
    const inUnique = indexes.some((i) => i.table === t.table && i.account_attnum !== null && i.columns.includes(i.account_attnum));
    if (!inPk && !inUnique) problems.push(`${t.table}: account_id is in neither its primary key (${t.pk?.join(', ') ?? 'none'}) nor a unique index`);
    else if (!inPk) problems.push(`${t.table}: account_id is not in its primary key (${t.pk?.join(', ') ?? 'none'}); Citus needs it there`);
  }

  // 2. every unique index of a distributed table includes account_id (Citus enforces uniqueness per shard only)
  for (const i of indexes.filter((x) => distributed(x.table) && !x.primary)) {
    const has = i.account_attnum !== null && i.columns.includes(i.account_attnum);
    if (!has && !(i.index in GLOBAL_UNIQUE_INDEXES)) {
      problems.push(`${i.table}: unique index ${i.index} lacks account_id (add it, or list it in GLOBAL_UNIQUE_INDEXES with the lookup it serves)`);
    }
  }

  // 3. every foreign key between distributed tables joins account_id to account_id (co-located: same shard)
  for (const f of fks) {
    if (!distributed(f.table)) continue; // global tables: see GLOBAL_TABLES (jobs → accounts is dropped on Citus)
    if (f.ref in GLOBAL_TABLES) {
      problems.push(`${f.table}: foreign key ${f.name} references the global table ${f.ref} (make ${f.ref} a reference table, or drop the key)`);
      continue;
    }
    if (f.ref in REFERENCE_TABLES) continue; // a distributed table may reference a reference table by any key
    const at = f.cols.indexOf('account_id');
    if (at < 0 || f.refcols[at] !== 'account_id') {
      problems.push(`${f.table}: foreign key ${f.name} (${f.cols.join(', ')}) → ${f.ref} (${f.refcols.join(', ')}) does not join account_id to account_id`);
    }
  }
  return problems;
}

test('the schema stays shardable by account_id (Citus): keys, unique indexes and foreign keys carry it', async () => {
  const db = await testDb();
  try {
    const schema = await readSchema(db);
    const names = new Set(schema.tables.map((t) => t.table));
    assert.ok(names.has('cases') && names.has('messages') && names.size > 50, `the schema was read (${names.size} tables)`);
    const problems = shardabilityProblems(schema);
    assert.deepEqual(problems, [], `not shardable by account_id:\n${problems.join('\n')}`);

    // the allow-lists stay true: every entry still exists (a stale exception would hide nothing, but mislead)
    for (const t of [...Object.keys(GLOBAL_TABLES), ...Object.keys(REFERENCE_TABLES)]) assert.ok(names.has(t), `allow-listed table ${t} no longer exists`);
    const indexNames = new Set(schema.indexes.map((i) => i.index));
    for (const i of Object.keys(GLOBAL_UNIQUE_INDEXES)) assert.ok(indexNames.has(i), `allow-listed unique index ${i} no longer exists`);
  } finally {
    await db.close();
  }
});

test('the check finds what breaks sharding: no account_id in a key, a unique index or a foreign key', async () => {
  // a positive control: tables that break each rule, created in a transaction that is rolled back
  const db = await testDb();
  const ROLLBACK = new Error('rollback');
  try {
    await db
      .transaction(async (tx) => {
        await tx.exec(`
          CREATE TABLE shard_probe_parent (account_id uuid NOT NULL, id uuid NOT NULL, code text, PRIMARY KEY (account_id, id));
          CREATE UNIQUE INDEX shard_probe_code ON shard_probe_parent (code);
          CREATE UNIQUE INDEX shard_probe_parent_id ON shard_probe_parent (id);
          CREATE TABLE shard_probe_nullable (id uuid PRIMARY KEY, account_id uuid);
          CREATE TABLE shard_probe_none (id uuid PRIMARY KEY);
          CREATE TABLE shard_probe_fk (account_id uuid NOT NULL, id uuid NOT NULL, parent_id uuid, PRIMARY KEY (account_id, id),
            FOREIGN KEY (parent_id) REFERENCES shard_probe_parent (id));
          CREATE TABLE shard_probe_good (account_id uuid NOT NULL, id uuid NOT NULL, parent_id uuid, PRIMARY KEY (account_id, id),
            FOREIGN KEY (account_id, parent_id) REFERENCES shard_probe_parent (account_id, id));`);
        const found = shardabilityProblems(await readSchema(tx)).filter((p) => p.startsWith('shard_probe'));
        assert.deepEqual(found.map((p) => p.split(' (')[0]).sort(), [
          'shard_probe_fk: foreign key shard_probe_fk_parent_id_fkey',
          'shard_probe_none: no account_id column',
          'shard_probe_nullable: account_id is in neither its primary key',
          'shard_probe_nullable: account_id may be NULL',
          'shard_probe_parent: unique index shard_probe_code lacks account_id',
          'shard_probe_parent: unique index shard_probe_parent_id lacks account_id',
        ], found.join('\n'));
        throw ROLLBACK;
      })
      .catch((err) => {
        if (err !== ROLLBACK) throw err;
      });
  } finally {
    await db.close();
  }
});
