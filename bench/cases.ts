/**
 * Case intake throughput: `node bin/run-ts.mjs bench/cases.ts`
 *
 * 1. API on PostgreSQL: BENCH_CASES (default 20,000) `POST /api/v1/cases`, each a new customer (unique e-mail),
 *    16 concurrent keep-alive clients, server in this process (buildApp + listen on a free port).
 * 2. Raw SQL on PostgreSQL: the same rows the app writes (customer, customer_identity, case, message, the three
 *    audit rows and the analysis job) with plain parametrised INSERTs, one transaction per case, 16 pooled `pg`
 *    connections.
 * 3. API on PGlite in a temp data folder (the default deployment), same load, capped at BENCH_PGLITE_SECONDS.
 *    (buildApp only: no job worker runs, so the queued analysis jobs wait; this measures intake.)
 *
 * 1 and 2 run in BENCH_ROUNDS (default 4) alternating slices (API, raw, raw, API, …), each against its own fresh
 * database, so that a change in machine load during the run hits both alike (this is a shared 2-core machine).
 * Each path first gets a warm-up in a separate account. CPU use of node, PostgreSQL and "other" is printed per path.
 *
 * Env: BENCH_CASES (20000), BENCH_CONCURRENCY (16), BENCH_ROUNDS (4), BENCH_PGLITE_CASES (= BENCH_CASES),
 * BENCH_PGLITE_SECONDS (180),
 * BENCH_DATABASE_URL: the maintenance database of the PostgreSQL server to use
 * (default postgres://postgres@127.0.0.1:5432/postgres); the bench creates and drops its own databases there.
 * Prints figures and one `RESULT` line; never asserts.
 * BENCH_FILTERS=1 runs bench/case-filters.ts instead: the case list filtered by two custom fields and a tag.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/http/app.ts';
import { openDb, type Db } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { createAccount } from '../src/accounts/create-account.ts';
import { subjectKey } from '../src/cases/subject.ts';
import { guessLanguage, searchConfigFor } from '../src/text/language.ts';
import { ANALYSE_JOB } from '../src/listening/analyse-stored-message.ts';
import { cpuSnap, TICK, type CpuSnap } from './lib/cpu.ts';

// BENCH_FILTERS=1: the case list filtered by two custom fields and a tag instead (bench/case-filters.ts)
if (process.env.BENCH_FILTERS) {
  await (await import('./case-filters.ts')).benchCaseFilters();
  process.exit(0);
}

const N = Number(process.env.BENCH_CASES ?? 20_000);
const CONC = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PGLITE_N = Number(process.env.BENCH_PGLITE_CASES ?? N);
const PGLITE_SECONDS = Number(process.env.BENCH_PGLITE_SECONDS ?? 180);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 4));
const WARMUP = Math.min(500, Math.max(50, Math.floor(N / 20)));
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_API = 'luister_bench_cases';
const DB_RAW = 'luister_bench_cases_raw';

function urlFor(dbName: string) {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${dbName}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
const recreateDb = (name: string) =>
  admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
const dropDb = (name: string) => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

// ---------------------------------------------------------------------------------------------- workload

interface CaseInput {
  email: string;
  name: string;
  subject: string;
  body: string;
}

const FIRST = ['Anna', 'Daan', 'Sanne', 'Bram', 'Fatima', 'Mohamed', 'Lotte', 'Jeroen', 'Emma', 'Noah', 'Sarah', 'James', 'Olivia', 'Kevin', 'Priya', 'Thomas'];
const LAST = ['de Vries', 'Jansen', 'Bakker', 'El Amrani', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Smith', 'Brown', 'Patel', 'Wilson', 'Mulder', 'Bos'];
const NL: Array<(n: number, name: string) => [string, string]> = [
  (n, name) => [`Bestelling ${n} niet ontvangen`,
    `Hallo,\n\nIk heb op 3 november bestelling ${n} geplaatst en betaald, maar ik heb nog steeds niets ontvangen. ` +
    `Volgens de track-and-trace is het pakket al een week onderweg. Kunt u mij laten weten waar mijn pakket is en wanneer ik het kan verwachten? ` +
    `Ik heb het nodig voor een verjaardag.\n\nMet vriendelijke groet,\n${name}`],
  (n, name) => [`Dubbel afgeschreven voor factuur ${n}`,
    `Beste klantenservice,\n\nOp mijn bankafschrift zie ik dat factuur ${n} twee keer is afgeschreven. Dat is niet de bedoeling. ` +
    `Wilt u het tweede bedrag zo snel mogelijk terugstorten? Ik heb de afschriften als bijlage toegevoegd.\n\nGroeten,\n${name}`],
  (n, name) => [`Storing internet sinds gisteren (klantnummer ${n})`,
    `Goedemiddag,\n\nSinds gisteravond werkt mijn internet niet meer. Ik heb het modem al drie keer opnieuw opgestart maar het lampje blijft rood. ` +
    `Ik werk thuis en kan nu niet werken. Wanneer komt er een monteur?\n\n${name}`],
];
const EN: Array<(n: number, name: string) => [string, string]> = [
  (n, name) => [`Order ${n} has not arrived`,
    `Hello,\n\nI placed order ${n} on 3 November and paid for it, but it has still not arrived. The tracking page says the parcel ` +
    `has been on its way for a week. Could you please tell me where it is and when I can expect it? I need it for a birthday.\n\nKind regards,\n${name}`],
  (n, name) => [`Charged twice for invoice ${n}`,
    `Dear support team,\n\nMy bank statement shows that invoice ${n} was charged twice. That is not right. ` +
    `Please refund the second payment as soon as possible. I have attached the statements to this message.\n\nThanks,\n${name}`],
];

function makeInputs(n: number, tag: string): CaseInput[] {
  const out: CaseInput[] = [];
  for (let i = 0; i < n; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
    // 70% Dutch, 30% English
    const tpl = i % 10 < 7 ? NL[i % NL.length] : EN[i % EN.length];
    const [subject, body] = tpl(100_000 + i, name);
    out.push({ email: `klant.${tag}.${i}@voorbeeld.nl`, name, subject, body });
  }
  return out;
}


// ---------------------------------------------------------------------------------------------- CPU accounting

interface CpuUse { wall: number; self: number; pg: number; other: number }
function cpuSince(a: CpuSnap, dbName: string | null): CpuUse | undefined {
  const b = cpuSnap(dbName);
  const wall = (b.t - a.t) / 1000;
  if (!a.busy || wall <= 0) return undefined;
  const self = b.self - a.self;
  const pgs = (b.pg - a.pg) / TICK;
  return { wall, self, pg: pgs, other: Math.max(0, (b.busy - a.busy) / TICK - self - pgs) };
}
function cpuText(u: CpuUse | undefined, done: number): string {
  if (!u) return '';
  const pc = (x: number) => `${((x / u.wall) * 100).toFixed(0)}%`;
  const per = (x: number) => `${((x * 1000) / Math.max(1, done)).toFixed(2)}`;
  return `CPU (100% = one core of ${cpus().length}): node ${pc(u.self)}, postgres ${pc(u.pg)}, other ${pc(u.other)}; ` +
    `CPU per case: node ${per(u.self)} ms + postgres ${per(u.pg)} ms` +
    (u.other / u.wall > 0.25 ? '  <- other work on the machine; figures unreliable' : '');
}

// ---------------------------------------------------------------------------------------------- runner

interface RunStats {
  done: number;
  errors: number;
  seconds: number;
  rate: number;
  p50: number;
  p99: number;
  firstError?: string;
  cpu?: CpuUse;
  lat: number[];
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : NaN;

/** Runs `one` over the inputs with `conc` workers; stops taking new work after `budgetS` seconds. */
async function drive(
  inputs: CaseInput[], conc: number, one: (c: CaseInput) => Promise<void>, budgetS = Infinity, dbName: string | null = null,
): Promise<RunStats> {
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const lat: number[] = [];
  const snap = cpuSnap(dbName);
  const t0 = performance.now();
  const deadline = t0 + budgetS * 1000;
  await Promise.all(
    Array.from({ length: conc }, async () => {
      while (next < inputs.length && performance.now() < deadline) {
        const c = inputs[next++];
        const s = performance.now();
        try {
          await one(c);
          lat.push(performance.now() - s);
        } catch (err) {
          errors++;
          firstError ??= String((err as Error).message ?? err);
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  const cpu = cpuSince(snap, dbName);
  return { done: lat.length, errors, seconds, rate: lat.length / seconds, p50: pct(lat, 50), p99: pct(lat, 99), firstError, cpu, lat };
}

function merge(parts: RunStats[]): RunStats {
  const lat = parts.flatMap((p) => p.lat).sort((a, b) => a - b);
  const seconds = parts.reduce((a, p) => a + p.seconds, 0);
  const cpus_ = parts.map((p) => p.cpu).filter((c): c is CpuUse => !!c);
  const cpu = cpus_.length
    ? cpus_.reduce((a, c) => ({ wall: a.wall + c.wall, self: a.self + c.self, pg: a.pg + c.pg, other: a.other + c.other }))
    : undefined;
  return {
    done: lat.length,
    errors: parts.reduce((a, p) => a + p.errors, 0),
    seconds,
    rate: lat.length / seconds,
    p50: pct(lat, 50),
    p99: pct(lat, 99),
    firstError: parts.find((p) => p.firstError)?.firstError,
    cpu,
    lat,
  };
}

function report(label: string, s: RunStats) {
  console.log(
    `${label.padEnd(26)} ${String(s.done).padStart(6)} cases in ${s.seconds.toFixed(1).padStart(6)} s = ${s.rate.toFixed(0).padStart(5)} cases/s` +
      `   latency p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms` +
      (s.errors ? `   ERRORS ${s.errors} (first: ${s.firstError})` : ''),
  );
  if (s.cpu) console.log(`${''.padEnd(26)} ${cpuText(s.cpu, s.done)}`);
}

// ---------------------------------------------------------------------------------------------- API

const benchConfig = (extra: Record<string, string> = {}) =>
  loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0', ...extra });

async function startServer(db: Db): Promise<{ app: FastifyInstance; port: number }> {
  const app = await buildApp({ db, config: benchConfig(), logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  return { app, port: typeof addr === 'object' && addr ? addr.port : 0 };
}

function apiClient(port: number, token: string, conc: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: conc });
  const post = (c: CaseInput) =>
    new Promise<void>((resolve, reject) => {
      const payload = JSON.stringify({ customer: { email: c.email, name: c.name }, subject: c.subject, message: { body: c.body } });
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/cases',
          agent,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => {
            if (res.statusCode === 201) resolve();
            else reject(new Error(`HTTP ${res.statusCode}: ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`));
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  return { post, close: () => agent.destroy() };
}

interface Target {
  /** warm-up in a separate account, not measured */
  warm: () => Promise<void>;
  run: (inputs: CaseInput[], budgetS?: number) => Promise<RunStats>;
  /** rows stored for the measured account, as a check */
  stored: () => Promise<string>;
  close: () => Promise<void>;
}

async function apiTarget(db: Db, label: string, dbName: string | null): Promise<Target> {
  await migrate(db);
  const warm = await createAccount(db, { name: `${label} warm-up`, adminEmail: `warm.${Date.now()}@voorbeeld.nl` });
  const acct = await createAccount(db, { name: `${label} bench`, adminEmail: `bench.${Date.now()}@voorbeeld.nl` });
  const { app, port } = await startServer(db);
  const client = apiClient(port, acct.token, CONC);
  return {
    async warm() {
      const warmClient = apiClient(port, warm.token, CONC);
      await drive(makeInputs(WARMUP, `${label}-warm`), CONC, warmClient.post);
      warmClient.close();
    },
    run: (inputs, budgetS = Infinity) => drive(inputs, CONC, client.post, budgetS, dbName),
    async stored() {
      const [r] = await db.query<{ cases: number; messages: number; audit: number; jobs: number }>(
        `SELECT (SELECT count(*) FROM cases WHERE account_id = $1) AS cases,
                (SELECT count(*) FROM messages WHERE account_id = $1) AS messages,
                (SELECT count(*) FROM audit_log WHERE account_id = $1) AS audit,
                (SELECT count(*) FROM jobs WHERE account_id = $1) AS jobs`,
        [acct.account.account_id],
      );
      return `${r.cases} cases, ${r.messages} messages, ${r.audit} audit rows, ${r.jobs} jobs`;
    },
    async close() {
      client.close();
      await app.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------- raw SQL

/**
 * What receiveMessage writes for a first contact, as plain INSERTs: customer (with its search_text, which the app
 * fills with a follow-up UPDATE), identity, case, message, the audit rows customer.created, case.created and
 * message.inbound, and the queued analysis job for the message (listening). No reads (the app also looks up the identity and open cases, and authenticates the token),
 * no webhook outbox statement (it inserts nothing when no webhook is subscribed).
 */
async function rawTarget(url: string): Promise<Target> {
  const bootstrap = await openDb({ databaseUrl: url, poolSize: 2 });
  await migrate(bootstrap);
  const acct = await createAccount(bootstrap, { name: 'raw bench', adminEmail: `raw.${Date.now()}@voorbeeld.nl` });
  const warmAcct = await createAccount(bootstrap, { name: 'raw warm-up', adminEmail: `rawwarm.${Date.now()}@voorbeeld.nl` });
  const [tok] = await bootstrap.query<{ id: string }>('SELECT id FROM api_tokens WHERE account_id = $1', [acct.account.account_id]);
  const [warmTok] = await bootstrap.query<{ id: string }>('SELECT id FROM api_tokens WHERE account_id = $1', [warmAcct.account.account_id]);
  await bootstrap.close();

  const pool = new pg.Pool({ connectionString: url, max: CONC });
  pool.on('error', () => {});
  const audit = `INSERT INTO audit_log (account_id, actor_type, actor_id, action, entity_type, entity_id, before, after, request_id)
                 VALUES ($1, 'token', $2, $3, $4, $5, NULL, $6, $7)`;
  const one = (accountId: string, tokenId: string) => async (c: CaseInput) => {
    const client = await pool.connect();
    try {
      const requestId = randomUUID();
      const customerId = randomUUID();
      const email = c.email.toLowerCase();
      const language = guessLanguage(`${c.subject}\n${c.body}`);
      const searchText = `${c.name} ${email} ${email.split('@')[0].replace(/\./g, ' ')}`;
      await client.query('BEGIN');
      await client.query('INSERT INTO customers (account_id, id, name, language, search_text) VALUES ($1, $2, $3, $4, $5)', [
        accountId, customerId, c.name, language, searchText,
      ]);
      await client.query(`INSERT INTO customer_identities (account_id, customer_id, kind, value) VALUES ($1, $2, 'email', $3)`, [
        accountId, customerId, email,
      ]);
      await client.query(audit, [accountId, tokenId, 'customer.created', 'customer', customerId,
        JSON.stringify({ name: c.name, identities: [{ kind: 'email', value: email }] }), requestId]);
      const caseId = randomUUID();
      const { rows: [cs] } = await client.query<{ ref: string }>(
        `INSERT INTO cases (account_id, id, customer_id, subject, subject_key, channel, language, search_config)
         VALUES ($1, $2, $3, $4, $5, 'api', $6, $7) RETURNING ref`,
        [accountId, caseId, customerId, c.subject, subjectKey(c.subject), language, searchConfigFor(language)],
      );
      await client.query(audit, [accountId, tokenId, 'case.created', 'case', caseId,
        JSON.stringify({ ref: cs.ref, subject: c.subject, channel: 'api', customer_id: customerId }), requestId]);
      const messageId = randomUUID();
      await client.query(
        `INSERT INTO messages (account_id, id, case_id, type, channel, customer_id, body, language, search_config)
         VALUES ($1, $2, $3, 'inbound', 'api', $4, $5, $6, $7)`,
        [accountId, messageId, caseId, customerId, c.body, language, searchConfigFor(language)],
      );
      await client.query(audit, [accountId, tokenId, 'message.inbound', 'case', caseId,
        JSON.stringify({ message_id: messageId, type: 'inbound', channel: 'api' }), requestId]);
      await client.query(`INSERT INTO jobs (account_id, kind, payload) VALUES ($1, $2, $3)`, [
        accountId, ANALYSE_JOB, JSON.stringify({ message_id: messageId }),
      ]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  };
  return {
    async warm() {
      await drive(makeInputs(WARMUP, 'raw-warm'), CONC, one(warmAcct.account.account_id, warmTok.id));
    },
    run: (inputs) => drive(inputs, CONC, one(acct.account.account_id, tok.id), Infinity, DB_RAW),
    async stored() {
      const { rows: [r] } = await pool.query(
        `SELECT (SELECT count(*) FROM cases WHERE account_id = $1) AS cases,
                (SELECT count(*) FROM messages WHERE account_id = $1) AS messages,
                (SELECT count(*) FROM audit_log WHERE account_id = $1) AS audit,
                (SELECT count(*) FROM jobs WHERE account_id = $1) AS jobs`,
        [acct.account.account_id],
      );
      return `${r.cases} cases, ${r.messages} messages, ${r.audit} audit rows, ${r.jobs} jobs`;
    },
    close: () => pool.end(),
  };
}

// ---------------------------------------------------------------------------------------------- main

console.log(`Case intake benchmark: ${N} cases, ${CONC} concurrent clients, keep-alive (node:http Agent), warm-up ${WARMUP} cases each`);
console.log(`load average before the run: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (${cpus().length} cores)`);
console.log(`PostgreSQL: ${ADMIN_URL.replace(/\/[^/]*$/, '/')}{${DB_API},${DB_RAW}}; app pool size ${CONC} (PG_POOL_SIZE)`);

let api!: RunStats;
let raw!: RunStats;
await recreateDb(DB_API);
await recreateDb(DB_RAW);
try {
  const db = await openDb({ databaseUrl: urlFor(DB_API), poolSize: CONC });
  const apiT = await apiTarget(db, 'api-pg', DB_API);
  const rawT = await rawTarget(urlFor(DB_RAW));
  try {
    await apiT.warm();
    await rawT.warm();
    await db.query('CHECKPOINT');
    const apiInputs = makeInputs(N, 'api');
    const rawInputs = makeInputs(N, 'raw');
    const apiParts: RunStats[] = [];
    const rawParts: RunStats[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const [a, b] = [Math.floor((r * N) / ROUNDS), Math.floor(((r + 1) * N) / ROUNDS)];
      const steps: Array<() => Promise<void>> = [
        async () => void apiParts.push(await apiT.run(apiInputs.slice(a, b))),
        async () => void rawParts.push(await rawT.run(rawInputs.slice(a, b))),
      ];
      if (r % 2) steps.reverse();
      for (const step of steps) await step();
      const last = (x: RunStats[]) => x[x.length - 1];
      console.log(`  round ${r + 1}/${ROUNDS}: api ${last(apiParts).rate.toFixed(0)} cases/s, raw ${last(rawParts).rate.toFixed(0)} cases/s`);
    }
    api = merge(apiParts);
    raw = merge(rawParts);
    console.log(`  (api-pg stored ${await apiT.stored()}; raw stored ${await rawT.stored()})`);
  } finally {
    await apiT.close();
    await rawT.close();
    await db.close();
  }
} finally {
  await dropDb(DB_API);
  await dropDb(DB_RAW);
}

const dir = mkdtempSync(join(tmpdir(), 'luister-bench-cases-'));
let lite!: RunStats;
try {
  const db = await openDb({ dataDir: dir });
  const t = await apiTarget(db, 'api-pglite', null);
  try {
    await t.warm();
    lite = await t.run(makeInputs(PGLITE_N, 'pglite'), PGLITE_SECONDS);
    console.log(`  (api-pglite stored ${await t.stored()})`);
  } finally {
    await t.close();
    await db.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log('');
report('API on PostgreSQL', api);
report('raw SQL on PostgreSQL', raw);
report(`API on PGlite (data dir)`, lite);
if (lite.done < PGLITE_N) console.log(`  PGlite run stopped after the ${PGLITE_SECONDS} s budget: ${lite.done} of ${PGLITE_N} cases`);
const ratio = api.rate / raw.rate;
console.log(`API/raw on PostgreSQL: ${(ratio * 100).toFixed(0)}% (goal >= 40%)`);
console.log(`PGlite API: ${lite.rate.toFixed(0)} cases/s over ${lite.done} cases`);
console.log(`RESULT cases_api_pg ${api.rate.toFixed(0)} cases/s baseline=${raw.rate.toFixed(0)} ratio=${ratio.toFixed(2)}`);
