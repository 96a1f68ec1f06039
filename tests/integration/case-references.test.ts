import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { openDb, type Db } from '../../src/storage/db.ts';
import { listMigrations, migrate } from '../../src/storage/migrate.ts';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

/**
 * Security review (issue 13): case references (LU-1042) are counted per account, so one tenant
 * cannot learn another's volume from the gaps between its own references.
 */

let ctx: TestContext;
before(async () => {
  ctx = await testApp();
});
after(() => ctx.close());

async function openCase(acc: TestAccount, body = 'Mijn factuur klopt niet') {
  const res = await ctx.app.inject({
    method: 'POST', url: '/api/v1/cases', headers: acc.auth,
    payload: { customer: { email: uniqueEmail() }, message: { body }, subject: `Vraag ${Math.random()}` },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; ref: string };
}

const num = (ref: string) => Number(ref.replace(/^LU-/, ''));

test('two new accounts each get their own first reference, and the next one follows on', async () => {
  const a = await newAccount(ctx.db, 'Referentie A');
  const b = await newAccount(ctx.db, 'Referentie B');
  const a1 = await openCase(a);
  const b1 = await openCase(b);
  const b2 = await openCase(b);
  const a2 = await openCase(a);
  assert.equal(a1.ref, 'LU-1001');
  assert.equal(b1.ref, 'LU-1001', "B's first case does not show how many A has");
  assert.equal(b2.ref, 'LU-1002');
  assert.equal(a2.ref, 'LU-1002', "A's numbers do not move when B opens cases");
  // the reference finds the account's own case
  const got = await ctx.app.inject({ method: 'GET', url: '/api/v1/cases/LU-1001', headers: b.auth });
  assert.equal(got.json().id, b1.id);
});

test('concurrent case creation gives unique references without gaps, per account', async () => {
  const a = await newAccount(ctx.db, 'Druk A');
  const b = await newAccount(ctx.db, 'Druk B');
  const made = await Promise.all(Array.from({ length: 24 }, (_, i) => openCase(i % 3 === 0 ? b : a, `Bericht ${i}`)));
  const refsA = made.filter((_, i) => i % 3 !== 0).map((c) => num(c.ref)).sort((x, y) => x - y);
  const refsB = made.filter((_, i) => i % 3 === 0).map((c) => num(c.ref)).sort((x, y) => x - y);
  assert.deepEqual(refsA, Array.from({ length: 16 }, (_, i) => 1001 + i));
  assert.deepEqual(refsB, Array.from({ length: 8 }, (_, i) => 1001 + i));
});

test('a case inserted with a number of its own (an import) moves the counter past it', async () => {
  const a = await newAccount(ctx.db, 'Import');
  const [cust] = await ctx.db.query<{ id: string }>(`INSERT INTO customers (account_id, name) VALUES ($1, 'Ria') RETURNING id`, [a.accountId]);
  await ctx.db.query(`INSERT INTO cases (account_id, customer_id, subject, subject_key, channel, number) VALUES ($1, $2, 'oud', 'oud', 'api', 5000)`, [a.accountId, cust.id]);
  assert.equal((await openCase(a)).ref, 'LU-5001');
});

/** A fresh database of its own: PostgreSQL when the suite runs on it, else an in-memory PGlite. */
async function freshDb(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const PG = process.env.DATABASE_URL;
  if (!PG) {
    const db = await openDb({});
    return { db, drop: () => db.close() };
  }
  const name = `luister_refs_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString(), poolSize: 4 });
  return {
    db,
    drop: async () => {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
}

test('upgrading keeps every existing reference, and each account counts on from its own highest', async () => {
  const { db, drop } = await freshDb();
  try {
    const all = listMigrations();
    await migrate(db, all.filter((m) => m.version < 18));
    const accounts: string[] = [];
    for (const name of ['Oud A', 'Oud B']) {
      const [row] = await db.query<{ account_id: string }>('INSERT INTO accounts (name) VALUES ($1) RETURNING account_id', [name]);
      accounts.push(row.account_id);
    }
    const customers = [];
    for (const acc of accounts) {
      customers.push((await db.query<{ id: string }>(`INSERT INTO customers (account_id, name) VALUES ($1, 'Klant') RETURNING id`, [acc]))[0].id);
    }
    // the old global sequence: A gets 1001, 1003, 1004; B gets 1002
    for (const i of [0, 1, 0, 0]) {
      await db.query(`INSERT INTO cases (account_id, customer_id, subject, subject_key, channel) VALUES ($1, $2, 's', 's', 'api')`, [accounts[i], customers[i]]);
    }
    const refs = async (acc: string) => (await db.query<{ ref: string }>('SELECT ref FROM cases WHERE account_id = $1 ORDER BY number', [acc])).map((r) => r.ref);
    assert.deepEqual(await refs(accounts[0]), ['LU-1001', 'LU-1003', 'LU-1004']);
    await migrate(db, all);
    assert.deepEqual(await refs(accounts[0]), ['LU-1001', 'LU-1003', 'LU-1004'], 'existing references stay');
    assert.deepEqual(await refs(accounts[1]), ['LU-1002']);
    for (const i of [0, 1]) {
      await db.query(`INSERT INTO cases (account_id, customer_id, subject, subject_key, channel) VALUES ($1, $2, 's', 's', 'api')`, [accounts[i], customers[i]]);
    }
    assert.deepEqual(await refs(accounts[0]), ['LU-1001', 'LU-1003', 'LU-1004', 'LU-1005']);
    assert.deepEqual(await refs(accounts[1]), ['LU-1002', 'LU-1003']);
    // a third account, new after the upgrade, starts at the beginning
    const [c] = await db.query<{ account_id: string }>(`INSERT INTO accounts (name) VALUES ('Nieuw') RETURNING account_id`);
    const [cc] = await db.query<{ id: string }>(`INSERT INTO customers (account_id, name) VALUES ($1, 'Klant') RETURNING id`, [c.account_id]);
    await db.query(`INSERT INTO cases (account_id, customer_id, subject, subject_key, channel) VALUES ($1, $2, 's', 's', 'api')`, [c.account_id, cc.id]);
    assert.deepEqual(await refs(c.account_id), ['LU-1001']);
  } finally {
    await drop();
  }
});
