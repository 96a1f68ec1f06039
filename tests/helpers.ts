import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../src/config.ts';
import { createAccount } from '../src/accounts/create-account.ts';
import { buildApp } from '../src/http/app.ts';
import { openDb, type Db } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { migratedPglite } from './db-snapshot.ts';

/**
 * One database per test file: a fresh in-memory PGlite, or the PostgreSQL server in
 * DATABASE_URL (shared by all files; every test makes its own accounts, so they never meet).
 */
export async function testDb(): Promise<Db> {
  const db = process.env.DATABASE_URL
    ? await openDb({ databaseUrl: process.env.DATABASE_URL, poolSize: 5 })
    : await openDb({ pgliteLoad: await migratedPglite() });
  await migrate(db);
  return db;
}


export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0' }), ...overrides };
}

export interface TestAccount {
  accountId: string;
  adminId: string;
  token: string;
  auth: { authorization: string };
}

let n = 0;
export async function newAccount(db: Db, name = 'Testbedrijf'): Promise<TestAccount> {
  const created = await createAccount(db, {
    name: `${name} ${++n}`,
    adminEmail: `admin${n}.${Date.now()}@example.test`,
    adminPassword: 'correct horse battery staple',
  });
  return {
    accountId: created.account.account_id,
    adminId: created.admin.id,
    token: created.token,
    auth: { authorization: `Bearer ${created.token}` },
  };
}

export interface TestContext {
  db: Db;
  app: FastifyInstance;
  close: () => Promise<void>;
}

export async function testApp(config: Partial<Config> = {}): Promise<TestContext> {
  const db = await testDb();
  const app = await buildApp({ db, config: testConfig(config), logger: false, checkResponses: true });
  await app.ready();
  return {
    db,
    app,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

/** A unique e-mail address per call, so tests on a shared PostgreSQL never collide. */
let m = 0;
export const uniqueEmail = (local = 'klant') => `${local}.${process.pid}.${Date.now()}.${++m}@example.test`;

/**
 * Marks an inbox address verified, as an installation admin would (`luister inbox verify`): mail
 * to an unverified inbox is not routed, and tests about intake are not about verification.
 */
export async function verifyInbox(db: Db, accountId: string, address: string): Promise<void> {
  const { markInboxVerified } = await import('../src/intake/inboxes/verify-inbox.ts');
  await markInboxVerified(db, address, accountId);
}

/** Runs the job worker for one account until none of its jobs (but webhook deliveries) is waiting. */
export async function drainJobs(db: Db, accountId: string): Promise<void> {
  const { startWorker } = await import('../src/worker/runner.ts');
  const { jobHandlers } = await import('../src/worker/handlers.ts');
  const { default: pino } = await import('pino');
  const worker = startWorker(db, { handlers: jobHandlers(testConfig()), concurrency: 1, pollMs: 20, log: pino({ level: 'silent' }), accountIds: [accountId] });
  try {
    for (let i = 0; i < 500; i++) {
      const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE account_id = $1 AND status IN ('queued', 'running') AND kind <> 'webhook.deliver'`, [accountId]);
      if (n === 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('jobs did not finish');
  } finally {
    await worker.stop();
  }
}
