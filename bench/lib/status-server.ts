/**
 * A second server process for bench/status-page.ts on PostgreSQL: the same app on the same database
 * (DATABASE_URL), listening on a free port, which it prints as one line. Ends with its parent's stdin.
 */
import { buildApp } from '../../src/http/app.ts';
import { openDb } from '../../src/storage/db.ts';
import { testConfig } from '../../tests/helpers.ts';

const db = await openDb({ databaseUrl: process.env.DATABASE_URL!, poolSize: 5 });
const app = await buildApp({ db, config: testConfig(), logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
console.log((app.server.address() as { port: number }).port);
process.stdin.resume();
process.stdin.on('end', async () => {
  await app.close();
  await db.close();
  process.exit(0);
});
