import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { AppError } from '../../shared/errors.ts';
import { bookCallback, openCallbackSlots } from '../../intake/callback/book-callback.ts';
import { cancelCallback, findBooking } from '../../intake/callback/cancel-callback.ts';
import { moveCallback } from '../../intake/callback/move-callback.ts';
import { type Door, findDoor } from '../../intake/doors/channel-settings.ts';
import { hitThrottle } from '../../intake/doors/throttle.ts';
import { checkFormToken, issueFormToken } from '../../intake/form/form-token.ts';
import { pickLanguage } from '../public/help-centre-pages.ts';
import { contactNotFoundPage, type Lang, refusedPage, throttledPage } from '../public/contact-form-pages.ts';
import { bookedPage, bookingPage, callbackPath, managePage } from '../public/callback-pages.ts';

const query = z.object({ lang: z.string().optional() });
const form = z.record(z.string(), z.string().max(5000));

/**
 * Callback booking pages under /contact/<slug>/callback: book a slot, then move or cancel it through
 * the link in the confirmation. Registered inside the contact form's scope (which reads form posts).
 */
export function callbackRoutes(scope: FastifyInstance, db: Db, send: (reply: FastifyReply, status: number, html: string, door: Door | null) => unknown) {
  const r = scope.withTypeProvider<ZodTypeProvider>();
  const hidden = { config: { permission: 'public' }, schema: { hide: true, querystring: query, params: z.object({ slug: z.string() }) } } as const;
  const lang = (q: string | undefined, h: string | undefined, b?: string): Lang => (b === 'nl' || b === 'en' ? b : pickLanguage(q, h));
  const door = async (slug: string) => {
    const d = await findDoor(db, slug);
    return d?.callback_enabled ? d : null;
  };

  r.get('/contact/:slug/callback', hidden, async (req, reply) => {
    const l = lang(req.query.lang, req.headers['accept-language']);
    const d = await door(req.params.slug);
    if (!d) return send(reply, 404, contactNotFoundPage(l), null);
    const { calendar, slots } = await openCallbackSlots(db, d);
    return send(reply, 200, bookingPage({ slug: d.slug, name: d.account_name, lang: l, slots, timeZone: calendar.timeZone, token: issueFormToken(d.form_secret, d.account_id) }), d);
  });

  r.post('/contact/:slug/callback', { ...hidden, schema: { ...hidden.schema, body: form } }, async (req, reply) => {
    const b = req.body;
    const l = lang(req.query.lang, req.headers['accept-language'], b.lang);
    const d = await door(req.params.slug);
    if (!d) return send(reply, 404, contactNotFoundPage(l), null);
    const base = { slug: d.slug, name: d.account_name, lang: l };
    const limit = await hitThrottle(db, { accountId: d.account_id, door: 'callback', ip: req.ip, secret: d.form_secret, perHour: d.submissions_per_hour });
    if (!limit.allowed) return send(reply.header('retry-after', String(limit.retryAfterSeconds)), 429, throttledPage({ ...base, retryAfterSeconds: limit.retryAfterSeconds }), d);
    const token = checkFormToken(d.form_secret, d.account_id, b.t, Date.now(), d.min_fill_seconds);
    const unknown = Object.keys(b).filter((k) => !['t', 'lang', 'website', 'phone', 'name', 'email', 'note', 'slot'].includes(k));
    if (b.website || unknown.length || (!token.ok && token.reason !== 'too_fast' && token.reason !== 'expired')) return send(reply, 400, refusedPage(base), d);
    const again = async (status: number, problem: string) => {
      const { calendar, slots } = await openCallbackSlots(db, d);
      return send(reply, status, bookingPage({ ...base, slots, timeZone: calendar.timeZone, token: issueFormToken(d.form_secret, d.account_id), values: b, problem }), d);
    };
    if (!token.ok) return again(422, l === 'nl' ? 'Het formulier werd erg snel verstuurd of stond te lang open. Verstuur het opnieuw.' : 'The form was sent very quickly or was open too long. Please send it again.');
    try {
      const booked = await bookCallback(db, d, {
        slotStart: new Date(b.slot ?? ''), phone: b.phone ?? '', name: b.name?.trim() || undefined, email: b.email?.trim() || undefined, note: b.note, language: l,
        managePath: (secret) => `${req.protocol}://${req.host}${callbackPath(d.slug, l, `/${secret}`)}`,
      });
      const { calendar } = await openCallbackSlots(db, d);
      return send(reply, 200, bookedPage({ ...base, start: booked.start, end: booked.end, timeZone: calendar.timeZone, phone: booked.phone, ref: booked.caseRef,
        managePath: callbackPath(d.slug, l, `/${booked.manageSecret}`) }), d);
    } catch (err) {
      if (err instanceof AppError && err.status < 500) return again(err.status === 409 ? 409 : 422, err.message);
      throw err;
    }
  });

  const manage = { ...hidden, schema: { ...hidden.schema, params: z.object({ slug: z.string(), secret: z.string() }) } };
  const showManage = async (reply: FastifyReply, d: Door, l: Lang, secret: string, status = 200, problem?: string) => {
    const bk = await findBooking(db, secret);
    if (!bk || bk.account_id !== d.account_id) return send(reply, 404, contactNotFoundPage(l), null);
    const { calendar, slots } = await openCallbackSlots(db, d);
    return send(reply, status, managePage({ slug: d.slug, name: d.account_name, lang: l, secret, state: bk.state, start: bk.slot_start, end: bk.slot_end,
      timeZone: calendar.timeZone, phone: bk.phone, ref: bk.ref, slots, problem }), d);
  };
  r.get('/contact/:slug/callback/:secret', manage, async (req, reply) => {
    const l = lang(req.query.lang, req.headers['accept-language']);
    const d = await door(req.params.slug);
    if (!d) return send(reply, 404, contactNotFoundPage(l), null);
    return showManage(reply, d, l, req.params.secret);
  });
  r.post('/contact/:slug/callback/:secret/cancel', { ...manage, schema: { ...manage.schema, body: form.optional() } }, async (req, reply) => {
    const l = lang(req.query.lang, req.headers['accept-language']);
    const d = await door(req.params.slug);
    if (!d || !(await findBooking(db, req.params.secret))) return send(reply, 404, contactNotFoundPage(l), null);
    await cancelCallback(db, req.params.secret);
    return showManage(reply, d, l, req.params.secret);
  });
  r.post('/contact/:slug/callback/:secret/move', { ...manage, schema: { ...manage.schema, body: form } }, async (req, reply) => {
    const l = lang(req.query.lang, req.headers['accept-language']);
    const d = await door(req.params.slug);
    if (!d) return send(reply, 404, contactNotFoundPage(l), null);
    try {
      await moveCallback(db, d, req.params.secret, new Date(req.body.slot ?? ''));
      return showManage(reply, d, l, req.params.secret);
    } catch (err) {
      if (err instanceof AppError && err.status < 500) return showManage(reply, d, l, req.params.secret, err.status, err.message);
      throw err;
    }
  });
}
