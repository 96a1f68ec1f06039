import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../storage/db.ts';
import { AppError } from '../../shared/errors.ts';
import { loadCase } from '../../cases/store.ts';
import { requirePermission } from '../../accounts/permissions.ts';
import { connectionsAt, getConnections, messagingPatch, phonePatch, publicConnections, setMessaging, setPhone, setWhatsApp, whatsappPatch } from '../../intake/doors/connections.ts';
import { socialMessage } from '../../intake/channels/social.ts';
import { receiveSocialMessage } from '../../intake/social/receive-social-message.ts';
import { checkHubSignature, checkPhoneSignature, sameSecret, type SignatureVerdict } from '../../intake/channels/signatures.ts';
import { callEvent } from '../../intake/channels/phone.ts';
import { whatsappPayload } from '../../intake/channels/whatsapp.ts';
import { receiveCallEvent } from '../../intake/phone/receive-call-event.ts';
import { receiveWhatsApp } from '../../intake/whatsapp/receive-whatsapp.ts';
import { replyChannel } from '../../intake/whatsapp/reply-target.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

/** Webhook bodies: Meta sends a few KB; a batch of 100 messages stays well under this. */
const WEBHOOK_BODY_LIMIT = 512 * 1024;
const NOT_JSON = Symbol('not json');
/** The bytes as received, for the signature: a re-serialised body would not match. */
const rawBodies = new WeakMap<FastifyRequest, Buffer>();

const template = z.object({ name: z.string(), language: z.string() });
const connections = z.object({
  phone: z.object({ enabled: z.boolean(), secret_set: z.boolean(), secret_hint: z.string().nullable().describe('the last four characters'), callback_minutes: z.number().int() }),
  whatsapp: z.object({
    enabled: z.boolean(), app_secret_set: z.boolean(), app_secret_hint: z.string().nullable(), verify_token_set: z.boolean(),
    access_token_set: z.boolean(), access_token_hint: z.string().nullable(), phone_number_id: z.string().nullable(), templates: z.array(template),
  }),
  messaging: z.object({ enabled: z.boolean(), secret_set: z.boolean(), secret_hint: z.string().nullable() }).describe('the generic messaging webhook (other networks through a bridge)'),
}).describe('Phone and WhatsApp connections; secrets are never returned, only whether they are set and their last four characters');
const slugParams = z.object({ slug: z.string().max(63) }).strict();

function refuse(v: SignatureVerdict & { ok: false }): never {
  const why = { missing: 'the signature header is missing', malformed: 'the signature header is malformed', stale: 'the signature is too old or from the future (more than 5 minutes): a replay is refused', mismatch: 'the signature does not match the body' }[v.reason];
  throw new AppError('signature_invalid', `Not accepted: ${why}`, 401);
}

/**
 * Phone and WhatsApp: the settings (admin), what a reply on a case goes through, and the public
 * webhooks under the account's public address. The webhooks need no sign-in: each request is
 * authenticated by its HMAC signature over the raw body, checked in constant time before the body
 * is even validated; a wrong or missing one is 401 and nothing is stored.
 */
export function phoneWhatsAppRoutes(app: FastifyInstance, db: Db, config: Config) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['channels'];
  r.get('/api/v1/channels/connections', {
    config: { permission: 'channels.manage' },
    schema: { tags, summary: 'Phone and WhatsApp connections (secrets only as "set" and their last four characters)', response: { 200: connections, ...res.errors } },
  }, async (req) => {
    const actor = actorOf(req);
    requirePermission(actor, 'channels.manage', 'Reading the phone and WhatsApp connections');
    return publicConnections(await getConnections(db, actor.accountId));
  });
  r.put('/api/v1/channels/phone', {
    config: { permission: 'channels.manage' },
    schema: { tags, summary: 'Switch the telephony webhook on or off (admin). The signing secret is made on first use or with rotate_secret, and shown once', body: phonePatch,
      response: { 200: connections.extend({ secret: z.string().optional().describe('shown once: give it to the telephony provider') }), ...res.errors } },
  }, async (req) => setPhone(db, actorOf(req), req.body));
  r.put('/api/v1/channels/whatsapp', {
    config: { permission: 'channels.manage' },
    schema: { tags, summary: 'Connect a WhatsApp Business number, Cloud API (admin). Switching it on needs app_secret, verify_token, access_token and phone_number_id', body: whatsappPatch,
      response: { 200: connections, ...res.errors } },
  }, async (req) => setWhatsApp(db, actorOf(req), req.body));
  r.put('/api/v1/channels/messaging', {
    config: { permission: 'channels.manage' },
    schema: { tags, summary: 'Switch the generic messaging webhook (Telegram, Facebook … through a bridge) on or off (admin). Its signing secret is made on first use or with rotate_secret, and shown once', body: messagingPatch,
      response: { 200: connections.extend({ secret: z.string().optional().describe('shown once: give it to the bridge') }), ...res.errors } },
  }, async (req) => setMessaging(db, actorOf(req), req.body));
  r.get('/api/v1/cases/:id/reply-channel', {
    config: { permission: 'cases.read' },
    schema: { tags: ['cases'], summary: 'Where a reply on this case goes (the channel the customer last used) and, for WhatsApp, whether the 24-hour window is open and which templates are approved',
      params: s.caseParams,
      response: { 200: z.object({ channel: z.string(), whatsapp: z.object({ window_open: z.boolean(), closes_at: z.string().nullable(), closed_at: z.string().nullable(), templates: z.array(template) }).nullable() }), ...res.errors } },
  }, async (req) => {
    const actor = actorOf(req);
    const c = await loadCase(db, actor.accountId, req.params.id);
    const t = await replyChannel(db, actor.accountId, c);
    return {
      channel: t.channel,
      whatsapp: t.whatsapp && {
        window_open: t.whatsapp.window.open,
        closes_at: t.whatsapp.window.open ? t.whatsapp.window.closesAt.toISOString() : null,
        closed_at: !t.whatsapp.window.open ? t.whatsapp.window.closedAt?.toISOString() ?? null : null,
        templates: t.whatsapp.templates,
      },
    };
  });

  // the webhooks: a scope of their own, whose JSON parser keeps the raw bytes for the signature
  app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (req, body, done) => {
      rawBodies.set(req, body as Buffer);
      try {
        done(null, JSON.parse((body as Buffer).toString('utf8')));
      } catch {
        // decided after the signature: who cannot sign learns nothing about the body
        done(null, NOT_JSON);
      }
    });
    const p = scope.withTypeProvider<ZodTypeProvider>();
    const pub = { permission: 'public' } as const;
    const afterSignature = (req: FastifyRequest) => {
      if (req.body === NOT_JSON) throw new AppError('invalid_json', 'The request body is not valid JSON', 400);
    };

    p.post('/api/public/v1/phone/:slug/events', {
      config: pub,
      schema: { tags: ['phone and WhatsApp webhooks (signed)'], summary: 'A telephony event (call started, answered, ended, missed; callback requested). Signed: header Luister-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.<raw body>"> with the phone secret; at most 5 minutes old',
        params: slugParams, body: callEvent,
        response: { 200: z.object({ outcome: z.enum(['duplicate', 'noted', 'logged', 'dropped']), case_ref: z.string().optional(), promise_id: z.string().nullable().optional(),
          acknowledged: z.enum(['whatsapp', 'email', 'none']).nullable().optional().describe('how the caller was told of a new callback promise: on WhatsApp, by e-mail, or not (a note on the case says why); null: no new promise'), reason: z.string().optional() }), ...res.errors } },
      preValidation: async (req: FastifyRequest<{ Params: { slug: string } }>) => {
        const conn = await connectionsAt(db, req.params.slug);
        if (!conn?.phone_enabled || !conn.phone_secret) throw new AppError('phone_not_found', 'There is no telephony webhook at this address', 404);
        const v = checkPhoneSignature(conn.phone_secret, rawBodies.get(req) ?? Buffer.alloc(0), req.headers['luister-signature'] as string | undefined, Math.floor(Date.now() / 1000));
        if (!v.ok) refuse(v);
        afterSignature(req);
      },
    }, async (req) => {
      const conn = (await connectionsAt(db, req.params.slug))!;
      const out = await receiveCallEvent(db, conn, req.body, new Date(), { ackPerHour: config.ACK_PER_SENDER_PER_HOUR });
      if (out.outcome === 'logged') return { outcome: out.outcome, case_ref: out.case_ref, promise_id: out.promise_id, acknowledged: out.acknowledged };
      return out.outcome === 'dropped' ? { outcome: out.outcome, reason: out.reason } : { outcome: out.outcome };
    });

    p.post('/api/public/v1/messages/:slug', {
      config: pub,
      schema: { tags: ['phone and WhatsApp webhooks (signed)'], summary: 'A message from another network (generic messaging adapter). Signed like telephony events, with the messaging secret: Luister-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.<raw body>">',
        params: slugParams, body: socialMessage,
        response: { 200: z.object({ outcome: z.enum(['duplicate', 'stored']), case_ref: z.string().optional() }), ...res.errors } },
      preValidation: async (req: FastifyRequest<{ Params: { slug: string } }>) => {
        const conn = await connectionsAt(db, req.params.slug);
        if (!conn?.messaging_enabled || !conn.messaging_secret) throw new AppError('messaging_not_found', 'There is no messaging webhook at this address', 404);
        const v = checkPhoneSignature(conn.messaging_secret, rawBodies.get(req) ?? Buffer.alloc(0), req.headers['luister-signature'] as string | undefined, Math.floor(Date.now() / 1000));
        if (!v.ok) refuse(v);
        afterSignature(req);
      },
    }, async (req) => {
      const out = await receiveSocialMessage(db, (await connectionsAt(db, req.params.slug))!, req.body);
      return out.outcome === 'stored' ? { outcome: out.outcome, case_ref: out.case_ref } : { outcome: out.outcome };
    });

    p.get('/api/public/v1/whatsapp/:slug', {
      config: pub,
      schema: { tags: ['phone and WhatsApp webhooks (signed)'], summary: 'Meta\'s verification handshake: answers hub.challenge when hub.verify_token is the account\'s verify token',
        params: slugParams,
        querystring: z.object({ 'hub.mode': z.string().max(50), 'hub.verify_token': z.string().max(512), 'hub.challenge': z.string().regex(/^[A-Za-z0-9_.-]{1,200}$/) }),
        response: { 200: z.string().describe('hub.challenge, as text/plain'), ...res.errors } },
    }, async (req, reply) => {
      const conn = await connectionsAt(db, req.params.slug);
      if (!conn?.whatsapp_verify_token) throw new AppError('whatsapp_not_found', 'There is no WhatsApp webhook at this address', 404);
      if (req.query['hub.mode'] !== 'subscribe' || !sameSecret(req.query['hub.verify_token'], conn.whatsapp_verify_token)) {
        throw new AppError('verify_token_invalid', 'hub.mode must be subscribe and hub.verify_token the verify token set in Luister', 403);
      }
      // bytes, not a JSON string: the challenge goes back exactly as Meta sent it
      return reply.type('text/plain; charset=utf-8').send(Buffer.from(req.query['hub.challenge']) as unknown as string);
    });

    p.post('/api/public/v1/whatsapp/:slug', {
      config: pub,
      schema: { tags: ['phone and WhatsApp webhooks (signed)'], summary: 'Messages and delivery statuses from the WhatsApp Cloud API. Signed by Meta: X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the app secret>',
        params: slugParams, body: whatsappPayload,
        response: { 200: z.object({ stored: z.number().int(), duplicates: z.number().int(), ignored: z.number().int(), statuses: z.number().int() }), ...res.errors } },
      preValidation: async (req: FastifyRequest<{ Params: { slug: string } }>) => {
        const conn = await connectionsAt(db, req.params.slug);
        if (!conn?.whatsapp_enabled || !conn.whatsapp_app_secret) throw new AppError('whatsapp_not_found', 'There is no WhatsApp webhook at this address', 404);
        const v = checkHubSignature(conn.whatsapp_app_secret, rawBodies.get(req) ?? Buffer.alloc(0), req.headers['x-hub-signature-256'] as string | undefined);
        if (!v.ok) refuse(v);
        afterSignature(req);
      },
    }, async (req) => {
      const conn = (await connectionsAt(db, req.params.slug))!;
      const [acc] = await db.query<{ name: string }>('SELECT name FROM accounts WHERE account_id = $1', [conn.account_id]);
      const out = await receiveWhatsApp(db, conn, req.body, { team: acc.name, fallbackHours: config.FIRST_RESPONSE_HOURS });
      return { stored: out.stored.length, duplicates: out.duplicates.length, ignored: out.ignored.length, statuses: out.statuses };
    });
  });
}
