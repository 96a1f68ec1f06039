import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../src/http/app.ts';
import type { Db } from '../../src/storage/db.ts';
import { EVENT_NAMES } from '../../src/webhooks/events.ts';
import { snapshotAccount } from '../account-snapshot.ts';
import { routeFor, routesOf } from '../routes.ts';
import { newAccount, testApp, testConfig, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

/**
 * Bad input never gets further than a 4xx with a clear `error.code` and message, and writes
 * nothing: every table of the account is fingerprinted (row count and a hash of the rows)
 * before and after each request. One row of a table below is one request.
 */

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
type Headers = Record<string, string>;

interface Bad {
  name: string;
  method: Method;
  url: string;
  /** an object is sent as JSON; a string or Buffer is sent as is (set contentType) */
  payload?: unknown;
  contentType?: string;
  /** credentials; the account's admin token unless given (null: none) */
  auth?: Headers | null;
  headers?: Headers;
  status: number;
  code: string;
  message?: RegExp;
}

interface Fixture {
  acc: TestAccount;
  agentToken: Headers;
  supervisorToken: Headers;
  revokedToken: Headers;
  wrongSecret: Headers;
  agentSession: Headers;
  spareTokenId: string;
  teamId: string;
  teamName: string;
  agent2: string;
  agent2Email: string;
  webhookId: string;
  customerId: string;
  customerEmail: string;
  customerPhone: string;
  identityId: string;
  customer2: string;
  customer2Email: string;
  caseId: string;
  caseRef: string;
  ownedCaseId: string;
  ownedCaseRef: string;
  transferId: string;
  articleId: string;
  templateId: string;
  macroId: string;
  organisationId: string;
  fieldId: string;
  customRoleId: string;
  spamCaseId: string;
  mergeCaseId: string;
  firstMessageId: string;
  blockedId: string;
  problemId: string;
  refundId: string;
  findingId: string;
  tariffRuleId: string;
  batchId: string;
  signalId: string;
  vulnerabilitySignId: string;
  topicIds: string[];
  inboxId: string;
  inboxAddress: string;
  attachmentId: string;
  promiseId: string;
  draftId: string;
  notificationId: string;
  slaPolicyId: string;
  routingRuleId: string;
  componentId: string;
  incidentId: string;
  announcementId: string;
}

const NIL = '00000000-0000-4000-8000-000000000000';
const FUTURE = new Date(Date.now() + 7 * 86_400_000).toISOString();
const PAST = new Date(Date.now() - 86_400_000).toISOString();
const MB = 1024 * 1024;
const ANNOUNCEMENT_CONTENT = { nl: { subject: 'Nieuwe naam', body: 'Wij heten voortaan Blauw.', plain: 'Wij krijgen een nieuwe naam.' } };
const INCIDENT_PARTS = { nl: { happened: 'Storing', doing: 'Monteurs zijn onderweg', means: 'Geen internet' } };

let ctx: TestContext;
let app: FastifyInstance;
let db: Db;
let f: Fixture;

// ---------------------------------------------------------------------------------------------
// what "nothing was written" means: every table of the account, row by row

const snapshot = (accountId: string) => snapshotAccount(db, accountId);

// ---------------------------------------------------------------------------------------------

function injectOptions(r: Omit<Bad, 'status' | 'code' | 'name'>): InjectOptions {
  const headers: Headers = { ...(r.auth === null ? {} : (r.auth ?? f.acc.auth)), ...(r.headers ?? {}) };
  let payload: InjectOptions['payload'];
  if (r.payload !== undefined) {
    if (typeof r.payload === 'string' || Buffer.isBuffer(r.payload)) payload = r.payload;
    else payload = JSON.stringify(r.payload);
    headers['content-type'] = r.contentType ?? 'application/json';
  } else if (r.contentType) {
    headers['content-type'] = r.contentType;
  }
  return { method: r.method, url: r.url, headers, payload };
}

async function call(r: Omit<Bad, 'status' | 'code' | 'name'>) {
  return app.inject(injectOptions(r));
}

/** The request is refused with the status and code, a readable message, and nothing changes. */
async function expectRejected(bad: Bad, accountId = f.acc.accountId) {
  const before = await snapshot(accountId);
  const res = await call(bad);
  const where = `${bad.method} ${bad.url} → ${res.statusCode} ${res.body.slice(0, 400)}`;
  assert.equal(res.statusCode, bad.status, where);
  assert.match(String(res.headers['content-type']), /^application\/json/, where);
  const { error } = res.json() as { error: { code: string; message: string; request_id: string } };
  assert.equal(error.code, bad.code, where);
  assert.equal(typeof error.message, 'string', where);
  assert.ok(error.message.length >= 10, `the message explains the problem: ${where}`);
  if (bad.message) assert.match(error.message, bad.message, where);
  // a replayed response (Idempotency-Key) carries the request id of the request it answered first
  if (res.headers['idempotent-replayed'] !== 'true') assert.equal(error.request_id, res.headers['x-request-id'], where);
  assert.doesNotMatch(res.body, /at .*\.ts:\d+|node_modules/, `no stack trace leaks: ${where}`);
  assert.deepEqual(await snapshot(accountId), before, `nothing was written: ${where}`);
}

/** The tables aimed at the input itself (not at credentials or roles); the guard below reads them. */
const inputTables: Array<() => Bad[]> = [];

function runTable(title: string, build: () => Bad[], { input = true } = {}) {
  if (input) inputTables.push(build);
  test(title, async (t) => {
    for (const bad of build()) await t.test(bad.name, () => expectRejected(bad));
  });
}

async function ok<T = Record<string, any>>(method: Method, url: string, payload?: unknown, auth: Headers = f.acc.auth): Promise<T> {
  const res = await call({ method, url, payload, auth });
  assert.ok(res.statusCode >= 200 && res.statusCode < 300, `${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

// ---------------------------------------------------------------------------------------------
// the routes, from the router itself


/** Routes that take no input at all: no params, no query, no body. */
const NO_INPUT = new Set(['GET /api/v1/settings/refunds', 'GET /api/v1/tariff-rules', 'GET /api/v1/refund-batches', 'GET /api/v1/settings/insight', 'GET /api/v1/help-centre', 'GET /api/v1/problems', 'GET /api/v1/me', 'GET /api/v1/agents', 'GET /api/v1/teams', 'GET /api/v1/tokens', 'GET /api/v1/webhooks', 'GET /api/v1/settings/reply-checks', 'GET /api/v1/templates', 'GET /api/v1/macros', 'GET /api/v1/inboxes', 'GET /api/v1/drafts', 'GET /api/v1/settings/service', 'GET /api/v1/sla-policies', 'GET /api/v1/routing/agents', 'GET /api/v1/routing/rules', 'GET /api/v1/settings/listening', 'GET /api/v1/settings/retention', 'GET /api/v1/settings/surveys', 'GET /api/v1/retention/preview', 'POST /api/v1/retention/run', 'GET /api/v1/retention/runs', 'GET /api/v1/settings/announcements', 'GET /api/v1/status-components', 'GET /api/v1/channels', 'GET /api/v1/channels/connections', 'GET /api/v1/auth/sso', 'GET /api/v1/sso', 'DELETE /api/v1/sso', 'GET /api/v1/imports', 'GET /api/v1/two-factor', 'GET /api/v1/two-factor/policy', 'GET /api/v1/blocked-senders', 'GET /api/v1/settings/autoclose', 'GET /api/v1/settings/mail', 'GET /api/v1/permissions', 'GET /api/v1/roles', 'GET /api/v1/portal/settings']);
/** Public routes (no credentials needed). */
const PUBLIC = new Set(['POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'GET /api/v1/auth/sso', 'POST /api/v1/auth/two-factor', 'GET /setup', 'POST /setup',
  'GET /api/public/v1/chat/:slug/status', 'POST /api/public/v1/chat/:slug/messages', 'POST /api/public/v1/chat/:slug/person',
  'GET /api/public/v1/chat/:slug/entries', 'GET /api/public/v1/chat/:slug/stream',
  'POST /api/public/v1/phone/:slug/events', 'GET /api/public/v1/whatsapp/:slug', 'POST /api/public/v1/whatsapp/:slug', 'POST /api/public/v1/messages/:slug']);
const isApiRoute = (r: string) => / \/api\/|^(GET|POST) \/setup$/.test(r);

/** One request per route that WOULD succeed (or at least reach the use case) with the right credentials. */
function validRequests(): Record<string, { url: string; payload?: unknown }> {
  return {
    'GET /api/v1/me': { url: '/api/v1/me' },
    'POST /api/v1/auth/login': { url: '/api/v1/auth/login', payload: { email: f.agent2Email, password: 'agent2 heeft een lang wachtwoord' } },
    'POST /api/v1/auth/logout': { url: '/api/v1/auth/logout' },
    'POST /api/v1/auth/two-factor': { url: '/api/v1/auth/two-factor', payload: { challenge_token: 'lsc_x', code: '123456' } },
    'GET /api/v1/two-factor': { url: '/api/v1/two-factor' },
    'POST /api/v1/two-factor/enrolment': { url: '/api/v1/two-factor/enrolment', payload: {} },
    'POST /api/v1/two-factor/enrolment/confirm': { url: '/api/v1/two-factor/enrolment/confirm', payload: { code: '123456' } },
    'POST /api/v1/two-factor/disable': { url: '/api/v1/two-factor/disable', payload: { code: '123456' } },
    'GET /api/v1/two-factor/policy': { url: '/api/v1/two-factor/policy' },
    'PUT /api/v1/two-factor/policy': { url: '/api/v1/two-factor/policy', payload: { required_roles: [] } },
    'PUT /api/v1/agents/:id/two-factor': { url: `/api/v1/agents/${f.agent2}/two-factor`, payload: { required: false } },
    'DELETE /api/v1/agents/:id/two-factor': { url: `/api/v1/agents/${f.acc.adminId}/two-factor` },
    'GET /setup': { url: '/setup?token=x' },
    'POST /setup': { url: '/setup', payload: { token: 'x', account_name: 'X', admin_email: uniqueEmail(), admin_name: 'X', admin_password: '0123456789' } },
    'GET /api/v1/agents': { url: '/api/v1/agents' },
    'POST /api/v1/agents': { url: '/api/v1/agents', payload: { email: uniqueEmail('agent'), name: 'Nieuwe collega' } },
    'PATCH /api/v1/agents/:id': { url: `/api/v1/agents/${f.agent2}`, payload: { name: 'Andere naam' } },
    'GET /api/v1/teams': { url: '/api/v1/teams' },
    'POST /api/v1/teams': { url: '/api/v1/teams', payload: { name: `Team ${Date.now()}` } },
    'GET /api/v1/tokens': { url: '/api/v1/tokens' },
    'POST /api/v1/tokens': { url: '/api/v1/tokens', payload: { name: 'nieuw', role: 'admin' } },
    'DELETE /api/v1/tokens/:id': { url: `/api/v1/tokens/${f.spareTokenId}` },
    'GET /api/v1/search': { url: '/api/v1/search?q=factuur' },
    'GET /api/v1/articles': { url: '/api/v1/articles' },
    'POST /api/v1/articles': { url: '/api/v1/articles', payload: { translations: { nl: { title: 'Nieuw artikel', body: 'Tekst' } } } },
    'GET /api/v1/articles/search': { url: '/api/v1/articles/search?q=retour' },
    'GET /api/v1/articles/:id': { url: `/api/v1/articles/${f.articleId}` },
    'PATCH /api/v1/articles/:id': { url: `/api/v1/articles/${f.articleId}`, payload: { tags: ['Anders'] } },
    'GET /api/v1/articles/:id/versions': { url: `/api/v1/articles/${f.articleId}/versions` },
    'GET /api/v1/articles/:id/diff': { url: `/api/v1/articles/${f.articleId}/diff?from=1&to=1` },
    'POST /api/v1/articles/:id/publish': { url: `/api/v1/articles/${f.articleId}/publish` },
    'POST /api/v1/articles/:id/unpublish': { url: `/api/v1/articles/${f.articleId}/unpublish` },
    'GET /api/v1/cases/:id/suggestions': { url: `/api/v1/cases/${f.caseId}/suggestions` },
    'GET /api/v1/help-centre': { url: '/api/v1/help-centre' },
    'PUT /api/v1/help-centre': { url: '/api/v1/help-centre', payload: { slug: `hulp-${process.pid}`, contact: { email: 'hulp@example.test' } } },
    'GET /api/v1/webhooks': { url: '/api/v1/webhooks' },
    'POST /api/v1/webhooks': { url: '/api/v1/webhooks', payload: { url: 'https://example.test/hook2', events: ['case.created'] } },
    'DELETE /api/v1/webhooks/:id': { url: `/api/v1/webhooks/${f.webhookId}` },
    'GET /api/v1/webhooks/:id/deliveries': { url: `/api/v1/webhooks/${f.webhookId}/deliveries` },
    'GET /api/v1/audit': { url: '/api/v1/audit' },
    'GET /api/v1/customers': { url: '/api/v1/customers' },
    'POST /api/v1/customers': { url: '/api/v1/customers', payload: { email: uniqueEmail() } },
    'POST /api/v1/customers/import': { url: '/api/v1/customers/import', payload: { csv: `name,email\nNieuw,${uniqueEmail()}\n` } },
    'GET /api/v1/customers/:id': { url: `/api/v1/customers/${f.customerId}` },
    'PATCH /api/v1/customers/:id': { url: `/api/v1/customers/${f.customerId}`, payload: { name: 'Andere naam' } },
    'POST /api/v1/customers/:id/identities': { url: `/api/v1/customers/${f.customerId}/identities`, payload: { kind: 'email', value: uniqueEmail() } },
    'DELETE /api/v1/customers/:id/identities/:identity_id': { url: `/api/v1/customers/${f.customerId}/identities/${f.identityId}` },
    'POST /api/v1/customers/:id/merge': { url: `/api/v1/customers/${f.customerId}/merge`, payload: { customer_id: f.customer2 } },
    'PUT /api/v1/customers/:id/refund-account': { url: `/api/v1/customers/${f.customerId}/refund-account`, payload: { iban: 'NL44 RABO 0123 4567 89', account_holder: 'Jan Jansen' } },
    'POST /api/v1/customers/:id/cancellations': { url: `/api/v1/customers/${f.customerId}/cancellations`, payload: { cancelled_at: '2026-11-01T00:00:00+01:00', product: 'abonnement' } },
    'GET /api/v1/customers/:id/cancellations': { url: `/api/v1/customers/${f.customerId}/cancellations` },
    'GET /api/v1/cases': { url: '/api/v1/cases' },
    'POST /api/v1/cases': { url: '/api/v1/cases', payload: { customer: { email: uniqueEmail() }, message: { body: 'Hallo' } } },
    'GET /api/v1/cases/:id': { url: `/api/v1/cases/${f.caseId}` },
    'PATCH /api/v1/cases/:id': { url: `/api/v1/cases/${f.caseId}`, payload: { priority: 'urgent' } },
    'POST /api/v1/cases/:id/messages': { url: `/api/v1/cases/${f.caseId}/messages`, payload: { body: 'Wij kijken ernaar' } },
    'POST /api/v1/cases/:id/notes': { url: `/api/v1/cases/${f.caseId}/notes`, payload: { body: 'Intern' } },
    'POST /api/v1/cases/:id/assign': { url: `/api/v1/cases/${f.caseId}/assign`, payload: { agent_id: f.agent2 } },
    'POST /api/v1/cases/:id/transfers': { url: `/api/v1/cases/${f.ownedCaseId}/transfers`, payload: { to_agent_id: f.agent2 } },
    'POST /api/v1/cases/:id/transfers/:transfer_id/accept': { url: `/api/v1/cases/${f.ownedCaseId}/transfers/${f.transferId}/accept` },
    'POST /api/v1/cases/:id/transfers/:transfer_id/decline': { url: `/api/v1/cases/${f.ownedCaseId}/transfers/${f.transferId}/decline` },
    'POST /api/v1/cases/:id/transfers/:transfer_id/cancel': { url: `/api/v1/cases/${f.ownedCaseId}/transfers/${f.transferId}/cancel` },
    'POST /api/v1/replies/check': { url: '/api/v1/replies/check', payload: { case_id: f.caseId, body: 'Wij kijken ernaar' } },
    'GET /api/v1/settings/reply-checks': { url: '/api/v1/settings/reply-checks' },
    'PATCH /api/v1/settings/reply-checks': { url: '/api/v1/settings/reply-checks', payload: { checks: { thanks: 'off' } } },
    'GET /api/v1/templates': { url: '/api/v1/templates' },
    'POST /api/v1/templates': { url: '/api/v1/templates', payload: { name: `Sjabloon ${Date.now()}`, body: 'Beste {{customer.first_name}}' } },
    'GET /api/v1/templates/:id': { url: `/api/v1/templates/${f.templateId}` },
    'PATCH /api/v1/templates/:id': { url: `/api/v1/templates/${f.templateId}`, payload: { name: 'Andere naam' } },
    'DELETE /api/v1/templates/:id': { url: `/api/v1/templates/${f.templateId}` },
    'POST /api/v1/templates/:id/render': { url: `/api/v1/templates/${f.templateId}/render`, payload: { case_id: f.caseId } },
    'GET /api/v1/problems': { url: '/api/v1/problems' },
    'POST /api/v1/problems': { url: '/api/v1/problems', payload: { title: 'Nieuw probleem' } },
    'GET /api/v1/refunds': { url: '/api/v1/refunds' },
    'POST /api/v1/cases/:id/refunds': { url: `/api/v1/cases/${f.ownedCaseId}/refunds`, payload: { amount_cents: 100, reason: 'te veel betaald', destination: 'original_payment' } },
    'GET /api/v1/refunds/:id': { url: `/api/v1/refunds/${f.refundId}` },
    'POST /api/v1/refunds/:id/approve': { url: `/api/v1/refunds/${f.refundId}/approve`, payload: {} },
    'POST /api/v1/refunds/:id/reject': { url: `/api/v1/refunds/${f.refundId}/reject`, payload: { reason: 'geen dubbele afschrijving' } },
    'POST /api/v1/refunds/:id/paid': { url: `/api/v1/refunds/${f.refundId}/paid`, payload: {} },
    'GET /api/v1/settings/refunds': { url: '/api/v1/settings/refunds' },
    'PATCH /api/v1/settings/refunds': { url: '/api/v1/settings/refunds', payload: { agent_limit_cents: 5000 } },
    // a CSV body, not JSON: its own rows below (not in the JSON body tables)
    'POST /api/v1/ledger/imports': { url: '/api/v1/ledger/imports' },
    // an uploaded file (mbox or ZIP), not JSON: its own rows below
    'POST /api/v1/imports': { url: '/api/v1/imports?source=mbox' },
    'GET /api/v1/imports': { url: '/api/v1/imports' },
    'GET /api/v1/imports/:id': { url: `/api/v1/imports/${NIL}` },
    'POST /api/v1/ledger/detect': { url: '/api/v1/ledger/detect', payload: {} },
    'GET /api/v1/ledger/findings': { url: '/api/v1/ledger/findings' },
    'POST /api/v1/ledger/findings/:id/approve': { url: `/api/v1/ledger/findings/${f.findingId}/approve`, payload: {} },
    'POST /api/v1/ledger/findings/approve': { url: '/api/v1/ledger/findings/approve', payload: { ids: [f.findingId] } },
    'POST /api/v1/ledger/findings/:id/dismiss': { url: `/api/v1/ledger/findings/${f.findingId}/dismiss`, payload: { reason: 'klopt wel' } },
    'GET /api/v1/tariff-rules': { url: '/api/v1/tariff-rules' },
    'POST /api/v1/tariff-rules': { url: '/api/v1/tariff-rules', payload: { product: 'parkeren', unit_price_cents: 5 } },
    'DELETE /api/v1/tariff-rules/:id': { url: `/api/v1/tariff-rules/${f.tariffRuleId}` },
    'POST /api/v1/problems/:id/refund-preview': { url: `/api/v1/problems/${f.problemId}/refund-preview`, payload: {} },
    'POST /api/v1/problems/:id/refund': { url: `/api/v1/problems/${f.problemId}/refund`, payload: {} },
    'GET /api/v1/refund-batches': { url: '/api/v1/refund-batches' },
    'POST /api/v1/refund-batches': { url: '/api/v1/refund-batches', payload: { format: 'pain.001.001.03' } },
    'GET /api/v1/refund-batches/:id/xml': { url: `/api/v1/refund-batches/${f.batchId}/xml` },
    'POST /api/v1/refund-batches/:id/paid': { url: `/api/v1/refund-batches/${f.batchId}/paid`, payload: {} },
    'GET /api/v1/problems/:id': { url: `/api/v1/problems/${f.problemId}` },
    'PATCH /api/v1/problems/:id': { url: `/api/v1/problems/${f.problemId}`, payload: { status: 'identified' } },
    'PUT /api/v1/problems/:id/cases/:case_id': { url: `/api/v1/problems/${f.problemId}/cases/${f.caseId}`, payload: { state: 'confirmed' } },
    'POST /api/v1/problems/:id/reply': { url: `/api/v1/problems/${f.problemId}/reply`, payload: { body: 'Beste {{customer.first_name}}' } },
    'POST /api/v1/problems/:id/note': { url: `/api/v1/problems/${f.problemId}/note`, payload: { body: 'Notitie' } },
    'GET /api/v1/signals': { url: '/api/v1/signals' },
    'GET /api/v1/topics': { url: '/api/v1/topics' },
    'PATCH /api/v1/topics/:id': { url: `/api/v1/topics/${f.topicIds[0]}`, payload: { name: 'Parkeren' } },
    'POST /api/v1/topics/:id/merge': { url: `/api/v1/topics/${f.topicIds[0]}/merge`, payload: { topic_id: f.topicIds[1] } },
    'POST /api/v1/signals/:id/dismiss': { url: `/api/v1/signals/${f.signalId}/dismiss`, payload: {} },
    'POST /api/v1/vulnerability-signs/:id/confirm': { url: `/api/v1/vulnerability-signs/${f.vulnerabilitySignId}/confirm`, payload: {} },
    'POST /api/v1/vulnerability-signs/:id/dismiss': { url: `/api/v1/vulnerability-signs/${f.vulnerabilitySignId}/dismiss`, payload: {} },
    'POST /api/v1/topics/:id/split': { url: `/api/v1/topics/${f.topicIds[0]}/split`, payload: {} },
    'GET /api/v1/inboxes': { url: '/api/v1/inboxes' },
    'POST /api/v1/inboxes': { url: '/api/v1/inboxes', payload: { address: uniqueEmail('support'), name: 'Klantenservice' } },
    'GET /api/v1/inboxes/:id': { url: `/api/v1/inboxes/${f.inboxId}` },
    'PATCH /api/v1/inboxes/:id': { url: `/api/v1/inboxes/${f.inboxId}`, payload: { name: 'Klantenservice Zuid' } },
    'POST /api/v1/inboxes/:id/poll': { url: `/api/v1/inboxes/${f.inboxId}/poll`, payload: {} },
    'POST /api/v1/inboxes/:id/verification': { url: `/api/v1/inboxes/${f.inboxId}/verification`, payload: {} },
    'POST /api/v1/inboxes/:id/verify': { url: `/api/v1/inboxes/${f.inboxId}/verify`, payload: { code: 'ABCDE-FGHJK' } },
    'POST /api/v1/inboxes/:id/verify-dns': { url: `/api/v1/inboxes/${f.inboxId}/verify-dns`, payload: {} },
    'GET /api/v1/attachments/:id': { url: `/api/v1/attachments/${f.attachmentId}` },
    'GET /api/v1/promises': { url: '/api/v1/promises?state=open' },
    'POST /api/v1/cases/:id/promises': { url: `/api/v1/cases/${f.ownedCaseId}/promises`, payload: { kind: 'callback', description: 'Terugbellen', due_at: FUTURE } },
    'GET /api/v1/promises/:id': { url: `/api/v1/promises/${f.promiseId}` },
    'POST /api/v1/promises/:id/keep': { url: `/api/v1/promises/${f.promiseId}/keep`, payload: { action: 'callback_logged' } },
    'POST /api/v1/promises/:id/renegotiate': { url: `/api/v1/promises/${f.promiseId}/renegotiate`, payload: { due_at: FUTURE } },
    'POST /api/v1/promises/:id/cancel': { url: `/api/v1/promises/${f.promiseId}/cancel`, payload: { reason: 'Niet meer nodig' } },
    'GET /api/v1/drafts': { url: '/api/v1/drafts' },
    'POST /api/v1/drafts/:id/approve': { url: `/api/v1/drafts/${f.draftId}/approve`, payload: {} },
    'POST /api/v1/drafts/:id/discard': { url: `/api/v1/drafts/${f.draftId}/discard`, payload: { reason: 'Zelf gebeld' } },
    'GET /api/v1/notifications': { url: '/api/v1/notifications' },
    'POST /api/v1/notifications/:id/read': { url: `/api/v1/notifications/${f.notificationId}/read`, payload: {} },
    'GET /api/v1/settings/service': { url: '/api/v1/settings/service' },
    'PATCH /api/v1/settings/service': { url: '/api/v1/settings/service', payload: { remind_before_minutes: 30 } },
    'GET /api/v1/sla-policies': { url: '/api/v1/sla-policies' },
    'POST /api/v1/sla-policies': { url: '/api/v1/sla-policies', payload: { name: 'Spoed', priority: 'urgent', first_response_minutes: 30 } },
    'PATCH /api/v1/sla-policies/:id': { url: `/api/v1/sla-policies/${f.slaPolicyId}`, payload: { first_response_minutes: 90 } },
    'DELETE /api/v1/sla-policies/:id': { url: `/api/v1/sla-policies/${f.slaPolicyId}` },
    'GET /api/v1/cases/:id/sla': { url: `/api/v1/cases/${f.caseId}/sla` },
    'GET /api/v1/sla/cases': { url: '/api/v1/sla/cases?state=at_risk' },
    'GET /api/v1/cases/:id/brief': { url: `/api/v1/cases/${f.caseId}/brief` },
    'POST /api/v1/cases/:id/escalate': { url: `/api/v1/cases/${f.caseId}/escalate`, payload: { to: 'L2', reason: 'Technische vraag' } },
    'GET /api/v1/routing/agents': { url: '/api/v1/routing/agents' },
    'GET /api/v1/routing/rules': { url: '/api/v1/routing/rules' },
    'POST /api/v1/routing/rules': { url: '/api/v1/routing/rules', payload: { name: 'Factuur', tier: 'L2', conditions: [{ entity: 'case', key: 'oorzaak', op: 'equals', value: 'factuur' }] } },
    'PATCH /api/v1/routing/rules/:id': { url: `/api/v1/routing/rules/${f.routingRuleId}`, payload: { position: 2 } },
    'DELETE /api/v1/routing/rules/:id': { url: `/api/v1/routing/rules/${f.routingRuleId}` },
    'GET /api/v1/settings/listening': { url: '/api/v1/settings/listening' },
    'PATCH /api/v1/settings/listening': { url: '/api/v1/settings/listening', payload: { auto_problem_min_count: 20 } },
    'PUT /api/v1/agents/:id/routing': { url: `/api/v1/agents/${f.agent2}/routing`, payload: { languages: ['nl', 'en'], skills: ['facturen'] } },
    'GET /api/v1/callback-rota': { url: '/api/v1/callback-rota?lang=en' },
    'PUT /api/v1/agents/:id/callback-hours': { url: `/api/v1/agents/${f.agent2}/callback-hours`, payload: { hours_text: 'ma-vr 09:00-12:00', absences_text: '2027-07-19..2027-08-06' } },
    'DELETE /api/v1/agents/:id/callback-hours': { url: `/api/v1/agents/${f.agent2}/callback-hours` },
    'POST /api/v1/cases/:id/route': { url: `/api/v1/cases/${f.caseId}/route`, payload: {} },
    'POST /api/v1/routing/queue': { url: '/api/v1/routing/queue', payload: { limit: 10 } },
    'GET /api/v1/live': { url: '/api/v1/live' },
    'GET /api/v1/channels': { url: '/api/v1/channels' },
    'PUT /api/v1/channels': { url: '/api/v1/channels', payload: { slug: 'bad-input-doors' } },
    'GET /api/v1/auth/sso': { url: '/api/v1/auth/sso' },
    'GET /api/v1/sso': { url: '/api/v1/sso' },
    'PUT /api/v1/sso': { url: '/api/v1/sso', payload: { label: 'Testprovider', discovery_url: 'https://login.example.test/realms/x', client_id: 'luister', client_secret: 'geheim' } },
    'DELETE /api/v1/sso': { url: '/api/v1/sso' },
    'GET /api/public/v1/chat/:slug/status': { url: '/api/public/v1/chat/geen-deur/status' },
    'POST /api/public/v1/chat/:slug/messages': { url: '/api/public/v1/chat/geen-deur/messages', payload: { client_id: 'abcdefgh1', body: 'Hallo' } },
    'POST /api/public/v1/chat/:slug/person': { url: '/api/public/v1/chat/geen-deur/person', payload: {} },
    'GET /api/public/v1/chat/:slug/entries': { url: '/api/public/v1/chat/geen-deur/entries?after=0' },
    'GET /api/public/v1/chat/:slug/stream': { url: '/api/public/v1/chat/geen-deur/stream?after=0' },
    'GET /api/v1/channels/connections': { url: '/api/v1/channels/connections' },
    'GET /api/v1/portal/settings': { url: '/api/v1/portal/settings' },
    'PATCH /api/v1/portal/settings': { url: '/api/v1/portal/settings', payload: { link_minutes: 20 } },
    'PUT /api/v1/channels/phone': { url: '/api/v1/channels/phone', payload: { callback_minutes: 60 } },
    'PUT /api/v1/channels/whatsapp': { url: '/api/v1/channels/whatsapp', payload: { templates: [{ name: 'case_update', language: 'nl' }] } },
    'PUT /api/v1/channels/messaging': { url: '/api/v1/channels/messaging', payload: { enabled: false } },
    'POST /api/public/v1/messages/:slug': { url: '/api/public/v1/messages/geen-deur' },
    'GET /api/v1/cases/:id/reply-channel': { url: `/api/v1/cases/${f.caseId}/reply-channel` },
    // signed webhooks: their rows are their own (the signature is checked before the body is read)
    'POST /api/public/v1/phone/:slug/events': { url: '/api/public/v1/phone/geen-deur/events' },
    'GET /api/public/v1/whatsapp/:slug': { url: '/api/public/v1/whatsapp/geen-deur?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1' },
    'POST /api/public/v1/whatsapp/:slug': { url: '/api/public/v1/whatsapp/geen-deur' },
    'GET /api/v1/insight/dashboard': { url: '/api/v1/insight/dashboard?days=7' },
    'GET /api/v1/settings/insight': { url: '/api/v1/settings/insight' },
    'PATCH /api/v1/settings/insight': { url: '/api/v1/settings/insight', payload: { hourly_cost_cents: 3500 } },
    'GET /api/v1/cases/:id/presence': { url: `/api/v1/cases/${f.caseId}/presence` },
    'GET /api/v1/announcements': { url: '/api/v1/announcements?status=scheduled' },
    'POST /api/v1/announcements/check': { url: '/api/v1/announcements/check', payload: { kind: 'rebranding', effective_at: FUTURE } },
    'POST /api/v1/announcements': { url: '/api/v1/announcements', payload: { kind: 'other', content: ANNOUNCEMENT_CONTENT, effective_at: FUTURE, audience: { kind: 'all' }, contact_route: '088 123 45 67' } },
    'GET /api/v1/announcements/:id': { url: `/api/v1/announcements/${f.announcementId}` },
    'GET /api/v1/announcements/:id/feedback': { url: `/api/v1/announcements/${f.announcementId}/feedback` },
    'POST /api/v1/announcements/:id/cancel': { url: `/api/v1/announcements/${f.announcementId}/cancel`, payload: { reason: 'Toch niet' } },
    'GET /api/v1/settings/announcements': { url: '/api/v1/settings/announcements' },
    'PATCH /api/v1/settings/announcements': { url: '/api/v1/settings/announcements', payload: { vulnerable_extra_days: 10 } },
    'PUT /api/v1/customers/:id/tags': { url: `/api/v1/customers/${f.customerId}/tags`, payload: { tags: ['product:glasvezel'] } },
    'POST /api/v1/customers/:id/tags': { url: `/api/v1/customers/${f.customerId}/tags`, payload: { add: ['zakelijk'] } },
    'POST /api/v1/cases/:id/tags': { url: `/api/v1/cases/${f.caseId}/tags`, payload: { add: ['terugbetaling'] } },
    'POST /api/v1/cases/:id/spam': { url: `/api/v1/cases/${f.spamCaseId}/spam`, payload: { block: 'address' } },
    'GET /api/v1/blocked-senders': { url: '/api/v1/blocked-senders' },
    'POST /api/v1/cases/:id/merge': { url: `/api/v1/cases/${f.mergeCaseId}/merge`, payload: { into: f.caseRef } },
    'POST /api/v1/cases/:id/split': { url: `/api/v1/cases/${f.mergeCaseId}/split`, payload: { message_ids: [NIL], subject: 'Tweede vraag' } },
    'GET /api/v1/cases/:id/followers': { url: `/api/v1/cases/${f.caseId}/followers` },
    'PUT /api/v1/cases/:id/followers/:agent_id': { url: `/api/v1/cases/${f.caseId}/followers/${f.agent2}` },
    'DELETE /api/v1/cases/:id/followers/:agent_id': { url: `/api/v1/cases/${f.caseId}/followers/${f.acc.adminId}` },
    'POST /api/v1/blocked-senders': { url: '/api/v1/blocked-senders', payload: { kind: 'address', value: uniqueEmail('spam') } },
    'DELETE /api/v1/blocked-senders/:id': { url: `/api/v1/blocked-senders/${f.blockedId}` },
    'GET /api/v1/macros': { url: '/api/v1/macros' },
    'POST /api/v1/macros': { url: '/api/v1/macros', payload: { name: 'Nieuwe macro', shared: true, actions: { priority: 'high' } } },
    'PATCH /api/v1/macros/:id': { url: `/api/v1/macros/${f.macroId}`, payload: { name: 'Andere naam' } },
    'DELETE /api/v1/macros/:id': { url: `/api/v1/macros/${f.macroId}` },
    'GET /api/v1/organisations': { url: '/api/v1/organisations?q=bakker' },
    'POST /api/v1/organisations': { url: '/api/v1/organisations', payload: { name: `Nieuw bedrijf ${Date.now()}`, domains: [`nieuw-${Date.now()}.nl`] } },
    'GET /api/v1/organisations/:id': { url: `/api/v1/organisations/${f.organisationId}` },
    'PATCH /api/v1/organisations/:id': { url: `/api/v1/organisations/${f.organisationId}`, payload: { notes: 'Belt liever' } },
    'DELETE /api/v1/organisations/:id': { url: `/api/v1/organisations/${f.organisationId}` },
    'GET /api/v1/custom-fields': { url: '/api/v1/custom-fields?entity=case' },
    'POST /api/v1/custom-fields': { url: '/api/v1/custom-fields', payload: { entity: 'customer', key: `veld_${Date.now()}`, label_nl: 'Veld', label_en: 'Field', type: 'text' } },
    'PATCH /api/v1/custom-fields/:id': { url: `/api/v1/custom-fields/${f.fieldId}`, payload: { label_en: 'Cause' } },
    'DELETE /api/v1/custom-fields/:id': { url: `/api/v1/custom-fields/${f.fieldId}` },
    'GET /api/v1/permissions': { url: '/api/v1/permissions' },
    'GET /api/v1/roles': { url: '/api/v1/roles' },
    'POST /api/v1/roles': { url: '/api/v1/roles', payload: { name: `Rol ${Date.now()}`, permissions: ['audit.read'] } },
    'GET /api/v1/roles/:id': { url: `/api/v1/roles/${f.customRoleId}` },
    'PATCH /api/v1/roles/:id': { url: `/api/v1/roles/${f.customRoleId}`, payload: { grant: ['articles.publish'] } },
    'DELETE /api/v1/roles/:id': { url: `/api/v1/roles/${f.customRoleId}` },
    'PUT /api/v1/agents/:id/custom-role': { url: `/api/v1/agents/${f.agent2}/custom-role`, payload: { custom_role_id: f.customRoleId } },
    'GET /api/v1/macros/:id/preview/:case_id': { url: `/api/v1/macros/${f.macroId}/preview/${f.caseId}` },
    'POST /api/v1/macros/:id/apply/:case_id': { url: `/api/v1/macros/${f.macroId}/apply/${f.caseId}` },
    'GET /api/v1/incidents': { url: '/api/v1/incidents?open=true' },
    'POST /api/v1/incidents': { url: '/api/v1/incidents', payload: { title: { nl: 'Storing' }, impact: 'minor', update: { status: 'investigating', parts: INCIDENT_PARTS, next_update_at: FUTURE, contact_route: '088 123 45 67' } } },
    'GET /api/v1/incidents/:id': { url: `/api/v1/incidents/${f.incidentId}` },
    'POST /api/v1/incidents/:id/updates': { url: `/api/v1/incidents/${f.incidentId}/updates`, payload: { status: 'identified', parts: INCIDENT_PARTS, next_update_at: FUTURE } },
    'GET /api/v1/status-components': { url: '/api/v1/status-components' },
    'POST /api/v1/status-components': { url: '/api/v1/status-components', payload: { name_nl: 'Internet' } },
    'PATCH /api/v1/status-components/:id': { url: `/api/v1/status-components/${f.componentId}`, payload: { description_nl: 'Vast internet thuis' } },
    'PUT /api/v1/status-components/order': { url: '/api/v1/status-components/order', payload: { ids: [f.componentId] } },
    'DELETE /api/v1/status-components/:id': { url: `/api/v1/status-components/${f.componentId}` },
    'POST /api/v1/cases/:id/presence': { url: `/api/v1/cases/${f.caseId}/presence`, payload: { state: 'viewing' } },
    'GET /api/v1/customers/:id/contact-preferences': { url: `/api/v1/customers/${f.customerId}/contact-preferences` },
    'PUT /api/v1/customers/:id/contact-preferences/:kind': { url: `/api/v1/customers/${f.customerId}/contact-preferences/sales`, payload: { allowed: true } },
    'GET /api/v1/customers/:id/may-contact': { url: `/api/v1/customers/${f.customerId}/may-contact?purpose=sales` },
    'GET /api/v1/customers/:id/export': { url: `/api/v1/customers/${f.customerId}/export` },
    'POST /api/v1/customers/:id/erase': { url: `/api/v1/customers/${f.customer2}/erase`, payload: { reason: 'Verzoek van de klant' } },
    'GET /api/v1/settings/retention': { url: '/api/v1/settings/retention' },
    'PATCH /api/v1/settings/retention': { url: '/api/v1/settings/retention', payload: { anonymise_closed_cases_after_months: 24 } },
    'GET /api/v1/retention/preview': { url: '/api/v1/retention/preview' },
    'POST /api/v1/retention/run': { url: '/api/v1/retention/run' },
    'GET /api/v1/retention/runs': { url: '/api/v1/retention/runs' },
    'GET /api/v1/insight/surveys': { url: '/api/v1/insight/surveys?days=7' },
    'GET /api/v1/insight/export.csv': { url: '/api/v1/insight/export.csv?days=7&table=cases' },
    'GET /api/v1/cases/export.csv': { url: '/api/v1/cases/export.csv?from=2026-01-01&to=2026-02-01' },
    'POST /api/v1/surveys/nps': { url: '/api/v1/surveys/nps', payload: { sample: 5 } },
    'GET /api/v1/settings/surveys': { url: '/api/v1/settings/surveys' },
    'PATCH /api/v1/settings/surveys': { url: '/api/v1/settings/surveys', payload: { nps_every_days: 30 } },
    'GET /api/v1/settings/autoclose': { url: '/api/v1/settings/autoclose' },
    'PATCH /api/v1/settings/autoclose': { url: '/api/v1/settings/autoclose', payload: { remind_after_days: 7 } },
    'GET /api/v1/settings/mail': { url: '/api/v1/settings/mail' },
    'PATCH /api/v1/settings/mail': { url: '/api/v1/settings/mail', payload: { sender_name: 'Klantenservice' } },
  };
}

/** Every route that reads a request body (POST, PATCH, DELETE), with a concrete URL. */
/** Routes whose body is not JSON (the ledger import takes text/csv, up to 64 MB): rows of their own. */
const NOT_JSON = new Set(['POST /api/v1/ledger/imports', 'POST /api/public/v1/phone/:slug/events', 'POST /api/public/v1/whatsapp/:slug', 'POST /api/public/v1/messages/:slug', 'POST /api/v1/imports']);

function bodyRoutes(): Array<{ route: string; url: string; auth?: Headers | null }> {
  return Object.entries(validRequests())
    .filter(([route]) => /^(POST|PATCH|DELETE|PUT) /.test(route) && !NOT_JSON.has(route))
    .map(([route, { url }]) => ({ route, url, auth: PUBLIC.has(route) ? null : undefined }));
}

// ---------------------------------------------------------------------------------------------

before(async () => {
  ctx = await testApp();
  app = ctx.app;
  db = ctx.db;
  const acc = await newAccount(db, 'Slechte invoer');
  f = { acc } as Fixture;

  const tokenOf = async (name: string, role: string) => {
    const t = await ok<{ id: string; token: string }>('POST', '/api/v1/tokens', { name, role });
    return { id: t.id, auth: { authorization: `Bearer ${t.token}` } };
  };
  f.agentToken = (await tokenOf('agent', 'agent')).auth;
  f.supervisorToken = (await tokenOf('supervisor', 'supervisor')).auth;
  f.spareTokenId = (await tokenOf('spare', 'admin')).id;
  const revoked = await tokenOf('revoked', 'admin');
  await ok('DELETE', `/api/v1/tokens/${revoked.id}`);
  f.revokedToken = revoked.auth;
  const last = acc.token.at(-1) === 'A' ? 'B' : 'A';
  f.wrongSecret = { authorization: `Bearer ${acc.token.slice(0, -1)}${last}` };

  f.teamName = 'Tweede lijn';
  f.teamId = (await ok('POST', '/api/v1/teams', { name: f.teamName })).id;
  f.agent2Email = uniqueEmail('agent');
  f.agent2 = (await ok('POST', '/api/v1/agents', { email: f.agent2Email, name: 'Piet', role: 'agent', password: 'agent2 heeft een lang wachtwoord' })).id;
  const login = await call({ method: 'POST', url: '/api/v1/auth/login', payload: { email: f.agent2Email, password: 'agent2 heeft een lang wachtwoord' }, auth: null });
  assert.equal(login.statusCode, 200, login.body);
  const session = login.cookies.find((c) => c.name === 'luister_session');
  assert.ok(session);
  f.agentSession = { cookie: `luister_session=${session.value}` };
  f.webhookId = (await ok('POST', '/api/v1/webhooks', { url: 'https://example.test/hook', events: ['case.created', 'case.updated'] })).id;

  f.customerEmail = uniqueEmail('jan');
  f.customerPhone = '+31612345678';
  const customer = await ok('POST', '/api/v1/customers', {
    name: 'Jan Jansen',
    email: f.customerEmail,
    phone: '06 12345678',
    identities: [{ kind: 'social', value: 'x:@janjansen' }],
  });
  f.customerId = customer.id;
  f.identityId = customer.identities.find((i: { kind: string }) => i.kind === 'social').id;
  f.customer2Email = uniqueEmail('marie');
  f.customer2 = (await ok('POST', '/api/v1/customers', { name: 'Marie', email: f.customer2Email })).id;

  const c1 = await ok('POST', '/api/v1/cases', { customer: { email: f.customerEmail }, subject: 'Factuur klopt niet', message: { body: 'Mijn factuur van maart is te hoog.' } });
  f.caseId = c1.id;
  f.caseRef = c1.ref;
  const c2 = await ok('POST', '/api/v1/cases', { customer: { email: f.customer2Email }, subject: 'Pakket kwijt', message: { body: 'Waar is mijn pakket?' } });
  f.ownedCaseId = c2.id;
  f.ownedCaseRef = c2.ref;
  await ok('POST', `/api/v1/cases/${c2.id}/assign`, { agent_id: acc.adminId });
  f.transferId = (await ok('POST', `/api/v1/cases/${c2.id}/transfers`, { to_agent_id: f.agent2, note: 'Jij weet hier meer van' })).id;
  f.articleId = (await ok('POST', '/api/v1/articles', { slug: 'pakket-retourneren', translations: { nl: { title: 'Pakket retourneren', body: 'Print het retourlabel.' } } })).id;
  f.templateId = (await ok('POST', '/api/v1/templates', { name: 'Ontvangen', body: 'Beste {{customer.first_name}}, we hebben {{case.ref}} ontvangen.' })).id;
  f.organisationId = (await ok('POST', '/api/v1/organisations', { name: 'Bakkerij Slecht', domains: [`bakkerij-${Date.now()}.nl`] })).id;
  f.fieldId = (await ok('POST', '/api/v1/custom-fields', { entity: 'case', key: 'oorzaak', label_nl: 'Oorzaak', label_en: 'Cause', type: 'one_of', options: ['storing', 'factuur'], required_on_solve: true })).id;
  f.macroId = (await ok('POST', '/api/v1/macros', { name: 'Gebeld', shared: true, actions: { tags_add: ['gebeld'], note: 'Klant gebeld.' } })).id;
  f.spamCaseId = (await ok('POST', '/api/v1/cases', { customer: { email: uniqueEmail('reclame') }, subject: 'Gratis', message: { body: 'Klik hier' } })).id;
  f.blockedId = (await ok('POST', '/api/v1/blocked-senders', { kind: 'domain', value: 'reclame-bad-input.example' })).id;
  f.mergeCaseId = (await ok('POST', '/api/v1/cases', { customer: { email: f.customerEmail }, subject: 'Tweede vraag: de aansluiting', message: { body: 'En mijn aansluiting werkt ook niet.' } })).id;
  f.customRoleId = (await ok('POST', '/api/v1/roles', { name: 'Privacy officer', permissions: ['customers.export'] })).id;
  f.problemId = (await ok('POST', '/api/v1/problems', { title: 'Storing', case_ids: [f.caseId] })).id;
  f.signalId = (await db.query<{ id: string }>(`INSERT INTO signals (account_id, title) VALUES ($1, 'Piek') RETURNING id`, [acc.accountId]))[0].id;
  f.vulnerabilitySignId = (await db.query<{ id: string }>(
    `INSERT INTO vulnerability_signs (account_id, customer_id, case_id, message_id, kind, sentence)
     SELECT account_id, customer_id, case_id, id, 'age', 'Ik ben 84.' FROM messages WHERE account_id = $1 AND case_id = $2 LIMIT 1 RETURNING id`,
    [acc.accountId, f.caseId],
  ))[0].id;
  f.topicIds = [];
  for (let i = 0; i < 2; i++) f.topicIds.push((await db.query<{ id: string }>(`INSERT INTO topics (account_id, centroid, norm, size, first_seq, last_seq, first_at, last_at) VALUES ($1, '[["parkeer", 1]]', 1, 1, 1, 1, now(), now()) RETURNING id`, [acc.accountId]))[0].id);
  f.inboxAddress = uniqueEmail('service');
  f.inboxId = (await ok('POST', '/api/v1/inboxes', { address: f.inboxAddress, name: 'Klantenservice' })).id;
  const [firstMessage] = await db.query<{ id: string }>('SELECT id FROM messages WHERE account_id = $1 AND case_id = $2', [acc.accountId, f.caseId]);
  f.firstMessageId = firstMessage.id;
  f.attachmentId = (await db.query<{ id: string }>(
    `INSERT INTO attachments (account_id, message_id, filename, declared_type, size, sha256, content) VALUES ($1, $2, 'bon.txt', 'text/plain', 2, 'x', '\\x6869') RETURNING id`,
    [acc.accountId, firstMessage.id],
  ))[0].id;
  f.promiseId = (await ok('POST', `/api/v1/cases/${f.ownedCaseId}/promises`, { kind: 'callback', description: 'Terugbellen over het pakket', due_at: FUTURE })).id;
  f.slaPolicyId = (await ok('POST', '/api/v1/sla-policies', { name: 'Standaard', first_response_minutes: 240 })).id;
  f.routingRuleId = (await ok('POST', '/api/v1/routing/rules', { name: 'Storing', tier: 'L2', conditions: [{ entity: 'case', key: 'oorzaak', op: 'equals', value: 'storing' }] })).id;
  f.draftId = (await db.query<{ id: string }>(`INSERT INTO drafts (account_id, case_id, body, reason) VALUES ($1, $2, 'Beste klant, excuses.', 'test') RETURNING id`, [acc.accountId, f.ownedCaseId]))[0].id;
  await ok('PATCH', '/api/v1/settings/announcements', { contact_route: '088 123 45 67' });
  f.componentId = (await ok('POST', '/api/v1/status-components', { name_nl: 'Internet' })).id;
  f.incidentId = (await ok('POST', '/api/v1/incidents', { title: { nl: 'Storing' }, impact: 'minor', component_ids: [f.componentId], update: { status: 'investigating', parts: INCIDENT_PARTS, next_update_at: FUTURE } })).incident.id;
  f.announcementId = (await ok('POST', '/api/v1/announcements', { kind: 'other', content: ANNOUNCEMENT_CONTENT, effective_at: FUTURE, audience: { kind: 'all' } })).id;
  f.notificationId = (await db.query<{ id: string }>(`INSERT INTO notifications (account_id, agent_id, kind, body) VALUES ($1, $2, 'test', 'Hallo') RETURNING id`, [acc.accountId, acc.adminId]))[0].id;
  // refunds: a double charge in the ledger, a requested refund, a SEPA batch, a tariff rule
  await ok('PATCH', '/api/v1/settings/refunds', { debtor_name: 'Slechte Invoer B.V.', debtor_iban: 'NL91ABNA0417164300' });
  const csv = `charge_id,customer,amount,currency,charged_at,merchant_ref\nBI-1,${f.customerEmail},5.00,EUR,2026-12-01 06:00,M-1\nBI-2,${f.customerEmail},5.00,EUR,2026-12-01 06:01,M-1\n`;
  const imported = await app.inject({ method: 'POST', url: '/api/v1/ledger/imports', headers: { ...acc.auth, 'content-type': 'text/csv' }, payload: csv });
  assert.equal(imported.statusCode, 200, imported.body);
  await ok('POST', '/api/v1/ledger/detect', {});
  f.findingId = (await ok<{ data: { id: string }[] }>('GET', '/api/v1/ledger/findings')).data[0].id;
  const toBatch = await ok<{ id: string }>('POST', `/api/v1/cases/${f.ownedCaseId}/refunds`, { amount_cents: 100, reason: 'x', destination: 'iban', iban: 'NL44RABO0123456789', account_holder: 'Klant' });
  await ok('POST', `/api/v1/refunds/${toBatch.id}/approve`, {});
  f.batchId = (await ok<{ id: string }>('POST', '/api/v1/refund-batches', {})).id;
  f.refundId = (await ok<{ id: string }>('POST', `/api/v1/cases/${f.ownedCaseId}/refunds`, { amount_cents: 250, reason: 'te veel betaald', destination: 'original_payment' })).id;
  f.tariffRuleId = (await ok<{ id: string }>('POST', '/api/v1/tariff-rules', { product: 'parkeren', unit_price_cents: 5 })).id;
});

after(() => ctx.close());

// ---------------------------------------------------------------------------------------------

const MALFORMED = ['{', '{"name": }', "{'name': 'x'}", '{"name": "x",}', 'nul', '[1, 2', '{"name": "\\x"}', '{"name": "x"} trailing'];

runTable('malformed JSON is 400 invalid_json on every route that reads a body', () => [
  ...bodyRoutes().map(({ route, url, auth }, i) => ({
    name: `${route} with ${MALFORMED[i % MALFORMED.length]}`,
    method: route.split(' ')[0] as Method,
    url,
    auth,
    payload: MALFORMED[i % MALFORMED.length],
    status: 400,
    code: 'invalid_json',
    message: /not valid JSON/,
  })),
  ...MALFORMED.map((raw) => ({ name: `POST /api/v1/cases with ${raw}`, method: 'POST' as const, url: '/api/v1/cases', payload: raw, status: 400, code: 'invalid_json' })),
  { name: 'an empty body labelled JSON', method: 'POST', url: '/api/v1/cases', payload: '', status: 400, code: 'invalid_json', message: /empty/ },
  { name: 'an empty body labelled JSON (PATCH)', method: 'PATCH', url: `/api/v1/cases/${f.caseId}`, payload: '', status: 400, code: 'invalid_json' },
]);

runTable('a body that is not JSON is 415 on every route that reads a body', () =>
  bodyRoutes().flatMap(({ route, url, auth }) =>
    ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x'].map((contentType) => ({
      name: `${route} as ${contentType}`,
      method: route.split(' ')[0] as Method,
      url,
      auth,
      payload: JSON.stringify(validRequests()[route].payload ?? {}),
      contentType,
      status: 415,
      code: 'unsupported_media_type',
      message: /application\/json/,
    })),
  ),
);

runTable('a body over 1 MB is 413 body_too_large on every route that reads a body', () => {
  const huge = JSON.stringify({ customer: { email: uniqueEmail() }, message: { body: 'x'.repeat(MB + 10) } });
  return [
    ...bodyRoutes().map(({ route, url, auth }) => ({
      name: route,
      method: route.split(' ')[0] as Method,
      url,
      auth,
      payload: huge,
      status: 413,
      code: 'body_too_large',
      message: /larger than 1048576 bytes/,
    })),
    // just under the limit but over a field's own maximum: the schema says no
    {
      name: 'a message body of 200 001 characters (under 1 MB)',
      method: 'POST',
      url: '/api/v1/cases',
      payload: { customer: { email: uniqueEmail() }, message: { body: 'x'.repeat(200_001) } },
      status: 400,
      code: 'validation_failed',
      message: /message\.body/,
    },
  ];
});

runTable('unknown fields are refused: objects are strict', () => [
  ...Object.entries(validRequests())
    .filter(([, r]) => r.payload !== undefined)
    .map(([route, r]) => ({
      name: `${route} with an extra field`,
      method: route.split(' ')[0] as Method,
      url: r.url,
      auth: PUBLIC.has(route) ? null : undefined,
      payload: { ...(r.payload as object), surprise: true },
      status: 400,
      code: 'validation_failed',
      message: /Unrecognized key: "surprise"/,
    })),
  { name: 'POST /api/v1/cases customer.extra', method: 'POST', url: '/api/v1/cases', payload: { customer: { email: uniqueEmail(), id: NIL }, message: { body: 'x' } }, status: 400, code: 'validation_failed', message: /customer.*"id"/ },
  { name: 'POST /api/v1/cases message.extra', method: 'POST', url: '/api/v1/cases', payload: { customer: { email: uniqueEmail() }, message: { body: 'x', type: 'note' } }, status: 400, code: 'validation_failed', message: /message.*"type"/ },
  { name: 'POST /api/v1/customers identities[0].extra', method: 'POST', url: '/api/v1/customers', payload: { identities: [{ kind: 'email', value: uniqueEmail(), verified: true }] }, status: 400, code: 'validation_failed', message: /verified/ },
  { name: 'POST /api/v1/cases with account_id', method: 'POST', url: '/api/v1/cases', payload: { customer: { email: uniqueEmail() }, message: { body: 'x' }, account_id: NIL }, status: 400, code: 'validation_failed', message: /account_id/ },
  { name: 'PATCH /api/v1/cases/:id owner_id (only via assign/transfer)', method: 'PATCH', url: `/api/v1/cases/${f.caseId}`, payload: { owner_id: f.agent2 }, status: 400, code: 'validation_failed', message: /owner_id/ },
  { name: 'PATCH /api/v1/customers/:id merged_into', method: 'PATCH', url: `/api/v1/customers/${f.customerId}`, payload: { merged_into: f.customer2 }, status: 400, code: 'validation_failed', message: /merged_into/ },
  { name: 'GET /api/v1/cases?foo=1', method: 'GET', url: '/api/v1/cases?foo=1', status: 400, code: 'validation_failed', message: /querystring.*"foo"/ },
  { name: 'GET /api/v1/customers?name=jan', method: 'GET', url: '/api/v1/customers?name=jan', status: 400, code: 'validation_failed', message: /"name"/ },
  { name: 'GET /api/v1/search?q=x&sort=new', method: 'GET', url: '/api/v1/search?q=x&sort=new', status: 400, code: 'validation_failed', message: /"sort"/ },
  { name: 'GET /api/v1/audit?action=x', method: 'GET', url: '/api/v1/audit?action=x', status: 400, code: 'validation_failed', message: /"action"/ },
  { name: 'GET /setup?token=x&admin=1', method: 'GET', url: '/setup?token=x&admin=1', auth: null, status: 400, code: 'validation_failed', message: /"admin"/ },
]);

runTable('wrong types are 400 validation_failed, naming the field', () => [
  { name: 'login email as a number', method: 'POST', url: '/api/v1/auth/login', auth: null, payload: { email: 42, password: 'x' }, status: 400, code: 'validation_failed', message: /email/ },
  { name: 'two-factor sign-in: code as a number', method: 'POST', url: '/api/v1/auth/two-factor', auth: null, payload: { challenge_token: 'lsc_x', code: 123456 }, status: 400, code: 'validation_failed', message: /code/ },
  { name: 'two-factor sign-in: a code and a recovery code', method: 'POST', url: '/api/v1/auth/two-factor', auth: null, payload: { challenge_token: 'lsc_x', code: '123456', recovery_code: 'abcd-efgh-ijkm-npqr' }, status: 400, code: 'validation_failed', message: /either code or recovery_code/ },
  { name: 'two-factor sign-in: no code at all', method: 'POST', url: '/api/v1/auth/two-factor', auth: null, payload: { challenge_token: 'lsc_x' }, status: 400, code: 'validation_failed', message: /either code or recovery_code/ },
  { name: 'two-factor sign-in: a made-up challenge', method: 'POST', url: '/api/v1/auth/two-factor', auth: null, payload: { challenge_token: 'lsc_x', code: '123456' }, status: 401, code: 'challenge_invalid', message: /sign in again/ },
  { name: 'two-factor enrolment: confirm without a code', method: 'POST', url: '/api/v1/two-factor/enrolment/confirm', payload: {}, status: 400, code: 'validation_failed', message: /code/ },
  { name: 'two-factor enrolment: a body that is not an object', method: 'POST', url: '/api/v1/two-factor/enrolment', payload: [], status: 400, code: 'validation_failed' },
  { name: 'two-factor disable: no code', method: 'POST', url: '/api/v1/two-factor/disable', payload: {}, status: 400, code: 'validation_failed', message: /either code or recovery_code/ },
  { name: 'two-factor policy: an unknown role', method: 'PUT', url: '/api/v1/two-factor/policy', payload: { required_roles: ['superadmin'] }, status: 400, code: 'validation_failed', message: /required_roles/ },
  { name: 'two-factor policy: roles as a string', method: 'PUT', url: '/api/v1/two-factor/policy', payload: { required_roles: 'admin' }, status: 400, code: 'validation_failed', message: /required_roles/ },
  { name: 'two-factor per agent: required as a string', method: 'PUT', url: `/api/v1/agents/${f.agent2}/two-factor`, payload: { required: 'yes' }, status: 400, code: 'validation_failed', message: /required/ },
  { name: 'agents: name as a number', method: 'POST', url: '/api/v1/agents', payload: { email: uniqueEmail(), name: 5 }, status: 400, code: 'validation_failed', message: /name/ },
  { name: 'agents: active as a string', method: 'PATCH', url: `/api/v1/agents/${f.agent2}`, payload: { active: 'no' }, status: 400, code: 'validation_failed', message: /active/ },
  { name: 'agents: password as a number', method: 'PATCH', url: `/api/v1/agents/${f.agent2}`, payload: { password: 12345678901 }, status: 400, code: 'validation_failed', message: /password/ },
  { name: 'teams: name as an array', method: 'POST', url: '/api/v1/teams', payload: { name: ['a'] }, status: 400, code: 'validation_failed', message: /name/ },
  { name: 'tokens: name null', method: 'POST', url: '/api/v1/tokens', payload: { name: null }, status: 400, code: 'validation_failed', message: /name/ },
  { name: 'webhooks: events as a string', method: 'POST', url: '/api/v1/webhooks', payload: { url: 'https://example.test/h', events: 'case.created' }, status: 400, code: 'validation_failed', message: /events/ },
  { name: 'webhooks: url as a number', method: 'POST', url: '/api/v1/webhooks', payload: { url: 42, events: ['case.created'] }, status: 400, code: 'validation_failed', message: /url/ },
  { name: 'customers: vulnerable as "ja"', method: 'POST', url: '/api/v1/customers', payload: { email: uniqueEmail(), vulnerable: 'ja' }, status: 400, code: 'validation_failed', message: /vulnerable/ },
  { name: 'customers: identities as an object', method: 'POST', url: '/api/v1/customers', payload: { identities: { kind: 'email', value: uniqueEmail() } }, status: 400, code: 'validation_failed', message: /identities/ },
  { name: 'customers: media as 1', method: 'PATCH', url: `/api/v1/customers/${f.customerId}`, payload: { media: 1 }, status: 400, code: 'validation_failed', message: /media/ },
  { name: 'identities: value as a number', method: 'POST', url: `/api/v1/customers/${f.customerId}/identities`, payload: { kind: 'phone', value: 612345678 }, status: 400, code: 'validation_failed', message: /value/ },
  { name: 'identities: kind fax', method: 'POST', url: `/api/v1/customers/${f.customerId}/identities`, payload: { kind: 'fax', value: '0201234567' }, status: 400, code: 'validation_failed', message: /kind/ },
  { name: 'merge: customer_id as a number', method: 'POST', url: `/api/v1/customers/${f.customerId}/merge`, payload: { customer_id: 5 }, status: 400, code: 'validation_failed', message: /customer_id/ },
  { name: 'import: csv as an array', method: 'POST', url: '/api/v1/customers/import', payload: { csv: ['name,email'] }, status: 400, code: 'validation_failed', message: /csv/ },
  { name: 'import: dry_run as "yes"', method: 'POST', url: '/api/v1/customers/import', payload: { csv: 'name,email\n', dry_run: 'yes' }, status: 400, code: 'validation_failed', message: /dry_run/ },
  { name: 'cases: customer as a string', method: 'POST', url: '/api/v1/cases', payload: { customer: f.customerEmail, message: { body: 'x' } }, status: 400, code: 'validation_failed', message: /customer/ },
  { name: 'cases: message as a string', method: 'POST', url: '/api/v1/cases', payload: { customer: { email: uniqueEmail() }, message: 'hallo' }, status: 400, code: 'validation_failed', message: /message/ },
  { name: 'cases: body as a number', method: 'POST', url: '/api/v1/cases', payload: { customer: { email: uniqueEmail() }, message: { body: 42 } }, status: 400, code: 'validation_failed', message: /message\.body/ },
  { name: 'cases: a whole array as body', method: 'POST', url: '/api/v1/cases', payload: [{ customer: { email: uniqueEmail() }, message: { body: 'x' } }], status: 400, code: 'validation_failed' },
  { name: 'cases: null as body', method: 'POST', url: '/api/v1/cases', payload: 'null', status: 400, code: 'validation_failed' },
  { name: 'cases: a bare string as body', method: 'POST', url: '/api/v1/cases', payload: '"hallo"', status: 400, code: 'validation_failed' },
  { name: 'case patch: topic as a number', method: 'PATCH', url: `/api/v1/cases/${f.caseId}`, payload: { topic: 5 }, status: 400, code: 'validation_failed', message: /topic/ },
  { name: 'messages: body as an object', method: 'POST', url: `/api/v1/cases/${f.caseId}/messages`, payload: { body: { text: 'x' } }, status: 400, code: 'validation_failed', message: /body/ },
  { name: 'notes: body as true', method: 'POST', url: `/api/v1/cases/${f.caseId}/notes`, payload: { body: true }, status: 400, code: 'validation_failed', message: /body/ },
  { name: 'transfers: note as a number', method: 'POST', url: `/api/v1/cases/${f.ownedCaseId}/transfers`, payload: { to_agent_id: f.agent2, note: 5 }, status: 400, code: 'validation_failed', message: /note/ },
  { name: 'setup: admin_password as a number', method: 'POST', url: '/setup', auth: null, payload: { token: 'x', account_name: 'X', admin_email: uniqueEmail(), admin_name: 'X', admin_password: 1234567890 }, status: 400, code: 'validation_failed', message: /admin_password/ },
  { name: 'cases?topic_id=parkeren', method: 'GET', url: '/api/v1/cases?topic_id=parkeren', status: 400, code: 'validation_failed', message: /topic_id/ },
  { name: 'cases?team_id=1', method: 'GET', url: '/api/v1/cases?team_id=1', status: 400, code: 'validation_failed', message: /team_id/ },
  { name: 'cases?limit=abc', method: 'GET', url: '/api/v1/cases?limit=abc', status: 400, code: 'validation_failed', message: /limit/ },
  { name: 'cases?limit=1.5', method: 'GET', url: '/api/v1/cases?limit=1.5', status: 400, code: 'validation_failed', message: /limit/ },
  { name: 'cases?limit=0', method: 'GET', url: '/api/v1/cases?limit=0', status: 400, code: 'validation_failed', message: /limit/ },
  { name: 'cases?limit=201', method: 'GET', url: '/api/v1/cases?limit=201', status: 400, code: 'validation_failed', message: /limit/ },
  { name: 'cases?limit given twice', method: 'GET', url: '/api/v1/cases?limit=1&limit=2', status: 400, code: 'validation_failed', message: /limit/ },
  { name: 'cases?passed_around=lots', method: 'GET', url: '/api/v1/cases?passed_around=lots', status: 400, code: 'validation_failed', message: /passed_around/ },
  { name: 'customers?limit=-1', method: 'GET', url: '/api/v1/customers?limit=-1', status: 400, code: 'validation_failed', message: /limit/ },
  { name: 'customers?include_merged=yes', method: 'GET', url: '/api/v1/customers?include_merged=yes', status: 400, code: 'validation_failed', message: /include_merged/ },
  { name: 'search?limit=101', method: 'GET', url: '/api/v1/search?q=x&limit=101', status: 400, code: 'validation_failed', message: /limit/ },
  { name: 'search?type=bogus', method: 'GET', url: '/api/v1/search?q=x&type=bogus', status: 400, code: 'validation_failed', message: /type/ },
  { name: 'audit?before_id=abc', method: 'GET', url: '/api/v1/audit?before_id=abc', status: 400, code: 'validation_failed', message: /before_id/ },
  { name: 'audit?before_id=-1', method: 'GET', url: '/api/v1/audit?before_id=-1', status: 400, code: 'validation_failed', message: /before_id/ },
]);

runTable('missing required fields are 400 validation_failed', () => [
  { name: 'login without password', method: 'POST', url: '/api/v1/auth/login', auth: null, payload: { email: f.agent2Email }, status: 400, code: 'validation_failed', message: /password/ },
  { name: 'agents without email', method: 'POST', url: '/api/v1/agents', payload: { name: 'X' }, status: 400, code: 'validation_failed', message: /email/ },
  { name: 'agents without name', method: 'POST', url: '/api/v1/agents', payload: { email: uniqueEmail() }, status: 400, code: 'validation_failed', message: /name/ },
  { name: 'agents with a blank name', method: 'POST', url: '/api/v1/agents', payload: { email: uniqueEmail(), name: '   ' }, status: 400, code: 'validation_failed', message: /name/ },
  { name: 'agent patch with a blank name', method: 'PATCH', url: `/api/v1/agents/${f.agent2}`, payload: { name: '  ' }, status: 400, code: 'validation_failed', message: /name/ },
  { name: 'teams without name', method: 'POST', url: '/api/v1/teams', payload: {}, status: 400, code: 'validation_failed', message: /name/ },
  { name: 'teams with an empty name', method: 'POST', url: '/api/v1/teams', payload: { name: '' }, status: 400, code: 'validation_failed', message: /name/ },
  { name: 'teams with a blank name', method: 'POST', url: '/api/v1/teams', payload: { name: '   ' }, status: 400, code: 'validation_failed', message: /name/ },
  { name: 'tokens without name', method: 'POST', url: '/api/v1/tokens', payload: { role: 'agent' }, status: 400, code: 'validation_failed', message: /name/ },
  { name: 'tokens with a blank name', method: 'POST', url: '/api/v1/tokens', payload: { name: '  ' }, status: 400, code: 'validation_failed', message: /name/ },
  { name: 'webhooks without events', method: 'POST', url: '/api/v1/webhooks', payload: { url: 'https://example.test/h' }, status: 400, code: 'validation_failed', message: /events/ },
  { name: 'webhooks with no events', method: 'POST', url: '/api/v1/webhooks', payload: { url: 'https://example.test/h', events: [] }, status: 400, code: 'validation_failed', message: /events/ },
  { name: 'webhooks without url', method: 'POST', url: '/api/v1/webhooks', payload: { events: ['case.created'] }, status: 400, code: 'validation_failed', message: /url/ },
  { name: 'identities without value', method: 'POST', url: `/api/v1/customers/${f.customerId}/identities`, payload: { kind: 'email' }, status: 400, code: 'validation_failed', message: /value/ },
  { name: 'identities with an empty value', method: 'POST', url: `/api/v1/customers/${f.customerId}/identities`, payload: { kind: 'email', value: '' }, status: 400, code: 'validation_failed', message: /value/ },
  { name: 'merge without customer_id', method: 'POST', url: `/api/v1/customers/${f.customerId}/merge`, payload: {}, status: 400, code: 'validation_failed', message: /customer_id/ },
  { name: 'import without csv', method: 'POST', url: '/api/v1/customers/import', payload: { dry_run: true }, status: 400, code: 'validation_failed', message: /csv/ },
  { name: 'import with an empty csv', method: 'POST', url: '/api/v1/customers/import', payload: { csv: '' }, status: 400, code: 'validation_failed', message: /csv/ },
  { name: 'cases without customer', method: 'POST', url: '/api/v1/cases', payload: { message: { body: 'x' } }, status: 400, code: 'validation_failed', message: /customer/ },
  { name: 'cases without message', method: 'POST', url: '/api/v1/cases', payload: { customer: { email: uniqueEmail() } }, status: 400, code: 'validation_failed', message: /message/ },
  { name: 'cases with an empty message body', method: 'POST', url: '/api/v1/cases', payload: { customer: { email: uniqueEmail() }, message: { body: '' } }, status: 400, code: 'validation_failed', message: /message\.body/ },
  { name: 'cases with a customer without any identity', method: 'POST', url: '/api/v1/cases', payload: { customer: { name: 'Alleen een naam' }, message: { body: 'x' } }, status: 400, code: 'validation_failed', message: /email, phone or social/ },
  { name: 'cases with an empty customer', method: 'POST', url: '/api/v1/cases', payload: { customer: {}, message: { body: 'x' } }, status: 400, code: 'validation_failed', message: /email, phone or social/ },
  { name: 'cases with an empty body object', method: 'POST', url: '/api/v1/cases', payload: {}, status: 400, code: 'validation_failed' },
  { name: 'case patch with a blank subject', method: 'PATCH', url: `/api/v1/cases/${f.caseId}`, payload: { subject: '   ' }, status: 400, code: 'validation_failed', message: /subject/ },
  { name: 'messages without body', method: 'POST', url: `/api/v1/cases/${f.caseId}/messages`, payload: {}, status: 400, code: 'validation_failed', message: /body/ },
  { name: 'notes with an empty body', method: 'POST', url: `/api/v1/cases/${f.caseId}/notes`, payload: { body: '' }, status: 400, code: 'validation_failed', message: /body/ },
  { name: 'assign without agent_id', method: 'POST', url: `/api/v1/cases/${f.caseId}/assign`, payload: {}, status: 400, code: 'validation_failed', message: /agent_id/ },
  { name: 'assign without any body', method: 'POST', url: `/api/v1/cases/${f.caseId}/assign`, status: 400, code: 'validation_failed' },
  { name: 'transfers without to_agent_id', method: 'POST', url: `/api/v1/cases/${f.ownedCaseId}/transfers`, payload: { note: 'x' }, status: 400, code: 'validation_failed', message: /to_agent_id/ },
  { name: 'search without q', method: 'GET', url: '/api/v1/search', status: 400, code: 'validation_failed', message: /q/ },
  { name: 'search with an empty q', method: 'GET', url: '/api/v1/search?q=', status: 400, code: 'validation_failed', message: /q/ },
  { name: 'search with a blank q', method: 'GET', url: '/api/v1/search?q=%20%20', status: 400, code: 'query_required' },
  { name: 'setup page without token', method: 'GET', url: '/setup', auth: null, status: 400, code: 'validation_failed', message: /token/ },
  { name: 'setup without the admin', method: 'POST', url: '/setup', auth: null, payload: { token: 'x', account_name: 'X' }, status: 400, code: 'validation_failed', message: /admin_/ },
]);

runTable('too long values are 400 validation_failed', () => [
  { name: 'case subject of 501 characters', method: 'PATCH', url: `/api/v1/cases/${f.caseId}`, payload: { subject: 's'.repeat(501) }, status: 400, code: 'validation_failed', message: /subject/ },
  { name: 'case topic of 101 characters', method: 'POST', url: '/api/v1/cases', payload: { customer: { email: uniqueEmail() }, message: { body: 'x' }, topic: 't'.repeat(101) }, status: 400, code: 'validation_failed', message: /topic/ },
  { name: 'customer name of 201 characters', method: 'PATCH', url: `/api/v1/customers/${f.customerId}`, payload: { name: 'n'.repeat(201) }, status: 400, code: 'validation_failed', message: /name/ },
  { name: 'an e-mail address of 321 characters', method: 'POST', url: '/api/v1/cases', payload: { customer: { email: `${'a'.repeat(310)}@example.nl` }, message: { body: 'x' } }, status: 400, code: 'validation_failed', message: /customer\.email/ },
  { name: 'a phone number of 41 characters', method: 'POST', url: '/api/v1/customers', payload: { phone: '1'.repeat(41) }, status: 400, code: 'validation_failed', message: /phone/ },
  { name: 'a transfer note of 5001 characters', method: 'POST', url: `/api/v1/cases/${f.ownedCaseId}/transfers`, payload: { to_agent_id: f.agent2, note: 'n'.repeat(5001) }, status: 400, code: 'validation_failed', message: /note/ },
  { name: 'a search query of 501 characters', method: 'GET', url: `/api/v1/search?q=${'q'.repeat(501)}`, status: 400, code: 'validation_failed', message: /q/ },
  { name: 'a cursor of 501 characters', method: 'GET', url: `/api/v1/cases?cursor=${'c'.repeat(501)}`, status: 400, code: 'validation_failed', message: /cursor/ },
  { name: 'a webhook url of 2001 characters', method: 'POST', url: '/api/v1/webhooks', payload: { url: `https://example.test/${'p'.repeat(2000)}`, events: ['case.created'] }, status: 400, code: 'validation_failed', message: /url/ },
]);

runTable('invalid e-mail addresses: 422 invalid_email from the identity rules, 400 where the schema checks', () => [
  ...['nope', 'jan@', '@example.nl', 'jan@@example.nl', 'jan jansen@example.nl', 'jan@example'].map((email) => ({
    name: `POST /api/v1/cases customer.email "${email}"`,
    method: 'POST' as const,
    url: '/api/v1/cases',
    payload: { customer: { email, name: 'Onbekend' }, message: { body: 'Hallo' } },
    status: 422,
    code: 'invalid_email',
    message: /is not a valid e-mail address/,
  })),
  { name: 'POST /api/v1/customers email', method: 'POST', url: '/api/v1/customers', payload: { email: 'nope' }, status: 422, code: 'invalid_email' },
  { name: 'POST /api/v1/customers identities[].email', method: 'POST', url: '/api/v1/customers', payload: { identities: [{ kind: 'email', value: 'a@b' }] }, status: 422, code: 'invalid_email' },
  { name: 'POST /api/v1/customers/:id/identities email', method: 'POST', url: `/api/v1/customers/${f.customerId}/identities`, payload: { kind: 'email', value: 'jan.example.nl' }, status: 422, code: 'invalid_email' },
  { name: 'POST /api/v1/customers/import with a bad e-mail', method: 'POST', url: '/api/v1/customers/import', payload: { csv: `name,email\nGoed,${uniqueEmail()}\nFout,nope\n` }, status: 422, code: 'import_invalid', message: /nothing was imported/ },
  { name: 'POST /api/v1/agents email (schema)', method: 'POST', url: '/api/v1/agents', payload: { email: 'nope', name: 'X' }, status: 400, code: 'validation_failed', message: /email/ },
  { name: 'POST /setup admin_email (schema)', method: 'POST', url: '/setup', auth: null, payload: { token: 'x', account_name: 'X', admin_email: 'nope', admin_name: 'X', admin_password: '0123456789' }, status: 400, code: 'validation_failed', message: /admin_email/ },
]);

runTable('invalid phone numbers are 422 invalid_phone', () => [
  ...['12', 'bel me', '+999 123', '06 1234', '+31 6 1234 56789 0', '0031'].map((phone) => ({
    name: `POST /api/v1/cases customer.phone "${phone}"`,
    method: 'POST' as const,
    url: '/api/v1/cases',
    payload: { customer: { phone }, message: { body: 'Bel mij terug' }, channel: 'phone' },
    status: 422,
    code: 'invalid_phone',
    message: /is not a valid phone number/,
  })),
  { name: 'POST /api/v1/customers phone', method: 'POST', url: '/api/v1/customers', payload: { phone: 'abc', email: uniqueEmail() }, status: 422, code: 'invalid_phone' },
  { name: 'POST /api/v1/customers/:id/identities phone', method: 'POST', url: `/api/v1/customers/${f.customerId}/identities`, payload: { kind: 'phone', value: '0612' }, status: 422, code: 'invalid_phone' },
  { name: 'POST /api/v1/customers/import with a bad phone', method: 'POST', url: '/api/v1/customers/import', payload: { csv: `name,phone\nFout,12\n` }, status: 422, code: 'import_invalid' },
]);

runTable('invalid social handles are 422 invalid_social_handle', () => [
  ...['@parkeerder', 'x:', 'x:@', 'x:has space', '1x:handle', 'parkeerder'].map((social) => ({
    name: `POST /api/v1/cases customer.social "${social}"`,
    method: 'POST' as const,
    url: '/api/v1/cases',
    payload: { customer: { social }, message: { body: 'Via de app' }, channel: 'social' },
    status: 422,
    code: 'invalid_social_handle',
    message: /network:handle/,
  })),
  { name: 'POST /api/v1/customers identities[].social', method: 'POST', url: '/api/v1/customers', payload: { identities: [{ kind: 'social', value: '@x' }] }, status: 422, code: 'invalid_social_handle' },
  { name: 'POST /api/v1/customers/:id/identities social', method: 'POST', url: `/api/v1/customers/${f.customerId}/identities`, payload: { kind: 'social', value: 'geen handle' }, status: 422, code: 'invalid_social_handle' },
  { name: 'POST /api/v1/customers/:id/identities external', method: 'POST', url: `/api/v1/customers/${f.customerId}/identities`, payload: { kind: 'external', value: 'k@123' }, status: 422, code: 'invalid_external_id' },
  { name: 'POST /api/v1/customers external_id', method: 'POST', url: '/api/v1/customers', payload: { email: uniqueEmail(), external_id: ' ' }, status: 422, code: 'invalid_external_id' },
  { name: 'PUT /api/v1/customers/:id/refund-account checksum', method: 'PUT', url: `/api/v1/customers/${f.customerId}/refund-account`, payload: { iban: 'NL91ABNA0417164301', account_holder: 'Jan' }, status: 422, code: 'invalid_iban' },
  { name: 'PUT /api/v1/customers/:id/refund-account holder', method: 'PUT', url: `/api/v1/customers/${f.customerId}/refund-account`, payload: { iban: 'NL91ABNA0417164300' }, status: 422, code: 'account_holder_required' },
  { name: 'POST /api/v1/customers/:id/cancellations date', method: 'POST', url: `/api/v1/customers/${f.customerId}/cancellations`, payload: { cancelled_at: '30-11-2026' }, status: 400, code: 'validation_failed', message: /cancelled_at/ },
]);

runTable('invalid ids in the path, query or body are 400 validation_failed', () => {
  const bad = ['nope', '123', `${NIL}0`, NIL.replace(/-/g, ''), '00000000-0000-0000-0000-00000000000g'];
  const paths = [
    (x: string) => ['GET', `/api/v1/customers/${x}`],
    (x: string) => ['PATCH', `/api/v1/customers/${x}`],
    (x: string) => ['POST', `/api/v1/customers/${x}/identities`],
    (x: string) => ['POST', `/api/v1/customers/${x}/merge`],
    (x: string) => ['DELETE', `/api/v1/customers/${x}/identities/${f.identityId}`],
    (x: string) => ['DELETE', `/api/v1/customers/${f.customerId}/identities/${x}`],
    (x: string) => ['PATCH', `/api/v1/agents/${x}`],
    (x: string) => ['PUT', `/api/v1/agents/${x}/two-factor`],
    (x: string) => ['DELETE', `/api/v1/agents/${x}/two-factor`],
    (x: string) => ['DELETE', `/api/v1/tokens/${x}`],
    (x: string) => ['DELETE', `/api/v1/webhooks/${x}`],
    (x: string) => ['GET', `/api/v1/webhooks/${x}/deliveries`],
    (x: string) => ['POST', `/api/v1/cases/${f.ownedCaseId}/transfers/${x}/accept`],
    (x: string) => ['POST', `/api/v1/cases/${f.ownedCaseId}/transfers/${x}/decline`],
    (x: string) => ['POST', `/api/v1/cases/${f.ownedCaseId}/transfers/${x}/cancel`],
  ];
  const caseIds = ['nope', 'LU-', 'LU-abc', 'LU-1-2', 'LU-9999999999999999', `${NIL}0`, 'LU 1001'];
  const casePaths = [
    (x: string) => ['GET', `/api/v1/cases/${x}`],
    (x: string) => ['PATCH', `/api/v1/cases/${x}`],
    (x: string) => ['POST', `/api/v1/cases/${x}/messages`],
    (x: string) => ['POST', `/api/v1/cases/${x}/notes`],
    (x: string) => ['POST', `/api/v1/cases/${x}/assign`],
    (x: string) => ['POST', `/api/v1/cases/${x}/transfers`],
    (x: string) => ['POST', `/api/v1/cases/${x}/transfers/${f.transferId}/accept`],
    (x: string) => ['POST', `/api/v1/cases/${x}/transfers/${f.transferId}/decline`],
    (x: string) => ['POST', `/api/v1/cases/${x}/transfers/${f.transferId}/cancel`],
  ];
  const valid = validRequests();
  const payloadFor = (method: string, url: string) => {
    const route = routeFor(Object.keys(valid), method, url);
    return route ? valid[route].payload : undefined;
  };
  const rows: Bad[] = [];
  paths.forEach((p, i) => {
    const [method, url] = p(bad[i % bad.length]);
    // the body is one that would be accepted: only the id is wrong
    const payload = payloadFor(method, p(NIL)[1]);
    rows.push({ name: `${method} ${url}`, method: method as Method, url, payload, status: 400, code: 'validation_failed', message: /Invalid params .*GUID/ });
  });
  casePaths.forEach((p, i) => {
    const [method, url] = p(encodeURIComponent(caseIds[i % caseIds.length]));
    const payload = payloadFor(method, p(f.caseId)[1]);
    rows.push({ name: `${method} ${url}`, method: method as Method, url, payload, status: 400, code: 'validation_failed', message: /must be a case id or a reference like LU-1042/ });
  });
  for (const x of caseIds) {
    rows.push({ name: `GET a case by "${x}"`, method: 'GET', url: `/api/v1/cases/${encodeURIComponent(x)}`, status: 400, code: 'validation_failed', message: /params id/ });
  }
  rows.push(
    { name: 'assign agent_id "me"', method: 'POST', url: `/api/v1/cases/${f.caseId}/assign`, payload: { agent_id: 'me' }, status: 400, code: 'validation_failed', message: /agent_id/ },
    { name: 'transfers to_agent_id "piet"', method: 'POST', url: `/api/v1/cases/${f.ownedCaseId}/transfers`, payload: { to_agent_id: 'piet' }, status: 400, code: 'validation_failed', message: /to_agent_id/ },
    { name: 'merge customer_id "LU-1"', method: 'POST', url: `/api/v1/customers/${f.customerId}/merge`, payload: { customer_id: 'LU-1' }, status: 400, code: 'validation_failed', message: /customer_id/ },
    { name: 'agents team_id "tweede lijn"', method: 'POST', url: '/api/v1/agents', payload: { email: uniqueEmail(), name: 'X', team_id: 'tweede lijn' }, status: 400, code: 'validation_failed', message: /team_id/ },
    { name: 'agent patch team_id 42', method: 'PATCH', url: `/api/v1/agents/${f.agent2}`, payload: { team_id: 42 }, status: 400, code: 'validation_failed', message: /team_id/ },
    { name: 'login account_id "acme"', method: 'POST', url: '/api/v1/auth/login', auth: null, payload: { email: f.agent2Email, password: 'x', account_id: 'acme' }, status: 400, code: 'validation_failed', message: /account_id/ },
    { name: 'cases case_ref "LU-"', method: 'POST', url: '/api/v1/cases', payload: { customer: { email: uniqueEmail() }, message: { body: 'x' }, case_ref: 'LU-' }, status: 400, code: 'validation_failed', message: /case_ref/ },
    { name: 'cases?owner_id=piet', method: 'GET', url: '/api/v1/cases?owner_id=piet', status: 400, code: 'validation_failed', message: /owner_id/ },
    { name: 'cases?customer_id=1', method: 'GET', url: '/api/v1/cases?customer_id=1', status: 400, code: 'validation_failed', message: /customer_id/ },
    { name: 'audit?entity_id=LU-1001', method: 'GET', url: '/api/v1/audit?entity_id=LU-1001', status: 400, code: 'validation_failed', message: /entity_id/ },
  );
  return rows;
});

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

runTable('cursors the API did not hand out are 400 invalid_cursor', () => {
  const bad: Array<[string, string]> = [
    ['not base64 JSON', 'zzz'],
    ['base64 of plain text', Buffer.from('hallo').toString('base64url')],
    ['a JSON object', cursorOf({ at: '2024-01-01T00:00:00.000Z', id: NIL })],
    ['numbers', cursorOf([1, 2])],
    ['a date the database cannot read', cursorOf(['1', NIL])],
    ['an impossible date', cursorOf(['2024-02-30T00:00:00.000Z', NIL])],
    ['a date with a year beyond 9999', cursorOf(['99999-01-01', NIL])],
    ['an id of 36 dashes', cursorOf(['2024-01-01T00:00:00.000Z', '-'.repeat(36)])],
    ['an id that is not a uuid', cursorOf(['2024-01-01T00:00:00.000Z', 'g'.repeat(36)])],
    ['SQL in the id', cursorOf(['2024-01-01T00:00:00.000Z', "'; DROP TABLE cases; --"])],
  ];
  return [
    ...bad.map(([what, cursor]) => ({ name: `cases: ${what}`, method: 'GET' as const, url: `/api/v1/cases?cursor=${cursor}`, status: 400, code: 'invalid_cursor', message: /not one this API returned/ })),
    ...bad.map(([what, cursor]) => ({ name: `customers: ${what}`, method: 'GET' as const, url: `/api/v1/customers?cursor=${cursor}`, status: 400, code: 'invalid_cursor' })),
    ...[
      ['negative', Buffer.from('-1').toString('base64url')],
      ['past the end of search', Buffer.from('10001').toString('base64url')],
      ['a fraction', Buffer.from('1.5').toString('base64url')],
      ['text', Buffer.from('vijf').toString('base64url')],
    ].map(([what, cursor]) => ({ name: `search: ${what}`, method: 'GET' as const, url: `/api/v1/search?q=factuur&cursor=${cursor}`, status: 400, code: 'invalid_cursor' })),
  ];
});

runTable('invalid status, priority, tier, role, segment, channel, language and event values', () => [
  ...['bogus', 'NEW', 'Open', 'deleted', ''].map((status) => ({ name: `case status "${status}"`, method: 'PATCH' as const, url: `/api/v1/cases/${f.caseId}`, payload: { status }, status: 400, code: 'validation_failed', message: /status.*expected one of/ })),
  ...['HIGH', 'critical', '1'].map((priority) => ({ name: `case priority "${priority}"`, method: 'PATCH' as const, url: `/api/v1/cases/${f.caseId}`, payload: { priority }, status: 400, code: 'validation_failed', message: /priority/ })),
  ...['L4', 'l1', 'L0'].map((tier) => ({ name: `case tier "${tier}"`, method: 'PATCH' as const, url: `/api/v1/cases/${f.caseId}`, payload: { tier }, status: 400, code: 'validation_failed', message: /tier/ })),
  { name: 'case language "dutch"', method: 'PATCH', url: `/api/v1/cases/${f.caseId}`, payload: { language: 'dutch' }, status: 400, code: 'validation_failed', message: /language/ },
  { name: 'new case priority "asap"', method: 'POST', url: '/api/v1/cases', payload: { customer: { email: uniqueEmail() }, message: { body: 'x' }, priority: 'asap' }, status: 400, code: 'validation_failed', message: /priority/ },
  { name: 'new case channel "fax"', method: 'POST', url: '/api/v1/cases', payload: { customer: { email: uniqueEmail() }, message: { body: 'x' }, channel: 'fax' }, status: 400, code: 'validation_failed', message: /channel/ },
  { name: 'new case message language "NL"', method: 'POST', url: '/api/v1/cases', payload: { customer: { email: uniqueEmail() }, message: { body: 'x', language: 'NL' } }, status: 400, code: 'validation_failed', message: /language/ },
  { name: 'cases?status=bogus', method: 'GET', url: '/api/v1/cases?status=bogus', status: 400, code: 'validation_failed', message: /status/ },
  { name: 'cases?status=open,bogus', method: 'GET', url: '/api/v1/cases?status=open,bogus', status: 400, code: 'validation_failed', message: /status/ },
  { name: 'cases?status=OPEN', method: 'GET', url: '/api/v1/cases?status=OPEN', status: 400, code: 'validation_failed', message: /status/ },
  { name: 'customer segment "Gold"', method: 'POST', url: '/api/v1/customers', payload: { email: uniqueEmail(), segment: 'Gold' }, status: 400, code: 'validation_failed', message: /segment/ },
  { name: 'customer segment "1st"', method: 'PATCH', url: `/api/v1/customers/${f.customerId}`, payload: { segment: '1st' }, status: 400, code: 'validation_failed', message: /segment/ },
  { name: 'customers?segment=VIP', method: 'GET', url: '/api/v1/customers?segment=VIP', status: 400, code: 'validation_failed', message: /segment/ },
  { name: 'agent role "owner"', method: 'POST', url: '/api/v1/agents', payload: { email: uniqueEmail(), name: 'X', role: 'owner' }, status: 400, code: 'validation_failed', message: /role/ },
  { name: 'agent patch role "root"', method: 'PATCH', url: `/api/v1/agents/${f.agent2}`, payload: { role: 'root' }, status: 400, code: 'validation_failed', message: /role/ },
  { name: 'token role "superadmin"', method: 'POST', url: '/api/v1/tokens', payload: { name: 'x', role: 'superadmin' }, status: 400, code: 'validation_failed', message: /role/ },
  { name: 'webhook event "case.deleted"', method: 'POST', url: '/api/v1/webhooks', payload: { url: 'https://example.test/h', events: ['case.deleted'] }, status: 400, code: 'validation_failed', message: /events/ },
  { name: 'webhook with more events than exist', method: 'POST', url: '/api/v1/webhooks', payload: { url: 'https://example.test/h', events: Array(EVENT_NAMES.length + 1).fill('case.created') }, status: 400, code: 'validation_failed', message: /events/ },
  ...['ftp://example.test/h', 'javascript:alert(1)', 'example.test/h', 'http://'].map((url) => ({ name: `webhook url "${url}"`, method: 'POST' as const, url: '/api/v1/webhooks', payload: { url, events: ['case.created'] }, status: 400, code: 'validation_failed', message: /url/ })),
]);

runTable('text the database cannot store (NUL characters) is 422 invalid_value, not a 500', () => [
  { name: 'a new case message', method: 'POST', url: '/api/v1/cases', payload: { customer: { email: uniqueEmail() }, message: { body: 'nul\u0000byte' } }, status: 422, code: 'invalid_value', message: /\\u0000/ },
  { name: 'a customer name on a new case', method: 'POST', url: '/api/v1/cases', payload: { customer: { email: uniqueEmail(), name: 'Jan\u0000' }, message: { body: 'x' } }, status: 422, code: 'invalid_value' },
  { name: 'a note', method: 'POST', url: `/api/v1/cases/${f.caseId}/notes`, payload: { body: '\u0000' }, status: 422, code: 'invalid_value' },
  { name: 'a reply', method: 'POST', url: `/api/v1/cases/${f.caseId}/messages`, payload: { body: 'a\u0000b' }, status: 422, code: 'invalid_value' },
  { name: 'a customer name', method: 'PATCH', url: `/api/v1/customers/${f.customerId}`, payload: { name: 'a\u0000b' }, status: 422, code: 'invalid_value' },
  { name: 'a case topic', method: 'PATCH', url: `/api/v1/cases/${f.caseId}`, payload: { topic: 'a\u0000b' }, status: 422, code: 'invalid_value' },
  { name: 'a search query', method: 'GET', url: '/api/v1/search?q=a%00b', status: 422, code: 'invalid_value' },
  { name: 'a sign-in e-mail', method: 'POST', url: '/api/v1/auth/login', auth: null, payload: { email: 'a\u0000@example.test', password: 'x' }, status: 422, code: 'invalid_value' },
]);

runTable('Idempotency-Key must be 1 to 255 characters', () => [
  { name: 'empty', method: 'POST', url: '/api/v1/teams', payload: { name: 'Team leeg' }, headers: { 'idempotency-key': '' }, status: 400, code: 'invalid_idempotency_key', message: /1 to 255/ },
  { name: '256 characters', method: 'POST', url: '/api/v1/cases', payload: { customer: { email: uniqueEmail() }, message: { body: 'x' } }, headers: { 'idempotency-key': 'k'.repeat(256) }, status: 400, code: 'invalid_idempotency_key' },
]);

// ---------------------------------------------------------------------------------------------
// who may do what

test('no, malformed, unknown, wrong or revoked credentials are 401 on every private route', async (t) => {
  const creds: Array<[string, Headers | null, string]> = [
    ['no credentials', null, 'unauthenticated'],
    ['Basic auth', { authorization: 'Basic YWRtaW46YWRtaW4=' }, 'invalid_authorization'],
    ['"Bearer" without a token', { authorization: 'Bearer' }, 'invalid_authorization'],
    ['a made-up token', { authorization: 'Bearer lst_nonsense' }, 'invalid_token'],
    ['a token with the wrong secret', f.wrongSecret, 'invalid_token'],
    ['a revoked token', f.revokedToken, 'invalid_token'],
    ['a made-up session cookie', { cookie: 'luister_session=lss_nonsense' }, 'unauthenticated'],
  ];
  for (const [route, r] of Object.entries(validRequests())) {
    if (PUBLIC.has(route)) continue;
    for (const [what, auth, code] of creds) {
      await t.test(`${route} with ${what}`, () =>
        expectRejected({ name: route, method: route.split(' ')[0] as Method, url: r.url, payload: r.payload, auth, status: 401, code }));
    }
  }
});

test('a revoked token stays revoked, and says so', async () => {
  await expectRejected({ name: 'me', method: 'GET', url: '/api/v1/me', auth: f.revokedToken, status: 401, code: 'invalid_token', message: /revoked/ });
  // revoking it again is harmless and does not bring it back
  const tokens = await ok<{ data: Array<{ name: string; revoked_at: string | null }> }>('GET', '/api/v1/tokens');
  assert.ok(tokens.data.find((x) => x.name === 'revoked')?.revoked_at);
});

runTable('an agent (token or session) or a supervisor cannot do admin things: 403', () => {
  const valid = validRequests();
  const adminOnly = [
    'POST /api/v1/agents',
    'POST /api/v1/teams',
    'GET /api/v1/tokens',
    'POST /api/v1/tokens',
    'DELETE /api/v1/tokens/:id',
    'GET /api/v1/webhooks',
    'POST /api/v1/webhooks',
    'DELETE /api/v1/webhooks/:id',
    'GET /api/v1/webhooks/:id/deliveries',
    'GET /api/v1/two-factor/policy',
    'PUT /api/v1/two-factor/policy',
    'PUT /api/v1/agents/:id/two-factor',
    'DELETE /api/v1/agents/:id/two-factor',
  ];
  const as = (who: string, auth: Headers, route: string, payload = valid[route].payload, url = valid[route].url): Bad => ({
    name: `${who}: ${route} ${payload ? JSON.stringify(payload).slice(0, 60) : ''}`,
    method: route.split(' ')[0] as Method,
    url,
    payload,
    auth,
    status: 403,
    code: 'forbidden',
    message: /admin|supervisor|owner|receiv/i,
  });
  return [
    ...adminOnly.map((r) => as('agent token', f.agentToken, r)),
    ...adminOnly.map((r) => as('agent session', f.agentSession, r)),
    ...adminOnly.map((r) => as('supervisor token', f.supervisorToken, r)),
    as('agent token', f.agentToken, 'GET /api/v1/audit'),
    as('agent token', f.agentToken, 'PUT /api/v1/help-centre'),
    as('supervisor token', f.supervisorToken, 'PUT /api/v1/help-centre'),
    as('agent token', f.agentToken, 'POST /api/v1/articles/:id/publish'),
    as('agent token', f.agentToken, 'GET /api/v1/channels/connections'),
    as('supervisor token', f.supervisorToken, 'PUT /api/v1/channels/phone', { rotate_secret: true }),
    as('agent session', f.agentSession, 'PUT /api/v1/channels/whatsapp'),
    as('supervisor token', f.supervisorToken, 'PUT /api/v1/channels/messaging'),
    as('agent token', f.agentToken, 'PATCH /api/v1/portal/settings', { enabled: false }),
    as('supervisor token', f.supervisorToken, 'PATCH /api/v1/portal/settings', { idle_minutes: 60 }),
    as('agent session', f.agentSession, 'POST /api/v1/articles/:id/unpublish'),
    as('agent session', f.agentSession, 'GET /api/v1/audit'),
    as('agent token', f.agentToken, 'POST /api/v1/tokens', { name: 'mijn admin-token', role: 'admin' }),
    as('agent token', f.agentToken, 'PATCH /api/v1/agents/:id', { role: 'admin' }),
    as('agent token', f.agentToken, 'PATCH /api/v1/agents/:id', { active: false }),
    as('agent session', f.agentSession, 'PATCH /api/v1/agents/:id', { role: 'admin' }, `/api/v1/agents/${f.agent2}`),
    as('agent session', f.agentSession, 'PATCH /api/v1/agents/:id', { team_id: f.teamId }, `/api/v1/agents/${f.agent2}`),
    as('agent session', f.agentSession, 'PATCH /api/v1/agents/:id', { name: 'De baas' }, `/api/v1/agents/${f.acc.adminId}`),
    as('supervisor token', f.supervisorToken, 'PATCH /api/v1/agents/:id', { role: 'admin' }, `/api/v1/agents/${f.agent2}`),
    as('agent session', f.agentSession, 'POST /api/v1/cases/:id/assign', { agent_id: f.acc.adminId }),
    as('agent session', f.agentSession, 'POST /api/v1/cases/:id/transfers', { to_agent_id: f.agent2 }),
    as('agent session', f.agentSession, 'POST /api/v1/cases/:id/transfers/:transfer_id/cancel'),
    // the admin is not the receiver of the offer: only the receiver accepts or declines
    as('admin token', f.acc.auth, 'POST /api/v1/cases/:id/transfers/:transfer_id/accept'),
    as('admin token', f.acc.auth, 'POST /api/v1/cases/:id/transfers/:transfer_id/decline'),
  ];
}, { input: false });

// ---------------------------------------------------------------------------------------------

runTable('rules of the domain refuse the request and leave everything as it was', () => [
  { name: 'a status change on a case without owner', method: 'PATCH', url: `/api/v1/cases/${f.caseId}`, payload: { status: 'open' }, status: 409, code: 'owner_required' },
  { name: 'back to new', method: 'PATCH', url: `/api/v1/cases/${f.ownedCaseId}`, payload: { status: 'new' }, status: 409, code: 'invalid_status_change' },
  { name: 'assigning a case that has an owner', method: 'POST', url: `/api/v1/cases/${f.ownedCaseRef}/assign`, payload: { agent_id: f.agent2 }, status: 409, code: 'case_has_owner' },
  { name: 'assigning to an agent that does not exist', method: 'POST', url: `/api/v1/cases/${f.caseId}/assign`, payload: { agent_id: NIL }, status: 404, code: 'agent_not_found' },
  { name: 'transferring a case without owner', method: 'POST', url: `/api/v1/cases/${f.caseId}/transfers`, payload: { to_agent_id: f.agent2 }, status: 409, code: 'case_unowned' },
  { name: 'transferring to the owner', method: 'POST', url: `/api/v1/cases/${f.ownedCaseId}/transfers`, payload: { to_agent_id: f.acc.adminId }, status: 422, code: 'transfer_to_owner' },
  { name: 'a second open transfer offer', method: 'POST', url: `/api/v1/cases/${f.ownedCaseId}/transfers`, payload: { to_agent_id: f.agent2 }, status: 409, code: 'transfer_pending' },
  { name: 'a transfer that does not exist', method: 'POST', url: `/api/v1/cases/${f.ownedCaseId}/transfers/${NIL}/cancel`, status: 404, code: 'transfer_not_found' },
  { name: 'a transfer offer of another case', method: 'POST', url: `/api/v1/cases/${f.caseId}/transfers/${f.transferId}/cancel`, status: 404, code: 'transfer_not_found' },
  { name: 'a case that does not exist', method: 'PATCH', url: `/api/v1/cases/${NIL}`, payload: { priority: 'high' }, status: 404, code: 'case_not_found' },
  { name: 'a case reference that does not exist', method: 'POST', url: '/api/v1/cases/LU-999999999999999/notes', payload: { body: 'x' }, status: 404, code: 'case_not_found' },
  { name: 'merging a customer into itself', method: 'POST', url: `/api/v1/customers/${f.customerId}/merge`, payload: { customer_id: f.customerId }, status: 422, code: 'merge_into_self' },
  { name: 'merging a customer that does not exist', method: 'POST', url: `/api/v1/customers/${f.customerId}/merge`, payload: { customer_id: NIL }, status: 404, code: 'customer_not_found' },
  { name: 'an identity that belongs to another customer', method: 'POST', url: `/api/v1/customers/${f.customer2}/identities`, payload: { kind: 'email', value: f.customerEmail.toUpperCase() }, status: 409, code: 'identity_taken' },
  { name: 'a new customer with a taken e-mail address', method: 'POST', url: '/api/v1/customers', payload: { name: 'Dubbel', email: f.customerEmail }, status: 409, code: 'identity_taken' },
  { name: 'a new customer whose second identity is taken', method: 'POST', url: '/api/v1/customers', payload: { name: 'Half', email: uniqueEmail(), phone: '0612345678' }, status: 409, code: 'identity_taken' },
  { name: 'removing an identity that does not exist', method: 'DELETE', url: `/api/v1/customers/${f.customerId}/identities/${NIL}`, status: 404, code: 'identity_not_found' },
  { name: 'a customer that does not exist', method: 'PATCH', url: `/api/v1/customers/${NIL}`, payload: { name: 'X' }, status: 404, code: 'customer_not_found' },
  { name: 'an agent e-mail address in use', method: 'POST', url: '/api/v1/agents', payload: { email: f.agent2Email.toUpperCase(), name: 'Dubbel' }, status: 409, code: 'agent_exists' },
  { name: 'an agent in a team that does not exist', method: 'POST', url: '/api/v1/agents', payload: { email: uniqueEmail(), name: 'X', team_id: NIL }, status: 404, code: 'team_not_found' },
  { name: 'moving an agent to a team that does not exist', method: 'PATCH', url: `/api/v1/agents/${f.agent2}`, payload: { team_id: NIL }, status: 404, code: 'team_not_found' },
  { name: 'an agent that does not exist', method: 'PATCH', url: `/api/v1/agents/${NIL}`, payload: { name: 'X' }, status: 404, code: 'agent_not_found' },
  { name: 'a team name in use', method: 'POST', url: '/api/v1/teams', payload: { name: f.teamName }, status: 409, code: 'team_exists' },
  { name: 'revoking a token that does not exist', method: 'DELETE', url: `/api/v1/tokens/${NIL}`, status: 404, code: 'api_token_not_found' },
  { name: 'a webhook that does not exist', method: 'DELETE', url: `/api/v1/webhooks/${NIL}`, status: 404, code: 'webhook_not_found' },
  { name: 'deliveries of a webhook that does not exist', method: 'GET', url: `/api/v1/webhooks/${NIL}/deliveries`, status: 404, code: 'webhook_not_found' },
  { name: 'an import with unknown columns', method: 'POST', url: '/api/v1/customers/import', payload: { csv: 'naam,mail\nJan,jan@example.nl\n' }, status: 422, code: 'import_invalid' },
  { name: 'an import with an unclosed quote', method: 'POST', url: '/api/v1/customers/import', payload: { csv: 'name,email\n"Jan,jan@example.nl\n' }, status: 422, code: 'import_invalid' },
  { name: 'an import with the same e-mail twice', method: 'POST', url: '/api/v1/customers/import', payload: { csv: `name,email\nA,${f.customer2Email}\nB,${f.customer2Email}\n` }, status: 422, code: 'import_invalid' },
  {
    name: 'an import row whose identities belong to two customers (after updating the first)',
    method: 'POST',
    url: '/api/v1/customers/import',
    payload: { csv: `name,email,phone,vulnerable\nNieuwe naam,${f.customer2Email},${f.customerPhone},ja\n` },
    status: 409,
    code: 'import_conflict',
  },
  { name: 'a sign-in with a wrong password', method: 'POST', url: '/api/v1/auth/login', auth: null, payload: { email: f.agent2Email, password: 'fout' }, status: 401, code: 'invalid_credentials' },
  { name: 'a sign-in for an unknown agent', method: 'POST', url: '/api/v1/auth/login', auth: null, payload: { email: uniqueEmail(), password: 'x' }, status: 401, code: 'invalid_credentials' },
]);

runTable('tags and macros: bad tags, bad actions and unknown macros are refused, nothing written', () => [
  { name: 'a tag with a space and a bang', method: 'POST', url: `/api/v1/cases/${f.caseId}/tags`, payload: { add: ['niet goed!'] }, status: 422, code: 'invalid_tag' },
  { name: 'a tag of 65 characters', method: 'POST', url: `/api/v1/cases/${f.caseId}/tags`, payload: { add: ['x'.repeat(65)] }, status: 422, code: 'invalid_tag' },
  { name: 'removing a tag the case does not carry', method: 'POST', url: `/api/v1/cases/${f.caseId}/tags`, payload: { remove: ['nooit-gezet'] }, status: 422, code: 'tag_not_set' },
  { name: 'a tag change that changes nothing', method: 'POST', url: `/api/v1/cases/${f.caseId}/tags`, payload: {}, status: 400, code: 'validation_failed' },
  { name: 'tags on a case that does not exist', method: 'POST', url: `/api/v1/cases/${NIL}/tags`, payload: { add: ['x'] }, status: 404, code: 'case_not_found' },
  { name: 'a bad customer tag', method: 'POST', url: `/api/v1/customers/${f.customerId}/tags`, payload: { add: ['<b>'] }, status: 422, code: 'invalid_tag' },
  { name: 'a tag filter that is not a tag', method: 'GET', url: '/api/v1/cases?tag=%3Cscript%3E', status: 422, code: 'invalid_tag' },
  { name: 'a macro with a status that does not exist', method: 'POST', url: '/api/v1/macros', payload: { name: 'Fout', shared: true, actions: { status: 'kapot' } }, status: 400, code: 'validation_failed' },
  { name: 'a macro that does nothing', method: 'POST', url: '/api/v1/macros', payload: { name: 'Leeg', shared: true, actions: {} }, status: 400, code: 'validation_failed' },
  { name: 'a macro with a bad tag', method: 'POST', url: '/api/v1/macros', payload: { name: 'Fout', shared: true, actions: { tags_add: ['geen tag!'] } }, status: 422, code: 'invalid_tag' },
  { name: 'a macro with a team that does not exist', method: 'POST', url: '/api/v1/macros', payload: { name: 'Fout', shared: true, actions: { team_id: NIL } }, status: 404, code: 'team_not_found' },
  { name: 'a macro with a template that does not exist', method: 'PATCH', url: `/api/v1/macros/${f.macroId}`, payload: { actions: { template_id: NIL } }, status: 404, code: 'template_not_found' },
  { name: 'a macro name in use', method: 'POST', url: '/api/v1/macros', payload: { name: 'gebeld', shared: true, actions: { priority: 'low' } }, status: 409, code: 'macro_exists' },
  { name: 'a shared macro made by an agent', method: 'POST', url: '/api/v1/macros', auth: f.agentToken, payload: { name: 'Agent', shared: true, actions: { priority: 'low' } }, status: 403, code: 'forbidden' },
  { name: 'deleting a macro that does not exist', method: 'DELETE', url: `/api/v1/macros/${NIL}`, status: 404, code: 'macro_not_found' },
  { name: 'previewing a macro that does not exist', method: 'GET', url: `/api/v1/macros/${NIL}/preview/${f.caseId}`, status: 404, code: 'macro_not_found' },
  { name: 'applying a macro to a case that does not exist', method: 'POST', url: `/api/v1/macros/${f.macroId}/apply/${NIL}`, status: 404, code: 'case_not_found' },
  { name: 'applying a macro to a case id that is not one', method: 'POST', url: `/api/v1/macros/${f.macroId}/apply/zaak-1`, status: 400, code: 'validation_failed' },
]);

runTable('merge, split and followers: two customers, itself, unknown messages and agents, nothing left behind are refused, nothing written', () => {
  const merge = `/api/v1/cases/${f.mergeCaseId}/merge`;
  const split = `/api/v1/cases/${f.mergeCaseId}/split`;
  return [
    { name: 'merge without into', method: 'POST', url: merge, payload: {}, status: 400, code: 'validation_failed', message: /into/ },
    { name: 'merge into a case id that is not one', method: 'POST', url: merge, payload: { into: 'zaak 7' }, status: 400, code: 'validation_failed', message: /into/ },
    { name: "merge into another customer's case", method: 'POST', url: merge, payload: { into: f.ownedCaseRef }, status: 409, code: 'different_customers', message: /merge the customers first/ },
    { name: 'merge a case into itself', method: 'POST', url: merge, payload: { into: f.mergeCaseId }, status: 422, code: 'same_case' },
    { name: 'merge into a case that does not exist', method: 'POST', url: merge, payload: { into: 'LU-999999' }, status: 404, code: 'case_not_found' },
    { name: 'merge a case that does not exist', method: 'POST', url: `/api/v1/cases/${NIL}/merge`, payload: { into: f.caseRef }, status: 404, code: 'case_not_found' },
    { name: 'split without messages', method: 'POST', url: split, payload: { message_ids: [] }, status: 400, code: 'validation_failed', message: /message_ids/ },
    { name: 'split a message id that is not one', method: 'POST', url: split, payload: { message_ids: ['bericht-1'] }, status: 400, code: 'validation_failed', message: /message_ids/ },
    { name: 'split more than 500 messages', method: 'POST', url: split, payload: { message_ids: Array(501).fill(NIL) }, status: 400, code: 'validation_failed', message: /message_ids/ },
    { name: 'split with an empty subject', method: 'POST', url: split, payload: { message_ids: [NIL], subject: '  ' }, status: 400, code: 'validation_failed', message: /subject/ },
    { name: 'split a message of another case', method: 'POST', url: split, payload: { message_ids: [NIL] }, status: 422, code: 'message_not_in_case' },
    { name: "split off the case's only customer message", method: 'POST', url: `/api/v1/cases/${f.caseId}/split`, payload: { message_ids: [f.firstMessageId] }, status: 409, code: 'split_everything' },
    { name: 'follow for an agent that does not exist', method: 'PUT', url: `/api/v1/cases/${f.caseId}/followers/${NIL}`, status: 404, code: 'agent_not_found' },
    { name: 'follow for an agent id that is not one', method: 'PUT', url: `/api/v1/cases/${f.caseId}/followers/piet`, status: 400, code: 'validation_failed', message: /agent_id/ },
    { name: 'follow a case that does not exist', method: 'PUT', url: `/api/v1/cases/LU-999999/followers/${f.agent2}`, status: 404, code: 'case_not_found' },
    { name: 'cases followed by an agent id that is not one', method: 'GET', url: '/api/v1/cases?followed_by=sanne', status: 400, code: 'validation_failed', message: /followed_by/ },
    { name: 'followers of a case that does not exist', method: 'GET', url: `/api/v1/cases/${NIL}/followers`, status: 404, code: 'case_not_found' },
    { name: "taking a colleague off the followers without cases.assign_others", method: 'DELETE', url: `/api/v1/cases/${f.caseId}/followers/${f.agent2}`, auth: f.agentToken, status: 403, code: 'forbidden', message: /cases\.assign_others/ },
  ];
});

runTable('organisations and custom fields: bad domains, wrong values, unknown fields and filters are refused, nothing written', () => [
  { name: 'claiming a free-mail domain', method: 'POST', url: '/api/v1/organisations', payload: { name: 'Gmail BV', domains: ['gmail.com'] }, status: 400, code: 'free_mail_domain', message: /gmail\.com/ },
  { name: 'claiming ziggo.nl', method: 'PATCH', url: `/api/v1/organisations/${f.organisationId}`, payload: { domains: ['ziggo.nl'] }, status: 400, code: 'free_mail_domain' },
  { name: 'a domain that is not one', method: 'POST', url: '/api/v1/organisations', payload: { name: 'X', domains: ['geen domein'] }, status: 400, code: 'invalid_domain' },
  { name: 'an organisation without a name', method: 'POST', url: '/api/v1/organisations', payload: { name: '  ' }, status: 400, code: 'validation_failed' },
  { name: 'an organisation name in use', method: 'POST', url: '/api/v1/organisations', payload: { name: 'bakkerij slecht' }, status: 409, code: 'organisation_exists' },
  { name: 'an organisation that does not exist', method: 'GET', url: `/api/v1/organisations/${NIL}`, status: 404, code: 'organisation_not_found' },
  { name: 'a customer put in an organisation that does not exist', method: 'PATCH', url: `/api/v1/customers/${f.customerId}`, payload: { organisation_id: NIL }, status: 404, code: 'organisation_not_found' },
  { name: 'deleting an organisation as an agent', method: 'DELETE', url: `/api/v1/organisations/${f.organisationId}`, auth: f.agentToken, status: 403, code: 'forbidden' },
  { name: 'a field of an unknown type', method: 'POST', url: '/api/v1/custom-fields', payload: { entity: 'case', key: 'x', label_nl: 'x', label_en: 'x', type: 'kleur' }, status: 400, code: 'validation_failed' },
  { name: 'a field key with capitals', method: 'POST', url: '/api/v1/custom-fields', payload: { entity: 'case', key: 'Oorzaak', label_nl: 'x', label_en: 'x', type: 'text' }, status: 400, code: 'validation_failed' },
  { name: 'a one_of field without options', method: 'POST', url: '/api/v1/custom-fields', payload: { entity: 'case', key: 'leeg', label_nl: 'x', label_en: 'x', type: 'one_of' }, status: 400, code: 'invalid_field' },
  { name: 'a field key in use', method: 'POST', url: '/api/v1/custom-fields', payload: { entity: 'case', key: 'oorzaak', label_nl: 'x', label_en: 'x', type: 'text' }, status: 409, code: 'field_exists' },
  { name: 'a field made by an agent', method: 'POST', url: '/api/v1/custom-fields', auth: f.agentToken, payload: { entity: 'case', key: 'agentveld', label_nl: 'x', label_en: 'x', type: 'text' }, status: 403, code: 'forbidden' },
  { name: 'a field that does not exist', method: 'PATCH', url: `/api/v1/custom-fields/${NIL}`, payload: { label_nl: 'x' }, status: 404, code: 'custom_field_not_found' },
  { name: 'a case field value of the wrong type', method: 'PATCH', url: `/api/v1/cases/${f.caseId}`, payload: { custom_fields: { oorzaak: 5 } }, status: 400, code: 'invalid_field_value', message: /"oorzaak"/ },
  { name: 'a case field value not among the options', method: 'PATCH', url: `/api/v1/cases/${f.caseId}`, payload: { priority: 'high', custom_fields: { oorzaak: 'ruzie' } }, status: 400, code: 'invalid_field_value', message: /"oorzaak"/ },
  { name: 'a case field that does not exist', method: 'PATCH', url: `/api/v1/cases/${f.caseId}`, payload: { custom_fields: { kleur: 'rood' } }, status: 400, code: 'unknown_field' },
  { name: 'a custom field value that is an object', method: 'PATCH', url: `/api/v1/cases/${f.caseId}`, payload: { custom_fields: { oorzaak: { a: 1 } } }, status: 400, code: 'validation_failed' },
  { name: 'solving a case with a required field empty', method: 'PATCH', url: `/api/v1/cases/${f.ownedCaseId}`, payload: { status: 'solved' }, status: 409, code: 'required_fields_missing', message: /oorzaak/ },
  { name: 'a case filter on a field that does not exist', method: 'GET', url: '/api/v1/cases?field.kleur=rood', status: 400, code: 'unknown_field' },
  { name: 'a case filter with a value not among the options', method: 'GET', url: '/api/v1/cases?field.oorzaak=ruzie', status: 400, code: 'invalid_field_value' },
  { name: 'a customer filter on a field that does not exist', method: 'GET', url: '/api/v1/customers?field.kleur=rood', status: 400, code: 'unknown_field' },
  { name: 'an organisation search of 201 characters', method: 'GET', url: `/api/v1/organisations?q=${'x'.repeat(201)}`, status: 400, code: 'validation_failed' },
  { name: 'custom fields of a kind that does not exist', method: 'GET', url: '/api/v1/custom-fields?entity=product', status: 400, code: 'validation_failed' },
  { name: 'a customer field value for a case field', method: 'PATCH', url: `/api/v1/customers/${f.customerId}`, payload: { custom_fields: { oorzaak: 'storing' } }, status: 400, code: 'unknown_field' },
]);

runTable('replies and templates: bad drafts, settings and templates are refused, nothing written', () => [
  { name: 'a check without a case', method: 'POST', url: '/api/v1/replies/check', payload: { body: 'x' }, status: 400, code: 'validation_failed' },
  { name: 'a check with an empty body', method: 'POST', url: '/api/v1/replies/check', payload: { case_id: f.caseId, body: '' }, status: 400, code: 'validation_failed' },
  { name: 'a check on a case that does not exist', method: 'POST', url: '/api/v1/replies/check', payload: { case_id: NIL, body: 'x' }, status: 404, code: 'case_not_found' },
  { name: 'a check with an unknown field', method: 'POST', url: '/api/v1/replies/check', payload: { case_id: f.caseId, body: 'x', send: true }, status: 400, code: 'validation_failed' },
  { name: 'a reply-check setting that does not exist', method: 'PATCH', url: '/api/v1/settings/reply-checks', payload: { checks: { spelling: 'warn' } }, status: 400, code: 'validation_failed' },
  { name: 'a reply-check mode that does not exist', method: 'PATCH', url: '/api/v1/settings/reply-checks', payload: { checks: { blame: 'shout' } }, status: 400, code: 'validation_failed' },
  { name: 'a mantra threshold of one customer', method: 'PATCH', url: '/api/v1/settings/reply-checks', payload: { mantra: { min_customers: 1 } }, status: 400, code: 'validation_failed' },
  { name: 'settings changed by an agent', method: 'PATCH', url: '/api/v1/settings/reply-checks', auth: f.agentToken, payload: { checks: { blame: 'off' } }, status: 403, code: 'forbidden' },
  { name: 'a template that does not parse', method: 'POST', url: '/api/v1/templates', payload: { name: 'Kapot', body: 'Beste {{customer.first_name' }, status: 422, code: 'invalid_template' },
  { name: 'a template with a helper', method: 'POST', url: '/api/v1/templates', payload: { name: 'Helper', body: '{{#each x}}y{{/each}}' }, status: 422, code: 'invalid_template' },
  { name: 'a template without a name', method: 'POST', url: '/api/v1/templates', payload: { name: ' ', body: 'x' }, status: 400, code: 'validation_failed' },
  { name: 'a template name in use', method: 'POST', url: '/api/v1/templates', payload: { name: 'Ontvangen', body: 'x' }, status: 409, code: 'template_exists' },
  { name: 'a template made by an agent', method: 'POST', url: '/api/v1/templates', auth: f.agentToken, payload: { name: 'Agent', body: 'x' }, status: 403, code: 'forbidden' },
  { name: 'a template change that does not parse', method: 'PATCH', url: `/api/v1/templates/${f.templateId}`, payload: { body: '{{' }, status: 422, code: 'invalid_template' },
  { name: 'a template that does not exist', method: 'GET', url: `/api/v1/templates/${NIL}`, status: 404, code: 'template_not_found' },
  { name: 'deleting a template that does not exist', method: 'DELETE', url: `/api/v1/templates/${NIL}`, status: 404, code: 'template_not_found' },
  { name: 'rendering for a case that does not exist', method: 'POST', url: `/api/v1/templates/${f.templateId}/render`, payload: { case_id: NIL }, status: 404, code: 'case_not_found' },
  { name: 'a problem without a title', method: 'POST', url: '/api/v1/problems', payload: { title: '' }, status: 400, code: 'validation_failed' },
  { name: 'a problem with an owner that does not exist', method: 'POST', url: '/api/v1/problems', payload: { title: 'X', owner_id: NIL }, status: 404, code: 'agent_not_found' },
  { name: 'a problem with a case that does not exist', method: 'POST', url: '/api/v1/problems', payload: { title: 'X', case_ids: [NIL] }, status: 404, code: 'case_not_found' },
  { name: 'a problem from a signal that does not exist', method: 'POST', url: '/api/v1/problems', payload: { title: 'X', signal_id: NIL }, status: 404, code: 'signal_not_found' },
  { name: 'a problem opened by an agent', method: 'POST', url: '/api/v1/problems', auth: f.agentToken, payload: { title: 'X' }, status: 403, code: 'forbidden' },
  { name: 'a problem status that does not exist', method: 'PATCH', url: `/api/v1/problems/${f.problemId}`, payload: { status: 'done' }, status: 400, code: 'validation_failed' },
  { name: 'a problem that does not exist', method: 'GET', url: `/api/v1/problems/${NIL}`, status: 404, code: 'problem_not_found' },
  { name: 'a link state that does not exist', method: 'PUT', url: `/api/v1/problems/${f.problemId}/cases/${f.caseId}`, payload: { state: 'suggested' }, status: 400, code: 'validation_failed' },
  { name: 'linking a case that does not exist', method: 'PUT', url: `/api/v1/problems/${f.problemId}/cases/${NIL}`, payload: { state: 'confirmed' }, status: 404, code: 'case_not_found' },
  { name: 'a bulk reply that does not parse', method: 'POST', url: `/api/v1/problems/${f.problemId}/reply`, payload: { body: 'Beste {{customer.first_name' }, status: 422, code: 'invalid_template' },
  { name: 'a bulk reply by an agent', method: 'POST', url: `/api/v1/problems/${f.problemId}/reply`, auth: f.agentToken, payload: { body: 'x' }, status: 403, code: 'forbidden' },
  { name: 'a topic limit that is too high', method: 'GET', url: '/api/v1/topics?limit=100000', status: 400, code: 'validation_failed' },
  { name: 'a topic that does not exist', method: 'PATCH', url: `/api/v1/topics/${NIL}`, payload: { name: 'X' }, status: 404, code: 'topic_not_found' },
  { name: 'a topic named by an agent', method: 'PATCH', url: `/api/v1/topics/${f.topicIds[0]}`, auth: f.agentToken, payload: { name: 'X' }, status: 403, code: 'forbidden' },
  { name: 'a topic merged into itself', method: 'POST', url: `/api/v1/topics/${f.topicIds[0]}/merge`, payload: { topic_id: f.topicIds[0] }, status: 422, code: 'merge_into_self' },
  { name: 'splitting a topic that does not exist', method: 'POST', url: `/api/v1/topics/${NIL}/split`, payload: {}, status: 404, code: 'topic_not_found' },
  { name: 'a topic split by an agent', method: 'POST', url: `/api/v1/topics/${f.topicIds[0]}/split`, auth: f.agentToken, payload: {}, status: 403, code: 'forbidden' },
  { name: 'a topic of one message split', method: 'POST', url: `/api/v1/topics/${f.topicIds[0]}/split`, payload: {}, status: 422, code: 'topic_split_too_few' },
  { name: 'merging a topic that does not exist', method: 'POST', url: `/api/v1/topics/${f.topicIds[0]}/merge`, payload: { topic_id: NIL }, status: 404, code: 'topic_not_found' },
  { name: 'a signal status that does not exist', method: 'GET', url: '/api/v1/signals?status=gone', status: 400, code: 'validation_failed' },
  { name: 'dismissing a signal that does not exist', method: 'POST', url: `/api/v1/signals/${NIL}/dismiss`, payload: {}, status: 404, code: 'signal_not_found' },
  { name: 'confirming a sign of vulnerability that does not exist', method: 'POST', url: `/api/v1/vulnerability-signs/${NIL}/confirm`, payload: {}, status: 404, code: 'vulnerability_sign_not_found' },
  { name: 'dismissing a sign of vulnerability by a bad id', method: 'POST', url: '/api/v1/vulnerability-signs/nope/dismiss', payload: {}, status: 400, code: 'validation_failed' },
  { name: 'rendering with a variable that has no value', method: 'POST', url: `/api/v1/templates/${f.templateId}/render`, payload: { case_id: f.caseId, variables: { customer: { first_name: '' } } }, status: 422, code: 'template_variable_missing' },
]);

runTable('e-mail inboxes and attachments: bad addresses, IMAP URLs and ids are refused, nothing written', () => [
  { name: 'an inbox address that is not an address', method: 'POST', url: '/api/v1/inboxes', payload: { address: 'support-at-example', name: 'X' }, status: 422, code: 'invalid_address' },
  { name: 'an inbox address with a +tag', method: 'POST', url: '/api/v1/inboxes', payload: { address: 'support+x@example.test', name: 'X' }, status: 422, code: 'invalid_address' },
  // (an inbox without a name is fine: it sends as the account's default sender name, GET /api/v1/settings/mail)
  { name: 'an inbox with a sender name of 201 characters', method: 'POST', url: '/api/v1/inboxes', payload: { address: uniqueEmail('x'), name: 'x'.repeat(201) }, status: 400, code: 'validation_failed' },
  { name: 'an inbox with an unknown field', method: 'POST', url: '/api/v1/inboxes', payload: { address: uniqueEmail('x'), name: 'X', smtp: true }, status: 400, code: 'validation_failed' },
  { name: 'an inbox address already in use', method: 'POST', url: '/api/v1/inboxes', payload: { address: f.inboxAddress.toUpperCase(), name: 'X' }, status: 409, code: 'inbox_address_taken' },
  { name: 'an IMAP URL that is not a URL', method: 'POST', url: '/api/v1/inboxes', payload: { address: uniqueEmail('x'), name: 'X', imap_url: 'mail.example.nl' }, status: 422, code: 'invalid_imap_url' },
  { name: 'an IMAP URL over http', method: 'POST', url: '/api/v1/inboxes', payload: { address: uniqueEmail('x'), name: 'X', imap_url: 'http://u@mail.example.nl/' }, status: 422, code: 'invalid_imap_url' },
  { name: 'an IMAP URL with the password in it', method: 'POST', url: '/api/v1/inboxes', payload: { address: uniqueEmail('x'), name: 'X', imap_url: 'imaps://u:geheim@mail.example.nl/INBOX' }, status: 422, code: 'invalid_imap_url' },
  { name: 'an IMAP URL without a user', method: 'PATCH', url: `/api/v1/inboxes/${f.inboxId}`, payload: { imap_url: 'imaps://mail.example.nl/INBOX' }, status: 422, code: 'invalid_imap_url' },
  { name: 'an inbox with a team that does not exist', method: 'POST', url: '/api/v1/inboxes', payload: { address: uniqueEmail('x'), name: 'X', team_id: NIL }, status: 404, code: 'team_not_found' },
  { name: 'an inbox added by an agent', method: 'POST', url: '/api/v1/inboxes', auth: f.agentToken, payload: { address: uniqueEmail('x'), name: 'X' }, status: 403, code: 'forbidden' },
  { name: 'an inbox changed by an agent', method: 'PATCH', url: `/api/v1/inboxes/${f.inboxId}`, auth: f.agentToken, payload: { name: 'X' }, status: 403, code: 'forbidden' },
  { name: 'an inbox polled by an agent', method: 'POST', url: `/api/v1/inboxes/${f.inboxId}/poll`, auth: f.agentToken, payload: {}, status: 403, code: 'forbidden' },
  { name: 'an inbox that does not exist', method: 'GET', url: `/api/v1/inboxes/${NIL}`, status: 404, code: 'inbox_not_found' },
  { name: 'polling an inbox that does not exist', method: 'POST', url: `/api/v1/inboxes/${NIL}/poll`, payload: {}, status: 404, code: 'inbox_not_found' },
  { name: 'an inbox id that is not a UUID', method: 'GET', url: '/api/v1/inboxes/abc', status: 400, code: 'validation_failed' },
  // verification: the code is checked only once there is one; wrong codes are counted (a write), so they are tested in inbox-verification.test.ts
  { name: 'a verification code that is too short', method: 'POST', url: `/api/v1/inboxes/${f.inboxId}/verify`, payload: { code: 'AB' }, status: 400, code: 'validation_failed', message: /code/ },
  { name: 'a verification without a code', method: 'POST', url: `/api/v1/inboxes/${f.inboxId}/verify`, payload: {}, status: 400, code: 'validation_failed', message: /code/ },
  { name: 'a verification code before any was mailed', method: 'POST', url: `/api/v1/inboxes/${f.inboxId}/verify`, payload: { code: 'ABCDE-FGHJK' }, status: 422, code: 'verification_code_expired' },
  { name: 'an inbox verified by an agent', method: 'POST', url: `/api/v1/inboxes/${f.inboxId}/verify`, auth: f.agentToken, payload: { code: 'ABCDE-FGHJK' }, status: 403, code: 'forbidden' },
  { name: 'an inbox verified by DNS by an agent', method: 'POST', url: `/api/v1/inboxes/${f.inboxId}/verify-dns`, auth: f.agentToken, payload: {}, status: 403, code: 'forbidden' },
  { name: 'a verification mail sent by an agent', method: 'POST', url: `/api/v1/inboxes/${f.inboxId}/verification`, auth: f.agentToken, payload: {}, status: 403, code: 'forbidden' },
  { name: 'verifying an inbox that does not exist', method: 'POST', url: `/api/v1/inboxes/${NIL}/verify`, payload: { code: 'ABCDE-FGHJK' }, status: 404, code: 'inbox_not_found' },
  { name: 'verifying by DNS an inbox that does not exist', method: 'POST', url: `/api/v1/inboxes/${NIL}/verify-dns`, payload: {}, status: 404, code: 'inbox_not_found' },
  { name: 'a verification mail for an inbox that does not exist', method: 'POST', url: `/api/v1/inboxes/${NIL}/verification`, payload: {}, status: 404, code: 'inbox_not_found' },
  { name: 'an inbox verification with an unknown field', method: 'POST', url: `/api/v1/inboxes/${f.inboxId}/verify`, payload: { code: 'ABCDE-FGHJK', trust_me: true }, status: 400, code: 'validation_failed' },
  { name: 'an attachment that does not exist', method: 'GET', url: `/api/v1/attachments/${NIL}`, status: 404, code: 'attachment_not_found' },
  { name: 'an attachment id that is not a UUID', method: 'GET', url: '/api/v1/attachments/..%2f..%2fetc', status: 400, code: 'validation_failed' },
]);

runTable('promises, drafts, notifications and service settings: bad times, states and calendars are refused, nothing written', () => {
  const p = `/api/v1/promises/${f.promiseId}`;
  const mk = (payload: unknown) => ({ method: 'POST' as Method, url: `/api/v1/cases/${f.ownedCaseId}/promises`, payload });
  return [
    { name: 'a promise due in the past', ...mk({ kind: 'callback', description: 'x', due_at: PAST }), status: 422, code: 'promise_in_past' },
    { name: 'a promise due at a time without an offset', ...mk({ kind: 'callback', description: 'x', due_at: '2026-12-01T10:00:00' }), status: 400, code: 'validation_failed', message: /due_at/ },
    { name: 'a promise due "morgen"', ...mk({ kind: 'callback', description: 'x', due_at: 'morgen' }), status: 400, code: 'validation_failed' },
    { name: 'a window that ends before it starts', ...mk({ kind: 'appointment_window', description: 'x', window_start: FUTURE, due_at: new Date(Date.now() + 86_400_000).toISOString() }), status: 422, code: 'window_ends_before_start' },
    { name: 'an appointment without a window', ...mk({ kind: 'appointment_window', description: 'x', due_at: FUTURE }), status: 422, code: 'window_required' },
    { name: 'a promise of a kind that does not exist', ...mk({ kind: 'maybe', description: 'x', due_at: FUTURE }), status: 400, code: 'validation_failed', message: /kind/ },
    { name: 'a promise without a description', ...mk({ kind: 'callback', description: ' ', due_at: FUTURE }), status: 400, code: 'validation_failed' },
    { name: 'a promise for an owner that does not exist', ...mk({ kind: 'callback', description: 'x', due_at: FUTURE, owner_id: NIL }), status: 404, code: 'agent_not_found' },
    { name: 'a promise on a case that does not exist', method: 'POST', url: `/api/v1/cases/${NIL}/promises`, payload: { kind: 'callback', description: 'x', due_at: FUTURE }, status: 404, code: 'case_not_found' },
    { name: 'a promise that does not exist', method: 'GET', url: `/api/v1/promises/${NIL}`, status: 404, code: 'promise_not_found' },
    { name: 'promises in a state that does not exist', method: 'GET', url: '/api/v1/promises?state=maybe', status: 400, code: 'validation_failed' },
    { name: 'promises due before a non-time', method: 'GET', url: '/api/v1/promises?due_before=vandaag', status: 400, code: 'validation_failed' },
    { name: 'kept by an action that does not exist', method: 'POST', url: `${p}/keep`, payload: { action: 'hoped' }, status: 400, code: 'validation_failed' },
    { name: 'renegotiated into the past', method: 'POST', url: `${p}/renegotiate`, payload: { due_at: PAST }, status: 422, code: 'promise_in_past' },
    { name: 'cancelled without a reason', method: 'POST', url: `${p}/cancel`, payload: { reason: '' }, status: 400, code: 'validation_failed' },
    { name: 'a draft that does not exist', method: 'POST', url: `/api/v1/drafts/${NIL}/approve`, payload: {}, status: 404, code: 'draft_not_found' },
    { name: 'a draft approved by an agent', method: 'POST', url: `/api/v1/drafts/${f.draftId}/approve`, auth: f.agentToken, payload: {}, status: 403, code: 'forbidden' },
    { name: 'a draft discarded without a reason', method: 'POST', url: `/api/v1/drafts/${f.draftId}/discard`, payload: { reason: '' }, status: 400, code: 'validation_failed' },
    { name: 'drafts in a status that does not exist', method: 'GET', url: '/api/v1/drafts?status=maybe', status: 400, code: 'validation_failed' },
    { name: 'a notification that does not exist', method: 'POST', url: `/api/v1/notifications/${NIL}/read`, payload: {}, status: 404, code: 'notification_not_found' },
    { name: 'notifications?unread=ja', method: 'GET', url: '/api/v1/notifications?unread=ja', status: 400, code: 'validation_failed' },
    { name: 'an unknown time zone', method: 'PATCH', url: '/api/v1/settings/service', payload: { time_zone: 'Europe/Amsterdm' }, status: 422, code: 'calendar_unknown_time_zone' },
    { name: 'a calendar with no open hours', method: 'PATCH', url: '/api/v1/settings/service', payload: { calendar: { weekly: {} } }, status: 422, code: 'calendar_no_open_hours' },
    { name: 'opening hours that end before they start', method: 'PATCH', url: '/api/v1/settings/service', payload: { calendar: { weekly: { 1: [{ start: '17:00', end: '09:00' }] } } }, status: 422, code: 'calendar_interval_ends_before_start' },
    { name: 'opening at 25:00', method: 'PATCH', url: '/api/v1/settings/service', payload: { calendar: { weekly: { 1: [{ start: '25:00', end: '26:00' }] } } }, status: 422, code: 'calendar_invalid_time' },
    { name: 'a calendar that is a string', method: 'PATCH', url: '/api/v1/settings/service', payload: { calendar: 'ma-vr 9-17' }, status: 422, code: 'calendar_invalid' },
    { name: 'a breach notice mode that does not exist', method: 'PATCH', url: '/api/v1/settings/service', payload: { breach_notice: 'ignore' }, status: 400, code: 'validation_failed' },
    { name: 'a service level without targets', method: 'POST', url: '/api/v1/sla-policies', payload: { name: 'Leeg' }, status: 422, code: 'sla_without_targets' },
    { name: 'a service level of 0 minutes', method: 'POST', url: '/api/v1/sla-policies', payload: { name: 'Nul', first_response_minutes: 0 }, status: 400, code: 'validation_failed' },
    { name: 'a service level at risk at 100%', method: 'POST', url: '/api/v1/sla-policies', payload: { name: 'X', first_response_minutes: 5, at_risk_percent: 100 }, status: 400, code: 'validation_failed' },
    { name: 'a service level for a channel that does not exist', method: 'POST', url: '/api/v1/sla-policies', payload: { name: 'X', channel: 'fax', first_response_minutes: 5 }, status: 400, code: 'validation_failed' },
    { name: 'a second service level for the same combination', method: 'POST', url: '/api/v1/sla-policies', payload: { name: 'Dubbel', first_response_minutes: 5 }, status: 409, code: 'sla_policy_exists' },
    { name: 'a service level added by an agent', method: 'POST', url: '/api/v1/sla-policies', auth: f.agentToken, payload: { name: 'X', first_response_minutes: 5 }, status: 403, code: 'forbidden' },
    { name: 'a service level on a field that does not exist', method: 'POST', url: '/api/v1/sla-policies', payload: { name: 'X', first_response_minutes: 5, field_conditions: [{ entity: 'case', key: 'kleur', op: 'equals', value: 'rood' }] }, status: 400, code: 'invalid_condition' },
    { name: 'a service level on an option that does not exist', method: 'POST', url: '/api/v1/sla-policies', payload: { name: 'X', first_response_minutes: 5, field_conditions: [{ entity: 'case', key: 'oorzaak', op: 'equals', value: 'ruzie' }] }, status: 400, code: 'invalid_condition' },
    { name: 'a service level condition with an unknown comparison', method: 'POST', url: '/api/v1/sla-policies', payload: { name: 'X', first_response_minutes: 5, field_conditions: [{ entity: 'case', key: 'oorzaak', op: 'like', value: 'sto%' }] }, status: 400, code: 'validation_failed' },
    { name: 'a routing rule on a field that does not exist', method: 'POST', url: '/api/v1/routing/rules', payload: { name: 'X', tier: 'L2', conditions: [{ entity: 'customer', key: 'oorzaak', op: 'equals', value: 'storing' }] }, status: 400, code: 'invalid_condition' },
    { name: 'a routing rule with a list for one value that is not an option', method: 'POST', url: '/api/v1/routing/rules', payload: { name: 'X', tier: 'L2', conditions: [{ entity: 'case', key: 'oorzaak', op: 'one_of', value: ['storing', 'ruzie'] }] }, status: 400, code: 'invalid_condition' },
    { name: 'a routing rule "is set" with a value beside it', method: 'POST', url: '/api/v1/routing/rules', payload: { name: 'X', tier: 'L2', conditions: [{ entity: 'case', key: 'oorzaak', op: 'is_set', value: 'storing' }] }, status: 400, code: 'invalid_condition' },
    { name: 'a service level "is set" on a field that does not exist', method: 'POST', url: '/api/v1/sla-policies', payload: { name: 'X', first_response_minutes: 5, field_conditions: [{ entity: 'organisation', key: 'oorzaak', op: 'is_set' }] }, status: 400, code: 'invalid_condition' },
    { name: 'a condition with an unknown comparison', method: 'POST', url: '/api/v1/routing/rules', payload: { name: 'X', tier: 'L2', conditions: [{ entity: 'case', key: 'oorzaak', op: 'bigger', value: 'storing' }] }, status: 400, code: 'validation_failed' },
    { name: 'a template naming a custom field that does not exist', method: 'POST', url: '/api/v1/templates', payload: { name: 'X', body: 'Uw order {{case.fields.bestaat_niet}}' }, status: 422, code: 'invalid_template' },
  { name: 'a routing rule without conditions', method: 'POST', url: '/api/v1/routing/rules', payload: { name: 'X', tier: 'L2', conditions: [] }, status: 400, code: 'validation_failed' },
    { name: 'a routing rule that sends nowhere', method: 'POST', url: '/api/v1/routing/rules', payload: { name: 'X', conditions: [{ entity: 'case', key: 'oorzaak', op: 'equals', value: 'storing' }] }, status: 422, code: 'invalid_routing_rule' },
    { name: 'a routing rule to a team that does not exist', method: 'POST', url: '/api/v1/routing/rules', payload: { name: 'X', team_id: NIL, conditions: [{ entity: 'case', key: 'oorzaak', op: 'equals', value: 'storing' }] }, status: 404, code: 'team_not_found' },
    { name: 'a routing rule at tier L4', method: 'POST', url: '/api/v1/routing/rules', payload: { name: 'X', tier: 'L4', conditions: [{ entity: 'case', key: 'oorzaak', op: 'equals', value: 'storing' }] }, status: 400, code: 'validation_failed' },
    { name: 'a routing rule added by an agent', method: 'POST', url: '/api/v1/routing/rules', auth: f.agentToken, payload: { name: 'X', tier: 'L2', conditions: [{ entity: 'case', key: 'oorzaak', op: 'equals', value: 'storing' }] }, status: 403, code: 'forbidden' },
    { name: 'a second routing rule of the same name', method: 'POST', url: '/api/v1/routing/rules', payload: { name: 'Storing', tier: 'L3', conditions: [{ entity: 'case', key: 'oorzaak', op: 'equals', value: 'factuur' }] }, status: 409, code: 'routing_rule_exists' },
    { name: 'a macro setting a field that is not this account\'s', method: 'POST', url: '/api/v1/macros', payload: { name: 'X', shared: true, actions: { fields: { bestaat_niet: 'x' } } }, status: 400, code: 'unknown_field' },
    { name: 'a macro setting a field to a value of the wrong type', method: 'POST', url: '/api/v1/macros', payload: { name: 'X', shared: true, actions: { fields: { oorzaak: 12 } } }, status: 400, code: 'invalid_field_value' },
    { name: 'a macro at tier L4', method: 'POST', url: '/api/v1/macros', payload: { name: 'X', shared: true, actions: { tier: 'L4' } }, status: 400, code: 'validation_failed' },
    { name: 'an inbox signature over 2,000 characters', method: 'PATCH', url: `/api/v1/inboxes/${f.inboxId}`, payload: { signature_nl: 'x'.repeat(2001) }, status: 400, code: 'validation_failed' },
    { name: 'a service level that does not exist', method: 'PATCH', url: `/api/v1/sla-policies/${NIL}`, payload: { name: 'X' }, status: 404, code: 'sla_policy_not_found' },
    { name: 'removing a service level that does not exist', method: 'DELETE', url: `/api/v1/sla-policies/${NIL}`, status: 404, code: 'sla_policy_not_found' },
    { name: 'clocks of a case that does not exist', method: 'GET', url: `/api/v1/cases/${NIL}/sla`, status: 404, code: 'case_not_found' },
    { name: 'cases in an SLA state that does not exist', method: 'GET', url: '/api/v1/sla/cases?state=late', status: 400, code: 'validation_failed' },
    { name: 'an escalation to L1', method: 'POST', url: `/api/v1/cases/${f.caseId}/escalate`, payload: { to: 'L1', reason: 'x' }, status: 400, code: 'validation_failed' },
    { name: 'an escalation without a reason', method: 'POST', url: `/api/v1/cases/${f.caseId}/escalate`, payload: { to: 'L3' }, status: 400, code: 'validation_failed' },
    { name: 'an escalation of a case that does not exist', method: 'POST', url: `/api/v1/cases/${NIL}/escalate`, payload: { to: 'L2', reason: 'x' }, status: 404, code: 'case_not_found' },
    { name: 'a brief of a case that does not exist', method: 'GET', url: `/api/v1/cases/${NIL}/brief`, status: 404, code: 'case_not_found' },
    { name: 'routing with a tier that does not exist', method: 'PUT', url: `/api/v1/agents/${f.agent2}/routing`, payload: { tier: 'L4' }, status: 400, code: 'validation_failed' },
    { name: 'routing with a load of -1', method: 'PUT', url: `/api/v1/agents/${f.agent2}/routing`, payload: { max_open_cases: -1 }, status: 400, code: 'validation_failed' },
    { name: 'routing with an empty language', method: 'PUT', url: `/api/v1/agents/${f.agent2}/routing`, payload: { languages: [' '] }, status: 400, code: 'validation_failed' },
    { name: 'routing of an agent that does not exist', method: 'PUT', url: `/api/v1/agents/${NIL}/routing`, payload: { available: false }, status: 404, code: 'agent_not_found' },
    { name: "another agent's routing changed by an agent", method: 'PUT', url: `/api/v1/agents/${f.agent2}/routing`, auth: f.agentToken, payload: { available: false }, status: 403, code: 'forbidden' },
    { name: 'the callback rota in a language we do not write', method: 'GET', url: '/api/v1/callback-rota?lang=fr', status: 400, code: 'validation_failed' },
    { name: 'callback hours that end before they start', method: 'PUT', url: `/api/v1/agents/${f.agent2}/callback-hours`, payload: { hours_text: 'ma 17:00-09:00' }, status: 422, code: 'calendar_interval_ends_before_start' },
    { name: 'callback hours on a day that is not one', method: 'PUT', url: `/api/v1/agents/${f.agent2}/callback-hours`, payload: { hours_text: 'mo 09:00-12:00' }, status: 422, code: 'hours_unknown_day' },
    { name: 'an absence on a date that does not exist', method: 'PUT', url: `/api/v1/agents/${f.agent2}/callback-hours`, payload: { absences: [{ start: '2027-02-30', end: '2027-03-01' }] }, status: 422, code: 'absence_invalid_date' },
    { name: 'callback hours with a field we do not know', method: 'PUT', url: `/api/v1/agents/${f.agent2}/callback-hours`, payload: { hours_text: 'ma 09:00-12:00', shifts: 3 }, status: 400, code: 'validation_failed' },
    { name: 'callback hours of an agent that does not exist', method: 'PUT', url: `/api/v1/agents/${NIL}/callback-hours`, payload: { hours_text: 'ma 09:00-12:00' }, status: 404, code: 'agent_not_found' },
    { name: "another agent's callback hours changed by an agent", method: 'PUT', url: `/api/v1/agents/${f.agent2}/callback-hours`, auth: f.agentToken, payload: { hours_text: 'ma 09:00-12:00' }, status: 403, code: 'forbidden' },
    { name: 'an agent that does not exist taken off the callback rota', method: 'DELETE', url: `/api/v1/agents/${NIL}/callback-hours`, status: 404, code: 'agent_not_found' },
    { name: "another agent taken off the callback rota by an agent", method: 'DELETE', url: `/api/v1/agents/${f.agent2}/callback-hours`, auth: f.agentToken, status: 403, code: 'forbidden' },
    { name: 'a case routed by an agent', method: 'POST', url: `/api/v1/cases/${f.caseId}/route`, auth: f.agentToken, payload: {}, status: 403, code: 'forbidden' },
    { name: 'a case that does not exist routed', method: 'POST', url: `/api/v1/cases/${NIL}/route`, payload: {}, status: 404, code: 'case_not_found' },
    { name: 'a queue routed with limit 0', method: 'POST', url: '/api/v1/routing/queue', payload: { limit: 0 }, status: 400, code: 'validation_failed' },
    { name: 'a problem threshold of 1 complaint', method: 'PATCH', url: '/api/v1/settings/listening', payload: { auto_problem_min_count: 1 }, status: 400, code: 'validation_failed' },
    { name: 'a problem threshold as text', method: 'PATCH', url: '/api/v1/settings/listening', payload: { auto_problem_min_count: 'twintig' }, status: 400, code: 'validation_failed' },
    { name: 'the problem threshold changed by a supervisor', method: 'PATCH', url: '/api/v1/settings/listening', auth: f.supervisorToken, payload: { auto_problem_min_count: 5 }, status: 403, code: 'forbidden' },
    { name: 'service settings changed by an agent', method: 'PATCH', url: '/api/v1/settings/service', auth: f.agentToken, payload: { remind_before_minutes: 5 }, status: 403, code: 'forbidden' },
    { name: 'a dashboard over 0 days', method: 'GET', url: '/api/v1/insight/dashboard?days=0', status: 400, code: 'validation_failed', message: /days/ },
    { name: 'a dashboard over "veel" days', method: 'GET', url: '/api/v1/insight/dashboard?days=veel', status: 400, code: 'validation_failed', message: /days/ },
    { name: 'a dashboard over 10 years', method: 'GET', url: '/api/v1/insight/dashboard?days=3650', status: 400, code: 'validation_failed', message: /days/ },
    { name: 'a negative hourly cost', method: 'PATCH', url: '/api/v1/settings/insight', payload: { hourly_cost_cents: -1 }, status: 400, code: 'validation_failed' },
    { name: 'an hourly cost in euros as text', method: 'PATCH', url: '/api/v1/settings/insight', payload: { hourly_cost_cents: '€30' }, status: 400, code: 'validation_failed' },
    { name: 'the hourly cost changed by a supervisor', method: 'PATCH', url: '/api/v1/settings/insight', auth: f.supervisorToken, payload: { hourly_cost_cents: 1 }, status: 403, code: 'forbidden' },
    { name: 'a live stream with a parameter it does not know', method: 'GET', url: '/api/v1/live?since=yesterday', status: 400, code: 'validation_failed' },
    { name: 'public doors at an address that is not a slug', method: 'PUT', url: '/api/v1/channels', payload: { slug: 'Geen Slug!' }, status: 400, code: 'validation_failed' },
    { name: 'single sign-on with a plain-http provider', method: 'PUT', url: '/api/v1/sso', payload: { label: 'Testprovider', discovery_url: 'http://login.example.test', client_id: 'luister', client_secret: 'geheim' }, status: 422, code: 'invalid_discovery_url' },
    { name: 'single sign-on with a discovery URL that is not one', method: 'PUT', url: '/api/v1/sso', payload: { label: 'Testprovider', discovery_url: 'login.example.test', client_id: 'luister', client_secret: 'geheim' }, status: 422, code: 'invalid_discovery_url' },
    { name: 'single sign-on creating agents with a made-up role', method: 'PUT', url: '/api/v1/sso', payload: { label: 'Testprovider', discovery_url: 'https://login.example.test', client_id: 'luister', client_secret: 'geheim', auto_create_role: 'baas' }, status: 400, code: 'validation_failed', message: /auto_create_role/ },
    { name: 'single sign-on without a client id', method: 'PUT', url: '/api/v1/sso', payload: { label: 'x', discovery_url: 'https://login.example.test', client_secret: 'y' }, status: 400, code: 'validation_failed', message: /client_id/ },
    { name: 'single sign-on set up by a supervisor', method: 'PUT', url: '/api/v1/sso', auth: f.supervisorToken, payload: { label: 'Testprovider', discovery_url: 'https://login.example.test', client_id: 'luister', client_secret: 'geheim' }, status: 403, code: 'forbidden' },
    { name: 'a chat status at a 64-character address', method: 'GET', url: `/api/public/v1/chat/${'x'.repeat(64)}/status`, status: 400, code: 'validation_failed' },
    { name: 'a chat message with a field it does not know', method: 'POST', url: '/api/public/v1/chat/geen-deur/messages', payload: { client_id: 'abcdefgh1', body: 'x', admin: true }, status: 400, code: 'validation_failed' },
    { name: 'a person asked for at a 64-character address', method: 'POST', url: `/api/public/v1/chat/${'x'.repeat(64)}/person`, payload: {}, status: 400, code: 'validation_failed' },
    { name: 'chat entries after -1', method: 'GET', url: '/api/public/v1/chat/geen-deur/entries?after=-1', status: 400, code: 'validation_failed' },
    { name: 'a chat stream after "gisteren"', method: 'GET', url: '/api/public/v1/chat/geen-deur/stream?after=gisteren', status: 400, code: 'validation_failed' },
    { name: 'a presence that is not a state', method: 'POST', url: `/api/v1/cases/${f.caseId}/presence`, payload: { state: 'sleeping' }, status: 400, code: 'validation_failed' },
    { name: 'a presence without a state', method: 'POST', url: `/api/v1/cases/${f.caseId}/presence`, payload: {}, status: 400, code: 'validation_failed' },
    { name: 'a presence on a case that does not exist', method: 'POST', url: `/api/v1/cases/${NIL}/presence`, payload: { state: 'viewing' }, status: 404, code: 'case_not_found' },
    { name: 'who is on a case that does not exist', method: 'GET', url: `/api/v1/cases/${NIL}/presence`, status: 404, code: 'case_not_found' },
  ] as Bad[];
});

runTable('knowledge base: bad articles, searches, versions and help centre settings are refused, nothing written', () => {
  const a = `/api/v1/articles/${f.articleId}`;
  const nl = (title: string, body = 'Tekst') => ({ translations: { nl: { title, body } } });
  return [
    { name: 'articles?visibility=secret', method: 'GET', url: '/api/v1/articles?visibility=secret', status: 400, code: 'validation_failed', message: /visibility/ },
    { name: 'articles?language=de', method: 'GET', url: '/api/v1/articles?language=de', status: 400, code: 'validation_failed', message: /language/ },
    { name: 'articles?cursor=zzz', method: 'GET', url: '/api/v1/articles?cursor=zzz', status: 400, code: 'invalid_cursor' },
    { name: 'an article without translations', method: 'POST', url: '/api/v1/articles', payload: { translations: {} }, status: 400, code: 'validation_failed', message: /translations/ },
    { name: 'an article in German', method: 'POST', url: '/api/v1/articles', payload: { translations: { de: { title: 'Hallo', body: 'x' } } }, status: 400, code: 'validation_failed', message: /"de"/ },
    { name: 'an article with a blank title', method: 'POST', url: '/api/v1/articles', payload: nl('   '), status: 400, code: 'validation_failed', message: /title/ },
    { name: 'an article title of 301 characters', method: 'POST', url: '/api/v1/articles', payload: nl('t'.repeat(301)), status: 400, code: 'validation_failed', message: /title/ },
    { name: 'an article body of 100 001 characters', method: 'POST', url: '/api/v1/articles', payload: nl('T', 'b'.repeat(100_001)), status: 400, code: 'validation_failed', message: /body/ },
    { name: 'an article made public on creation', method: 'POST', url: '/api/v1/articles', payload: { ...nl('T'), visibility: 'public' }, status: 400, code: 'validation_failed', message: /visibility/ },
    { name: 'an article slug with spaces', method: 'POST', url: '/api/v1/articles', payload: { ...nl('T'), slug: 'Niet Goed' }, status: 400, code: 'validation_failed', message: /slug/ },
    { name: 'a slug already taken', method: 'POST', url: '/api/v1/articles', payload: { ...nl('T'), slug: 'pakket-retourneren' }, status: 409, code: 'slug_taken' },
    { name: '21 tags', method: 'POST', url: '/api/v1/articles', payload: { ...nl('T'), tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, status: 400, code: 'validation_failed', message: /tags/ },
    { name: 'tags as a string', method: 'PATCH', url: a, payload: { tags: 'Retour' }, status: 400, code: 'validation_failed', message: /tags/ },
    { name: 'an empty translation change', method: 'PATCH', url: a, payload: { translations: { nl: {} } }, status: 400, code: 'validation_failed', message: /translations/ },
    { name: 'removing the only language', method: 'PATCH', url: a, payload: { translations: { nl: null } }, status: 422, code: 'translation_required' },
    { name: 'a new language with only a title', method: 'PATCH', url: a, payload: { translations: { en: { title: 'Returns' } } }, status: 422, code: 'translation_incomplete' },
    { name: 'a stale expected_version', method: 'PATCH', url: a, payload: { tags: ['x'], expected_version: 99 }, status: 409, code: 'version_conflict' },
    { name: 'versions?limit=0', method: 'GET', url: `${a}/versions?limit=0`, status: 400, code: 'validation_failed', message: /limit/ },
    { name: 'versions?before=abc', method: 'GET', url: `${a}/versions?before=abc`, status: 400, code: 'validation_failed', message: /before/ },
    { name: 'diff without to', method: 'GET', url: `${a}/diff?from=1`, status: 400, code: 'validation_failed', message: /to/ },
    { name: 'diff from version 0', method: 'GET', url: `${a}/diff?from=0&to=1`, status: 400, code: 'validation_failed', message: /from/ },
    { name: 'diff to a version that does not exist', method: 'GET', url: `${a}/diff?from=1&to=7`, status: 404, code: 'version_not_found' },
    { name: 'article search without q', method: 'GET', url: '/api/v1/articles/search', status: 400, code: 'validation_failed', message: /q/ },
    { name: 'article search with a blank q', method: 'GET', url: '/api/v1/articles/search?q=%20', status: 400, code: 'query_required' },
    { name: 'article search in German', method: 'GET', url: '/api/v1/articles/search?q=x&lang=de', status: 400, code: 'validation_failed', message: /lang/ },
    { name: 'article search?limit=51', method: 'GET', url: '/api/v1/articles/search?q=x&limit=51', status: 400, code: 'validation_failed', message: /limit/ },
    { name: 'read an article that does not exist', method: 'GET', url: `/api/v1/articles/${NIL}`, status: 404, code: 'article_not_found' },
    { name: 'an article id that is not a uuid', method: 'PATCH', url: '/api/v1/articles/nope', payload: { tags: [] }, status: 400, code: 'validation_failed', message: /GUID/ },
    { name: 'publish an article id that is not a uuid', method: 'POST', url: '/api/v1/articles/123/publish', status: 400, code: 'validation_failed', message: /GUID/ },
    { name: 'unpublish an article that does not exist', method: 'POST', url: `/api/v1/articles/${NIL}/unpublish`, status: 404, code: 'article_not_found' },
    { name: 'suggestions for a case that does not exist', method: 'GET', url: '/api/v1/cases/LU-999999999/suggestions', status: 404, code: 'case_not_found' },
    { name: 'suggestions for a malformed case reference', method: 'GET', url: '/api/v1/cases/LU-abc/suggestions', status: 400, code: 'validation_failed', message: /case id or a reference/ },
    { name: 'a help centre slug with capitals', method: 'PUT', url: '/api/v1/help-centre', payload: { slug: 'Hulp', contact: { email: 'a@example.test' } }, status: 400, code: 'validation_failed', message: /slug/ },
    { name: 'a help centre without a way to reach a person', method: 'PUT', url: '/api/v1/help-centre', payload: { slug: 'hulp-zonder-contact' }, status: 422, code: 'contact_required' },
    { name: 'a help centre contact url with javascript:', method: 'PUT', url: '/api/v1/help-centre', payload: { slug: 'hulp', contact: { url: 'javascript:alert(1)' } }, status: 400, code: 'validation_failed', message: /url/ },
    { name: 'a help centre contact e-mail that is not one', method: 'PUT', url: '/api/v1/help-centre', payload: { slug: 'hulp', contact: { email: 'nope' } }, status: 400, code: 'validation_failed', message: /email/ },
    { name: 'a help centre without slug', method: 'PUT', url: '/api/v1/help-centre', payload: { contact: { email: 'a@example.test' } }, status: 400, code: 'validation_failed', message: /slug/ },
  ];
});

test('requests that change nothing write nothing: an unchanged PATCH and a dry-run import', async () => {
  const current = await ok('GET', `/api/v1/cases/${f.caseId}`);
  const before = await snapshot(f.acc.accountId);
  await ok('PATCH', `/api/v1/cases/${f.caseId}`, { priority: current.priority, subject: ` ${current.subject} ` });
  await ok('PATCH', `/api/v1/customers/${f.customerId}`, {});
  const dry = await ok('POST', '/api/v1/customers/import', { csv: `name,email\nNieuw,${uniqueEmail()}\nJan,${f.customerEmail}\n`, dry_run: true });
  assert.deepEqual({ rows: dry.rows, created: dry.created, updated: dry.updated, dry_run: dry.dry_run }, { rows: 2, created: 1, updated: 1, dry_run: true });
  assert.deepEqual(await snapshot(f.acc.accountId), before);
});

runTable('refunds, the ledger and SEPA: bad amounts, IBANs, currencies, headers and ids are refused, nothing written', () => {
  const mk = (payload: unknown) => ({ method: 'POST' as Method, url: `/api/v1/cases/${f.ownedCaseId}/refunds`, payload });
  const base = { amount_cents: 1250, reason: 'dubbel afgeschreven', destination: 'iban', iban: 'NL91ABNA0417164300', account_holder: 'K. Lant' };
  const csv = (url: string, payload: string, contentType = 'text/csv') => ({ method: 'POST' as Method, url, payload, contentType });
  return [
    { name: 'an IBAN with wrong check digits', ...mk({ ...base, iban: 'NL91ABNA0417164301' }), status: 422, code: 'invalid_iban', message: /^iban: .*check digits/ },
    { name: 'an IBAN of no country', ...mk({ ...base, iban: 'XX91ABNA0417164300' }), status: 422, code: 'invalid_iban', message: /country/ },
    { name: 'an IBAN without a holder', ...mk({ ...base, account_holder: undefined }), status: 422, code: 'account_holder_required' },
    { name: 'a refund of zero', ...mk({ ...base, amount_cents: 0 }), status: 422, code: 'invalid_amount', message: /^amount_cents:/ },
    { name: 'a negative refund', ...mk({ ...base, amount_cents: -100 }), status: 422, code: 'invalid_amount' },
    { name: 'a refund of 12.5 cents', ...mk({ ...base, amount_cents: 12.5 }), status: 422, code: 'invalid_amount' },
    { name: 'an amount as text', ...mk({ ...base, amount_cents: '12,50' }), status: 400, code: 'validation_failed', message: /amount_cents/ },
    { name: 'an unknown currency', ...mk({ ...base, currency: 'XYZ' }), status: 422, code: 'unknown_currency', message: /^currency:/ },
    { name: 'a refund without a destination', ...mk({ amount_cents: 100, reason: 'x' }), status: 400, code: 'validation_failed', message: /destination/ },
    { name: 'a refund of a charge that does not exist', ...mk({ amount_cents: 100, reason: 'x', destination: 'original_payment', charge_id: NIL }), status: 404, code: 'charge_not_found' },
    { name: 'refunds in a queue that does not exist', method: 'GET', url: '/api/v1/refunds?queue=someday', status: 400, code: 'validation_failed' },
    { name: 'a refund that does not exist', method: 'GET', url: `/api/v1/refunds/${NIL}`, status: 404, code: 'refund_not_found' },
    { name: 'approving a refund that does not exist', method: 'POST', url: `/api/v1/refunds/${NIL}/approve`, payload: {}, status: 404, code: 'refund_not_found' },
    { name: 'rejecting without a reason', method: 'POST', url: `/api/v1/refunds/${f.refundId}/reject`, payload: { reason: ' ' }, status: 400, code: 'validation_failed' },
    { name: 'paying a refund that is only requested', method: 'POST', url: `/api/v1/refunds/${f.refundId}/paid`, payload: {}, status: 409, code: 'refund_not_approved' },
    { name: 'a paying IBAN with wrong check digits', method: 'PATCH', url: '/api/v1/settings/refunds', payload: { debtor_iban: 'NL91ABNA0417164301' }, status: 422, code: 'invalid_iban' },
    { name: 'a negative agent limit', method: 'PATCH', url: '/api/v1/settings/refunds', payload: { agent_limit_cents: -1 }, status: 400, code: 'validation_failed', message: /agent_limit_cents/ },
    { name: 'a ledger with a wrong header', ...csv('/api/v1/ledger/imports', 'id,klant,bedrag\nX-1,a@example.nl,1\n'), status: 422, code: 'ledger_bad_header', message: /^Line 1: the header lacks charge_id/ },
    { name: 'a ledger as text/plain', ...csv('/api/v1/ledger/imports', 'charge_id\n', 'text/plain'), status: 415, code: 'unsupported_media_type' },
    { name: 'a ledger as JSON', method: 'POST', url: '/api/v1/ledger/imports', payload: { csv: 'charge_id' }, status: 415, code: 'unsupported_media_type', message: /text\/csv/ },
    { name: 'a ledger mapping that is not JSON', ...csv('/api/v1/ledger/imports?mapping=%7Bnope', 'charge_id\n'), status: 422, code: 'invalid_mapping' },
    { name: 'a ledger mapping with an unknown field', ...csv(`/api/v1/ledger/imports?mapping=${encodeURIComponent('{"columns":{"bedrag":"x"}}')}`, 'charge_id\n'), status: 422, code: 'invalid_mapping' },
    { name: 'findings in a status that does not exist', method: 'GET', url: '/api/v1/ledger/findings?status=maybe', status: 400, code: 'validation_failed' },
    { name: 'approving a finding that does not exist', method: 'POST', url: `/api/v1/ledger/findings/${NIL}/approve`, payload: {}, status: 404, code: 'finding_not_found' },
    { name: 'approving no findings', method: 'POST', url: '/api/v1/ledger/findings/approve', payload: { ids: [] }, status: 400, code: 'validation_failed' },
    { name: 'dismissing a finding without a reason', method: 'POST', url: `/api/v1/ledger/findings/${f.findingId}/dismiss`, payload: { reason: '' }, status: 400, code: 'validation_failed' },
    { name: 'a tariff in an unknown currency', method: 'POST', url: '/api/v1/tariff-rules', payload: { product: 'p', unit_price_cents: 1, currency: 'XYZ' }, status: 422, code: 'unknown_currency' },
    { name: 'a negative tariff', method: 'POST', url: '/api/v1/tariff-rules', payload: { product: 'p', unit_price_cents: -1 }, status: 400, code: 'validation_failed' },
    { name: 'deleting a tariff rule that does not exist', method: 'DELETE', url: `/api/v1/tariff-rules/${NIL}`, status: 404, code: 'tariff_rule_not_found' },
    { name: 'a refund preview of a problem that does not exist', method: 'POST', url: `/api/v1/problems/${NIL}/refund-preview`, payload: {}, status: 404, code: 'problem_not_found' },
    { name: 'a bulk refund with a negative amount', method: 'POST', url: `/api/v1/problems/${f.problemId}/refund`, payload: { amounts: { [f.caseId]: -5 } }, status: 400, code: 'validation_failed' },
    { name: 'a SEPA file in a format that does not exist', method: 'POST', url: '/api/v1/refund-batches', payload: { format: 'pain.002.001.03' }, status: 400, code: 'validation_failed' },
    { name: 'a SEPA file with nothing to pay', method: 'POST', url: '/api/v1/refund-batches', payload: {}, status: 422, code: 'nothing_to_export' },
    { name: 'a SEPA file that does not exist', method: 'GET', url: `/api/v1/refund-batches/${NIL}/xml`, status: 404, code: 'refund_batch_not_found' },
    { name: 'marking a SEPA file paid that does not exist', method: 'POST', url: `/api/v1/refund-batches/${NIL}/paid`, payload: {}, status: 404, code: 'refund_batch_not_found' },
    { name: 'an agent imports the ledger', ...csv('/api/v1/ledger/imports', 'charge_id\n'), auth: f.agentToken, status: 403, code: 'forbidden', message: /refunds\.manage_ledger/ },
    { name: 'an import of a file that is no mbox', ...csv('/api/v1/imports?source=mbox', 'Subject: hallo\n\nbody\n', 'application/mbox'), status: 400, code: 'import_file_invalid', message: /Not an mbox/ },
    { name: 'a Zendesk import that is no ZIP', ...csv('/api/v1/imports?source=zendesk', '{"tickets": []}', 'application/zip'), status: 400, code: 'import_file_invalid', message: /ZIP/ },
    { name: 'an import of an unknown source', ...csv('/api/v1/imports?source=kayako', 'From x\n', 'application/mbox'), status: 400, code: 'validation_failed' },
    { name: 'an import as JSON', method: 'POST', url: '/api/v1/imports?source=mbox', payload: { file: 'x' }, status: 415, code: 'unsupported_media_type' },
    { name: 'an empty import', ...csv('/api/v1/imports?source=mbox', '', 'application/mbox'), status: 400, code: 'import_file_invalid' },
    { name: 'an agent imports a mail archive', ...csv('/api/v1/imports?source=mbox', 'From x Mon Jan  1 00:00:00 2025\nFrom: a@b.nl\n\nx\n', 'application/mbox'), auth: f.agentToken, status: 403, code: 'forbidden', message: /imports\.run/ },
    { name: 'an import job that does not exist', method: 'GET', url: `/api/v1/imports/${NIL}`, status: 404, code: 'import_not_found' },
    { name: 'an import job by a bad id', method: 'GET', url: '/api/v1/imports/nope', status: 400, code: 'validation_failed' },
    { name: 'an agent makes a SEPA file', method: 'POST', url: '/api/v1/refund-batches', payload: {}, auth: f.agentToken, status: 403, code: 'forbidden', message: /refunds\.pay/ },
  ];
});
runTable('customer rights: bad preferences, exports, erasures, retention rules and CSV requests are refused, nothing written', () => [
  { name: 'a preference of a kind that does not exist', method: 'PUT', url: `/api/v1/customers/${f.customerId}/contact-preferences/phone`, payload: { allowed: false }, status: 400, code: 'validation_failed' },
  { name: 'a preference without allowed', method: 'PUT', url: `/api/v1/customers/${f.customerId}/contact-preferences/sales`, payload: {}, status: 400, code: 'validation_failed' },
  { name: 'preferences of a customer that does not exist', method: 'GET', url: `/api/v1/customers/${NIL}/contact-preferences`, status: 404, code: 'customer_not_found' },
  { name: 'cancellations of a customer that does not exist', method: 'GET', url: `/api/v1/customers/${NIL}/cancellations`, status: 404, code: 'customer_not_found' },
  { name: 'cancellations of a malformed customer id', method: 'GET', url: '/api/v1/customers/not-an-id/cancellations', status: 400, code: 'validation_failed' },
  { name: 'may-contact for an unknown purpose', method: 'GET', url: `/api/v1/customers/${f.customerId}/may-contact?purpose=spam`, status: 400, code: 'validation_failed' },
  { name: 'an export by an agent', method: 'GET', url: `/api/v1/customers/${f.customerId}/export`, auth: f.agentToken, status: 403, code: 'forbidden' },
  { name: 'an export of a customer that does not exist', method: 'GET', url: `/api/v1/customers/${NIL}/export`, status: 404, code: 'customer_not_found' },
  { name: 'an erasure by a supervisor', method: 'POST', url: `/api/v1/customers/${f.customer2}/erase`, auth: f.supervisorToken, payload: { reason: 'verzoek' }, status: 403, code: 'forbidden' },
  { name: 'an erasure without a reason', method: 'POST', url: `/api/v1/customers/${f.customer2}/erase`, payload: { reason: ' ' }, status: 400, code: 'validation_failed' },
  { name: 'an erasure with an unknown field', method: 'POST', url: `/api/v1/customers/${f.customer2}/erase`, payload: { reason: 'verzoek', everything: true }, status: 400, code: 'validation_failed' },
  { name: 'an erasure of a customer that does not exist', method: 'POST', url: `/api/v1/customers/${NIL}/erase`, payload: { reason: 'verzoek' }, status: 404, code: 'customer_not_found' },
  { name: 'a retention term of 0 months', method: 'PATCH', url: '/api/v1/settings/retention', payload: { anonymise_closed_cases_after_months: 0 }, status: 400, code: 'validation_failed' },
  { name: 'retention rules changed by an agent', method: 'PATCH', url: '/api/v1/settings/retention', auth: f.agentToken, payload: { enabled: true }, status: 403, code: 'forbidden' },
  { name: 'a retention run while the rules are off', method: 'POST', url: '/api/v1/retention/run', status: 409, code: 'retention_off' },
  { name: 'a CSV of a table that does not exist', method: 'GET', url: '/api/v1/insight/export.csv?days=7&table=passwords', status: 400, code: 'validation_failed' },
  { name: 'a CSV by an agent', method: 'GET', url: '/api/v1/insight/export.csv?days=7&table=cases', auth: f.agentToken, status: 403, code: 'forbidden' },
  { name: 'a cases CSV with the period reversed', method: 'GET', url: '/api/v1/cases/export.csv?from=2026-02-01&to=2026-01-01', status: 400, code: 'invalid_period' },
  { name: 'survey figures over 0 days', method: 'GET', url: '/api/v1/insight/surveys?days=0', status: 400, code: 'validation_failed' },
  { name: 'an NPS sample of 0', method: 'POST', url: '/api/v1/surveys/nps', payload: { sample: 0 }, status: 400, code: 'validation_failed' },
  { name: 'an NPS schedule of 0 days', method: 'PATCH', url: '/api/v1/settings/surveys', payload: { nps_every_days: 0 }, status: 400, code: 'validation_failed' },
  { name: 'an NPS schedule set by an agent', method: 'PATCH', url: '/api/v1/settings/surveys', auth: f.agentToken, payload: { nps_every_days: 30 }, status: 403, code: 'forbidden' },
  { name: 'auto-close closing before its reminder', method: 'PATCH', url: '/api/v1/settings/autoclose', payload: { remind_after_days: 10, close_after_days: 5 }, status: 400, code: 'validation_failed' },
  { name: 'auto-close after 0 days', method: 'PATCH', url: '/api/v1/settings/autoclose', payload: { remind_after_days: 0 }, status: 400, code: 'validation_failed' },
  { name: 'a default sender name of 201 characters', method: 'PATCH', url: '/api/v1/settings/mail', payload: { sender_name: 'x'.repeat(201) }, status: 400, code: 'validation_failed' },
  { name: 'a default signature of 2001 characters', method: 'PATCH', url: '/api/v1/settings/mail', payload: { signature_en: 'x'.repeat(2001) }, status: 400, code: 'validation_failed' },
  { name: 'a default signature given as a list', method: 'PATCH', url: '/api/v1/settings/mail', payload: { signature_nl: ['Groet'] }, status: 400, code: 'validation_failed' },
  { name: 'the default sender name set by an agent', method: 'PATCH', url: '/api/v1/settings/mail', auth: f.agentToken, payload: { sender_name: 'Ik' }, status: 403, code: 'forbidden' },
  { name: 'auto-close set by an agent', method: 'PATCH', url: '/api/v1/settings/autoclose', auth: f.agentToken, payload: { enabled: true }, status: 403, code: 'forbidden' },
  { name: 'an NPS sample sent by an agent', method: 'POST', url: '/api/v1/surveys/nps', auth: f.agentToken, payload: { sample: 5 }, status: 403, code: 'forbidden' },
]);
runTable('announcements and incidents (C4): too little notice, no audience, missing parts, no contact: refused, nothing written', () => {
  const a = (payload: Record<string, unknown>) => ({ method: 'POST' as Method, url: '/api/v1/announcements', payload: { kind: 'other', content: ANNOUNCEMENT_CONTENT, effective_at: FUTURE, audience: { kind: 'all' }, ...payload } });
  const upd = (payload: Record<string, unknown>) => ({ method: 'POST' as Method, url: `/api/v1/incidents/${f.incidentId}/updates`, payload: { status: 'identified', parts: INCIDENT_PARTS, next_update_at: FUTURE, ...payload } });
  const soon = new Date(Date.now() + 3 * 86_400_000).toISOString();
  return [
    { name: 'a rebranding with too little notice', ...a({ kind: 'rebranding', effective_at: soon }), status: 422, code: 'notice_too_short', message: /earliest allowed effective date is \d{4}-\d{2}-\d{2}/ },
    { name: 'an announcement without an audience', ...a({ audience: undefined }), status: 400, code: 'validation_failed', message: /audience/ },
    { name: 'an audience nobody is in', ...a({ audience: { kind: 'tag', value: 'niemand' } }), status: 422, code: 'empty_audience' },
    { name: 'an uploaded list without addresses', ...a({ audience: { kind: 'list', csv: 'naam\nJan' } }), status: 422, code: 'empty_audience' },
    { name: 'an effective date in the past', ...a({ effective_at: PAST }), status: 422, code: 'effective_in_past' },
    { name: 'no plain-language version', ...a({ content: { nl: { subject: 'x', body: 'y' } } }), status: 400, code: 'validation_failed', message: /plain/ },
    { name: 'a contact route nobody can use', ...a({ contact_route: 'bel ons maar' }), status: 400, code: 'validation_failed', message: /contact_route/ },
    { name: 'an override by a supervisor', ...a({ kind: 'rebranding', effective_at: soon, override_reason: 'Het moet nu eenmaal snel' }), auth: f.supervisorToken, status: 403, code: 'forbidden' },
    { name: 'an announcement by an agent', ...a({}), auth: f.agentToken, status: 403, code: 'forbidden' },
    { name: 'a notice check of a kind that does not exist', method: 'POST', url: '/api/v1/announcements/check', payload: { kind: 'maybe', effective_at: FUTURE }, status: 400, code: 'validation_failed' },
    { name: 'announcements in a status that does not exist', method: 'GET', url: '/api/v1/announcements?status=maybe', status: 400, code: 'validation_failed' },
    { name: 'an announcement that does not exist', method: 'GET', url: `/api/v1/announcements/${NIL}`, status: 404, code: 'announcement_not_found' },
    { name: 'what came back of an announcement that does not exist', method: 'GET', url: `/api/v1/announcements/${NIL}/feedback`, status: 404, code: 'announcement_not_found' },
    { name: 'what came back of an announcement with a malformed id', method: 'GET', url: '/api/v1/announcements/not-an-id/feedback', status: 400, code: 'validation_failed' },
    { name: 'cancelled without a reason', method: 'POST', url: `/api/v1/announcements/${f.announcementId}/cancel`, payload: { reason: '' }, status: 400, code: 'validation_failed' },
    { name: 'a notice of -1 days', method: 'PATCH', url: '/api/v1/settings/announcements', payload: { notice_days: { rebranding: -1 } }, status: 400, code: 'validation_failed' },
    { name: 'notice rules changed by a supervisor', method: 'PATCH', url: '/api/v1/settings/announcements', payload: { vulnerable_extra_days: 1 }, auth: f.supervisorToken, status: 403, code: 'forbidden' },
    { name: 'a tag with spaces', method: 'PUT', url: `/api/v1/customers/${f.customerId}/tags`, payload: { tags: ['met spatie'] }, status: 400, code: 'validation_failed' },
    { name: 'an update without what it means for you', ...upd({ parts: { nl: { happened: 'x', doing: 'y' } } }), status: 400, code: 'validation_failed', message: /means/ },
    { name: 'an update without the next update time', ...upd({ next_update_at: undefined }), status: 422, code: 'next_update_required' },
    { name: 'an update promising the next one in the past', ...upd({ next_update_at: PAST }), status: 422, code: 'next_update_in_past' },
    { name: 'an update on an incident that does not exist', method: 'POST', url: `/api/v1/incidents/${NIL}/updates`, payload: upd({}).payload, status: 404, code: 'incident_not_found' },
    { name: 'an incident of an impact that does not exist', method: 'POST', url: '/api/v1/incidents', payload: { title: { nl: 'x' }, impact: 'huge', update: upd({}).payload }, status: 400, code: 'validation_failed' },
    { name: 'an incident on a component that does not exist', method: 'POST', url: '/api/v1/incidents', payload: { title: { nl: 'x' }, impact: 'minor', component_ids: [NIL], update: upd({}).payload }, status: 404, code: 'component_not_found' },
    { name: 'an incident that does not exist', method: 'GET', url: `/api/v1/incidents/${NIL}`, status: 404, code: 'incident_not_found' },
    { name: 'incidents filtered by a non-id problem', method: 'GET', url: '/api/v1/incidents?problem_id=x', status: 400, code: 'validation_failed' },
    { name: 'a component without a name', method: 'POST', url: '/api/v1/status-components', payload: { name_nl: '' }, status: 400, code: 'validation_failed' },
    { name: 'a component renamed to nothing', method: 'PATCH', url: `/api/v1/status-components/${f.componentId}`, payload: { name_nl: '  ' }, status: 400, code: 'validation_failed' },
    { name: 'a component change that changes nothing', method: 'PATCH', url: `/api/v1/status-components/${f.componentId}`, payload: {}, status: 400, code: 'validation_failed' },
    { name: 'a component description too long', method: 'PATCH', url: `/api/v1/status-components/${f.componentId}`, payload: { description_en: 'x'.repeat(501) }, status: 400, code: 'validation_failed' },
    { name: 'a component with a field it does not have', method: 'PATCH', url: `/api/v1/status-components/${f.componentId}`, payload: { position: 3 }, status: 400, code: 'validation_failed' },
    { name: 'a component that does not exist', method: 'PATCH', url: `/api/v1/status-components/${NIL}`, payload: { name_nl: 'x' }, status: 404, code: 'component_not_found' },
    { name: 'a component into a group that is no id', method: 'PATCH', url: `/api/v1/status-components/${f.componentId}`, payload: { group_id: 'internet' }, status: 400, code: 'validation_failed' },
    { name: 'a component into a group that does not exist', method: 'PATCH', url: `/api/v1/status-components/${f.componentId}`, payload: { group_id: NIL }, status: 404, code: 'component_not_found' },
    { name: 'a component into its own group', method: 'PATCH', url: `/api/v1/status-components/${f.componentId}`, payload: { group_id: f.componentId }, status: 422, code: 'group_is_self' },
    { name: 'removing a component that does not exist', method: 'DELETE', url: `/api/v1/status-components/${NIL}`, status: 404, code: 'component_not_found' },
    { name: 'removing a component by a name', method: 'DELETE', url: '/api/v1/status-components/internet', status: 400, code: 'validation_failed' },
    { name: 'an order of non-ids', method: 'PUT', url: '/api/v1/status-components/order', payload: { ids: ['internet'] }, status: 400, code: 'validation_failed' },
    { name: 'an empty order', method: 'PUT', url: '/api/v1/status-components/order', payload: { ids: [] }, status: 400, code: 'validation_failed' },
    { name: 'an order naming a component twice', method: 'PUT', url: '/api/v1/status-components/order', payload: { ids: [f.componentId, f.componentId] }, status: 422, code: 'duplicate_component' },
    { name: 'an order naming a component that does not exist', method: 'PUT', url: '/api/v1/status-components/order', payload: { ids: [NIL] }, status: 404, code: 'component_not_found' },
  ];
});

runTable('customer portal settings (issue 19): out-of-range clocks, unknown keys, a sharing flag that is not a boolean: refused, nothing written', () => [
  { name: 'a sign-in link that lives 2 minutes', method: 'PATCH', url: '/api/v1/portal/settings', payload: { link_minutes: 2 }, status: 400, code: 'validation_failed', message: /link_minutes/ },
  { name: 'a sign-in link that lives a day', method: 'PATCH', url: '/api/v1/portal/settings', payload: { link_minutes: 1440 }, status: 400, code: 'validation_failed', message: /link_minutes/ },
  { name: 'an idle timeout in words', method: 'PATCH', url: '/api/v1/portal/settings', payload: { idle_minutes: 'ten' }, status: 400, code: 'validation_failed', message: /idle_minutes/ },
  { name: 'the portal "on" as a string', method: 'PATCH', url: '/api/v1/portal/settings', payload: { enabled: 'yes' }, status: 400, code: 'validation_failed', message: /enabled/ },
  { name: 'a portal setting that does not exist', method: 'PATCH', url: '/api/v1/portal/settings', payload: { password: 'x' }, status: 400, code: 'validation_failed' },
  { name: 'an organisation sharing cases "yes"', method: 'PATCH', url: `/api/v1/organisations/${f.organisationId}`, payload: { portal_shares_cases: 'yes' }, status: 400, code: 'validation_failed', message: /portal_shares_cases/ },
]);

runTable('phone and WhatsApp: bad settings, unsigned or unknown webhooks and bad handshakes are refused, nothing written', () => [
  { name: 'a missed-call callback within 2 minutes', method: 'PUT', url: '/api/v1/channels/phone', payload: { callback_minutes: 2 }, status: 400, code: 'validation_failed', message: /callback_minutes/ },
  { name: 'rotate_secret: false', method: 'PUT', url: '/api/v1/channels/phone', payload: { rotate_secret: false }, status: 400, code: 'validation_failed', message: /rotate_secret/ },
  { name: 'a WhatsApp number id with letters', method: 'PUT', url: '/api/v1/channels/whatsapp', payload: { phone_number_id: '12ab' }, status: 400, code: 'validation_failed', message: /phone_number_id/ },
  { name: 'a WhatsApp template name with capitals and spaces', method: 'PUT', url: '/api/v1/channels/whatsapp', payload: { templates: [{ name: 'Case Update', language: 'nl' }] }, status: 400, code: 'validation_failed', message: /templates/ },
  { name: 'a WhatsApp access token with spaces', method: 'PUT', url: '/api/v1/channels/whatsapp', payload: { access_token: 'EAAG with spaces' }, status: 400, code: 'validation_failed', message: /access_token/ },
  { name: 'the reply channel of a malformed case reference', method: 'GET', url: '/api/v1/cases/LU-abc/reply-channel', status: 400, code: 'validation_failed' },
  { name: 'a reply with a WhatsApp template without a language', method: 'POST', url: `/api/v1/cases/${f.caseId}/messages`, payload: { body: 'Uw zaak is bijgewerkt.', whatsapp_template: { name: 'case_update' } }, status: 400, code: 'validation_failed', message: /whatsapp_template/ },
  { name: 'a telephony event at an address without a phone webhook', method: 'POST', url: '/api/public/v1/phone/geen-deur/events', auth: null, payload: { id: 'e1' }, status: 404, code: 'phone_not_found' },
  { name: 'a telephony event at a 64-character address', method: 'POST', url: `/api/public/v1/phone/${'x'.repeat(64)}/events`, auth: null, payload: { id: 'e1' }, status: 404, code: 'phone_not_found' },
  { name: 'a telephony event as text/plain', method: 'POST', url: '/api/public/v1/phone/geen-deur/events', auth: null, payload: 'x', contentType: 'text/plain', status: 415, code: 'unsupported_media_type' },
  { name: 'rotate the messaging secret with "yes"', method: 'PUT', url: '/api/v1/channels/messaging', payload: { rotate_secret: 'yes' }, status: 400, code: 'validation_failed', message: /rotate_secret/ },
  { name: 'a network message at an address without a messaging webhook', method: 'POST', url: '/api/public/v1/messages/geen-deur', auth: null, payload: { id: 'm1' }, status: 404, code: 'messaging_not_found' },
  { name: 'a WhatsApp post at an address without WhatsApp', method: 'POST', url: '/api/public/v1/whatsapp/geen-deur', auth: null, payload: { object: 'whatsapp_business_account', entry: [] }, status: 404, code: 'whatsapp_not_found' },
  { name: 'a WhatsApp handshake without a challenge', method: 'GET', url: '/api/public/v1/whatsapp/geen-deur?hub.mode=subscribe&hub.verify_token=x', auth: null, status: 400, code: 'validation_failed', message: /hub\.challenge/ },
  { name: 'a WhatsApp handshake whose challenge is markup', method: 'GET', url: '/api/public/v1/whatsapp/geen-deur?hub.mode=subscribe&hub.verify_token=x&hub.challenge=%3Cscript%3E', auth: null, status: 400, code: 'validation_failed' },
  { name: 'a WhatsApp handshake at an address without WhatsApp', method: 'GET', url: '/api/public/v1/whatsapp/geen-deur?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1', auth: null, status: 404, code: 'whatsapp_not_found' },
]);

runTable('custom roles: unknown permissions, no name, bad ids and roles that do not exist are refused, nothing written', () => [
  { name: 'a role granting a permission that does not exist', method: 'POST', url: '/api/v1/roles', payload: { name: 'Fantasie', permissions: ['customers.erase', 'customers.fly'] }, status: 422, code: 'unknown_permission', message: /customers\.fly/ },
  { name: 'a role without a name', method: 'POST', url: '/api/v1/roles', payload: { name: '  ', permissions: [] }, status: 400, code: 'validation_failed', message: /name/ },
  { name: 'a role whose permissions are not a list', method: 'POST', url: '/api/v1/roles', payload: { name: 'X', permissions: 'audit.read' }, status: 400, code: 'validation_failed', message: /permissions/ },
  { name: 'a role with the name of another', method: 'POST', url: '/api/v1/roles', payload: { name: 'PRIVACY OFFICER', permissions: [] }, status: 409, code: 'custom_role_exists' },
  { name: 'granting a permission that does not exist', method: 'PATCH', url: `/api/v1/roles/${f.customRoleId}`, payload: { grant: ['nope'] }, status: 422, code: 'unknown_permission' },
  { name: 'revoking a permission that does not exist', method: 'PATCH', url: `/api/v1/roles/${f.customRoleId}`, payload: { revoke: ['nope'] }, status: 422, code: 'unknown_permission' },
  { name: 'a role change with an unknown field', method: 'PATCH', url: `/api/v1/roles/${f.customRoleId}`, payload: { role: 'admin' }, status: 400, code: 'validation_failed' },
  { name: 'a role by an id that is not one', method: 'GET', url: '/api/v1/roles/privacy', status: 400, code: 'validation_failed' },
  { name: 'deleting a role that does not exist', method: 'DELETE', url: '/api/v1/roles/00000000-0000-4000-8000-000000000000', status: 404, code: 'custom_role_not_found' },
  { name: 'giving a role that does not exist', method: 'PUT', url: `/api/v1/agents/${f.agent2}/custom-role`, payload: { custom_role_id: '00000000-0000-4000-8000-000000000000' }, status: 404, code: 'custom_role_not_found' },
  { name: 'giving a role to an agent that does not exist', method: 'PUT', url: '/api/v1/agents/00000000-0000-4000-8000-000000000000/custom-role', payload: { custom_role_id: null }, status: 404, code: 'agent_not_found' },
  { name: 'giving a role without saying which', method: 'PUT', url: `/api/v1/agents/${f.agent2}/custom-role`, payload: {}, status: 400, code: 'validation_failed', message: /custom_role_id/ },
  { name: 'giving a role as an agent', method: 'PUT', url: `/api/v1/agents/${f.agent2}/custom-role`, auth: f.agentToken, payload: { custom_role_id: f.customRoleId }, status: 403, code: 'forbidden', message: /roles\.manage/ },
]);

runTable('unknown routes and methods are 404 route_not_found', () => [
  { name: 'GET /api/v1/nope', method: 'GET', url: '/api/v1/nope', status: 404, code: 'route_not_found', message: /No route GET \/api\/v1\/nope/ },
  { name: 'GET /api/v2/cases', method: 'GET', url: '/api/v2/cases', status: 404, code: 'route_not_found' },
  { name: 'PUT /api/v1/cases', method: 'PUT', url: '/api/v1/cases', payload: { customer: { email: uniqueEmail() }, message: { body: 'x' } }, status: 404, code: 'route_not_found' },
  { name: 'DELETE /api/v1/cases/:id', method: 'DELETE', url: `/api/v1/cases/${f.caseId}`, status: 404, code: 'route_not_found' },
  { name: 'PUT /api/v1/cases/:id', method: 'PUT', url: `/api/v1/cases/${f.caseId}`, payload: { subject: 'x' }, status: 404, code: 'route_not_found' },
  { name: 'DELETE /api/v1/customers/:id', method: 'DELETE', url: `/api/v1/customers/${f.customerId}`, status: 404, code: 'route_not_found' },
  { name: 'PATCH /api/v1/teams', method: 'PATCH', url: '/api/v1/teams', payload: { name: 'x' }, status: 404, code: 'route_not_found' },
  { name: 'POST /api/v1/cases/:id/close', method: 'POST', url: `/api/v1/cases/${f.caseId}/close`, payload: {}, status: 404, code: 'route_not_found' },
  { name: 'POST /api/v1/cases/:id/transfers/:transfer_id/approve', method: 'POST', url: `/api/v1/cases/${f.ownedCaseId}/transfers/${f.transferId}/approve`, status: 404, code: 'route_not_found' },
  { name: 'GET /api/v1/cases/:id/messages', method: 'GET', url: `/api/v1/cases/${f.caseId}/messages`, status: 404, code: 'route_not_found' },
  { name: 'GET /nope (no credentials needed to learn it does not exist)', method: 'GET', url: '/nope', auth: null, status: 404, code: 'route_not_found', message: /No route GET \/nope/ },
  { name: 'GET /api (no trailing version)', method: 'GET', url: '/api', status: 404, code: 'route_not_found' },
]);

// ---------------------------------------------------------------------------------------------
// Idempotency-Key

const caseCount = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE account_id = $1', [f.acc.accountId]))[0].n;

test('a retried POST with the same Idempotency-Key returns the same case and creates nothing', async () => {
  const key = `retry-${process.pid}-${Date.now()}`;
  const email = uniqueEmail('retry');
  const body = { customer: { email, name: 'Retry Ria' }, subject: 'Dubbel verzonden', message: { body: 'Ik klik twee keer op verzenden.' } };
  const first = await call({ method: 'POST', url: '/api/v1/cases', payload: body, headers: { 'idempotency-key': key } });
  assert.equal(first.statusCode, 201, first.body);
  assert.equal(first.headers['idempotent-replayed'], undefined);
  const created = first.json();
  const before = await snapshot(f.acc.accountId);

  for (let i = 0; i < 3; i++) {
    const again = await call({ method: 'POST', url: '/api/v1/cases', payload: body, headers: { 'idempotency-key': key } });
    assert.equal(again.statusCode, 201, again.body);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal(again.json().id, created.id, 'the same case');
    assert.equal(again.json().message.id, created.message.id, 'the same message');
    assert.equal(again.json().contact_count, 1);
  }
  assert.deepEqual(await snapshot(f.acc.accountId), before, 'the retries wrote nothing');
  const c = await ok('GET', `/api/v1/cases/${created.id}`);
  assert.equal(c.contact_count, 1, 'contact_count is not raised by a retry');
  assert.equal(c.timeline.filter((e: { kind: string }) => e.kind === 'message').length, 1);

  // the contrast: the same message without the key is a repeat contact on that case
  const repeat = await call({ method: 'POST', url: '/api/v1/cases', payload: body });
  assert.equal(repeat.statusCode, 201);
  assert.equal(repeat.json().id, created.id);
  assert.equal(repeat.json().contact_count, 2);
});

test('an Idempotency-Key reused with a different body or route is 422 idempotency_key_reused', async () => {
  const key = `reuse-${process.pid}-${Date.now()}`;
  const body = { customer: { email: uniqueEmail('reuse') }, message: { body: 'Eerste versie' } };
  const first = await call({ method: 'POST', url: '/api/v1/cases', payload: body, headers: { 'idempotency-key': key } });
  assert.equal(first.statusCode, 201, first.body);
  const headers = { 'idempotency-key': key };
  for (const bad of [
    { name: 'another message body', method: 'POST', url: '/api/v1/cases', payload: { ...body, message: { body: 'Tweede versie' } } },
    { name: 'another customer', method: 'POST', url: '/api/v1/cases', payload: { ...body, customer: { email: uniqueEmail() } } },
    { name: 'an extra field', method: 'POST', url: '/api/v1/cases', payload: { ...body, priority: 'high' } },
    { name: 'another route', method: 'POST', url: '/api/v1/customers', payload: { email: uniqueEmail() } },
    { name: 'another case', method: 'POST', url: `/api/v1/cases/${f.caseId}/notes`, payload: { body: 'Eerste versie' } },
  ] as const) {
    await expectRejected({ ...bad, headers, status: 422, code: 'idempotency_key_reused', message: /different request/ });
  }
  assert.equal((await ok('GET', `/api/v1/cases/${first.json().id}`)).contact_count, 1);
});

test('concurrent retries with one Idempotency-Key create exactly one case', async () => {
  const key = `race-${process.pid}-${Date.now()}`;
  const body = { customer: { email: uniqueEmail('race') }, subject: 'Race', message: { body: 'Vijf keer tegelijk' } };
  const casesBefore = await caseCount();
  const results = await Promise.all(
    Array.from({ length: 6 }, () => call({ method: 'POST', url: '/api/v1/cases', payload: body, headers: { 'idempotency-key': key } })),
  );
  const created = results.filter((r) => r.statusCode === 201);
  assert.ok(created.length >= 1, results.map((r) => `${r.statusCode} ${r.body}`).join('\n'));
  assert.equal(new Set(created.map((r) => r.json().id)).size, 1, 'every 201 is the same case');
  for (const r of results.filter((x) => x.statusCode !== 201)) {
    assert.equal(r.statusCode, 409, r.body);
    assert.equal(r.json().error.code, 'idempotency_in_progress');
  }
  assert.equal(await caseCount(), casesBefore + 1, 'one case, not one per retry');
  const c = await ok('GET', `/api/v1/cases/${created[0].json().id}`);
  assert.equal(c.contact_count, 1);
  const replay = await call({ method: 'POST', url: '/api/v1/cases', payload: body, headers: { 'idempotency-key': key } });
  assert.equal(replay.statusCode, 201);
  assert.equal(replay.json().id, c.id);
  assert.equal(replay.headers['idempotent-replayed'], 'true');
});

test('a refused request with an Idempotency-Key is refused again on retry, still writing nothing', async () => {
  const headers = { 'idempotency-key': `refused-${process.pid}-${Date.now()}` };
  const body = { customer: { email: 'geen-adres' }, message: { body: 'x' } };
  const first = await call({ method: 'POST', url: '/api/v1/cases', payload: body, headers });
  assert.equal(first.statusCode, 422);
  await expectRejected({ name: 'retry', method: 'POST', url: '/api/v1/cases', payload: body, headers, status: 422, code: 'invalid_email' });
  const again = await call({ method: 'POST', url: '/api/v1/cases', payload: body, headers });
  assert.equal(again.headers['idempotent-replayed'], 'true');
});

// ---------------------------------------------------------------------------------------------
// the first-run setup page

test('setup: bad input is refused and does not use up the one-time link or create an account', async (t) => {
  const setupToken = { value: 'S'.repeat(43) };
  const setupApp = await buildApp({ db, config: testConfig(), setupToken, logger: false });
  await setupApp.ready();
  const accountName = `Setup ${process.pid} ${Date.now()}`;
  const accountsNamed = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts WHERE name = $1', [accountName]))[0].n;
  const good = { token: setupToken.value, account_name: accountName, admin_email: uniqueEmail('setup'), admin_name: 'Beheerder', admin_password: 'een lang wachtwoord' };
  const cases: Array<[string, InjectOptions, number, string]> = [
    ['malformed JSON', { payload: '{"token":', headers: { 'content-type': 'application/json' } }, 400, 'invalid_json'],
    ['plain text', { payload: 'token=x', headers: { 'content-type': 'text/plain' } }, 415, 'unsupported_media_type'],
    ['over 1 MB', { payload: JSON.stringify({ ...good, admin_name: 'x'.repeat(MB) }), headers: { 'content-type': 'application/json' } }, 413, 'body_too_large'],
    ['an unknown field', { payload: { ...good, role: 'admin' } }, 400, 'validation_failed'],
    ['a short password', { payload: { ...good, admin_password: 'kort' } }, 400, 'validation_failed'],
    ['an invalid e-mail address', { payload: { ...good, admin_email: 'beheerder' } }, 400, 'validation_failed'],
    ['no account name', { payload: { ...good, account_name: '' } }, 400, 'validation_failed'],
    ['a wrong token', { payload: { ...good, token: 'T'.repeat(43) } }, 403, 'setup_closed'],
    ['a token of another length', { payload: { ...good, token: 'S' } }, 403, 'setup_closed'],
  ];
  try {
    for (const [what, opts, status, code] of cases) {
      await t.test(what, async () => {
        const res = await setupApp.inject({ method: 'POST', url: '/setup', ...opts });
        assert.equal(res.statusCode, status, res.body);
        assert.equal(res.json().error.code, code);
        assert.equal(await accountsNamed(), 0);
        assert.equal(setupToken.value, 'S'.repeat(43), 'the link still works');
      });
    }
    await t.test('the page refuses a wrong token', async () => {
      const res = await setupApp.inject({ method: 'GET', url: `/setup?token=${'T'.repeat(43)}` });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'setup_closed');
    });
    await t.test('with accounts in the database, even the right token creates nothing', async () => {
      const res = await setupApp.inject({ method: 'POST', url: '/setup', payload: good });
      assert.equal(res.statusCode, 403, res.body);
      assert.equal(res.json().error.code, 'setup_closed');
      assert.equal(await accountsNamed(), 0);
      assert.equal(setupToken.value, null, 'and the link is closed for good');
    });
  } finally {
    await setupApp.close();
  }
});

// ---------------------------------------------------------------------------------------------

test('guard: every route that takes input is in the tables above', () => {
  const routes = routesOf(app).filter(isApiRoute);
  const valid = validRequests();
  const missing = routes.filter((r) => !(r in valid));
  assert.deepEqual(missing, [], `new routes: add a valid request to validRequests() and bad-input rows for them`);
  const stale = Object.keys(valid).filter((r) => !routes.includes(r));
  assert.deepEqual(stale, [], 'validRequests() names routes that no longer exist');
  // every route with input has at least one row of its own among the input-validation tables
  const rowsHit = new Set<string>();
  for (const row of inputTables.flatMap((build) => build())) {
    const route = routeFor(routes, row.method, row.url);
    if (route) rowsHit.add(route);
  }
  const uncovered = routes.filter((r) => !NO_INPUT.has(r) && !rowsHit.has(r));
  assert.deepEqual(uncovered, [], 'routes that take input without a bad-input row');
});
