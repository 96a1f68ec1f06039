// Contact form throughput: form posts per second that end as committed cases (signed timestamp,
// honeypot, per-address limit, fields, the intake road, the acknowledgement mail queued), beside the
// API's own case creation (POST /api/v1/cases) in the same run, same process, embedded PGlite,
// sequential requests through Fastify's inject (no network). `--count N` (default 300).
import { buildApp } from '../src/http/app.ts';
import { setChannelSettings } from '../src/intake/doors/channel-settings.ts';
import { issueFormToken } from '../src/intake/form/form-token.ts';
import { systemActor } from '../src/shared/actor.ts';
import { newAccount, testConfig, testDb } from '../tests/helpers.ts';

const at = process.argv.indexOf('--count');
const N = at > 0 ? Number(process.argv[at + 1]) : 300;
const db = await testDb();
const app = await buildApp({ db, config: testConfig(), logger: false });
await app.ready();
const acc = await newAccount(db, 'Bench');
await setChannelSettings(db, systemActor(acc.accountId), { slug: 'bench-form', submissions_per_hour: 1000 });
const [{ form_secret }] = await db.query<{ form_secret: string }>('SELECT form_secret FROM channel_settings WHERE account_id = $1', [acc.accountId]);

async function timed(label: string, fn: (i: number) => Promise<number>): Promise<number> {
  for (let i = 0; i < 20; i++) await fn(-1 - i); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const status = await fn(i);
    if (status !== 200 && status !== 201) throw new Error(`${label}: HTTP ${status}`);
  }
  const perSecond = N / ((performance.now() - t0) / 1000);
  console.log(`${label}: ${N} in a row, ${perSecond.toFixed(0)} per second`);
  return perSecond;
}

const form = await timed('contact form POST → committed case', async (i) => (await app.inject({
  method: 'POST', url: '/contact/bench-form', remoteAddress: `10.0.${Math.floor((i + 100) / 250)}.${(i + 100) % 250}`,
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams({ t: issueFormToken(form_secret, acc.accountId, Date.now() - 10_000), lang: 'nl', website: '',
    name: `Klant ${i}`, email: `form${i}.${Date.now()}@example.test`, subject: `Vraag ${i}`, message: 'Mijn factuur klopt niet: ik betaal twee keer voor hetzelfde abonnement.' }).toString(),
})).statusCode);
const api = await timed('POST /api/v1/cases (API)', async (i) => (await app.inject({
  method: 'POST', url: '/api/v1/cases', headers: acc.auth,
  payload: { customer: { email: `api${i}.${Date.now()}@example.test`, name: `Klant ${i}` }, subject: `Vraag ${i}`, message: { body: 'Mijn factuur klopt niet: ik betaal twee keer voor hetzelfde abonnement.' } },
})).statusCode);
await app.close();
await db.close();
console.log(`RESULT form_cases_per_second ${form.toFixed(0)} /s baseline=${api.toFixed(0)} ratio=${(form / api).toFixed(2)}`);
