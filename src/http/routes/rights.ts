import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import type { Reads } from '../read-your-writes.ts';
import { CONTACT_PURPOSES, PREFERENCE_KINDS, type ContactPurpose, type PreferenceKind } from '../../rights/contact-decision.ts';
import { listContactPreferences } from '../../rights/list-contact-preferences.ts';
import { mayContact } from '../../rights/may-contact.ts';
import { setContactPreference } from '../../rights/set-contact-preference.ts';
import { unsubscribe } from '../../rights/unsubscribe.ts';
import { exportCustomer } from '../../rights/export-customer.ts';
import { eraseCustomer } from '../../rights/erase-customer.ts';
import { getRetentionRules, retentionPatch, updateRetentionRules } from '../../rights/retention-rules.ts';
import { listRetentionRuns, runRetention } from '../../rights/run-retention.ts';
import { findRightsLink } from '../../rights/rights-links.ts';
import { AppError } from '../../shared/errors.ts';
import { escapeHtml } from '../public/html.ts';
import { rightsPage, sendRightsPage } from '../public/rights-pages.ts';
import { actorOf } from '../auth.ts';
import { surveyRoutes } from './surveys.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

const kind = z.enum(PREFERENCE_KINDS as [PreferenceKind, ...PreferenceKind[]]);
const purpose = z.enum(CONTACT_PURPOSES as [ContactPurpose, ...ContactPurpose[]]);
export const preferenceSchema = z
  .object({
    customer_id: z.string(), kind, allowed: z.boolean(),
    source: z.enum(['agent', 'message', 'unsubscribe', 'import']).nullable().describe('null: nobody set it (allowed)'),
    message_id: z.string().nullable(), case_id: z.string().nullable(),
    sentence: z.string().nullable().describe('source message: the sentence in which the customer said it'),
    set_by: z.string().nullable(), set_at: res.time.nullable(),
  })
  .describe('Contact preference');
const token = z.object({ token: z.string().max(200) }).strict();
const KIND_NL: Record<PreferenceKind, string> = { sales: 'aanbiedingen en verkoop', surveys: 'enquêtes', announcements: 'nieuwsbrieven en aankondigingen' };
const KIND_EN: Record<PreferenceKind, string> = { sales: 'offers and sales', surveys: 'surveys', announcements: 'newsletters and announcements' };

export function rightsRoutes(app: FastifyInstance, db: Db, reads: Reads) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['rights'];
  surveyRoutes(app, db, reads);

  r.get('/api/v1/customers/:id/contact-preferences', {
    config: { permission: 'customers.read' },
    schema: { tags, summary: 'A customer\'s contact preferences per kind, with where each came from (service messages are always allowed)', params: s.idParams,
      response: { 200: res.listOf(preferenceSchema), ...res.errors } },
  }, async (req) => ({ data: await listContactPreferences(db, actorOf(req).accountId, req.params.id) }));

  r.put('/api/v1/customers/:id/contact-preferences/:kind', {
    config: { permission: 'customers.write' },
    schema: { tags, summary: 'Set a contact preference by hand (also: undo an opt-out read from a message). Audited.',
      params: z.object({ id: s.id, kind }).strict(), body: z.object({ allowed: z.boolean() }).strict(),
      response: { 200: preferenceSchema, ...res.errors } },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction((tx) => setContactPreference(tx, actor, { customerId: req.params.id, kind: req.params.kind, allowed: req.body.allowed, source: 'agent' }));
  });

  r.get('/api/v1/customers/:id/may-contact', {
    config: { permission: 'customers.read' },
    schema: { tags, summary: 'Whether this customer may be contacted for a purpose: the one decision every outbound path uses',
      params: s.idParams, querystring: z.object({ purpose }).strict(),
      response: { 200: z.object({ allowed: z.boolean(), reason: z.enum(['opted_out', 'erased']).optional(), kind: kind.optional(), source: z.string().optional() }), ...res.errors } },
  }, async (req) => {
    const actor = actorOf(req);
    const [c] = await db.query('SELECT 1 FROM customers WHERE account_id = $1 AND id = $2', [actor.accountId, req.params.id]);
    if (!c) throw new AppError('customer_not_found', `Customer ${req.params.id} does not exist in this account`, 404);
    return mayContact(db, actor.accountId, req.params.id, req.query.purpose);
  });

  r.get('/api/v1/customers/:id/export', {
    config: { permission: 'customers.export' },
    schema: { tags, summary: 'GDPR export (art. 15/20): everything held about the customer as a ZIP of JSON files plus attachments; streamed; audited (supervisor)',
      params: s.idParams, response: { 200: z.any().describe('application/zip'), ...res.errors } },
  }, async (req, reply) => {
    const { filename, stream } = await exportCustomer(db, actorOf(req), req.params.id);
    return reply.headers({ 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' }).send(stream);
  });

  r.post('/api/v1/customers/:id/erase', {
    config: { permission: 'customers.erase' },
    schema: { tags, summary: 'GDPR erasure (art. 17): removes or anonymises the customer\'s personal data everywhere; cannot be undone (admin). Open promises or refunds need override (the promises are cancelled, the refunds rejected).',
      params: s.idParams,
      body: z.object({ reason: z.string().trim().min(1).max(1000), override: z.boolean().default(false) }).strict(),
      response: { 200: z.object({ customer_id: z.string(), cases: z.number(), messages: z.number(), attachments: z.number(), audit_rows_redacted: z.number(), open_promises_cancelled: z.number(), open_refunds_rejected: z.number() }), ...res.errors } },
  }, async (req) => eraseCustomer(db, actorOf(req), { customerId: req.params.id, reason: req.body.reason, override: req.body.override }));

  const rules = z.object({ enabled: z.boolean(), anonymise_closed_cases_after_months: z.number().nullable(), delete_attachments_after_months: z.number().nullable() }).describe('Retention rules');
  const retentionResult = z.object({
    dry_run: z.boolean(), run_id: z.string().nullable(), rules, cases_anonymised: z.number(), messages_anonymised: z.number(), attachments_deleted: z.number(),
    case_refs: z.array(z.string()).describe('the first 50 cases concerned'),
  });
  r.get('/api/v1/settings/retention', { config: { permission: 'settings.read' }, schema: { tags, summary: 'The account\'s retention rules (null: keep)', response: { 200: rules, ...res.errors } } },
    async (req) => getRetentionRules(db, actorOf(req).accountId));
  r.patch('/api/v1/settings/retention', {
    config: { permission: 'retention.manage' },
    schema: { tags, summary: 'Set the retention rules (admin); preview before switching them on', body: retentionPatch, response: { 200: rules, ...res.errors } },
  }, async (req) => updateRetentionRules(db, actorOf(req), req.body));
  r.get('/api/v1/retention/preview', { config: { permission: 'retention.manage' }, schema: { tags, summary: 'What the retention rules would remove now (changes nothing; admin)', response: { 200: retentionResult, ...res.errors } } },
    async (req) => runRetention(db, actorOf(req), { dryRun: true }));
  r.post('/api/v1/retention/run', { config: { permission: 'retention.manage' }, schema: { tags, summary: 'Run the retention rules now (admin; they also run daily by themselves when on)', response: { 200: retentionResult, ...res.errors } } },
    async (req) => runRetention(db, actorOf(req), { dryRun: false }));
  r.get('/api/v1/retention/runs', {
    config: { permission: 'settings.read' },
    schema: { tags, summary: 'What each retention run did (counts)', response: { 200: res.listOf(z.object({ id: z.string(), cases_anonymised: z.number(), messages_anonymised: z.number(), attachments_deleted: z.number(), started_at: res.time, finished_at: res.time.nullable() })), ...res.errors } },
  }, async (req) => ({ data: await listRetentionRuns(db, actorOf(req).accountId) }));

  // One-click unsubscribe (RFC 8058): no sign-in; the token names one customer and kind. GET only
  // shows a button (link scanners fetch links), POST — from the button or the mail client — acts.
  app.register(async (pub) => {
    pub.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => done(null, body));
    pub.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => done(null, body));
    const p = pub.withTypeProvider<ZodTypeProvider>();
    const hidden = { config: { permission: 'public' }, schema: { hide: true, params: token } } as const;
    p.get('/u/:token', hidden, async (req, reply) => {
      const link = await findRightsLink(db, req.params.token);
      if (!link || link.purpose !== 'unsubscribe' || !link.kind) return sendRightsPage(reply, 404, invalidPage());
      const k = link.kind;
      return sendRightsPage(reply, 200, rightsPage('Afmelden', `<h1>Afmelden voor ${escapeHtml(KIND_NL[k])}?</h1>` +
        `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit" style="font:inherit;padding:.5rem 1rem">Afmelden · Unsubscribe</button></form>` +
        `<p lang="en">Unsubscribe from ${escapeHtml(KIND_EN[k])}? Messages about your own questions keep reaching you.</p>`));
    });
    p.post('/u/:token', hidden, async (req, reply) => {
      try {
        const { kind: k } = await unsubscribe(db, req.params.token);
        return sendRightsPage(reply, 200, rightsPage('Afgemeld', `<h1>U bent afgemeld voor ${escapeHtml(KIND_NL[k])}.</h1>` +
          `<p>Berichten over uw eigen vragen ontvangt u nog wel.</p><p lang="en">You are unsubscribed from ${escapeHtml(KIND_EN[k])}. Messages about your own questions still reach you.</p>`));
      } catch (err) {
        if (err instanceof AppError && err.status === 404) return sendRightsPage(reply, 404, invalidPage());
        throw err;
      }
    });
  });
}

const invalidPage = () => rightsPage('Link ongeldig', '<h1>Deze link is niet (meer) geldig.</h1><p lang="en">This link is not valid.</p>');
