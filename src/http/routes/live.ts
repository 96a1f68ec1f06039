import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import type { LiveHub } from '../../live/hub.ts';
import type { LiveNotice } from '../../live/notice.ts';
import { listPresence, recordPresence } from '../../live/record-presence.ts';
import { markAgentLive } from '../../live/agent-live.ts';
import { accessConcerns, ACCESS_EVENT, credentialExpiry, credentialValid, streamCredential } from '../../live/stream-access.ts';
import { actorOf, SESSION_COOKIE } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

/** A stream ends after this long and the browser reconnects (through authentication again). */
const STREAM_MS = 30 * 60_000;
const PING_MS = 25_000;

const presence = z.object({
  agent_id: z.string(), name: z.string(), state: z.enum(['viewing', 'typing']), at: z.string().describe('the latest heartbeat (ISO 8601)'),
});

export interface LiveRouteOptions {
  /** how often an open stream checks that its session or token is still valid (LIVE_RECHECK_SECONDS) */
  recheckMs: number;
}

export function liveRoutes(app: FastifyInstance, db: Db, hub: LiveHub, opts: LiveRouteOptions = { recheckMs: 60_000 }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['live'];
  // open streams end when the server closes (otherwise close would wait for them)
  const streams = new Set<NodeJS.WritableStream & { end: () => void }>();
  app.addHook('preClose', async () => {
    for (const out of streams) out.end();
  });

  r.get('/api/v1/live', {
    config: { permission: 'cases.read' },
    schema: {
      tags,
      summary: 'Server-sent events: what changed in the account, as it commits (ids only; fetch the rest through the API)',
      description:
        'A `text/event-stream`. Each event is named after a webhook event (case.created, message.created, …) or note.created, notification.created ' +
        '(only to the agent it is for) and presence; its data is JSON with account_id, event, at and, where they apply, case_id, agent_id, id. ' +
        'Every (re)connection starts with an event `ready`: refresh what you show then. The stream ends after 30 minutes (EventSource reconnects by itself), ' +
        'and as soon as the session or token that opened it ends: sign-out, expiry, a deactivated agent, a revoked token.',
      querystring: z.object({}).strict(),
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const credential = streamCredential(actor, req.headers.authorization, req.cookies?.[SESSION_COOKIE]);
    // a session ends the stream when it does (at most 30 minutes anyway)
    const expiry = credential ? await credentialExpiry(db, credential) : null;
    const lifetime = Math.max(0, Math.min(STREAM_MS, expiry ? expiry.getTime() - Date.now() : STREAM_MS));
    reply.hijack();
    const out = reply.raw;
    out.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      'x-request-id': req.id,
      // a stream's connection is never reused: when it ends (30 minutes, a sign-out, the server closing) the socket goes
      // too, or a closing server waits out the keep-alive time (72 s) for a client that went away unheard
      connection: 'close',
    });
    // the credential is checked again when a notice says it may have ended, after a lost database
    // connection (notices may be missing), and every recheckMs; an ended one ends the stream
    let checking = false;
    let again = false; // asked while a check was under way: that one may have read before the change committed
    const recheck = (): void => {
      if (!credential || out.writableEnded) return;
      if (checking) {
        again = true;
        return;
      }
      checking = true;
      const done = (valid: boolean) => {
        checking = false;
        if (!valid) out.end();
        else if (again) {
          again = false;
          recheck();
        }
      };
      // the database is away: keep the stream, try again at the next occasion
      credentialValid(db, credential).then(done, () => done(true));
    };
    const send = (n: LiveNotice) => {
      if (n.event === ACCESS_EVENT) {
        if (credential && accessConcerns(n, credential)) recheck();
        return;
      }
      if (n.event === 'ready') recheck();
      if (n.event === 'notification.created' && n.agent_id !== actor.agentId) return;
      out.write(`event: ${n.event}\ndata: ${JSON.stringify(n)}\n\n`);
    };
    let unsubscribe = () => {};
    // an agent's open stream is their presence ("talk to a person" counts only agents who are here): marked now and with every ping
    const here = () => {
      if (actor.agentId && !out.writableEnded) markAgentLive(db, actor.accountId, actor.agentId).catch(() => {});
    };
    const ping = setInterval(() => {
      out.write(': ping\n\n');
      here();
    }, PING_MS);
    const check = setInterval(recheck, opts.recheckMs);
    const end = setTimeout(() => out.end(), lifetime);
    streams.add(out);
    const stop = () => {
      streams.delete(out);
      clearInterval(ping);
      clearInterval(check);
      clearTimeout(end);
      unsubscribe();
    };
    out.on('close', stop);
    try {
      unsubscribe = await hub.subscribe(actor.accountId, send);
    } catch (err) {
      req.log.error({ err }, 'live: cannot listen');
      out.end();
      return;
    }
    if (out.destroyed) return stop();
    recheck(); // a sign-out between authentication and subscribing would otherwise go unheard
    here();
    out.write(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ at: new Date().toISOString() })}\n\n`);
  });

  r.get('/api/v1/cases/:id/presence', {
    config: { permission: 'cases.read' },
    schema: { tags, summary: 'Who else is on the case now: viewing or typing (collision notice)', params: s.caseParams,
      response: { 200: res.listOf(presence), ...res.errors } },
  }, async (req) => ({ data: await listPresence(db, hub, actorOf(req), req.params.id) }));

  r.post('/api/v1/cases/:id/presence', {
    config: { permission: 'cases.write' },
    schema: {
      tags,
      summary: 'Say you are on a case (viewing or typing), still there (repeat every 15 s) or gone (left); returns who else is there',
      description: 'Colleagues on the case hear it live. The time between heartbeats (at most 30 s each) counts as your work on the case.',
      params: s.caseParams,
      body: z.object({ state: z.enum(['viewing', 'typing', 'left']) }).strict(),
      response: { 200: res.listOf(presence), ...res.errors },
    },
  }, async (req) => ({ data: await recordPresence(db, hub, actorOf(req), req.params.id, req.body.state) }));
}
