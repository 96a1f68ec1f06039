import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { createApiToken } from '../../src/accounts/create-api-token.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { newAccount, testApp, type TestAccount, type TestContext } from '../helpers.ts';

const SAMPLE = join(import.meta.dirname, '../fixtures/import/zendesk');
const run = `${process.pid}.${Date.now()}`;
const mbox = [1, 2, 3].map((n) => [
  'From archief@example Mon Jan  1 00:00:00 2025',
  `From: klant.${run}@voorbeeld.nl`,
  `Subject: ${n > 1 ? 'Re: ' : ''}Storing`,
  `Date: Mon, ${n} Jan 2025 09:00:00 +0100`,
  `Message-ID: <api${n}.${run}@archief.example>`,
  ...(n > 1 ? [`References: <api1.${run}@archief.example>`] : []),
  '',
  `Bericht ${n}.`,
  '',
].join('\n')).join('');

function zipFolder(dir: string): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files[`export/${relative(dir, p)}`] = readFileSync(p);
    }
  };
  walk(dir);
  return zipSync(files);
}

describe('imports through the API: an upload becomes a job whose progress is polled', () => {
  let ctx: TestContext;
  let acc: TestAccount;
  let agentAuth: { authorization: string };

  before(async () => {
    ctx = await testApp();
    acc = await newAccount(ctx.db, 'Upload BV');
    const agent = await createAgent(ctx.db, systemActor(acc.accountId), { email: `agent.${run}@upload.example`, name: 'Agent', role: 'agent' });
    const { token } = await createApiToken(ctx.db, systemActor(acc.accountId), { name: 'agent', role: 'agent', agentId: agent.id });
    agentAuth = { authorization: `Bearer ${token}` };
  });
  after(() => ctx.close());

  const upload = (source: string, payload: string | Buffer, opts: { dry?: boolean; type?: string; auth?: Record<string, string> } = {}) =>
    ctx.app.inject({
      method: 'POST', url: `/api/v1/imports?source=${source}${opts.dry ? '&dry_run=true' : ''}`,
      headers: { ...(opts.auth ?? acc.auth), 'content-type': opts.type ?? (source === 'mbox' ? 'application/mbox' : 'application/zip') }, payload,
    });
  async function finished(id: string, auth = acc.auth) {
    for (let i = 0; i < 300; i++) {
      const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: auth });
      assert.equal(res.statusCode, 200, res.body);
      const job = res.json();
      if (job.status === 'done' || job.status === 'failed') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the import did not finish');
  }
  const messages = async () => (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE account_id = $1', [acc.accountId]))[0].n;

  test('an mbox: dry run, then for real, then again with nothing changed', async () => {
    const dry = await upload('mbox', mbox, { dry: true });
    assert.equal(dry.statusCode, 202, dry.body);
    assert.equal(dry.json().status, 'queued');
    const dryJob = await finished(dry.json().id);
    assert.equal(dryJob.status, 'done', JSON.stringify(dryJob));
    assert.equal(dryJob.summary.imported, 3);
    assert.equal(dryJob.summary.dry_run, true);
    assert.equal(await messages(), 0);

    const real = await finished((await upload('mbox', mbox)).json().id);
    assert.equal(real.summary.imported, 3);
    assert.equal(real.summary.cases, 1);
    assert.equal(real.done, 3);
    assert.equal(real.total, 3);
    const again = await finished((await upload('mbox', mbox)).json().id);
    assert.equal(again.summary.imported, 0);
    assert.equal(await messages(), 3);

    const list = await ctx.app.inject({ method: 'GET', url: '/api/v1/imports', headers: acc.auth });
    assert.equal(list.json().data.length, 3);
    assert.ok(list.json().data.every((j: { status: string }) => j.status === 'done'));
  });

  test('an Idempotency-Key: the same upload sent twice is one job', async () => {
    const send = () => ctx.app.inject({ method: 'POST', url: '/api/v1/imports?source=mbox&dry_run=true',
      headers: { ...acc.auth, 'content-type': 'application/mbox', 'idempotency-key': `upload-${run}` }, payload: mbox });
    const first = await send();
    assert.equal(first.statusCode, 202, first.body);
    const second = await send();
    assert.equal(second.statusCode, 202, second.body);
    assert.equal(second.headers['idempotent-replayed'], 'true');
    assert.equal(second.json().id, first.json().id);
    await finished(first.json().id);
  });

  test('a Zendesk export as a ZIP', async () => {
    const job = await finished((await upload('zendesk', Buffer.from(zipFolder(SAMPLE)))).json().id);
    assert.equal(job.status, 'done', JSON.stringify(job));
    assert.equal(job.summary.imported, 4);
    assert.equal(job.summary.mapped['organisations created'], 1);
  });

  for (const [source, tickets] of [['freshdesk', 3], ['zammad', 3], ['chatwoot', 2]] as const) {
    test(`a ${source} export as a ZIP: dry run, then for real, with progress to the end`, async () => {
      const zip = Buffer.from(zipFolder(join(SAMPLE, `../${source}`)));
      const dry = await finished((await upload(source, zip, { dry: true })).json().id);
      assert.equal(dry.status, 'done', JSON.stringify(dry));
      assert.deepEqual([dry.source, dry.summary.dry_run, dry.summary.imported], [source, true, tickets]);
      const real = await finished((await upload(source, zip)).json().id);
      assert.deepEqual([real.summary.imported, real.done, real.total], [tickets, real.summary.read, real.summary.read]);
      assert.ok(real.summary.skipped_examples.length > 0, 'skipped with reasons');
    });
  }

  test('bad uploads are refused before a job is made; a truncated archive fails its job with the reason; agents may not import', async () => {
    const before = (await ctx.app.inject({ method: 'GET', url: '/api/v1/imports', headers: acc.auth })).json().data.length;
    const notMbox = await upload('mbox', 'Subject: hallo\n\nbody\n');
    assert.equal(notMbox.statusCode, 400);
    assert.equal(notMbox.json().error.code, 'import_file_invalid');
    const notZip = await upload('zendesk', '{"tickets": []}');
    assert.equal(notZip.statusCode, 400);
    assert.match(notZip.json().error.message, /ZIP/);
    const json = await ctx.app.inject({ method: 'POST', url: '/api/v1/imports?source=mbox', headers: acc.auth, payload: { file: 'x' } });
    assert.equal(json.statusCode, 415);
    const agent = await upload('mbox', mbox, { auth: agentAuth });
    assert.equal(agent.statusCode, 403);
    assert.match(agent.json().error.message, /imports\.run/);
    assert.equal((await ctx.app.inject({ method: 'GET', url: '/api/v1/imports', headers: acc.auth })).json().data.length, before, 'no job for a refused upload');

    const stored = await messages();
    const cut = `${mbox}From x Mon Jan  1 00:00:00 2025\nFrom: a@b.nl\nContent-Type: multipart/mixed; boundary="q"\n\n--q\n\nhalf`;
    const failed = await finished((await upload('mbox', cut)).json().id);
    assert.equal(failed.status, 'failed');
    assert.match(failed.error, /Message 4 .* is truncated/);
    assert.equal(await messages(), stored, 'nothing of it stored');
  });
});
