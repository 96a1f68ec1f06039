import assert from 'node:assert/strict';
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { setChannelSettings } from '../../src/intake/doors/channel-settings.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { STREAMS_PER_ADDRESS, STREAMS_PER_CHAT } from '../../src/http/routes/chat.ts';
import { newAccount, testApp, type TestAccount, type TestContext } from '../helpers.ts';

const SHOP = 'https://shop.example';

/** Reads a chat stream as the widget does: entries with their numbers, until aborted. */
function openChatStream(base: string, slug: string, token: string, after: number) {
  const ac = new AbortController();
  const seqs: number[] = [];
  const bodies: string[] = [];
  const waiters: (() => void)[] = [];
  const done = (async () => {
    const res = await fetch(`${base}/api/public/v1/chat/${slug}/stream?after=${after}`, { headers: { 'x-luister-chat': token, origin: SHOP }, signal: ac.signal });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), SHOP);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        buf += value;
        let at: number;
        while ((at = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, at);
          buf = buf.slice(at + 2);
          if (/^event: entry$/m.test(block)) {
            const e = JSON.parse(/^data: (.*)$/m.exec(block)![1]);
            assert.equal(Number(/^id: (\d+)$/m.exec(block)![1]), e.seq);
            seqs.push(e.seq);
            bodies.push(e.body);
            for (const w of waiters.splice(0)) w();
          }
        }
      }
    } catch {
      // aborted: the connection was cut
    }
  })();
  return {
    seqs,
    bodies,
    async waitFor(n: number) {
      const until = Date.now() + 10_000;
      while (seqs.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} entries, got ${seqs.join(',')}`);
        await new Promise<void>((r) => { waiters.push(r); setTimeout(r, 200); });
      }
    },
    cut: async () => { ac.abort(); await done; },
  };
}

/**
 * The chat widget's server side (issue 17): messages land in the case timeline on the chat channel;
 * only the allowed site may use it; agent replies reach the visitor; after a cut connection the
 * widget resumes from its cursor and nothing is missed or doubled.
 */
describe('chat', () => {
  let t: TestContext;
  let acc: TestAccount;
  let slug: string;
  let base: string;

  before(async () => {
    t = await testApp();
    acc = await newAccount(t.db, 'Webwinkel');
    slug = `winkel-${acc.accountId.slice(0, 8)}`;
    await setChannelSettings(t.db, systemActor(acc.accountId), { slug, allowed_origins: [SHOP] });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = t.app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  after(() => t.close());

  const say = (body: string, o: { token?: string; clientId?: string; origin?: string } = {}) =>
    fetch(`${base}/api/public/v1/chat/${slug}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: o.origin ?? SHOP, ...(o.token ? { 'x-luister-chat': o.token } : {}) },
      body: JSON.stringify({ client_id: o.clientId ?? crypto.randomUUID().replaceAll('-', ''), body, lang: 'nl' }),
    });
  const reply = (caseId: string, body: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/messages`, headers: acc.auth, payload: { body } });

  test('only the allowed site may use the chat; the widget script is served to any site, small', async () => {
    const evil = await say('Hallo', { origin: 'https://evil.example' });
    assert.equal(evil.status, 403);
    const pre = await fetch(`${base}/api/public/v1/chat/${slug}/messages`, { method: 'OPTIONS', headers: { origin: SHOP, 'access-control-request-method': 'POST' } });
    assert.equal(pre.status, 204);
    assert.match(pre.headers.get('access-control-allow-headers') ?? '', /x-luister-chat/);
    const js = await fetch(`${base}/widget.js`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(js.status, 200);
    assert.equal(js.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.ok(gzipSync(await js.text()).length < 40 * 1024);
  });

  test('a chat lands on a case in the timeline; agent replies reach the visitor; a cut connection resumes from the cursor with nothing missed or doubled', async () => {
    const first = await say('Waar blijft mijn bestelling 4471? <b>vet</b>');
    assert.equal(first.status, 200);
    const { token, seq, case_ref, ack } = await first.json();
    assert.equal(seq, 1);
    // acknowledged in the visitor's language: the case reference and when they hear from us at the latest
    assert.match(ack, new RegExp(`^Uw vraag heeft nummer ${case_ref}\\. U hoort uiterlijk \\w+dag \\d+ \\w+ om \\d\\d:\\d\\d van ons`));
    const [c] = await t.db.query<{ id: string; channel: string }>('SELECT id, channel FROM cases WHERE account_id = $1 AND ref = $2', [acc.accountId, case_ref]);
    assert.equal(c.channel, 'chat');

    const stream = openChatStream(base, slug, token, 0);
    await stream.waitFor(1);
    assert.equal(stream.bodies[0], 'Waar blijft mijn bestelling 4471? <b>vet</b>', 'text stays text: the widget never renders markup');
    assert.equal((await reply(c.id, 'Dank u voor uw bericht. Ik kijk het nu voor u na. Groet, Anna')).statusCode, 201);
    await stream.waitFor(2);

    // the connection is cut mid-conversation; meanwhile the agent answers and the visitor's resend arrives twice
    await stream.cut();
    await reply(c.id, 'Uw pakket is onderweg en komt morgen. Groet, Anna');
    const again = await say('Top, dank u!', { token, clientId: 'resend-0001' });
    const twice = await say('Top, dank u!', { token, clientId: 'resend-0001' });
    const [a1, a2] = [await again.json(), await twice.json()];
    assert.deepEqual([a1.seq, a2.seq, a2.duplicate], [4, 4, true]);
    assert.equal(a1.ack, undefined, 'only a new chat is acknowledged');

    // the widget reconnects after the last number it showed (2)
    const resumed = openChatStream(base, slug, token, stream.seqs.at(-1)!);
    await resumed.waitFor(2);
    await reply(c.id, 'Graag gedaan! Groet, Anna');
    await resumed.waitFor(3);
    await resumed.cut();
    assert.deepEqual([...stream.seqs, ...resumed.seqs], [1, 2, 3, 4, 5]);

    const entries = await fetch(`${base}/api/public/v1/chat/${slug}/entries?after=3`, { headers: { 'x-luister-chat': token, origin: SHOP } });
    assert.deepEqual((await entries.json()).entries.map((e: { seq: number; from: string }) => [e.seq, e.from]), [[4, 'visitor'], [5, 'agent']]);
    const timeline = await t.db.query<{ type: string; channel: string }>(
      `SELECT type, channel FROM messages WHERE account_id = $1 AND case_id = $2 AND type <> 'note' ORDER BY created_at`, [acc.accountId, c.id]);
    assert.deepEqual(timeline.map((m) => `${m.type}:${m.channel}`), ['inbound:chat', 'outbound:chat', 'outbound:chat', 'inbound:chat', 'outbound:chat']);
  });

  test('"talk to a person" with nobody available says so and offers a callback', async () => {
    await t.db.query('UPDATE agents SET available = false WHERE account_id = $1', [acc.accountId]);
    const { token } = await (await say('Ik wil iemand spreken')).json();
    const res = await fetch(`${base}/api/public/v1/chat/${slug}/person`, { method: 'POST', headers: { 'x-luister-chat': token, origin: SHOP, 'content-type': 'application/json' }, body: '{}' });
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.available, false);
    assert.equal(body.callback_url, `/contact/${slug}/callback`);
    const bad = await fetch(`${base}/api/public/v1/chat/${slug}/entries`, { headers: { 'x-luister-chat': 'x'.repeat(32), origin: SHOP } });
    assert.equal(bad.status, 404);
  });

  test('a thousand chat connections from one address are throttled; another address is not hurt', async () => {
    /** Opens a widget stream from a given loopback address; resolves with its status (a 200 stays open until the test ends). */
    const open: http.ClientRequest[] = [];
    const stream = (token: string, localAddress: string) => new Promise<number>((resolve, reject) => {
      const req = http.get(`${base}/api/public/v1/chat/${slug}/stream`, { headers: { 'x-luister-chat': token, origin: SHOP }, localAddress, agent: false }, (res) => {
        resolve(res.statusCode!);
        if (res.statusCode === 200) res.resume();
        else res.resume().on('end', () => req.destroy());
      });
      req.on('error', reject);
      open.push(req);
    });
    try {
      const tokens: string[] = [];
      for (let i = 0; i < Math.ceil(STREAMS_PER_ADDRESS / STREAMS_PER_CHAT) + 1; i++) tokens.push((await (await say(`Vraag ${i}`)).json()).token);
      // one chat's tabs: the sixth is refused
      const tabs: number[] = [];
      for (let i = 0; i <= STREAMS_PER_CHAT; i++) tabs.push(await stream(tokens[0], '127.0.0.1'));
      assert.deepEqual(tabs, [...Array(STREAMS_PER_CHAT).fill(200), 429]);
      // a thousand connections from one address over its chats: the first STREAMS_PER_ADDRESS open, the rest get 429
      const codes: number[] = [];
      for (let i = 0; i < 1000; i += 50) {
        codes.push(...await Promise.all(Array.from({ length: 50 }, (_, j) => stream(tokens[1 + ((i + j) % (tokens.length - 1))], '127.0.0.1'))));
      }
      assert.equal(codes.filter((c) => c === 200).length, STREAMS_PER_ADDRESS - STREAMS_PER_CHAT);
      assert.equal(codes.filter((c) => c === 429).length, 1000 - (STREAMS_PER_ADDRESS - STREAMS_PER_CHAT));
      // another address chats as usual, live
      const other = await say('Ik kom van een ander adres');
      assert.equal(other.status, 200);
      assert.equal(await stream((await other.json()).token, '127.0.0.2'), 200);
      // and a closed connection frees its place
      open.find((r) => r.socket?.localAddress === '127.0.0.1' && !r.destroyed)!.destroy();
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(await stream(tokens[0], '127.0.0.1'), 200);
    } finally {
      for (const r of open) r.destroy();
    }
  });
});
