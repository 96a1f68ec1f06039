/**
 * Search latency: `node bin/run-ts.mjs bench/search.ts`
 *
 * Loads BENCH_MESSAGES (default 1,000,000) messages of generated Dutch (70%) and English (30%) text into a fresh
 * PostgreSQL database, spread over BENCH_CASES_N (default 50,000) cases of one account, generated server-side
 * (INSERT … SELECT over generate_series, words picked with a Zipf distribution from array parameters). Then
 * VACUUM ANALYZE, and measures the latency of the same few hundred 1–2 word queries through the API
 * (GET /api/v1/search, server in this process) and as a raw query on the same GIN index, one query at a time.
 *
 * Dutch vocabulary: ../shared/data/dutch/ (snowball-dutch/dutch/voc.txt, stopwords-iso-nl); a small built-in list when
 * that folder is absent. English: the built-in list below.
 *
 * Env: BENCH_MESSAGES (1000000), BENCH_CASES_N (50000), BENCH_QUERIES (300), BENCH_DATABASE_URL (maintenance db of the
 * server, default postgres://postgres@127.0.0.1:5432/postgres), BENCH_KEEP_DB=1 to keep luister_bench_search,
 * BENCH_REUSE_DB=1 to reuse a kept one (skips the load when it holds BENCH_MESSAGES messages; implies BENCH_KEEP_DB).
 * Prints figures and one `RESULT` line; never asserts.
 */
import http from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/http/app.ts';
import { openDb, type Db } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { createAccount } from '../src/accounts/create-account.ts';
import { createApiToken } from '../src/accounts/create-api-token.ts';
import { systemActor } from '../src/shared/actor.ts';
import { search } from '../src/cases/search.ts';
import { rng } from './lib/random.ts';
import { cpuSnap, TICK, type CpuSnap } from './lib/cpu.ts';
import { admin, urlFor } from './lib/pg-admin.ts';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const CASES = Math.min(Number(process.env.BENCH_CASES_N ?? 50_000), MESSAGES);
const CUSTOMERS = Math.max(1, Math.floor(CASES / 2));
const QUERIES = Number(process.env.BENCH_QUERIES ?? 300);
const DB_NAME = 'luister_bench_search';
const DUTCH_DIR = fileURLToPath(new URL('../../shared/data/dutch/', import.meta.url));

// ---------------------------------------------------------------------------------------------- vocabulary


// English, roughly in frequency order: function words first, then everyday and customer-service words.
const ENGLISH = `the to and a of i you it is in that for my this have on be with not was your we are can me but at
have so do if as or from they will would please what there about an all our no just get be been has had out up
when one more your time how could like know any also some which he she them then than their here now help need
thanks thank hi hello dear regards kind order account still again because did does very received got make
want back new first last day days week weeks month today yesterday tomorrow email phone call called number
problem issue question refund payment paid pay invoice bill charged money price cost delivery delivered package
parcel shipping tracking address customer service support team manager complaint cancel cancelled cancellation
subscription contract plan product item items return returned replacement broken damaged missing wrong working
work works error login password reset app website page online store shop card credit bank transfer date
information details update updated change changed send sent receive waiting wait still already never always
soon late asap urgent sorry unfortunately however sure really possible unable able try tried trying contact
reply response answer email emails message messages letter form request requested confirm confirmation code
reference case ticket status open closed solved resolved again twice double amount total discount offer
voucher coupon gift free extra fee fees charge charges late delay delayed lost found home office work internet
connection network signal slow down outage engineer appointment visit technician modem router wifi mobile
sim data minutes calls text roaming abroad holiday travel flight booking booked hotel room ticket tickets
seat seats train bus station airport luggage bag bags insurance claim policy cover covered damage accident car
repair garage meter reading energy gas electricity water heating boiler bill usage tariff rate direct debit
monthly annual yearly renew renewal expire expired expiry terms conditions warranty guarantee receipt proof
photo photos picture attached attachment file document documents copy sign signed signature name surname
address postcode street city country birthday birth date age child children family husband wife partner
mother father son daughter friend neighbour landlord tenant house flat apartment move moving moved keys door
window kitchen bathroom floor wall roof leak leaking water cold hot heat noise smell clean cleaning size colour
black white blue red green small large medium fit fits exchange swap upgrade downgrade speed fast quick quickly
slowly easy difficult hard simple clear unclear confusing disappointed angry frustrated happy satisfied unhappy
terrible awful great good bad poor excellent best worst fine okay ok wrong right correct incorrect mistake
fault blame responsible compensation goodwill gesture apology apologise escalate supervisor legal lawyer court
ombudsman regulator review stars rating feedback survey recommend social media twitter facebook post public`
  .split(/\s+/)
  .filter((w, i, a) => w && a.indexOf(w) === i);

// Used only when ../shared/data/dutch is absent.
const DUTCH_FALLBACK = `de het een en van ik je u is niet dat die in op te met voor zijn er maar ook nog wel mijn uw
bij naar om aan als dan wat geen heb heeft hebben kan kunt graag bedankt dank groet groeten vriendelijke beste
hallo goedemiddag bestelling pakket levering bezorging bezorgd ontvangen verzonden track trace factuur betaling
betaald betalen afgeschreven terugbetaling geld bedrag rekening klant klantnummer klantenservice medewerker
probleem storing internet modem wifi verbinding monteur afspraak telefoon mobiel abonnement contract opzeggen
opgezegd verlengen tarief korting kosten prijs retour retourneren ruilen kapot beschadigd defect garantie
vervangen reparatie klacht klachten boos teleurgesteld ontevreden tevreden snel langzaam vandaag gisteren
morgen week weken maand dagen wachten gewacht nog steeds alweer opnieuw mail gemaild gebeld bellen reactie
antwoord bericht brief formulier inloggen wachtwoord account app website fout foutmelding werkt werken
adres verhuizing verhuisd meterstand energie gas stroom water verwarming ketel lekkage schade verzekering
polis declaratie vergoeding auto trein vertraging vlucht geannuleerd hotel boeking reservering kaartje
tickets bagage koffer zoek kwijt gevonden nieuwe oude eerste laatste twee drie keer dubbel verkeerd juiste
onjuist fouten excuses compensatie leidinggevende ombudsman geschillencommissie advocaat recensie review
sterren`
  .split(/\s+/)
  .filter((w, i, a) => w && a.indexOf(w) === i);

interface Vocab {
  words: string[];
  /** words that make a usable query (no stopwords), in rank order */
  queryable: string[];
  source: string;
}

function dutchVocab(rand: () => number): Vocab {
  const voc = `${DUTCH_DIR}snowball-dutch/dutch/voc.txt`;
  const stop = `${DUTCH_DIR}stopwords-iso-nl/stopwords-nl.txt`;
  if (!existsSync(voc)) {
    console.log(`NOTE: ${DUTCH_DIR} not found; using the small built-in Dutch vocabulary (${DUTCH_FALLBACK.length} words).`);
    return { words: DUTCH_FALLBACK, queryable: DUTCH_FALLBACK.slice(60), source: 'built-in fallback' };
  }
  const stopwords = existsSync(stop) ? readFileSync(stop, 'utf8').split(/\s+/).filter(Boolean) : [];
  const stopSet = new Set(stopwords);
  const all = readFileSync(voc, 'utf8').split(/\s+/).filter((w) => w && /^\p{L}+$/u.test(w) && !stopSet.has(w));
  // Zipf ranks: stopwords first (the most frequent words of any Dutch text), then the vocabulary with shorter
  // words tending to rank higher (Zipf's law of abbreviation) plus noise, so frequency is not alphabetical.
  const ranked = all
    .map((w) => ({ w, k: w.length + rand() * 6 }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.w);
  const stopShuffled = stopwords.map((w) => ({ w, k: rand() })).sort((a, b) => a.k - b.k).map((x) => x.w);
  return {
    words: [...stopShuffled, ...ranked],
    queryable: ranked,
    source: `${DUTCH_DIR} (${all.length} words from snowball-dutch voc.txt + ${stopwords.length} stopwords)`,
  };
}

// ---------------------------------------------------------------------------------------------- CPU accounting

function cpuSince(a: CpuSnap, dbName: string | null): string {
  const b = cpuSnap(dbName);
  const wall = (b.t - a.t) / 1000;
  if (!a.busy || wall <= 0) return '';
  const all = (b.busy - a.busy) / TICK / wall;
  const self = (b.self - a.self) / wall;
  const pgc = (b.pg - a.pg) / TICK / wall;
  const other = Math.max(0, all - self - pgc);
  const pc = (x: number) => `${(x * 100).toFixed(0)}%`;
  return `CPU (100% = one core of ${cpus().length}): node ${pc(self)}, postgres ${pc(pgc)}, other ${pc(other)}` +
    (other > 0.25 ? '  <- other work on the machine; figures unreliable' : '');
}

// ---------------------------------------------------------------------------------------------- db helpers


const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : NaN;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), max: s[s.length - 1], mean: s.reduce((a, b) => a + b, 0) / s.length };
};
const fmt = (x: number) => x.toFixed(1).padStart(7);
const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------- load

/** Zipf (s≈1) pick from a text[] expression: floor(exp(U·ln N)) is log-uniform on [1, N), i.e. P(k) ∝ 1/k. */
const zipf = (arr: string) => `${arr}[least(cardinality(${arr}), floor(exp(random() * ln(cardinality(${arr}))))::int)]`;
const words = (arr: string, n: string) => `array_to_string(ARRAY(SELECT ${zipf(arr)} FROM generate_series(1, ${n})), ' ')`;

async function load(pool: pg.Pool, accountId: string, agentId: string, nl: string[], en: string[]) {
  const t0 = performance.now();
  const c = await pool.connect();
  try {
    // Bulk load without the two message indexes; rebuilt below with the same definitions as 0001_core.sql.
    await c.query('DROP INDEX messages_search; DROP INDEX messages_case');
    await c.query(
      `INSERT INTO customers (account_id, id, name, language, search_text, created_at)
       SELECT $1, md5('c' || g)::uuid, n.name, CASE WHEN g % 10 < 7 THEN 'nl' ELSE 'en' END,
              n.name || ' klant' || g || '@voorbeeld.nl klant' || g, now() - random() * interval '730 days'
       FROM generate_series(0, $2::int - 1) g,
            LATERAL (SELECT ($3::text[])[1 + g % cardinality($3::text[])] || ' ' || ($4::text[])[1 + (g / 7) % cardinality($4::text[])] AS name) n`,
      [accountId, CUSTOMERS, ['Anna', 'Daan', 'Sanne', 'Bram', 'Fatima', 'Mohamed', 'Lotte', 'Jeroen', 'Emma', 'Noah', 'Sarah', 'James', 'Olivia', 'Priya'],
        ['de Vries', 'Jansen', 'Bakker', 'El Amrani', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Smith', 'Brown', 'Patel', 'Mulder', 'Bos']],
    );
    await c.query(
      `INSERT INTO customer_identities (account_id, customer_id, kind, value)
       SELECT $1, md5('c' || g)::uuid, 'email', 'klant' || g || '@voorbeeld.nl' FROM generate_series(0, $2::int - 1) g`,
      [accountId, CUSTOMERS],
    );
    // case k: Dutch when k % 10 < 7; its messages share its language
    await c.query(
      `INSERT INTO cases (account_id, id, customer_id, subject, subject_key, status, owner_id, channel, language, search_config, created_at)
       SELECT $1, md5('k' || k)::uuid, md5('c' || (k % $3::int))::uuid, s.subject, lower(s.subject),
              CASE WHEN k % 3 = 0 THEN 'new' WHEN k % 3 = 1 THEN 'open' ELSE 'solved' END,
              CASE WHEN k % 3 = 0 THEN NULL ELSE $4::uuid END, 'email',
              CASE WHEN nl THEN 'nl' ELSE 'en' END, (CASE WHEN nl THEN 'dutch' ELSE 'english' END)::regconfig,
              now() - random() * interval '730 days'
       FROM generate_series(0, $2::int - 1) k,
            LATERAL (SELECT k % 10 < 7 AS nl) l,
            LATERAL (SELECT CASE WHEN l.nl THEN $5::text[] ELSE $6::text[] END AS w) v,
            LATERAL (SELECT ${words('v.w', '3 + (k % 5)')} AS subject) s`,
      [accountId, CASES, CUSTOMERS, agentId, nl, en],
    );
    console.log(`  ${CUSTOMERS} customers, ${CASES} cases: ${secs(t0)}`);
  } finally {
    c.release();
  }

  // messages in chunks, two connections at a time (2 cores)
  const CHUNK = 50_000;
  const chunks: Array<[number, number]> = [];
  for (let a = 0; a < MESSAGES; a += CHUNK) chunks.push([a, Math.min(MESSAGES, a + CHUNK) - 1]);
  let next = 0;
  let done = 0;
  const t1 = performance.now();
  await Promise.all(
    [0, 1].map(async () => {
      while (next < chunks.length) {
        const [a, b] = chunks[next++];
        await pool.query(
          `INSERT INTO messages (account_id, id, case_id, type, channel, author_agent_id, customer_id, body, language, search_config, created_at)
           SELECT $1, md5('m' || g)::uuid, md5('k' || k)::uuid, CASE WHEN out THEN 'outbound' ELSE 'inbound' END, 'email',
                  CASE WHEN out THEN $7::uuid END, CASE WHEN out THEN NULL ELSE md5('c' || (k % $6::int))::uuid END,
                  b.body, CASE WHEN nl THEN 'nl' ELSE 'en' END, (CASE WHEN nl THEN 'dutch' ELSE 'english' END)::regconfig,
                  now() - random() * interval '730 days'
           FROM generate_series($4::int, $5::int) g,
                LATERAL (SELECT g % $8::int AS k, g % 4 = 3 AS out) kk,
                LATERAL (SELECT kk.k % 10 < 7 AS nl) l,
                LATERAL (SELECT CASE WHEN l.nl THEN $2::text[] ELSE $3::text[] END AS w) v,
                LATERAL (SELECT ${words('v.w', '8 + (g::bigint * 7919) % 53')} AS body) b`,
          [accountId, nl, en, a, b, CUSTOMERS, agentId, CASES],
        );
        done += b - a + 1;
        if (chunks.length > 4 && next % 4 === 0) process.stdout.write(`  … ${done} messages (${secs(t1)})\r`);
      }
    }),
  );
  console.log(`  ${MESSAGES} messages: ${secs(t1)}                `);
  const t2 = performance.now();
  const ci = await pool.connect();
  try {
    await ci.query(`SET maintenance_work_mem = '1GB'`);
    await ci.query('CREATE INDEX messages_search ON messages USING gin (tsv)');
    await ci.query('CREATE INDEX messages_case ON messages (account_id, case_id, created_at)');
  } finally {
    ci.release();
  }
  console.log(`  indexes rebuilt: ${secs(t2)}`);
  const t3 = performance.now();
  await pool.query('VACUUM ANALYZE');
  console.log(`  VACUUM ANALYZE: ${secs(t3)}`);
}

// ---------------------------------------------------------------------------------------------- queries

type Freq = 'rare' | 'medium' | 'common';
interface Query {
  q: string;
  lang: 'nl' | 'en';
  freq: Freq;
  words: number;
  matches?: number;
}

/** Ranks (0-based, within the queryable list) per frequency class. */
function band(list: string[], freq: Freq): [number, number] {
  const n = list.length;
  if (freq === 'common') return [0, Math.max(1, Math.min(60, Math.floor(n * 0.1)))];
  if (freq === 'medium') return [Math.min(60, Math.floor(n * 0.1)), Math.max(Math.min(3000, Math.floor(n * 0.5)), Math.min(60, Math.floor(n * 0.1)) + 1)];
  return [Math.floor(n * 0.5), n];
}

function makeQueries(rand: () => number, nl: string[], en: string[]): Query[] {
  const out: Query[] = [];
  const classes: Freq[] = ['rare', 'medium', 'common'];
  const seen = new Set<string>();
  for (let i = 0; out.length < QUERIES && i < QUERIES * 20; i++) {
    const freq = classes[out.length % 3];
    const lang: 'nl' | 'en' = rand() < 0.7 ? 'nl' : 'en';
    const list = lang === 'nl' ? nl : en;
    const pick = (f: Freq) => {
      const [a, b] = band(list, f);
      return list[a + Math.floor(rand() * (b - a))];
    };
    const two = rand() < 0.4;
    // a second word from any class: "pakket vertraagd", "refund order"
    const q = two ? `${pick(freq)} ${pick(classes[Math.floor(rand() * 3)])}` : pick(freq);
    if (seen.has(q)) continue;
    seen.add(q);
    out.push({ q, lang, freq, words: two ? 2 : 1 });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- main

const rand = rng(20261124);
const dutch = dutchVocab(rand);
console.log(`Search benchmark: ${MESSAGES} messages over ${CASES} cases (${CUSTOMERS} customers), one account, 70% nl / 30% en`);
console.log(`Dutch vocabulary: ${dutch.source}`);
console.log(`load average before the run: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (${cpus().length} cores)`);
console.log(`English vocabulary: ${ENGLISH.length} built-in words; Zipf (s=1) word frequencies for both`);

const REUSE = process.env.BENCH_REUSE_DB === '1';
const KEEP = REUSE || process.env.BENCH_KEEP_DB === '1';
let reusable = false;
if (REUSE) {
  const c = new pg.Client({ connectionString: urlFor(DB_NAME) });
  try {
    await c.connect();
    const { rows } = await c.query(`SELECT count(*)::int AS n FROM messages`);
    reusable = rows[0].n === MESSAGES;
  } catch {
    reusable = false;
  } finally {
    await c.end().catch(() => {});
  }
  console.log(reusable ? `Reusing ${DB_NAME} (${MESSAGES} messages)` : `${DB_NAME} not reusable; loading afresh`);
}
if (!reusable) {
  await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB_NAME}`);
}
const url = urlFor(DB_NAME);
const db = await openDb({ databaseUrl: url, poolSize: 10 });
const pool = new pg.Pool({ connectionString: url, max: 4 });
pool.on('error', () => {});
let app: Awaited<ReturnType<typeof buildApp>> | null = null;
try {
  await migrate(db);
  let accountId: string;
  let token: string;
  if (reusable) {
    [{ account_id: accountId }] = await db.query<{ account_id: string }>(`SELECT account_id FROM accounts WHERE name = 'Zoekbedrijf'`);
    ({ token } = await createApiToken(db, systemActor(accountId), { name: `bench ${Date.now()}`, role: 'admin' }));
  } else {
    const acct = await createAccount(db, { name: 'Zoekbedrijf', adminEmail: 'admin@zoekbedrijf.nl' });
    accountId = acct.account.account_id;
    token = acct.token;
    console.log('Loading (server-side INSERT … SELECT):');
    const tLoad = performance.now();
    await load(pool, accountId, acct.admin.id, dutch.words, ENGLISH);
    console.log(`  total load: ${secs(tLoad)}`);
  }
  const {
    rows: [size],
  } = await pool.query(
    `SELECT pg_size_pretty(pg_total_relation_size('messages')) AS messages, pg_size_pretty(pg_relation_size('messages_search')) AS gin,
            (SELECT round(avg(array_length(regexp_split_to_array(body, ' '), 1))) FROM messages TABLESAMPLE SYSTEM (1)) AS avg_words`,
  );
  console.log(`  messages table ${size.messages} (GIN index ${size.gin}), ~${size.avg_words} words per message`);

  // Queries: English stopwords and words the dictionaries drop are skipped (they would match nothing).
  const ENGLISH_STOP = new Set(
    (await pool.query<{ w: string }>(`SELECT w FROM unnest($1::text[]) w WHERE numnode(to_tsquery('english', quote_literal(w))) = 0`, [ENGLISH])).rows.map((r) => r.w),
  );
  const dutchDropped = new Set(
    (await pool.query<{ w: string }>(`SELECT w FROM unnest($1::text[]) w WHERE numnode(to_tsquery('dutch', quote_literal(w))) = 0`, [dutch.queryable.slice(0, 5000)])).rows.map((r) => r.w),
  );
  const queries = makeQueries(
    rng(7),
    dutch.queryable.filter((w) => !dutchDropped.has(w)),
    ENGLISH.filter((w) => !ENGLISH_STOP.has(w)),
  );

  // The baseline: the same matching semantics as the app (the query parsed with dutch, english and simple, OR-ed,
  // because rows are indexed with their own language's configuration), messages only, ranked, top 20, no snippets.
  const RAW = `SELECT id, ts_rank_cd(tsv, q) r
     FROM messages, (SELECT websearch_to_tsquery('dutch', $1) || websearch_to_tsquery('english', $1) || websearch_to_tsquery('simple', $1) AS q) x
     WHERE account_id = $2 AND tsv @@ q ORDER BY r DESC LIMIT 20`;
  // The brief's suggestion, one configuration only (finds fewer rows for English queries); printed for reference.
  const RAW_DUTCH = `SELECT id, ts_rank_cd(tsv, q) r FROM messages, websearch_to_tsquery('dutch', $1) q
     WHERE account_id = $2 AND tsv @@ q ORDER BY r DESC LIMIT 20`;

  // match counts per class (raw semantics), for context
  for (const qu of queries) {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM messages, (SELECT websearch_to_tsquery('dutch', $1) || websearch_to_tsquery('english', $1) || websearch_to_tsquery('simple', $1) AS q) x
       WHERE account_id = $2 AND tsv @@ q`,
      [qu.q, accountId],
    );
    qu.matches = rows[0].n;
  }
  for (const f of ['rare', 'medium', 'common'] as Freq[]) {
    const m = queries.filter((x) => x.freq === f).map((x) => x.matches ?? 0).sort((a, b) => a - b);
    console.log(`  ${f.padEnd(6)} queries: ${m.length}, matching messages median ${pct(m, 50)}, p95 ${pct(m, 95)}, max ${m[m.length - 1]}`);
  }
  console.log(`  examples: ${queries.slice(0, 12).map((x) => `"${x.q}"`).join(', ')}`);

  app = await buildApp({ db, config: loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0' }), logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (q: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: `/api/v1/search?q=${encodeURIComponent(q)}&limit=20`, agent, headers: { authorization: `Bearer ${token}` } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => {
            if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 300)}`));
            resolve((JSON.parse(Buffer.concat(chunks).toString()) as { data: unknown[] }).data.length);
          });
        },
      );
      req.on('error', reject);
      req.end();
    });

  // one dedicated connection for the raw queries (the API has its own pool)
  const raw = await pool.connect();
  type Variant = 'api' | 'search()' | 'raw' | 'raw dutch';
  const run: Record<Variant, (q: string) => Promise<unknown>> = {
    api: get,
    'search()': (q) => search(db, accountId, { query: q, limit: 20 }),
    raw: (q) => raw.query(RAW, [q, accountId]),
    'raw dutch': (q) => raw.query(RAW_DUTCH, [q, accountId]),
  };
  const variants = Object.keys(run) as Variant[];
  const times: Record<Variant, number[]> = { api: [], 'search()': [], raw: [], 'raw dutch': [] };
  const perQuery: Array<Record<Variant, number>> = [];

  console.log(`Warm-up: every query once per variant`);
  for (const qu of queries) for (const v of variants) await run[v](qu.q);

  console.log(`Measuring ${queries.length} queries × ${variants.length} variants, one at a time, order rotated per query`);
  const snap = cpuSnap(DB_NAME);
  for (let i = 0; i < queries.length; i++) {
    const row = {} as Record<Variant, number>;
    for (let j = 0; j < variants.length; j++) {
      const v = variants[(i + j) % variants.length];
      const t = performance.now();
      await run[v](queries[i].q);
      row[v] = performance.now() - t;
      times[v].push(row[v]);
    }
    perQuery.push(row);
  }
  raw.release();
  agent.destroy();
  console.log(cpuSince(snap, DB_NAME));

  console.log('');
  console.log(`latency ms            p50     p95     p99     max    mean`);
  for (const v of variants) {
    const s = stats(times[v]);
    console.log(`${v.padEnd(16)} ${fmt(s.p50)} ${fmt(s.p95)} ${fmt(s.p99)} ${fmt(s.max)} ${fmt(s.mean)}`);
  }
  console.log(`by frequency class (p50 / p95 ms):`);
  for (const f of ['rare', 'medium', 'common'] as Freq[]) {
    const idx = queries.map((x, i) => (x.freq === f ? i : -1)).filter((i) => i >= 0);
    const cells = variants.map((v) => {
      const s = stats(idx.map((i) => perQuery[i][v]));
      return `${v} ${s.p50.toFixed(1)} / ${s.p95.toFixed(1)}`;
    });
    console.log(`  ${f.padEnd(7)} ${cells.join('   ')}`);
  }
  const slowest = queries
    .map((x, i) => ({ ...x, api: perQuery[i].api, raw: perQuery[i].raw }))
    .sort((a, b) => b.api - a.api)
    .slice(0, 5);
  console.log(`slowest API queries: ${slowest.map((s) => `"${s.q}" (${s.freq}, ${s.matches} matches) api ${s.api.toFixed(0)} ms / raw ${s.raw.toFixed(0)} ms`).join('; ')}`);

  // Where the time goes: EXPLAIN ANALYZE of the app's own SQL (captured from search()) for the slowest query.
  let captured: { sql: string; params: unknown[] } | null = null;
  const spy: Db = { ...db, query: async (sql, params) => ((captured = { sql, params: params ?? [] }), db.query(sql, params)) } as Db;
  await search(spy, accountId, { query: slowest[0].q, limit: 20 });
  if (captured) {
    const c = captured as { sql: string; params: unknown[] };
    const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${c.sql}`, c.params);
    console.log(`\nEXPLAIN ANALYZE, src/cases/search.ts query, q="${slowest[0].q}":`);
    console.log(plan.rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n'));
    const rawPlan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${RAW}`, [slowest[0].q, accountId]);
    console.log(`\nEXPLAIN ANALYZE, raw baseline, same q:`);
    console.log(rawPlan.rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n'));
  }

  const api = stats(times.api);
  const base = stats(times.raw);
  console.log('');
  console.log(`baseline: messages only, same OR-ed dutch|english|simple tsquery, ts_rank_cd, top 20, no snippets, no HTTP`);
  console.log(`API p95 ${api.p95.toFixed(1)} ms vs raw p95 ${base.p95.toFixed(1)} ms: ${(api.p95 / base.p95).toFixed(2)}× (goal <= 2×)`);
  console.log(`RESULT search_api_p95 ${api.p95.toFixed(1)} ms baseline=${base.p95.toFixed(1)} ratio=${(api.p95 / base.p95).toFixed(2)}`);
} finally {
  await app?.close();
  await pool.end();
  await db.close();
  if (KEEP) console.log(`(kept database ${DB_NAME})`);
  else await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
}
