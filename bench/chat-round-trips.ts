/**
 * Database round trips per chat message, a figure the machine's load does not move:
 * `node bin/run-ts.mjs bench/chat-round-trips.ts [--chats 100] [--messages 4]`
 *
 * The real server (buildApp) on a fresh PostgreSQL database, its Db wrapped to count every
 * statement sent (a query, and BEGIN and COMMIT for each transaction). C chats are started (not
 * counted), then each sends M messages into its open conversation through the public chat API
 * (app.inject, the whole route: door, per-address limit, message): first one at a time (nothing
 * to share a transaction with), then all C×M at once (what arrives together is committed together).
 * Ends with one RESULT line: round trips per message at once, baseline = one at a time.
 */
import { createAccount } from '../src/accounts/create-account.ts';
import { buildApp } from '../src/http/app.ts';
import { loadConfig } from '../src/config.ts';
import { setChannelSettings } from '../src/intake/doors/channel-settings.ts';
import { systemActor } from '../src/shared/actor.ts';
import { type Db, openDb } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { admin, urlFor } from './lib/pg-admin.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const CHATS = arg('chats', 100);
const MESSAGES = arg('messages', 4);

let statements = 0;
const counted = (db: Db): Db => ({
  ...db,
  kind: db.kind,
  query: (sql, params) => {
    statements++;
    return db.query(sql, params);
  },
  exec: (sql) => {
    statements++;
    return db.exec(sql);
  },
  transaction: (fn) => {
    statements += 2; // BEGIN, COMMIT
    return db.transaction((tx) => fn(countedTx(tx)));
  },
  listen: (channel, fn) => db.listen(channel, fn),
  close: () => db.close(),
});
const countedTx = (tx: Db): Db => ({ ...counted(tx), transaction: (fn) => fn(countedTx(tx)) });

const name = `luister_bench_chat_rt_${process.pid}`;
await admin(`CREATE DATABASE ${name}`);
try {
  const raw = await openDb({ databaseUrl: urlFor(name), poolSize: 10 });
  await migrate(raw);
  const acc = await createAccount(raw, { name: 'Round trips', adminEmail: 'rt@example.test', adminPassword: 'een lang benchmark wachtwoord' });
  const accountId = acc.account.account_id;
  await setChannelSettings(raw, systemActor(accountId), { slug: 'bench-rt', submissions_per_hour: 1000 });
  const db = counted(raw);
  const app = await buildApp({ db, config: loadConfig({ ...process.env, DATABASE_URL: urlFor(name), LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0' }), logger: false });
  await app.ready();
  const send = async (body: string, clientId: string, token?: string) => {
    const r = await app.inject({ method: 'POST', url: '/api/public/v1/chat/bench-rt/messages', headers: token ? { 'x-luister-chat': token } : {},
      payload: { client_id: clientId, body, lang: 'nl' } });
    if (r.statusCode !== 200) throw new Error(`HTTP ${r.statusCode} ${r.body}`);
    return r.json() as { token: string };
  };
  const tokens: string[] = [];
  for (let i = 0; i < CHATS; i++) tokens.push((await send(`Hallo, bezoeker ${i} heeft een vraag.`, `rt-bench-${i}-start`)).token);

  statements = 0;
  for (let i = 0; i < CHATS; i++) await send('Nog een vraag, één voor één.', `rt-bench-${i}-one`, tokens[i]);
  const oneByOne = statements / CHATS;

  statements = 0;
  const t0 = performance.now();
  await Promise.all(tokens.flatMap((token, i) => Array.from({ length: MESSAGES }, (_, k) => send(`Bericht ${k}, allemaal tegelijk.`, `rt-bench-${i}-m${k}`, token))));
  const wall = performance.now() - t0;
  const together = statements / (CHATS * MESSAGES);
  const [{ n }] = await raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE account_id = $1`, [accountId]);
  console.log(`${CHATS} chats; stored messages ${n} (expected ${CHATS * (2 + MESSAGES)})`);
  console.log(`round trips per message into an open chat: one at a time ${oneByOne.toFixed(2)}, ${CHATS * MESSAGES} at once ${together.toFixed(2)} ` +
    `(${((CHATS * MESSAGES) / (wall / 1000)).toFixed(0)} messages/s in-process)`);
  await app.close();
  await raw.close();
  console.log(`RESULT chat_round_trips_per_message ${together.toFixed(2)} statements baseline=${oneByOne.toFixed(2)} ratio=${(together / oneByOne).toFixed(2)}`);
} finally {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
process.exit(0);
