import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Db, openDb } from '../../storage/db.ts';
import { AppError } from '../../shared/errors.ts';
import type { LiveHub } from '../../live/hub.ts';
import type { Door } from '../../intake/doors/channel-settings.ts';
import { cachedDoor } from '../../intake/doors/door-cache.ts';
import { hitThrottles, type ThrottleHit } from '../../intake/doors/throttle.ts';
import { batchedCalls } from '../../shared/batched-calls.ts';
import { availability } from '../../intake/doors/availability.ts';
import { chatEntriesAfter } from '../../intake/chat/chat-entries.ts';
import { ChatFeed } from '../../intake/chat/chat-feed.ts';
import { chatAckText } from '../../intake/chat/chat-ack.ts';
import { answerBy } from '../../intake/answer-by.ts';
import { getServiceSettings } from '../../promises/settings.ts';
import { findChatSession } from '../../intake/chat/chat-session.ts';
import { sendChatMessage } from '../../intake/chat/send-chat-message.ts';
import { answerWithBot } from '../../intake/chat/bot-answer.ts';
import { askForPerson } from '../../intake/chat/ask-for-person.ts';
import { callbackPath } from '../public/callback-pages.ts';
import * as res from '../responses.ts';

/** The widget: one hand-written file, no framework, served as is (and gzipped when the browser takes it). */
export const WIDGET_SOURCE = readFileSync(new URL('../public/widget.js', import.meta.url), 'utf8');
const WIDGET_GZ = gzipSync(WIDGET_SOURCE, { level: 9 });
const TOKEN_HEADER = 'x-luister-chat';
const PING_MS = 25_000;
const STREAM_MS = 10 * 60_000;
/**
 * Open widget streams one client address may hold on this server process, and one chat (its tabs):
 * a thousand connections from one address get 429 past these, and every other address is unaffected.
 * Generous for an office behind one NAT address; messages are also limited per address per hour.
 */
export const STREAMS_PER_ADDRESS = 50;
export const STREAMS_PER_CHAT = 5;

const slugParams = z.object({ slug: z.string().max(63) }).strict();
const entry = z.object({ seq: z.number().int(), message_id: z.string(), from: z.enum(['visitor', 'agent', 'bot']).describe('bot: the automatic answer of the knowledge-base bot, with one "• title: /help/…" line per article'), author: z.string().nullable(), body: z.string(), at: z.string() });

/**
 * The chat widget's public API under /api/public/v1/chat/<slug>: no sign-in; the visitor holds a
 * session token (header x-luister-chat). Only pages of the account's allowed origins may call it
 * (CORS, checked here). Entries are numbered per chat; the widget resumes "after" the last number
 * it has, so a lost connection neither loses nor doubles a message.
 */
export function chatRoutes(app: FastifyInstance, db: Db, hub: LiveHub, opts: { firstResponseHours: number; databaseUrl?: string } = { firstResponseHours: 24 }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const pub = { permission: 'public' } as const;
  const tags = ['chat widget (public)'];
  const streams = new Set<NodeJS.WritableStream & { end: () => void }>();
  // On PostgreSQL the open chats read their news on a connection of their own, so delivering an
  // entry never waits behind the requests holding the pool (PGlite has one connection anyway).
  let readerDb: Promise<Db> | null = null;
  const reader = () => {
    if (!readerDb) {
      const opening = db.kind === 'postgres' && opts.databaseUrl ? openDb({ databaseUrl: opts.databaseUrl, poolSize: 1 }) : Promise.resolve(db);
      readerDb = opening;
      opening.catch(() => {
        if (readerDb === opening) readerDb = null; // the next read tries again
      });
    }
    return readerDb;
  };
  app.addHook('onClose', async () => {
    if (readerDb) {
      const r = await readerDb.catch(() => db);
      if (r !== db) await r.close();
    }
  });
  const feed = new ChatFeed(reader, hub);
  // the per-address message limit of the messages that arrive together: one statement for all of them
  const hitThrottle = batchedCalls((hits: ThrottleHit[]) => hitThrottles(db, hits), { maxBatch: 64, inFlight: 2 });
  /** open streams per account and client address, and per chat session, in this process */
  const byAddress = new Map<string, number>();
  const bySession = new Map<string, number>();
  app.addHook('preClose', async () => {
    for (const out of streams) out.end();
  });

  app.get('/widget.js', { config: pub, schema: { hide: true } }, async (req, reply) => {
    reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300')
      .header('cross-origin-resource-policy', 'cross-origin').header('vary', 'Accept-Encoding');
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(WIDGET_GZ);
    return reply.send(WIDGET_SOURCE);
  });

  /** The door, after the Origin check: a page elsewhere than the allowed sites gets nothing. */
  const door = async (req: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply): Promise<Door> => {
    const d = await cachedDoor(db, req.params.slug);
    if (!d || !d.chat_enabled) throw new AppError('chat_not_found', 'There is no chat at this address', 404);
    const origin = req.headers.origin;
    if (origin && origin !== `${req.protocol}://${req.host}`) {
      if (!d.allowed_origins.includes(origin)) throw new AppError('origin_not_allowed', `Pages of ${origin} may not use this chat; add the origin to allowed_origins`, 403);
      reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
    }
    return d;
  };

  app.options('/api/public/v1/chat/:slug/*', { config: pub, schema: { hide: true } }, async (req, reply) => {
    await door(req as FastifyRequest<{ Params: { slug: string } }>, reply);
    return reply.code(204).header('access-control-allow-methods', 'GET, POST').header('access-control-allow-headers', `content-type, ${TOKEN_HEADER}`)
      .header('access-control-max-age', '600').send();
  });

  r.get('/api/public/v1/chat/:slug/status', {
    config: pub,
    schema: { tags, summary: 'Whether a person can answer now, and where to book a callback when not', params: slugParams,
      response: { 200: z.object({ available: z.boolean(), reason: z.enum(['closed', 'nobody_available']).optional(), callback_url: z.string().nullable() }), ...res.errors } },
  }, async (req, reply) => {
    const d = await door(req, reply);
    const a = await availability(db, d.account_id);
    return { ...a, callback_url: d.callback_enabled ? callbackPath(d.slug, 'nl').replace(/\?lang=nl$/, '') : null };
  });

  r.post('/api/public/v1/chat/:slug/messages', {
    config: pub,
    schema: {
      tags, summary: 'The visitor sends a message (the first one starts the chat and returns its token)', params: slugParams,
      body: z.object({ client_id: z.string().max(64), body: z.string().max(4000), lang: z.enum(['nl', 'en']).default('nl'),
        name: z.string().max(200).optional(), email: z.string().max(254).optional(),
        person: z.boolean().optional().describe('the message asks for a person (the widget\'s "talk to a person" before a chat began): the bot does not answer it') }).strict(),
      response: { 200: z.object({ token: z.string(), seq: z.number().int(), case_ref: z.string(), duplicate: z.boolean(),
        ack: z.string().optional().describe('a new chat only: its case reference and when the visitor hears from us at the latest, in their language'),
        bot: z.array(z.object({ title: z.string(), path: z.string() })).optional().describe('the help-centre articles the bot answered with (also an entry of the chat); absent when the bot is off or nothing matched') }), ...res.errors },
    },
  }, async (req, reply) => {
    const d = await door(req, reply);
    const limit = await hitThrottle({ accountId: d.account_id, door: 'chat', ip: req.ip, secret: d.form_secret, perHour: d.submissions_per_hour * 30 });
    if (!limit.allowed) throw new AppError('rate_limited', `Too many chat messages from your address; try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minutes`, 429);
    const b = req.body;
    const out = await sendChatMessage(db, d, { token: tokenOf(req), clientId: b.client_id, body: b.body, language: b.lang, name: b.name, email: b.email });
    let ack: string | undefined;
    if (out.newCase) {
      const [by, settings] = await Promise.all([
        answerBy(db, d.account_id, { customer_id: out.newCase.customerId, priority: 'normal', channel: 'chat' }, out.newCase.createdAt, opts.firstResponseHours),
        getServiceSettings(db, d.account_id),
      ]);
      ack = chatAckText({ ref: out.caseRef, answerBy: by, language: b.lang, timeZone: settings.time_zone });
    }
    const bot = out.duplicate || b.person ? [] : await answerWithBot(db, d, out.token, b.body, b.lang);
    return { token: out.token, seq: out.seq, case_ref: out.caseRef, duplicate: out.duplicate, ...(ack ? { ack } : {}), ...(bot.length ? { bot } : {}) };
  });

  r.post('/api/public/v1/chat/:slug/person', {
    config: pub,
    schema: { tags, summary: '"Talk to a person": offered to an agent when one is available; else say so and offer a callback', params: slugParams,
      body: z.object({}).strict().optional(),
      response: { 200: z.object({ available: z.boolean(), reason: z.enum(['closed', 'nobody_available']).optional(), offered: z.boolean(), callback_url: z.string().nullable() }), ...res.errors } },
  }, async (req, reply) => {
    const d = await door(req, reply);
    const out = await askForPerson(db, d, tokenOf(req) ?? '');
    return { ...out, callback_url: d.callback_enabled ? `/contact/${d.slug}/callback` : null };
  });

  r.get('/api/public/v1/chat/:slug/entries', {
    config: pub,
    schema: { tags, summary: 'The chat after a cursor (resync after a reconnect)', params: slugParams, querystring: z.object({ after: z.coerce.number().int().min(0).default(0) }).strict(),
      response: { 200: z.object({ entries: z.array(entry), cursor: z.number().int() }), ...res.errors } },
  }, async (req, reply) => {
    const d = await door(req, reply);
    const s = await findChatSession(db, d.account_id, tokenOf(req));
    if (!s) throw new AppError('chat_session_not_found', 'This chat has ended; start a new one', 404);
    const entries = await chatEntriesAfter(db, d.account_id, s.id, req.query.after);
    return { entries: entries.map(wire), cursor: entries.at(-1)?.seq ?? req.query.after };
  });

  r.get('/api/public/v1/chat/:slug/stream', {
    config: pub,
    schema: { tags, summary: 'Server-sent events: each chat entry after the cursor (event `entry`, id = its number), then new ones as they commit', params: slugParams,
      querystring: z.object({ after: z.coerce.number().int().min(0).default(0) }).strict(), response: { ...res.errors } },
  }, async (req, reply) => {
    const d = await door(req, reply);
    const s = await findChatSession(db, d.account_id, tokenOf(req));
    if (!s) throw new AppError('chat_session_not_found', 'This chat has ended; start a new one', 404);
    const cursor = Math.max(req.query.after, Number(req.headers['last-event-id']) || 0);
    const address = `${d.account_id}|${req.ip}`;
    if ((byAddress.get(address) ?? 0) >= STREAMS_PER_ADDRESS || (bySession.get(s.id) ?? 0) >= STREAMS_PER_CHAT) {
      reply.header('retry-after', '60');
      throw new AppError('too_many_streams', 'Too many open chat connections from your address; close some and try again in a minute', 429);
    }
    const release = () => {
      for (const [map, key] of [[byAddress, address], [bySession, s.id]] as const) {
        const n = (map.get(key) ?? 1) - 1;
        if (n > 0) map.set(key, n);
        else map.delete(key);
      }
    };
    byAddress.set(address, (byAddress.get(address) ?? 0) + 1);
    bySession.set(s.id, (bySession.get(s.id) ?? 0) + 1);
    reply.hijack();
    const out = reply.raw;
    out.writeHead(200, { ...(reply.getHeaders() as Record<string, string>), 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no' });
    streams.add(out);
    let unsubscribe = () => {};
    const ping = setInterval(() => out.write(': ping\n\n'), PING_MS);
    const end = setTimeout(() => out.end(), STREAM_MS);
    let stopped = false;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      release();
      streams.delete(out);
      clearInterval(ping);
      clearTimeout(end);
      unsubscribe();
    };
    out.on('close', stop);
    // the entries after the cursor at once, then each new one as it commits (read together with the other open chats')
    try {
      unsubscribe = await feed.open({
        accountId: d.account_id, sessionId: s.id, caseId: s.case_id, cursor,
        write: (e) => {
          if (!out.writableEnded) out.write(`id: ${e.seq}\nevent: entry\ndata: ${JSON.stringify(wire(e))}\n\n`);
        },
        fail: () => out.end(),
      });
    } catch {
      out.end();
      return;
    }
    if (out.destroyed) return stop();
    out.write('event: ready\ndata: {}\n\n');
  });
}

const tokenOf = (req: FastifyRequest) => {
  const v = req.headers[TOKEN_HEADER];
  return typeof v === 'string' ? v : undefined;
};
const wire = (e: { seq: number; message_id: string; from: 'visitor' | 'agent' | 'bot'; author: string | null; body: string; at: Date }) => ({ ...e, at: new Date(e.at).toISOString() });
