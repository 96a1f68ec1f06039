import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../src/storage/db.ts';

export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

/**
 * `luister …` as an admin runs it, on a data folder of its own (PGlite), for the CLI tests:
 * `luister(...args)` runs one command; `json(result)` asserts it succeeded and parses what it printed;
 * `account(name)` and `agent(a, name)` make the account and the agent most tests start from.
 */
export function cliRunner(prefix: string, dataDir = mkdtempSync(join(tmpdir(), prefix)), extraEnv: Record<string, string> = {}) {
  seedDataDir(dataDir);
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...extraEnv };
  const luister = (...args: string[]): CliResult => {
    const res = spawnSync(process.execPath, ['bin/luister.mjs', ...args], { env, encoding: 'utf8', timeout: 300_000 });
    return { code: res.status, out: res.stdout, err: res.stderr };
  };
  const json = (r: CliResult) => {
    assert.equal(r.code, 0, r.err || r.out);
    return JSON.parse(r.out);
  };
  /** a new account: the `--account ID` arguments that act in it */
  const account = (name: string) => ['--account', json(luister('account', 'create', '--name', name, '--admin-email', `beheer.${process.pid}.${Date.now()}@example.test`)).account_id];
  /** a new agent in that account (role agent): their e-mail address */
  const agent = (a: string[], name: string) => {
    const email = `${name.toLowerCase()}.${process.pid}.${Date.now()}@example.test`;
    json(luister('agent', 'create', '--email', email, '--name', name, '--role', 'agent', ...a));
    return email;
  };
  /** The database the CLI uses, opened between commands (PGlite allows one process at a time). */
  async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    const db = await openDb({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir });
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  }
  return { dataDir, env, luister, json, account, agent, withDb };
}

/**
 * A new, empty PGlite data folder gets the migrated test database (tests/db-snapshot.ts) instead of
 * running initdb and every migration on disk in the first command; not on PostgreSQL.
 */
function seedDataDir(dataDir: string) {
  if (process.env.DATABASE_URL || (existsSync(dataDir) && readdirSync(dataDir).length > 0)) return;
  const made = spawnSync(process.execPath, ['--import', 'tsx', 'tests/db-snapshot.ts'], { encoding: 'utf8', timeout: 300_000 });
  const file = made.stdout?.trim();
  if (made.status !== 0 || !file) return; // the first command then makes the database itself
  mkdirSync(dataDir, { recursive: true });
  if (spawnSync('tar', ['-xf', file, '-C', dataDir]).status !== 0) {
    for (const name of readdirSync(dataDir)) rmSync(join(dataDir, name), { recursive: true, force: true });
  }
}
