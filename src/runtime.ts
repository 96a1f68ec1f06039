import type { Config } from './config.ts';
import { openDb, type Db } from './storage/db.ts';
import { acquireDataLock } from './storage/data-lock.ts';
import { migrate } from './storage/migrate.ts';

/**
 * Opens the configured database the way every entry point must: on PGlite under the data-folder
 * lock, migrations applied. Returns the db and a close function that also releases the lock.
 */
export async function openRuntime(config: Config, command: string, port?: number): Promise<{ db: Db; close: () => Promise<void> }> {
  const release = config.DATABASE_URL ? () => {} : acquireDataLock(config.DATA_DIR, { command, port });
  try {
    const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: config.PG_POOL_SIZE, pgliteOptimise: config.PGLITE_OPTIMISE });
    await migrate(db);
    return {
      db,
      close: async () => {
        await db.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
