/**
 * An announcement to N recipients (default 50,000) through a real local SMTP server, with the sender
 * killed once in the middle: `node bin/run-ts.mjs bench/announce.ts [--recipients N] [--kill-at K]`
 *
 * 1. A fresh PostgreSQL database (`luister_bench_announce`, dropped afterwards): schema, an account, an inbox,
 *    N customers with an e-mail address and a tag (one INSERT … SELECT), the send rate at its maximum
 *    (100,000 a minute), and one announcement to the tag scheduled with `scheduleAnnouncement`.
 * 2. A real SMTP server (the smtp-server package) in this process receives every mail and notes its
 *    Message-ID and recipient.
 * 3. The sender runs as a child process (bench/announce-sender.ts: the `announcement.send` job handler, as the
 *    worker runs it). After K (default N/2) mails received it gets SIGKILL; it is started again and finishes.
 * 4. Counted: mails received, distinct Message-IDs, recipients with more than one distinct message (a second,
 *    different mail: a real duplicate), SMTP resends of one Message-ID (the at most few mails in flight at the
 *    kill: accepted by the server, not yet marked sent; sent again with the same Message-ID, which receivers
 *    that deduplicate on it show once), and the recipient rows: sent = N?
 * 5. Baseline, same run, same SMTP server: N/5 mails from a bare nodemailer pooled transport, 5 in flight (what the
 *    sender does), no database.
 *
 * RESULT announce_msgs_per_s <rate while sending, restart excluded> baseline=<bare nodemailer> ratio.
 * Env: BENCH_DATABASE_URL (maintenance database), BENCH_KEEP_DB=1. Prints figures; never asserts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { openDb } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { systemActor } from '../src/shared/actor.ts';
import { createInbox } from '../src/intake/inboxes/save-inbox.ts';
import { scheduleAnnouncement } from '../src/announcements/schedule-announcement.ts';
import { newAccount } from '../tests/helpers.ts';
import { admin, urlFor } from './lib/pg-admin.ts';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const N = Number(option('recipients') ?? 50_000);
const KILL_AT = Number(option('kill-at') ?? Math.round(N / 2));
const DB = 'luister_bench_announce';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

console.log(`Announcement send with kill -9, ${new Date().toISOString()}, ${cpus().length} CPUs, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`Recipients: ${N}, kill after ${KILL_AT} received`);

// ---------------------------------------------------------------------------------------- the SMTP server
const received: { id: string; to: string }[] = [];
let onReceived = () => {};
const smtp = new SMTPServer({
  authOptional: true, disabledCommands: ['AUTH', 'STARTTLS'], logger: false, size: 1_000_000,
  onData(stream, session, cb) {
    let head = '';
    stream.on('data', (c: Buffer) => { if (head.length < 4096) head += c.toString('latin1'); });
    stream.on('end', () => {
      const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? '?';
      for (const r of session.envelope.rcptTo) received.push({ id, to: r.address });
      onReceived();
      cb();
    });
  },
});
await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
const smtpPort = (smtp.server.address() as { port: number }).port;
const relayUrl = `smtp://127.0.0.1:${smtpPort}?ignoreTLS=true`;

// ---------------------------------------------------------------------------------------- the baseline
let baseline = 0;
{
  const n = Math.max(100, Math.round(N / 5));
  const t = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true, pool: true });
  const start = performance.now();
  for (let i = 0; i < n; i += 5) {
    await Promise.all(Array.from({ length: Math.min(5, n - i) }, (_, k) => t.sendMail({
      from: 'service@bench.example', to: `base${i + k}@bench.example`, subject: 'Wij krijgen een nieuwe naam',
      text: 'Beste klant, vanaf de ingangsdatum heten wij Blauw. Vragen? Bel 088 123 45 67.', messageId: `<base${i + k}@bench.example>`,
    })));
  }
  baseline = n / ((performance.now() - start) / 1000);
  t.close();
  console.log(`Baseline: bare nodemailer, ${n} mails, 5 in flight: ${baseline.toFixed(0)} msg/s`);
  received.length = 0;
}

// ---------------------------------------------------------------------------------------- setup
await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
await admin(`CREATE DATABASE ${DB}`);
const databaseUrl = urlFor(DB);
const db = await openDb({ databaseUrl, poolSize: 2 });
await migrate(db);
const acc = await newAccount(db, 'Blauw Telecom');
const actor = { accountId: acc.accountId, type: 'agent' as const, id: acc.adminId, role: 'admin' as const, agentId: acc.adminId };
await createInbox(db, systemActor(acc.accountId), { address: 'klantenservice@blauw.example', name: 'Klantenservice Blauw' });
let t0 = performance.now();
await db.query(
  `WITH c AS (
     INSERT INTO customers (account_id, name, language, search_text)
     SELECT $1, 'Klant ' || g, CASE WHEN g % 4 = 0 THEN 'en' ELSE 'nl' END, 'klant' FROM generate_series(1, $2) g RETURNING id),
   n AS (SELECT id, row_number() OVER () AS g FROM c),
   i AS (INSERT INTO customer_identities (account_id, customer_id, kind, value) SELECT $1, id, 'email', 'klant' || g || '@ontvanger.example' FROM n)
   INSERT INTO customer_tags (account_id, customer_id, tag) SELECT $1, id, 'product:glasvezel' FROM n`,
  [acc.accountId, N],
);
await db.query(`INSERT INTO announcement_settings (account_id, send_per_minute, contact_route) VALUES ($1, 100000, '088 123 45 67')
  ON CONFLICT (account_id) DO UPDATE SET send_per_minute = 100000, contact_route = '088 123 45 67'`, [acc.accountId]);
console.log(`Seeded ${N} customers in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
t0 = performance.now();
const a = await scheduleAnnouncement(db, actor, {
  kind: 'rebranding', effectiveAt: new Date(Date.now() + 40 * 86_400_000), audience: { kind: 'tag', value: 'product:glasvezel' },
  content: {
    nl: { subject: 'Wij krijgen een nieuwe naam', body: 'Beste klant, vanaf de ingangsdatum heten wij Blauw. Uw abonnement, nummer en prijs blijven gelijk.', plain: 'Wij heten straks Blauw. Voor u verandert er niets.' },
    en: { subject: 'We are getting a new name', body: 'Dear customer, from the effective date we are called Blauw. Your plan, number and price stay the same.', plain: 'We will be called Blauw. Nothing changes for you.' },
  },
});
console.log(`Scheduled (audience of ${N} previewed and written as recipient rows) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// ---------------------------------------------------------------------------------------- send, kill, restart
function startSender(): ChildProcess {
  const child = spawn(process.execPath, [`${ROOT}bin/run-ts.mjs`, `${ROOT}bench/announce-sender.ts`], {
    cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DATABASE_URL: databaseUrl, RELAY_URL: relayUrl, ACCOUNT_ID: acc.accountId, ANNOUNCEMENT_ID: a.id, LOG_LEVEL: 'warn' },
  });
  return child;
}
const exited = (c: ChildProcess) => new Promise<number | null>((r) => c.once('exit', (code) => r(code)));

let firstAt = 0;
const start = performance.now();
let sender = startSender();
const killed = new Promise<void>((resolve) => {
  onReceived = () => {
    if (!firstAt) firstAt = performance.now();
    if (received.length >= KILL_AT) {
      onReceived = () => {};
      sender.kill('SIGKILL');
      resolve();
    }
  };
});
await killed;
await exited(sender);
const killAt = performance.now();
await sleep(300); // mails the server was still reading when the sender died
const atKill = received.length;
const [{ sending, sent }] = await db.query<{ sending: number; sent: number }>(
  `SELECT count(*) FILTER (WHERE state = 'sending')::int AS sending, count(*) FILTER (WHERE state = 'sent')::int AS sent FROM announcement_recipients WHERE account_id = $1 AND announcement_id = $2`,
  [acc.accountId, a.id]);
console.log(`Killed (SIGKILL) after ${atKill} mails received; recipient rows then: sent ${sent}, sending (claimed, not confirmed) ${sending}, received but not marked sent: ${atKill - sent}`);
const restartAt = performance.now();
sender = startSender();
const code = await exited(sender);
const end = performance.now();
await sleep(300);

// ---------------------------------------------------------------------------------------- count
const ids = new Map<string, number>();
const perRecipient = new Map<string, Set<string>>();
for (const r of received) {
  ids.set(r.id, (ids.get(r.id) ?? 0) + 1);
  let s = perRecipient.get(r.to);
  if (!s) perRecipient.set(r.to, (s = new Set()));
  s.add(r.id);
}
const resends = [...ids.values()].reduce((n, k) => n + (k - 1), 0);
const duplicates = [...perRecipient.values()].filter((s) => s.size > 1).length;
const [rows] = await db.query<{ sent: number; other: number; status: string }>(
  `SELECT count(*) FILTER (WHERE r.state = 'sent')::int AS sent, count(*) FILTER (WHERE r.state <> 'sent')::int AS other, a.status
   FROM announcement_recipients r JOIN announcements a ON a.account_id = r.account_id AND a.id = r.announcement_id
   WHERE r.account_id = $1 AND r.announcement_id = $2 GROUP BY a.status`, [acc.accountId, a.id]);
const sendingSeconds = (killAt - firstAt + end - restartAt) / 1000;
const rate = N / sendingSeconds;
console.log(`Second sender exited with ${code}; announcement ${rows.status}`);
console.log(`Received: ${received.length} SMTP deliveries, ${ids.size} distinct Message-IDs, ${perRecipient.size} recipients`);
console.log(`sent = recipients: ${rows.sent} = ${N} (${rows.sent === N ? 'yes' : 'NO'}), rows not sent: ${rows.other}`);
console.log(`Duplicates (a recipient with two different messages): ${duplicates}`);
console.log(`Resends of one Message-ID (in flight at the kill, sent again with the same Message-ID): ${resends}`);
console.log(`Time: ${((end - start) / 1000).toFixed(1)} s in all, sending ${sendingSeconds.toFixed(1)} s (first mail to kill + restart to done; the ${((restartAt - killAt) / 1000).toFixed(1)} s gap excluded, the second child's start-up included): ${rate.toFixed(0)} msg/s`);

await db.close();
smtp.close();
if (process.env.BENCH_KEEP_DB !== '1') await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
console.log(`RESULT announce_msgs_per_s ${rate.toFixed(0)} msg/s baseline=${baseline.toFixed(0)} ratio=${(rate / baseline).toFixed(2)}`);
process.exit(0);
