/**
 * Knowledge-base suggestion latency: `node bin/run-ts.mjs bench/kb-suggest.ts`
 *
 * Loads BENCH_ARTICLES (default 10,000) generated articles into a fresh PostgreSQL database
 * (luister_bench_kb, dropped at the end): 70% Dutch only, 20% Dutch and English, 10% English only,
 * each about a "topic" of six content words drawn from a vocabulary, the rest Zipf-distributed
 * everyday words. Then BENCH_CASES (default 200) cases arrive through the real intake
 * (receiveMessage), each with a customer message written around one article's topic (three or four
 * of its words among greetings and filler, plus a stray word of another topic).
 *
 * For every case it measures, one at a time, order alternated:
 *   suggest()  suggestArticles(): load the case and its latest inbound message, stem it, pick the
 *              telling terms (article_terms lookup), ranked GIN lookup, snippets — the API-level function;
 *   raw        the same ranked lookup (SUGGEST_SQL, same terms) as one SQL statement on its own connection.
 * It also reports how often the article the message was written from comes first / in the top 5.
 *
 * Dutch vocabulary: ../shared/data/dutch/snowball-dutch/dutch/voc.txt; a small built-in list when absent.
 * Env: BENCH_ARTICLES (10000), BENCH_CASES (200), BENCH_DATABASE_URL (maintenance db of the server,
 * default postgres://postgres@127.0.0.1:5432/postgres), BENCH_KEEP_DB=1 keeps the database.
 * Prints figures and ends with one `RESULT` line; never asserts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createAccount } from '../src/accounts/create-account.ts';
import { receiveMessage } from '../src/cases/receive-message.ts';
import { refreshArticleTerms } from '../src/knowledge/store.ts';
import { SUGGEST_SQL, suggestArticles, suggestParams } from '../src/knowledge/suggest-articles.ts';
import type { ArticleLanguage } from '../src/knowledge/types.ts';
import type { Actor } from '../src/shared/actor.ts';
import { openDb, type Db } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { rng } from './lib/random.ts';
import { admin, urlFor } from './lib/pg-admin.ts';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const CASES = Number(process.env.BENCH_CASES ?? 200);
const DB_NAME = 'luister_bench_kb';
const DUTCH_VOC = fileURLToPath(new URL('../../shared/data/dutch/snowball-dutch/dutch/voc.txt', import.meta.url));
const GOAL_P95_MS = 30;

// ------------------------------------------------------------------------------------- text generation

const rand = rng(20261124);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
/** Zipf (s≈1): P(k) ∝ 1/k over the list. */
const zipf = <T>(xs: readonly T[]) => xs[Math.min(xs.length - 1, Math.floor(Math.exp(rand() * Math.log(xs.length))) - 1)];

const DUTCH_COMMON = `de het een en van ik je u is niet dat die in op te met voor zijn er maar ook nog wel mijn uw bij naar om aan als
dan wat geen heb heeft hebben kan kunt wordt worden moet moeten zou kunnen graag even nu al weer waar hoe wanneer waarom
dit deze hier daar dus omdat want toch echt nog steeds alweer vandaag gisteren morgen week maand keer twee drie`.split(/\s+/);
const DUTCH_FALLBACK = `bestelling pakket levering bezorging factuur betaling terugbetaling bedrag rekening klantnummer storing modem wifi
verbinding monteur afspraak telefoon abonnement contract opzeggen verlengen tarief korting kosten retour retourneren ruilen
kapot beschadigd garantie vervangen reparatie klacht inloggen wachtwoord account website foutmelding adres verhuizing
meterstand energie stroom verwarming ketel lekkage schade verzekering polis declaratie vergoeding vertraging vlucht
reservering bagage koffer parkeren vergunning kenteken boete incasso aanmaning machtiging saldo tegoed kaart pas
pincode simkaart bundel roaming toestel scherm batterij oplader lader router decoder zender ontvanger antenne`.split(/\s+/);
const ENGLISH_COMMON = `the to and a of i you it is in that for my this have on be with not was your we are can but at so do if as or from
they will would what there about an all our no just get been has had out up when one more time how could like any also
some which them then than their here now still again because did does very got today yesterday week month twice`.split(/\s+/);
const ENGLISH_CONTENT = `order parcel delivery invoice payment refund amount account customer outage modem router wifi connection engineer
appointment phone subscription contract cancel renewal tariff discount cost return exchange broken damaged warranty replace
repair complaint login password website error address moving meter energy electricity heating boiler leak damage insurance
policy claim compensation delay flight booking luggage suitcase parking permit licence fine collection reminder mandate
balance credit card pin sim bundle roaming device screen battery charger decoder receiver antenna voucher coupon gift
shipping tracking label courier warehouse stock backorder preorder checkout basket coupon loyalty points membership
upgrade downgrade speed signal coverage mast fibre cable installation activation deactivation porting number transfer
statement direct debit overdraft mortgage loan interest savings deposit withdrawal transaction merchant chargeback dispute
fraud phishing scam identity verification passport document upload signature consent privacy deletion export request`.split(/\s+/);

function dutchContentWords(): { words: string[]; source: string } {
  if (!existsSync(DUTCH_VOC)) {
    console.log(`NOTE: ${DUTCH_VOC} not found; using a built-in Dutch vocabulary of ${DUTCH_FALLBACK.length} words.`);
    return { words: DUTCH_FALLBACK, source: 'built-in fallback' };
  }
  const common = new Set(DUTCH_COMMON);
  // plain words of 5+ letters; shuffled deterministically so topics are not alphabetical
  const words = readFileSync(DUTCH_VOC, 'utf8')
    .split(/\s+/)
    .filter((w) => /^[a-z]{5,14}$/.test(w) && !common.has(w))
    .map((w) => ({ w, k: rand() }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.w);
  return { words, source: `${DUTCH_VOC} (${words.length} words of 5–14 letters)` };
}

interface GenArticle {
  id: string;
  slug: string;
  tags: string[];
  /** topic words per language */
  topic: Partial<Record<ArticleLanguage, string[]>>;
  texts: Partial<Record<ArticleLanguage, { title: string; body: string }>>;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function sentence(common: string[], content: string[], topic: string[], n: number) {
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    words.push(r < 0.12 ? pick(topic) : r < 0.4 ? zipf(content) : zipf(common));
  }
  return `${cap(words.join(' '))}.`;
}

function generateArticles(nlContent: string[]): GenArticle[] {
  // topics draw from a pool so each content word is in a few dozen articles at most, like real jargon
  const nlPool = nlContent.slice(0, Math.min(nlContent.length, 6000));
  const enPool = ENGLISH_CONTENT;
  const out: GenArticle[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const r = rand();
    const langs: ArticleLanguage[] = r < 0.7 ? ['nl'] : r < 0.9 ? ['nl', 'en'] : ['en'];
    const a: GenArticle = { id: '', slug: `artikel-${i + 1}`, tags: [pick(['Betalen', 'Bezorging', 'Internet', 'Account', 'Retour', 'Energie', 'Reizen'])], topic: {}, texts: {} };
    for (const lang of langs) {
      const pool = lang === 'nl' ? nlPool : enPool;
      const topic = Array.from({ length: 6 }, () => pick(pool));
      const common = lang === 'nl' ? DUTCH_COMMON : ENGLISH_COMMON;
      const content = lang === 'nl' ? nlPool.slice(0, 800) : enPool;
      const title = cap(`${topic[0]} ${zipf(common)} ${topic[1]} ${topic[2]}`);
      const sentences = Array.from({ length: 6 + Math.floor(rand() * 10) }, () => sentence(common, content, topic, 8 + Math.floor(rand() * 12)));
      a.topic[lang] = topic;
      a.texts[lang] = { title, body: sentences.join(' ') };
    }
    out.push(a);
  }
  return out;
}

function customerMessage(target: GenArticle, lang: ArticleLanguage, stray: string[]): string {
  const topic = target.topic[lang]!;
  const common = lang === 'nl' ? DUTCH_COMMON : ENGLISH_COMMON;
  const words: string[] = [];
  const telling = [...topic].sort(() => rand() - 0.5).slice(0, 3 + Math.floor(rand() * 2));
  for (let i = 0; i < 20 + Math.floor(rand() * 25); i++) words.push(zipf(common));
  for (const w of [...telling, pick(stray)]) words.splice(Math.floor(rand() * words.length), 0, w);
  return lang === 'nl'
    ? `Hallo,\n\n${cap(words.join(' '))}?\n\nMet vriendelijke groet,\n${pick(['Anna', 'Daan', 'Fatima', 'Bram'])}`
    : `Hi,\n\n${cap(words.join(' '))}?\n\nKind regards,\n${pick(['James', 'Olivia', 'Priya', 'Noah'])}`;
}

// ------------------------------------------------------------------------------------- helpers

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), max: s[s.length - 1], mean: s.reduce((a, b) => a + b, 0) / s.length };
};
const fmt = (x: number) => x.toFixed(2).padStart(8);
const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

async function loadArticles(db: Db, accountId: string, articles: GenArticle[]) {
  const BATCH = 1000;
  for (let i = 0; i < articles.length; i += BATCH) {
    const batch = articles.slice(i, i + BATCH);
    const rows = await db.query<{ id: string; slug: string }>(
      `INSERT INTO articles (account_id, slug, tags, visibility)
       SELECT $1, s, ARRAY[t], CASE WHEN n % 3 = 0 THEN 'internal' ELSE 'public' END
       FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS u(s, t, n) RETURNING id, slug`,
      [accountId, batch.map((a) => a.slug), batch.map((a) => a.tags[0])],
    );
    const idBySlug = new Map(rows.map((r) => [r.slug, r.id]));
    const t: { id: string[]; lang: string[]; title: string[]; body: string[] } = { id: [], lang: [], title: [], body: [] };
    for (const a of batch) {
      a.id = idBySlug.get(a.slug)!;
      for (const [lang, text] of Object.entries(a.texts)) {
        t.id.push(a.id);
        t.lang.push(lang);
        t.title.push(text!.title);
        t.body.push(text!.body);
      }
    }
    await db.query(
      `INSERT INTO article_translations (account_id, article_id, language, title, body)
       SELECT $1, i, l, ti, b FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) AS u(i, l, ti, b)`,
      [accountId, t.id, t.lang, t.title, t.body],
    );
  }
  // the use cases keep article_terms in step on every write; a bulk load recounts once
  await refreshArticleTerms(db, accountId);
}

// ------------------------------------------------------------------------------------- main

const dutch = dutchContentWords();
console.log(`Knowledge-base suggestion benchmark: ${ARTICLES} articles (70% nl, 20% nl+en, 10% en), ${CASES} cases, PostgreSQL`);
console.log(`Dutch vocabulary: ${dutch.source}; English: ${ENGLISH_CONTENT.length} built-in content words`);

await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
await admin(`CREATE DATABASE ${DB_NAME}`);
const url = urlFor(DB_NAME);
const db = await openDb({ databaseUrl: url, poolSize: 4 });
const raw = new pg.Client({ connectionString: url });
try {
  await migrate(db);
  await raw.connect();
  const acct = await createAccount(db, { name: 'Kennisbank BV', adminEmail: 'admin@kennisbank.example' });
  const accountId = acct.account.account_id;
  const actor: Actor = { accountId, type: 'agent', id: acct.admin.id, role: 'admin', agentId: acct.admin.id };

  const t0 = performance.now();
  const articles = generateArticles(dutch.words);
  console.log(`Generated ${articles.length} articles: ${secs(t0)}`);
  const t1 = performance.now();
  await loadArticles(db, accountId, articles);
  await db.query('VACUUM ANALYZE');
  const [size] = await db.query<{ translations: number; words: number; table: string; gin: string; terms: number }>(
    `SELECT count(*)::int AS translations, round(avg(array_length(regexp_split_to_array(body, ' '), 1)))::int AS words,
            pg_size_pretty(pg_total_relation_size('article_translations')) AS table,
            pg_size_pretty(pg_relation_size('article_translations_search')) AS gin,
            (SELECT count(*)::int FROM article_terms) AS terms
     FROM article_translations`,
  );
  console.log(`Loaded: ${size.translations} texts (~${size.words} words each), table ${size.table}, GIN ${size.gin}, ${size.terms} distinct terms: ${secs(t1)}`);

  // cases: a customer message written around one article's topic, in that article's language
  const t2 = performance.now();
  const cases: Array<{ id: string; target: string; lang: ArticleLanguage }> = [];
  for (let i = 0; i < CASES; i++) {
    const target = articles[Math.floor(rand() * articles.length)];
    const lang = pick(Object.keys(target.texts) as ArticleLanguage[]);
    const strayFrom = articles[Math.floor(rand() * articles.length)];
    const stray = strayFrom.topic[lang] ?? target.topic[lang]!;
    const received = await receiveMessage(db, actor, {
      customer: { email: `klant${i}@voorbeeld.nl`, name: `Klant ${i}` },
      subject: `Vraag ${i}`,
      body: customerMessage(target, lang, stray),
      channel: 'email',
      language: i % 4 === 0 ? undefined : lang, // a quarter without a given language: guessed from the text
    });
    cases.push({ id: received.case.id, target: target.id, lang });
  }
  console.log(`${CASES} cases received through receiveMessage(): ${secs(t2)}`);

  // Warm-up, and the terms each case's lookup uses (the raw query gets exactly the same)
  const params: unknown[][] = [];
  let top1 = 0;
  let top5 = 0;
  let empty = 0;
  let termCount = 0;
  for (const c of cases) {
    const s = await suggestArticles(db, accountId, c.id);
    const terms = s.terms.map((t) => ({ lexeme: t.term, weight: t.weight, tf: 1, df: 1 }));
    termCount += terms.length;
    params.push(suggestParams(accountId, s.language, terms));
    await raw.query(SUGGEST_SQL, params[params.length - 1]);
    if (!s.data.length) empty++;
    if (s.data[0]?.id === c.target) top1++;
    if (s.data.some((d) => d.id === c.target)) top5++;
  }
  console.log(`Quality: the article a message was written from is first for ${top1}/${CASES}, in the top 5 for ${top5}/${CASES}; ${empty} without suggestions; ${(termCount / CASES).toFixed(1)} terms per lookup on average`);

  const times = { suggest: [] as number[], raw: [] as number[] };
  const perCase: Array<{ suggest: number; raw: number }> = [];
  for (let i = 0; i < cases.length; i++) {
    const row = { suggest: 0, raw: 0 };
    const order = i % 2 === 0 ? (['suggest', 'raw'] as const) : (['raw', 'suggest'] as const);
    for (const v of order) {
      const t = performance.now();
      if (v === 'suggest') await suggestArticles(db, accountId, cases[i].id);
      else await raw.query(SUGGEST_SQL, params[i]);
      row[v] = performance.now() - t;
      times[v].push(row[v]);
    }
    perCase.push(row);
  }

  console.log('');
  console.log(`latency ms            p50      p95      p99      max     mean`);
  for (const v of ['suggest', 'raw'] as const) {
    const s = stats(times[v]);
    console.log(`${(v === 'suggest' ? 'suggestArticles()' : 'raw SQL').padEnd(18)}${fmt(s.p50)} ${fmt(s.p95)} ${fmt(s.p99)} ${fmt(s.max)} ${fmt(s.mean)}`);
  }

  const slowest = perCase.map((r, i) => ({ ...r, i })).sort((a, b) => b.suggest - a.suggest)[0];
  const plan = await raw.query(`EXPLAIN (ANALYZE, BUFFERS) ${SUGGEST_SQL}`, params[slowest.i]);
  console.log(`\nEXPLAIN ANALYZE of the ranked lookup for the slowest case (suggest ${slowest.suggest.toFixed(1)} ms, raw ${slowest.raw.toFixed(1)} ms):`);
  console.log(plan.rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n'));

  const api = stats(times.suggest);
  const base = stats(times.raw);
  console.log('');
  console.log(`baseline: SUGGEST_SQL alone (same terms, same ranking and snippets), one connection, no case/message loading or term choice`);
  console.log(`suggestArticles() p95 ${api.p95.toFixed(1)} ms (goal <= ${GOAL_P95_MS} ms: ${api.p95 <= GOAL_P95_MS ? 'met' : 'NOT met'}) vs raw p95 ${base.p95.toFixed(1)} ms`);
  console.log(`RESULT kb_suggest_p95 ${api.p95.toFixed(1)} ms baseline=${base.p95.toFixed(1)} ratio=${(api.p95 / base.p95).toFixed(2)}`);
} finally {
  await raw.end().catch(() => {});
  await db.close();
  if (process.env.BENCH_KEEP_DB === '1') console.log(`(kept database ${DB_NAME})`);
  else await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
}
