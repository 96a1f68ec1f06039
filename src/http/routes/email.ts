import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import type { Config } from '../../config.ts';
import { createInbox, updateInbox } from '../../intake/inboxes/save-inbox.ts';
import { listInboxes } from '../../intake/inboxes/list-inboxes.ts';
import { getMailDefaults, updateMailDefaults } from '../../intake/inboxes/mail-defaults.ts';
import { loadInbox, publicInbox } from '../../intake/inboxes/store.ts';
import { confirmInboxCode, type ResolveTxt, sendInboxVerification, verifyInboxByDns } from '../../intake/inboxes/verify-inbox.ts';
import { downloadHeaders, getAttachment } from '../../intake/get-attachment.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

const inbox = z
  .object({
    id: z.string(), address: z.string(), name: z.string().describe('the sender name on every mail from this inbox (From and Reply-To display name), e.g. "Klantenservice Parkeren"; empty: the account\'s default'),
    team_id: z.string().nullable(), acknowledge: z.boolean(), signature_nl: z.string(), signature_en: z.string(),
    imap_url: z.string().nullable().describe('without password'), imap_has_password: z.boolean(), imap_move_to: z.string().nullable(),
    imap_last_uid: z.number().int(), imap_polled_at: res.time.nullable(), imap_error: z.string().nullable(), created_at: res.time,
    verified: z.boolean().describe('mail to the address reaches this account only when true (proof that the account controls the address)'),
    verification: z.object({
      verified_at: res.time.nullable(),
      verified_by: z.enum(['mail', 'dns', 'admin', 'existing']).nullable()
        .describe('mail: the code from the verification mail; dns: a TXT record; admin: `luister inbox verify`; existing: an inbox from before verification existed'),
      code_sent_at: res.time.nullable().describe('when the latest verification mail was asked for'),
      code_expires_at: res.time.nullable(),
      dns_record: z.object({ type: z.literal('TXT'), name: z.string(), value: z.string() }).nullable()
        .describe('publish this record on the address\'s domain, then POST …/verify-dns (instead of the code)'),
    }),
  })
  .describe('Inbox');
const pollReport = z.object({
  fetched: z.number().int(), stored: z.number().int(), duplicates: z.number().int(), refused: z.number().int(),
  failed: z.number().int(), lastUid: z.number().int(), error: z.string().nullable(),
});
const fields = {
  name: z.string().trim().max(200).describe('the sender name of mail from this inbox, e.g. "Klantenservice Parkeren"; empty: the account\'s (GET /api/v1/settings/mail)'),
  team_id: s.id.nullable(),
  acknowledge: z.boolean().describe('send an acknowledgement for each new case (default true)'),
  imap_url: z.string().max(1000).nullable().describe('imaps://user@host:993/INBOX to fetch mail from an existing mailbox'),
  imap_password: z.string().max(1000).nullable(),
  imap_move_to: z.string().trim().min(1).max(200).nullable().describe('folder to move fetched mail to; default: mark it \\Seen'),
  signature_nl: z.string().max(2000).describe('closing lines under every reply and acknowledgement in Dutch, after "-- "; empty: the English one when only that is set, the account\'s default when both are empty'),
  signature_en: z.string().max(2000).describe('closing lines in English (and other languages); empty: the Dutch one when only that is set, the account\'s default when both are empty'),
};
const mailDefaults = z.object({
  sender_name: z.string().describe('the sender name of an inbox without its own; empty: the account\'s name'),
  signature_nl: z.string(), signature_en: z.string(),
  account_name: z.string().describe('the name used when sender_name is empty'),
}).describe('MailDefaults');

export interface EmailRouteOptions {
  /** DNS TXT lookups for inbox verification (tests stub it) */
  resolveTxt?: ResolveTxt;
}

export function emailRoutes(app: FastifyInstance, db: Db, config: Config, opts: EmailRouteOptions = {}) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['email'];

  r.get('/api/v1/inboxes', { config: { permission: 'settings.read' }, schema: { tags, summary: 'List inboxes', response: { 200: res.listOf(inbox), ...res.errors } } }, async (req) =>
    listInboxes(db, actorOf(req).accountId));

  r.get('/api/v1/settings/mail', {
    config: { permission: 'settings.read' },
    schema: { tags, summary: 'The account\'s sender name and signature for inboxes without their own', response: { 200: mailDefaults, ...res.errors } },
  }, async (req) => getMailDefaults(db, actorOf(req).accountId));

  r.patch('/api/v1/settings/mail', {
    config: { permission: 'inboxes.manage' },
    schema: {
      tags, summary: 'Change the account\'s default sender name and signature (admin); a field left out keeps its value',
      description: 'Used by every inbox whose own sender name (or both of whose signatures) is empty: replies, acknowledgements, surveys, portal links.',
      body: z.object({
        sender_name: z.string().trim().max(200), signature_nl: fields.signature_nl.describe('the default closing lines in Dutch'),
        signature_en: fields.signature_en.describe('the default closing lines in English (and other languages)'),
      }).partial().strict(),
      response: { 200: mailDefaults, ...res.errors },
    },
  }, async (req) => updateMailDefaults(db, actorOf(req), req.body));

  r.post('/api/v1/inboxes', {
    config: { permission: 'inboxes.manage' },
    schema: {
      tags, summary: 'Add an inbox (admin): an address mail arrives at, optionally an IMAP mailbox to fetch',
      description: 'Mail to the address reaches the account once the inbox is verified: a verification mail with a code goes to the address ' +
        '(POST …/verify with the code), or publish the DNS TXT record shown (POST …/verify-dns). 409 inbox_address_taken only for an address of this account.',
      body: z.object({ address: z.string().trim().min(3).max(254), ...fields, name: fields.name.optional(), team_id: fields.team_id.optional(),
        acknowledge: fields.acknowledge.optional(), imap_url: fields.imap_url.optional(), imap_password: fields.imap_password.optional(),
        imap_move_to: fields.imap_move_to.optional(), signature_nl: fields.signature_nl.optional(), signature_en: fields.signature_en.optional() }).strict(),
      response: { 201: inbox, ...res.errors },
    },
  }, async (req, reply) => reply.code(201).send(await createInbox(db, actorOf(req), req.body)));

  r.get('/api/v1/inboxes/:id', { config: { permission: 'settings.read' }, schema: { tags, summary: 'One inbox', params: s.idParams, response: { 200: inbox, ...res.errors } } }, async (req) =>
    publicInbox(await loadInbox(db, actorOf(req).accountId, req.params.id)));

  r.patch('/api/v1/inboxes/:id', {
    config: { permission: 'inboxes.manage' },
    schema: {
      tags, summary: 'Change an inbox (admin)', params: s.idParams,
      body: z.object({ address: z.string().trim().min(3).max(254), ...fields }).partial().strict(),
      response: { 200: inbox, ...res.errors },
    },
  }, async (req) => updateInbox(db, actorOf(req), req.params.id, req.body));

  r.post('/api/v1/inboxes/:id/verification', {
    config: { permission: 'inboxes.manage' },
    schema: { tags, summary: 'Send the verification mail (again) to the inbox address (admin); at most once a minute', params: s.idParams,
      body: z.object({}).strict().nullish(), response: { 200: inbox, ...res.errors } },
  }, async (req) => sendInboxVerification(db, actorOf(req), req.params.id));

  r.post('/api/v1/inboxes/:id/verify', {
    config: { permission: 'inboxes.manage' },
    schema: { tags, summary: 'Verify the inbox with the code from the verification mail (admin); mail to the address is routed to this account from now on',
      params: s.idParams, body: z.object({ code: z.string().trim().min(4).max(40) }).strict(), response: { 200: inbox, ...res.errors } },
  }, async (req) => confirmInboxCode(db, actorOf(req), req.params.id, req.body.code));

  r.post('/api/v1/inboxes/:id/verify-dns', {
    config: { permission: 'inboxes.manage' },
    schema: { tags, summary: 'Verify the inbox by the DNS TXT record shown in verification.dns_record (admin)', params: s.idParams,
      body: z.object({}).strict().nullish(), response: { 200: inbox, ...res.errors } },
  }, async (req) => verifyInboxByDns(db, actorOf(req), req.params.id, opts.resolveTxt));

  r.post('/api/v1/inboxes/:id/poll', {
    config: { permission: 'inboxes.manage' },
    schema: { tags, summary: 'Fetch new mail from the inbox\'s IMAP mailbox now (admin)', params: s.idParams, body: z.object({}).strict().optional(), response: { 200: pollReport, ...res.errors } },
  }, async (req) => {
    const actor = actorOf(req);
    const row = await loadInbox(db, actor.accountId, req.params.id);
    const { pollInbox } = await import('../../intake/channels/email/imap-poll.ts');
    return pollInbox(db, row, config);
  });

  r.get('/api/v1/attachments/:id', {
    config: { permission: 'cases.read' },
    schema: { tags, summary: 'Download an attachment (always as a file, never shown inline)', params: s.idParams,
      response: { 200: z.any().describe('the bytes, as application/octet-stream'), ...res.errors } },
  }, async (req, reply) => {
    const a = await getAttachment(db, actorOf(req).accountId, req.params.id);
    return reply.headers(downloadHeaders(a.filename, a.content.length)).send(a.content);
  });
}
