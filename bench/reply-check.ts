/**
 * Reply-check latency: `node bin/run-ts.mjs bench/reply-check.ts`
 *
 * PostgreSQL, one account with BENCH_REPLIES (100,000) outbound replies of the last 30 days in the
 * mantra index (a few mantras sent to many customers, the rest personal replies from a vocabulary).
 * Measures `checkReply` (all eight pure checks + settings + customer + last inbound message + the
 * mantra lookup) on a ~2 KB draft, p50/p95 over BENCH_ROUNDS drafts, beside the raw SQL that fetches
 * the same mantra candidate rows in the same run.
 * Env: BENCH_REPLIES, BENCH_ROUNDS (300), BENCH_DATABASE_URL (maintenance db; default
 * postgres://postgres@127.0.0.1:5432/postgres). Creates and drops luister_bench_replies.
 */
import pg from 'pg';
import { openDb } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { createAccount } from '../src/accounts/create-account.ts';
import { receiveMessage } from '../src/cases/receive-message.ts';
import { systemActor } from '../src/shared/actor.ts';
import { checkReply } from '../src/replies/check-reply.ts';
import { bandKeys, minhash, shingles } from '../src/replies/minhash.ts';
import { mantraCandidates } from '../src/replies/mantra-index.ts';

const N = Number(process.env.BENCH_REPLIES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = 'luister_bench_replies';
const url = new URL(ADMIN_URL);
url.pathname = `/${DB}`;

const WORDS = `afspraak monteur factuur bedrag parkeren sessie app abonnement internet storing levering pakket bezorger
terugbetaling rekening week maandag dinsdag woensdag donderdag vrijdag ochtend middag contract prijs tarief korting
klantnummer adres verhuizing wachtwoord inloggen telefoon nummer modem router signaal zender zender televisie pakket
boeken bestelling faillissement curator incasso lidmaatschap contributie sportschool pas kaart melding onderzoek
collega afdeling planning dag uur tijd vandaag morgen nieuwe oude juiste verkeerde dubbele hoge lage snelle trage`.split(/\s+/);
const rnd = (n: number) => Math.floor(Math.random() * n);
const sentence = (len: number) => Array.from({ length: len }, () => WORDS[rnd(WORDS.length)]).join(' ');
const MANTRAS = [
  'Wij begrijpen dat de nieuwe naam even wennen is. Onze dienstverlening blijft precies hetzelfde en u hoeft zelf niets te doen.',
  'Bedankt voor uw bericht. Wij hebben uw klacht doorgestuurd naar de betreffende afdeling en zij nemen contact met u op.',
  'Onze excuses voor het ongemak. Er is momenteel een storing in uw regio, onze monteurs werken hard aan een oplossing.',
];

function reply(i: number): string {
  if (i % 10 === 0) return `Beste klant ${i},\n\n${MANTRAS[i % 3]}\n\nMet vriendelijke groet,\nTeam Klantenservice`;
  return `Beste ${WORDS[rnd(WORDS.length)]},\n\n${sentence(12)}. ${sentence(15)}. ${sentence(10)}.\n\nGroet,\nSanne`;
}

function draft(): string {
  // ~2 KB: a real, long reply
  const parts = ['Beste meneer De Vries,', '', 'Dank u wel voor uw melding, en het spijt me dat de app te veel heeft afgerekend.'];
  while (parts.join('\n').length < 1900) parts.push(`${sentence(14)}.`);
  parts.push('Ik heb het verschil vandaag teruggestort en bel u vrijdag voor 12:00.', '', 'Met vriendelijke groet,', 'Sanne de Wit');
  return parts.join('\n');
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function main() {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  const db = await openDb({ databaseUrl: url.toString(), poolSize: 4 });
  try {
    await migrate(db);
    const { account } = await createAccount(db, { name: 'Bench replies', adminEmail: 'bench@example.test' });
    const accountId = account.account_id;
    const sys = systemActor(accountId);
    const first = await receiveMessage(db, sys, { customer: { email: 'klant@example.test', name: 'Henk' }, subject: 'Te veel betaald', body: 'De app rekende te veel af!', channel: 'email' });
    const caseId = first.case.id;

    // bulk: one customer per reply, one case per 50 replies (each with an inbound message)
    console.log(`Loading ${N.toLocaleString()} replies into the mantra index…`);
    const t0 = performance.now();
    const BATCH = 2000;
    for (let start = 0; start < N; start += BATCH) {
      const n = Math.min(BATCH, N - start);
      const customers = await db.query<{ id: string }>(
        `INSERT INTO customers (account_id, name) SELECT $1, 'klant ' || g FROM generate_series(1, $2) g RETURNING id`,
        [accountId, n],
      );
      const bodies = Array.from({ length: n }, (_, j) => reply(start + j));
      const cases = await db.query<{ id: string }>(
        `INSERT INTO cases (account_id, customer_id, subject, subject_key, channel)
         SELECT $1, c, 'Vraag', 'vraag', 'email' FROM unnest($2::uuid[]) WITH ORDINALITY AS t(c, i) WHERE i % 50 = 1 RETURNING id`,
        [accountId, customers.map((c) => c.id)],
      );
      await db.query(
        `INSERT INTO messages (account_id, case_id, type, channel, body) SELECT $1, c, 'inbound', 'email', 'Ik heb een vraag over mijn factuur' FROM unnest($2::uuid[]) c`,
        [accountId, cases.map((c) => c.id)],
      );
      const msgs = await db.query<{ id: string }>(
        `INSERT INTO messages (account_id, case_id, type, channel, body, customer_id, created_at)
         SELECT $1, ($2::uuid[])[1 + ((i - 1) / 50)::int], 'outbound', 'email', b, c, now() - (random() * interval '29 days')
         FROM unnest($3::text[], $4::uuid[]) WITH ORDINALITY AS t(b, c, i) RETURNING id`,
        [accountId, cases.map((c) => c.id), bodies, customers.map((c) => c.id)],
      );
      const sigs = bodies.map((b) => minhash(shingles(b)));
      await db.query(
        `INSERT INTO reply_fingerprints (account_id, message_id, customer_id, signature, created_at)
         SELECT $1, m, c, (SELECT array_agg(x::int) FROM jsonb_array_elements_text(s) x), now() - (random() * interval '29 days')
         FROM unnest($2::uuid[], $3::uuid[], $4::jsonb[]) AS t(m, c, s)`,
        [accountId, msgs.map((m) => m.id), customers.map((c) => c.id), sigs.map((s) => JSON.stringify(s))],
      );
      const keyRows: [string, number][] = [];
      msgs.forEach((m, j) => bandKeys(sigs[j]).forEach((k) => keyRows.push([m.id, k])));
      await db.query(
        `INSERT INTO reply_bands (account_id, message_id, band_key) SELECT $1, m, k FROM unnest($2::uuid[], $3::bigint[]) AS t(m, k) ON CONFLICT DO NOTHING`,
        [accountId, keyRows.map((r) => r[0]), keyRows.map((r) => r[1])],
      );
    }
    await db.exec('ANALYZE');
    console.log(`  loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const c = { id: caseId, customer_id: first.customerId, language: 'nl' };
    const drafts = Array.from({ length: ROUNDS }, (_, i) => (i % 5 === 0 ? `Beste Eva,\n\n${MANTRAS[i % 3]}\n\nGroet,\nTeam` : draft()));
    for (const d of drafts.slice(0, 20)) await checkReply(db, accountId, c, d); // warm-up

    const api: number[] = [];
    const raw: number[] = [];
    let mantraHits = 0;
    for (const d of drafts) {
      const t = performance.now();
      const r = await checkReply(db, accountId, c, d);
      api.push(performance.now() - t);
      if (r.findings.some((f) => f.check === 'mantra')) mantraHits++;
      const keys = bandKeys(minhash(shingles(d)));
      const t2 = performance.now();
      // the same first page of candidate rows the mantra check reads
      await mantraCandidates(db, accountId, keys, 30, '00000000-0000-0000-0000-000000000000');
      raw.push(performance.now() - t2);
    }
    const [p50a, p95a, p50r, p95r] = [pct(api, 50), pct(api, 95), pct(raw, 50), pct(raw, 95)];
    console.log(`\nreplies in the index: ${N.toLocaleString()}, drafts checked: ${ROUNDS} (~2 KB personal drafts; every 5th a known mantra)`);
    console.log(`mantra findings on the mantra drafts: ${mantraHits} of ${Math.ceil(ROUNDS / 5)}`);
    console.log(`checkReply (all checks + mantra lookup)  p50 ${p50a.toFixed(2)} ms  p95 ${p95a.toFixed(2)} ms   (goal p95 <= 20 ms)`);
    console.log(`raw SQL candidate lookup                 p50 ${p50r.toFixed(2)} ms  p95 ${p95r.toFixed(2)} ms`);
    console.log(`RESULT reply_check_p95 ${p95a.toFixed(2)} ms baseline=${p95r.toFixed(2)} ratio=${(p95a / p95r).toFixed(2)}`);
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
