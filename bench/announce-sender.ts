/**
 * The child process of bench/announce.ts: the announcement sender as the worker runs it — the job
 * handler `announcement.send` (src/announcements/send-announcement.ts), called again and again until
 * the announcement is sent. Killed with SIGKILL by the parent in the middle, and started again.
 * Env: DATABASE_URL (or DATA_DIR for a PGlite directory), RELAY_URL, ACCOUNT_ID, ANNOUNCEMENT_ID.
 * Also used by tests/integration/announce-kill.test.ts.
 */
import { openDb } from '../src/storage/db.ts';
import { sendAnnouncementJob } from '../src/announcements/send-announcement.ts';
import type { JobRow } from '../src/storage/jobs.ts';

const db = await openDb({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR, poolSize: 4 });
const accountId = process.env.ACCOUNT_ID!;
const id = process.env.ANNOUNCEMENT_ID!;
const send = sendAnnouncementJob(process.env.RELAY_URL!);
const job = { id: 0, account_id: accountId, kind: 'announcement.send', payload: { announcement_id: id }, attempts: 1, max_attempts: 10 } as JobRow;
for (;;) {
  const [a] = await db.query<{ status: string }>('SELECT status FROM announcements WHERE account_id = $1 AND id = $2', [accountId, id]);
  if (a.status === 'sent') break;
  await send(db, job);
}
await db.close();
process.exit(0);
