/**
 * Customer import on the embedded database, as the review found it (issue 13: a 238 KB dry run
 * stalled every request for 26 s): `node bin/run-ts.mjs bench/import.ts [--rows N]`
 *
 * A fresh PGlite (temporary folder), one account with 2,000 customers already in it, and a CSV of N
 * rows (default 4,000, about 240 KB; a tenth of them update existing customers). POSTs the file to
 * /api/v1/customers/import, first as a dry run, then for real, while another client asks /healthz
 * every 20 ms; prints each import's time and the slowest /healthz answer during it. The baseline in
 * the same run is the raw SQL a hand-written import needs at least: one INSERT … SELECT FROM unnest of
 * the same rows into customers. Ends with one RESULT line (the slowest /healthz during the real
 * import, against the raw insert's time); never asserts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccount } from '../src/accounts/create-account.ts';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/http/app.ts';
import { openDb } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const ROWS = arg('rows', 4000);
const dir = mkdtempSync(join(tmpdir(), 'luister-bench-import-'));
const db = await openDb({ dataDir: dir });
try {
  await migrate(db);
  const { account, token } = await createAccount(db, { name: 'Import', adminEmail: 'beheer@bench.example' });
  const auth = { authorization: `Bearer ${token}` };
  const existing = Array.from({ length: 2000 }, (_, i) => `klant${i}@bestaand.example`);
  await db.query(
    `WITH c AS (INSERT INTO customers (account_id, name) SELECT $1, 'Bestaand ' || n FROM generate_series(1, 2000) n RETURNING id, name)
     INSERT INTO customer_identities (account_id, customer_id, kind, value)
     SELECT $1, c.id, 'email', 'klant' || (split_part(c.name, ' ', 2)::int - 1) || '@bestaand.example' FROM c`,
    [account.account_id],
  );
  const lines = ['name,email,phone,segment,language,vulnerable'];
  for (let i = 0; i < ROWS; i++) {
    const email = i % 10 === 0 ? existing[(i / 10) % existing.length] : `nieuwe.klant.${i}@voorbeeld-${i % 97}.example`;
    lines.push(`Klant ${i} van der Achternaam,${email},,${i % 7 ? 'standard' : 'gold'},nl,${i % 13 ? 'nee' : 'ja'}`);
  }
  const csv = lines.join('\n');
  const app = await buildApp({ db, config: loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0', BODY_LIMIT: String(10 * 1024 * 1024) }), logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  async function importWhileProbing(dryRun: boolean) {
    let stop = false;
    let slowest = 0;
    const probe = (async () => {
      while (!stop) {
        const t = performance.now();
        await fetch(`${base}/healthz`).then((r) => r.text());
        slowest = Math.max(slowest, performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/customers/import`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ csv, dry_run: dryRun }),
    });
    const body = await res.json();
    const ms = performance.now() - t0;
    stop = true;
    await probe;
    return { ms, slowest, status: res.status, body };
  }

  console.log(`CSV: ${ROWS} rows, ${(csv.length / 1024).toFixed(0)} KB; 2,000 customers in the account; PGlite`);
  const dry = await importWhileProbing(true);
  console.log(`dry run  ${dry.ms.toFixed(0)} ms (HTTP ${dry.status}, ${JSON.stringify(dry.body).slice(0, 120)}); slowest /healthz meanwhile ${dry.slowest.toFixed(0)} ms`);
  const real = await importWhileProbing(false);
  console.log(`import   ${real.ms.toFixed(0)} ms (HTTP ${real.status}, ${JSON.stringify(real.body).slice(0, 120)}); slowest /healthz meanwhile ${real.slowest.toFixed(0)} ms`);
  await app.close();

  const names = lines.slice(1).map((l) => l.split(',')[0]);
  const t0 = performance.now();
  await db.query(`INSERT INTO customers (account_id, name) SELECT $1, n FROM unnest($2::text[]) n`, [account.account_id, names]);
  const raw = performance.now() - t0;
  console.log(`raw SQL  ${raw.toFixed(0)} ms (one INSERT … SELECT FROM unnest of the names)`);
  console.log(`RESULT import-healthz-stall ${real.slowest.toFixed(0)} ms baseline=${raw.toFixed(0)} ratio=${(real.slowest / raw).toFixed(2)}`);
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
