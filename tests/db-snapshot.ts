import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../src/storage/db.ts';
import { listMigrations, migrate } from '../src/storage/migrate.ts';

/**
 * A new PGlite runs initdb and then every migration: ~2 s of CPU (and on disk many fsyncs), paid
 * by every test file and every CLI test's first command. The first to need it dumps a migrated
 * database to the temp folder, named by the migrations' and PGlite's fingerprint (a changed
 * migration makes a new one); everything after starts from that copy.
 */
export function snapshotFile(): string {
  const hash = createHash('sha256').update(readFileSync(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url)));
  for (const m of listMigrations()) hash.update(`${m.version}\0${m.sql}\0`);
  return join(tmpdir(), `luister-test-db-${hash.digest('hex').slice(0, 16)}.tar`);
}

/** The migrated database as a tarball for `openDb({ pgliteLoad })`; made once per fingerprint. */
export async function migratedPglite(): Promise<Blob> {
  const file = snapshotFile();
  if (existsSync(file)) {
    try {
      return new Blob([readFileSync(file)]);
    } catch {
      // removed in between by another checkout's run (below): make it again
    }
  }
  const fresh = await openDb({});
  await migrate(fresh);
  const dump = await fresh.dumpDataDir!();
  await fresh.close();
  const part = `${file}.${process.pid}`;
  writeFileSync(part, Buffer.from(await dump.arrayBuffer()));
  renameSync(part, file); // whole or not at all: a test file running beside this one never reads half a dump
  // snapshots of older migrations (46 MB each) are not left to pile up in the temp folder
  for (const name of readdirSync(tmpdir())) {
    const other = join(tmpdir(), name);
    if (/^luister-test-db-[0-9a-f]{16}\.tar$/.test(name) && other !== file && Date.now() - statSync(other).mtimeMs > 3_600_000) rmSync(other, { force: true });
  }
  return dump;
}

// `node --import tsx tests/db-snapshot.ts`: makes the snapshot if needed and prints its path (tests/cli.ts)
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await migratedPglite();
  console.log(snapshotFile());
  process.exit(0);
}
