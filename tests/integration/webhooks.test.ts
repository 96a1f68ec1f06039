import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import pino from 'pino';
import { newAccount, testApp, testConfig, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';
import { verifySignature } from '../../src/webhooks/sign.ts';
import { startWorker } from '../../src/worker/runner.ts';
import { jobHandlers } from '../../src/worker/handlers.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let ctx: TestContext;
let acc: TestAccount;
let receiver: Server;
let url: string;
const received: Received[] = [];
let failNext = 0;

before(async () => {
  ctx = await testApp();
  acc = await newAccount(ctx.db);
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (failNext > 0) {
        failNext--;
        res.writeHead(503).end('try later');
        return;
      }
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const addr = receiver.address();
  url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/hook`;
});
after(async () => {
  receiver.close();
  await ctx.close();
});

async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out waiting');
}

test('events are delivered signed, by the job worker, and retried with backoff after a failure', async () => {
  const created = await ctx.app.inject({
    method: 'POST', url: '/api/v1/webhooks', headers: acc.auth,
    payload: { url, events: ['case.created', 'message.created', 'case.transferred', 'case.updated'] },
  });
  assert.equal(created.statusCode, 201, created.body);
  const { id: webhookId, secret } = created.json();
  assert.match(secret, /^whsec_/);
  const listed = (await ctx.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: acc.auth })).json();
  assert.equal(listed.data[0].secret, undefined, 'the secret is shown once');

  failNext = 1;
  const worker = startWorker(ctx.db, { handlers: jobHandlers(testConfig()), concurrency: 2, pollMs: 50, log: pino({ level: 'silent' }), accountIds: [acc.accountId] });
  try {
    const c = await ctx.app.inject({
      method: 'POST', url: '/api/v1/cases', headers: acc.auth,
      payload: { customer: { email: uniqueEmail() }, subject: 'Webhook test', message: { body: 'Hallo' } },
    });
    assert.equal(c.statusCode, 201);
    // one of the two deliveries met the 503: it waits for its retry; let time pass for it
    const retrying = await waitFor(async () => {
      const rows = await ctx.db.query<{ id: number; attempts: number; last_error: string }>(
        `SELECT id, attempts, last_error FROM jobs WHERE account_id = $1 AND status = 'queued' AND attempts = 1`,
        [acc.accountId],
      );
      return rows[0];
    });
    assert.match(retrying.last_error, /503/);
    const [{ delay }] = await ctx.db.query<{ delay: number }>(
      'SELECT extract(epoch FROM run_at - now())::float8 AS delay FROM jobs WHERE id = $1', [retrying.id]);
    assert.ok(delay > 5 && delay < 15, `first retry after ~10 s, was ${delay}`);
    await ctx.db.query('UPDATE jobs SET run_at = now() WHERE id = $1', [retrying.id]);

    const got = await waitFor(async () => received.length >= 2 && received);
    const events = got.map((r) => JSON.parse(r.body).event).sort();
    assert.deepEqual(events, ['case.created', 'message.created']);
    for (const r of got) {
      const sig = r.headers['luister-signature'] as string;
      assert.ok(verifySignature(secret, r.body, sig, Math.floor(Date.now() / 1000)), 'signature verifies');
      assert.ok(!verifySignature('whsec_wrong', r.body, sig, Math.floor(Date.now() / 1000)));
      assert.equal(r.headers['luister-event'], JSON.parse(r.body).event);
    }
    const caseEvent = JSON.parse(got.find((r) => JSON.parse(r.body).event === 'case.created')!.body);
    assert.equal(caseEvent.data.id, c.json().id);

    // the receiver has answered; the worker records the outcome right after
    const deliveries = await waitFor(async () => {
      const data = (await ctx.app.inject({ method: 'GET', url: `/api/v1/webhooks/${webhookId}/deliveries`, headers: acc.auth })).json().data;
      return data.length === 2 && data.every((d: { status: string }) => d.status === 'delivered') && data;
    });
    assert.ok(deliveries.some((d: { attempts: number }) => d.attempts === 2), 'one needed a retry');
  } finally {
    await worker.stop();
  }
});

test('a deactivated webhook gets no new events', async () => {
  const hook = (await ctx.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: acc.auth, payload: { url, events: ['case.created'] } })).json();
  const del = await ctx.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${hook.id}`, headers: acc.auth });
  assert.equal(del.json().active, false);
  await ctx.app.inject({ method: 'POST', url: '/api/v1/cases', headers: acc.auth, payload: { customer: { email: uniqueEmail() }, subject: 'x', message: { body: 'y' } } });
  const d = (await ctx.app.inject({ method: 'GET', url: `/api/v1/webhooks/${hook.id}/deliveries`, headers: acc.auth })).json().data;
  assert.equal(d.length, 0);
});

test('webhook URLs must be http(s)', async () => {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: acc.auth, payload: { url: 'file:///etc/passwd', events: ['case.created'] } });
  assert.equal(res.statusCode, 400);
});
