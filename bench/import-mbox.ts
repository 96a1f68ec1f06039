/**
 * Mail-archive import (issue 20): `node bin/run-ts.mjs bench/import-mbox.ts [--messages N] [--engine pg|pglite] [--intake N]`
 *
 * 1. Generate an mbox of N messages (default 100,000) into a temporary file, streaming: Dutch and English customer
 *    mails in threads of 1–6 messages (a tenth of the replies name only their parent in In-Reply-To, no References),
 *    one in ten with an attachment (2–24 KB), body lines starting "From " (quoted ">From " as mboxrd does), all in
 *    shuffled order (a reply often comes before what it answers). Dates spread over 2024.
 * 2. Import it with `importMail` (src/imports/mail/import-mail.ts, what `luister import mbox FILE` runs) into a
 *    fresh account: messages per second over the whole import (both passes), and peak RSS sampled every 100 ms
 *    during the import (the process's RSS before it, for comparison: the generated file is never held in memory).
 * 3. Check: every message stored once; every generated thread in exactly one case, and no case holding two threads.
 * 4. Baseline in the same run: the e-mail intake's own parse-and-store rate (prepareInbound with the same parser,
 *    then group commit, storeBatch, as the SMTP listener stores, 8 mails in flight) on the first M messages of the
 *    same archive (default 5,000) into another account of the same database, with acknowledgements on as the
 *    product ships (inbox with acknowledge=true).
 *
 * Engine: PostgreSQL by default (a fresh database `luister_bench_import_mbox`, or BENCH_DB_NAME, on BENCH_DATABASE_URL's
 * server, dropped afterwards; BENCH_KEEP_DB=1 keeps it), `--engine pglite` a temporary data folder. `--archive FILE` writes
 * the archive there and keeps it; with `--archive-only` nothing else is done (e.g. to profile the import on it). Prints figures and one RESULT
 * line (import msg/s, baseline = intake msg/s); never asserts.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { systemActor } from '../src/shared/actor.ts';
import { importMail } from '../src/imports/mail/import-mail.ts';
import { splitMbox } from '../src/imports/mail/split-mbox.ts';
import { prepareInbound } from '../src/intake/receive-message.ts';
import { emailAdapter } from '../src/intake/channels/email/parse-email.ts';
import { groupCommit } from '../src/intake/group-commit.ts';
import { createInbox } from '../src/intake/inboxes/save-inbox.ts';
import { loadInbox } from '../src/intake/inboxes/store.ts';
import { newAccount, testConfig } from '../tests/helpers.ts';
import { admin, urlFor } from './lib/pg-admin.ts';
import { rng } from './lib/random.ts';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const N = Number(option('messages') ?? 100_000);
const M = Math.min(N, Number(option('intake') ?? 5_000));
const ENGINE = option('engine') ?? 'pg';
const DB_NAME = process.env.BENCH_DB_NAME ?? 'luister_bench_import_mbox';
const RUN = Date.now().toString(36);

// ------------------------------------------------------------------------------------------------ the archive

const NL = {
  subjects: ['Factuur klopt niet', 'Storing internet', 'Pakket niet ontvangen', 'Abonnement opzeggen', 'Dubbele afschrijving', 'Monteur niet gekomen', 'Wachtwoord vergeten', 'Verhuizing doorgeven'],
  lines: ['Goedemiddag,', 'Mijn factuur van deze maand is veel hoger dan normaal.', 'Ik heb al twee keer gebeld maar niemand belt terug.', 'Kunt u mij laten weten wanneer dit opgelost is?',
    'Het bedrag van € 49,95 is twee keer afgeschreven.', 'Sinds gisteren werkt de verbinding niet meer.', 'From mijn kant is alles geprobeerd, de modem is opnieuw opgestart.', 'Met vriendelijke groet,'],
};
const EN = {
  subjects: ['Invoice is wrong', 'Internet outage', 'Parcel not delivered', 'Cancel my subscription', 'Charged twice', 'Engineer did not show up', 'Cannot log in', 'Change of address'],
  lines: ['Hello,', 'My invoice this month is much higher than usual.', 'I called twice but nobody called me back.', 'Could you let me know when this will be fixed?',
    'The amount of £49.95 was taken twice.', 'Since yesterday the connection has stopped working.', 'From my side everything has been tried, I restarted the router.', 'Kind regards,'],
};

interface Thread { size: number; lang: 'nl' | 'en'; customer: number; start: number }

function planThreads(n: number, rand: () => number): Thread[] {
  const threads: Thread[] = [];
  let left = n;
  while (left > 0) {
    const size = Math.min(left, 1 + Math.floor(rand() * rand() * 6.99));
    threads.push({ size, lang: rand() < 0.6 ? 'nl' : 'en', customer: Math.floor(rand() * (n / 5)), start: Date.UTC(2024, 0, 1) + Math.floor(rand() * 340) * 86_400_000 });
    left -= size;
  }
  return threads;
}

const msgId = (t: number, p: number) => `t${t}.m${p}.${RUN}@bench.example`;

function message(threads: Thread[], t: number, p: number, rand: () => number): string {
  const th = threads[t];
  const words = th.lang === 'nl' ? NL : EN;
  const subject = `${p ? 'Re: ' : ''}${words.subjects[t % words.subjects.length]} (${t})`;
  const date = new Date(th.start + p * 3_600_000 * (3 + (t % 20)));
  const refs = p === 0 ? [] : rand() < 0.1 ? null : Array.from({ length: p }, (_, i) => msgId(t, i));
  const head = [
    `From: ${th.lang === 'nl' ? 'Klant' : 'Customer'} ${th.customer} <klant${th.customer}@${th.lang === 'nl' ? 'voorbeeld.nl' : 'example.com'}>`,
    'To: service@bedrijf.example',
    `Subject: ${subject}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${msgId(t, p)}>`,
    ...(p > 0 ? [`In-Reply-To: <${msgId(t, p - 1)}>`] : []),
    ...(refs?.length ? [`References: ${refs.map((r) => `<${r}>`).join(' ')}`] : []),
    'MIME-Version: 1.0',
  ];
  const lines = Array.from({ length: 3 + Math.floor(rand() * 5) }, () => words.lines[Math.floor(rand() * words.lines.length)]);
  const body = `${lines.join('\n')}\n${th.lang === 'nl' ? 'Klant' : 'Customer'} ${th.customer}\n`;
  if (rand() >= 0.1) return [...head, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', body].join('\n');
  const bytes = Buffer.alloc(2048 + Math.floor(rand() * 22_000), t % 251);
  Buffer.from('%PDF-1.4\n').copy(bytes);
  const b64 = bytes.toString('base64').replace(/.{76}/g, '$&\n');
  return [...head, 'Content-Type: multipart/mixed; boundary="b-bench"', '', '--b-bench', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', body,
    '--b-bench', 'Content-Type: application/pdf; name="bijlage.pdf"', 'Content-Disposition: attachment; filename="bijlage.pdf"', 'Content-Transfer-Encoding: base64', '', b64, '--b-bench--', ''].join('\n');
}

async function writeMbox(path: string, threads: Thread[]) {
  const order: number[] = [];
  threads.forEach((th, t) => {
    for (let p = 0; p < th.size; p++) order.push(t * 8 + p);
  });
  const shuffle = rng(7);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(shuffle() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const out = createWriteStream(path);
  const rand = rng(42);
  for (const k of order) {
    const text = message(threads, Math.floor(k / 8), k % 8, rand);
    const chunk = `From klant@bench.example Mon Jan  1 00:00:00 2024\n${text.replace(/^(>*From )/gm, '>$1')}\n`;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

// ------------------------------------------------------------------------------------------------ run

const rss = () => Math.round(process.memoryUsage().rss / 1_048_576);
function sampleRss() {
  let peak = rss();
  const timer = setInterval(() => (peak = Math.max(peak, rss())), 100);
  return { stop: () => (clearInterval(timer), Math.max(peak, rss())) };
}

const dir = mkdtempSync(join(tmpdir(), 'luister-bench-mbox-'));
let db: Db | null = null;
try {
  const threads = planThreads(N, rng(1));
  // --archive FILE: the archive is written there and kept (e.g. to profile the import on it alone)
  const file = option('archive') ?? join(dir, 'archive.mbox');
  let t = performance.now();
  await writeMbox(file, threads);
  if (argv.includes('--archive-only')) process.exit(0);
  const size = statSync(file).size;
  console.log(`archive: ${N.toLocaleString('en')} messages in ${threads.length.toLocaleString('en')} threads, ${(size / 1_048_576).toFixed(0)} MB, written in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  if (ENGINE === 'pglite') db = await openDb({ dataDir: join(dir, 'pglite') });
  else {
    await admin(`DROP DATABASE IF EXISTS ${DB_NAME}`);
    await admin(`CREATE DATABASE ${DB_NAME}`);
    db = await openDb({ databaseUrl: urlFor(DB_NAME), poolSize: 10 });
  }
  await migrate(db);
  const config = testConfig();
  const acc = await newAccount(db, 'Archief');
  const read = () => splitMbox(createReadStream(file, { highWaterMark: 256 * 1024 }), { maxBytes: config.SMTP_MAX_BYTES });

  // the import
  const before = rss();
  const peak = sampleRss();
  t = performance.now();
  let lastTenth = 0;
  const summary = await importMail(db, systemActor(acc.accountId), { kind: 'mbox', read }, config, {
    onProgress: (p) => {
      if (p.phase !== 'importing' || !p.total) return;
      const tenth = Math.floor((p.done / p.total) * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        console.log(`  ${tenth * 10}%  ${p.done.toLocaleString('en')} messages, ${Math.round(p.done / ((performance.now() - t) / 1000))}/s, RSS ${rss()} MB`);
      }
    },
  });
  const importSeconds = (performance.now() - t) / 1000;
  const peakRss = peak.stop();
  const importRate = summary.read / importSeconds;
  console.log(`import (${ENGINE}): ${summary.imported.toLocaleString('en')} stored, ${summary.cases.toLocaleString('en')} cases, in ${importSeconds.toFixed(1)} s = ${importRate.toFixed(0)} msg/s; `
    + `peak RSS ${peakRss} MB (${before} MB before); skipped ${JSON.stringify(summary.skipped)}; batch failed: ${summary.batches.failed ? JSON.stringify(summary.batches.failed) : 'none'}`);

  // threads rebuilt?
  const rows = await db.query<{ id: string; case_id: string }>('SELECT email_message_id AS id, case_id FROM messages WHERE account_id = $1', [acc.accountId]);
  const casesOfThread = new Map<number, Set<string>>();
  const threadsOfCase = new Map<string, Set<number>>();
  for (const r of rows) {
    const th = Number(/^t(\d+)\./.exec(r.id)?.[1]);
    if (!casesOfThread.has(th)) casesOfThread.set(th, new Set());
    casesOfThread.get(th)!.add(r.case_id);
    if (!threadsOfCase.has(r.case_id)) threadsOfCase.set(r.case_id, new Set());
    threadsOfCase.get(r.case_id)!.add(th);
  }
  const split = [...casesOfThread.values()].filter((s) => s.size > 1).length;
  const merged = [...threadsOfCase.values()].filter((s) => s.size > 1).length;
  console.log(`threads: ${casesOfThread.size.toLocaleString('en')} of ${threads.length.toLocaleString('en')} found, split over several cases: ${split}, cases holding several threads: ${merged}; messages stored ${rows.length.toLocaleString('en')} of ${N.toLocaleString('en')}`);

  // baseline: the intake's own parse-and-store on the first M messages of the same archive
  const other = await newAccount(db, 'Intake');
  const created = await createInbox(db, systemActor(other.accountId), { address: `service.${RUN}@intake.bench.example`, name: 'Intake' });
  const inbox = await loadInbox(db, other.accountId, created.id);
  const committer = groupCommit(db, config);
  const target = { accountId: other.accountId, inbox, to: inbox.address };
  t = performance.now();
  let n = 0;
  const inFlight = new Set<Promise<unknown>>();
  for await (const mail of read()) {
    if (n >= M) break;
    n++;
    const p = prepareInbound(emailAdapter, mail.raw!, target, config).then((prepared) => ('outcome' in prepared ? prepared : committer.store(prepared)));
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    if (inFlight.size >= 8) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const intakeRate = n / ((performance.now() - t) / 1000);
  const [{ acks }] = await db.query<{ acks: number }>(`SELECT count(*)::int AS acks FROM messages WHERE account_id = $1 AND automated = 'acknowledgement'`, [other.accountId]);
  console.log(`intake baseline (${ENGINE}): ${n.toLocaleString('en')} messages parsed and stored in ${((performance.now() - t) / 1000).toFixed(1)} s = ${intakeRate.toFixed(0)} msg/s (${acks} acknowledgements queued)`);

  console.log(`RESULT import-mbox ${importRate.toFixed(0)} msg/s baseline=${intakeRate.toFixed(0)} ratio=${(importRate / intakeRate).toFixed(2)}`);
} finally {
  await db?.close();
  if (ENGINE !== 'pglite' && !process.env.BENCH_KEEP_DB) await admin(`DROP DATABASE IF EXISTS ${DB_NAME}`).catch(() => {});
  rmSync(dir, { recursive: true, force: true });
}
