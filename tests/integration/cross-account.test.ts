import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Db } from '../../src/storage/db.ts';
import { snapshotAccount } from '../account-snapshot.ts';
import { routeFor, routesOf } from '../routes.ts';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

/**
 * Two accounts on one server. Everything of B is addressed from A by its real id (and case
 * reference): every route that takes an id answers 404 as if it did not exist, lists and search
 * come back without B's rows, and B's data is byte-for-byte the same afterwards.
 */

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Headers = Record<string, string>;

interface Attempt {
  name: string;
  method: Method;
  url: string;
  payload?: unknown;
  /** 404 with this code, or a list/search answer that must not contain B */
  expect: { status: 404; code: string } | { list: true };
}

interface B {
  acc: TestAccount;
  word: string;
  tokenId: string;
  setupTokenId: string;
  agentToken: string;
  webhookId: string;
  teamId: string;
  teamName: string;
  agentId: string;
  agentEmail: string;
  customerId: string;
  customerEmail: string;
  customerPhone: string;
  socialIdentityId: string;
  emailIdentityId: string;
  customer2Id: string;
  caseId: string;
  caseRef: string;
  transferId: string;
  articleId: string;
  templateId: string;
  macroId: string;
  blockedId: string;
  problemId: string;
  signalId: string;
  vulnerabilitySignId: string;
  topicId: string;
  topic2Id: string;
  inboxId: string;
  attachmentId: string;
  promiseId: string;
  announcementId: string;
  incidentId: string;
  componentId: string;
  draftId: string;
  notificationId: string;
  slaPolicyId: string;
  refundId: string;
  findingId: string;
  chargeId: string;
  batchId: string;
  tariffRuleId: string;
  importJobId: string;
  organisationId: string;
  fieldId: string;
  routingRuleId: string;
  /** every id of B, to look for in A's answers */
  customRoleId: string;
  ids: string[];
}

interface A {
  acc: TestAccount;
  customerId: string;
  identityId: string;
  caseId: string;
  caseRef: string;
  ownedCaseId: string;
  agentId: string;
  teamId: string;
  topicId: string;
  macroId: string;
}

let ctx: TestContext;
let app: FastifyInstance;
let db: Db;
let a: A;
let b: B;

// ---------------------------------------------------------------------------------------------

const snapshot = (accountId: string) => snapshotAccount(db, accountId);

function call(method: Method, url: string, payload: unknown, auth: Headers | null) {
  const opts: InjectOptions = { method, url, headers: { ...(auth ?? {}) } };
  if (payload !== undefined) opts.payload = payload as InjectOptions['payload'];
  return app.inject(opts);
}

async function ok<T = Record<string, any>>(auth: Headers, method: Method, url: string, payload?: unknown): Promise<T> {
  const res = await call(method, url, payload, auth);
  assert.ok(res.statusCode >= 200 && res.statusCode < 300, `${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json() as T;
}


const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

// ---------------------------------------------------------------------------------------------

before(async () => {
  ctx = await testApp();
  app = ctx.app;
  db = ctx.db;

  // ---- account B: one of everything
  const accB = await newAccount(db, 'Account B');
  const word = `zwaluw${letters(10)}`;
  const B = accB.auth;
  const hex = (s: string) => `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  const setupTokenId = hex(/^lst_[0-9a-f]{32}_([0-9a-f]{32})_/.exec(accB.token)![1]);
  const webhook = await ok(B, 'POST', '/api/v1/webhooks', { url: 'https://example.test/b-hook', events: ['case.created', 'case.updated', 'message.created', 'case.transferred'], description: word });
  const teamName = `Team ${word}`;
  const team = await ok(B, 'POST', '/api/v1/teams', { name: teamName });
  const agentEmail = uniqueEmail(`agent.${word}`);
  const agent = await ok(B, 'POST', '/api/v1/agents', { email: agentEmail, name: `Agent ${word}`, role: 'agent', team_id: team.id });
  const customerEmail = uniqueEmail(word);
  const customerPhone = '+31687654321';
  const customer = await ok(B, 'POST', '/api/v1/customers', {
    name: `Klant ${word}`,
    email: customerEmail,
    phone: customerPhone,
    external_id: `K-${word}`,
    identities: [{ kind: 'social', value: `x:@${word}` }],
    segment: 'gold',
  });
  const customer2 = await ok(B, 'POST', '/api/v1/customers', { name: `Tweede ${word}`, email: uniqueEmail(word) });
  // references count per account (A has its own LU-1001): B has had thousands of cases, so B's reference is one A does not have
  await db.query('INSERT INTO case_counters (account_id, last_number) VALUES ($1, 7000) ON CONFLICT (account_id) DO UPDATE SET last_number = 7000', [accB.accountId]);
  const c = await ok(B, 'POST', '/api/v1/cases', { customer: { email: customerEmail }, subject: `Storing ${word}`, message: { body: `De ${word} doet het niet meer.` } });
  await ok(B, 'POST', `/api/v1/cases/${c.id}/assign`, { agent_id: accB.adminId });
  await ok(B, 'POST', `/api/v1/cases/${c.id}/messages`, { body: `We sturen een nieuwe ${word}.` });
  await ok(B, 'POST', `/api/v1/cases/${c.id}/notes`, { body: `Interne notitie over ${word}.` });
  const transfer = await ok(B, 'POST', `/api/v1/cases/${c.id}/transfers`, { to_agent_id: agent.id, note: `Overdracht ${word}` });
  const token = await ok(B, 'POST', '/api/v1/tokens', { name: `token ${word}`, role: 'agent' });
  const template = await ok(B, 'POST', '/api/v1/templates', { name: `Sjabloon ${word}`, body: `Beste {{customer.first_name}}, over ${word}: {{case.ref}}.` });
  await ok(B, 'PATCH', '/api/v1/settings/reply-checks', { checks: { thanks: 'off' } });
  const [signalRow] = await db.query<{ id: string }>(`INSERT INTO signals (account_id, title) VALUES ($1, $2) RETURNING id`, [accB.accountId, `Piek ${word}`]);
  const problem = await ok(B, 'POST', '/api/v1/problems', { title: `Probleem ${word}`, case_ids: [c.id] });
  const [topic2Row] = await db.query<{ id: string }>(`INSERT INTO topics (account_id, centroid, norm, size, first_seq, last_seq, first_at, last_at) VALUES ($1, '[]', 1, 1, 1, 1, now(), now()) RETURNING id`, [accB.accountId]);
  const [topicRow] = await db.query<{ id: string }>(`INSERT INTO topics (account_id, centroid, norm, size, first_seq, last_seq, first_at, last_at) VALUES ($1, '[["parkeer", 1]]', 1, 1, 1, 1, now(), now()) RETURNING id`, [accB.accountId]);
  const article = await ok(B, 'POST', '/api/v1/articles', { tags: [`Tag ${word}`], translations: { nl: { title: `Storing ${word}`, body: `Als de ${word} het niet doet, start hem opnieuw.` } } });
  await ok(B, 'PATCH', `/api/v1/articles/${article.id}`, { translations: { nl: { body: `Als de ${word} het niet meer doet, start hem opnieuw op.` } } });
  await ok(B, 'POST', `/api/v1/articles/${article.id}/publish`);
  const inbox = await ok(B, 'POST', '/api/v1/inboxes', { address: uniqueEmail(`inbox.${word}`), name: `Team ${word}` });
  const [firstB] = await db.query<{ id: string }>('SELECT id FROM messages WHERE account_id = $1 AND case_id = $2 LIMIT 1', [accB.accountId, c.id]);
  const [attachmentRow] = await db.query<{ id: string }>(
    `INSERT INTO attachments (account_id, message_id, filename, declared_type, size, sha256, content) VALUES ($1, $2, $3, 'text/plain', 4, 'x', '\\x67656865696d') RETURNING id`,
    [accB.accountId, firstB.id, `${word}.txt`],
  );
  const future = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const promiseB = await ok(B, 'POST', `/api/v1/cases/${c.id}/promises`, { kind: 'callback', description: `Terugbellen over ${word}`, due_at: future });
  const [draftRow] = await db.query<{ id: string }>(`INSERT INTO drafts (account_id, case_id, body, reason) VALUES ($1, $2, $3, 'test') RETURNING id`, [accB.accountId, c.id, `Excuses over ${word}`]);
  const [notificationRow] = await db.query<{ id: string }>(`INSERT INTO notifications (account_id, agent_id, kind, body) VALUES ($1, $2, 'test', $3) RETURNING id`, [accB.accountId, accB.adminId, `Let op ${word}`]);
  const slaB = await ok(B, 'POST', '/api/v1/sla-policies', { name: `Niveau ${word}`, first_response_minutes: 60 });
  // refunds: a charge found twice in B's ledger, a refund in a SEPA batch, a requested one, a tariff rule
  await ok(B, 'PATCH', '/api/v1/settings/refunds', { debtor_name: `Bedrijf ${word}`, debtor_iban: 'NL91ABNA0417164300' });
  const ledgerCsv = `charge_id,customer,amount,currency,charged_at,merchant_ref\nB-${word}-1,${customerEmail},5.00,EUR,2026-12-01 06:00,M-${word}\nB-${word}-2,${customerEmail},5.00,EUR,2026-12-01 06:01,M-${word}\n`;
  const imported = await app.inject({ method: 'POST', url: '/api/v1/ledger/imports', headers: { ...B, 'content-type': 'text/csv' }, payload: ledgerCsv });
  assert.equal(imported.statusCode, 200, imported.body);
  await ok(B, 'POST', '/api/v1/ledger/detect', {});
  const findingB = (await ok(B, 'GET', '/api/v1/ledger/findings')).data[0];
  const paidB = await ok(B, 'POST', `/api/v1/cases/${c.id}/refunds`, { amount_cents: 100, reason: `Terug ${word}`, destination: 'iban', iban: 'NL44RABO0123456789', account_holder: 'Klant B' });
  await ok(B, 'POST', `/api/v1/refunds/${paidB.id}/approve`, {});
  const batchB = await ok(B, 'POST', '/api/v1/refund-batches', {});
  const refundB = await ok(B, 'POST', `/api/v1/cases/${c.id}/refunds`, { amount_cents: 200, reason: `Terug ${word}`, destination: 'original_payment', charge_id: findingB.charge_id });
  const tariffB = await ok(B, 'POST', '/api/v1/tariff-rules', { product: `parkeren-${word}`, unit_price_cents: 5 });
  await ok(B, 'PATCH', '/api/v1/settings/announcements', { contact_route: '088 123 45 67' });
  const componentB = await ok(B, 'POST', '/api/v1/status-components', { name_nl: `Internet ${word}` });
  const parts = { nl: { happened: `Storing ${word}`, doing: 'Monteurs', means: 'Geen internet' } };
  const incidentB = await ok(B, 'POST', '/api/v1/incidents', { title: { nl: `Storing ${word}` }, impact: 'minor', component_ids: [componentB.id], update: { status: 'investigating', parts, next_update_at: future } });
  const announcementB = await ok(B, 'POST', '/api/v1/announcements', { kind: 'other', effective_at: future, audience: { kind: 'all' },
    content: { nl: { subject: `Nieuws ${word}`, body: 'Tekst', plain: 'Eenvoudig' } } });
  b = {
    acc: accB,
    word,
    tokenId: token.id,
    setupTokenId,
    agentToken: token.token,
    webhookId: webhook.id,
    teamId: team.id,
    teamName,
    agentId: agent.id,
    agentEmail,
    customerId: customer.id,
    customerEmail,
    customerPhone,
    socialIdentityId: customer.identities.find((i: { kind: string }) => i.kind === 'social').id,
    emailIdentityId: customer.identities.find((i: { kind: string }) => i.kind === 'email').id,
    customer2Id: customer2.id,
    caseId: c.id,
    caseRef: c.ref,
    transferId: transfer.id,
    articleId: article.id,
    templateId: template.id,
    macroId: (await ok(B, 'POST', '/api/v1/macros', { name: `Macro ${word}`, shared: true, actions: { tags_add: ['b'], note: word } })).id,
    blockedId: (await ok(B, 'POST', '/api/v1/blocked-senders', { kind: 'domain', value: `${word.toLowerCase().replace(/[^a-z0-9]/g, '')}.example` })).id,
    problemId: problem.id,
    signalId: signalRow.id,
    vulnerabilitySignId: (await db.query<{ id: string }>(
      `INSERT INTO vulnerability_signs (account_id, customer_id, case_id, message_id, kind, sentence)
       SELECT account_id, customer_id, case_id, id, 'age', 'Ik ben 84.' FROM messages WHERE account_id = $1 AND case_id = $2 LIMIT 1 RETURNING id`,
      [accB.accountId, c.id],
    ))[0].id,
    topicId: topicRow.id,
    topic2Id: topic2Row.id,
    inboxId: inbox.id,
    attachmentId: attachmentRow.id,
    promiseId: promiseB.id,
    draftId: draftRow.id,
    notificationId: notificationRow.id,
    slaPolicyId: slaB.id,
    refundId: refundB.id,
    findingId: findingB.id,
    chargeId: findingB.charge_id,
    batchId: batchB.id,
    tariffRuleId: tariffB.id,
    announcementId: announcementB.id,
    incidentId: incidentB.incident.id,
    componentId: componentB.id,
    // a finished import of B's (POST /api/v1/imports runs in the background: the row as it ends up)
    importJobId: (await db.query<{ id: string }>(
      `INSERT INTO import_jobs (account_id, source, status, done, total, finished_at) VALUES ($1, 'mbox', 'done', 3, 3, now()) RETURNING id`, [accB.accountId]))[0].id,
    organisationId: (await ok(B, 'POST', '/api/v1/organisations', { name: `Bedrijf ${word}`, domains: [`${word}.nl`], custom_fields: {} })).id,
    fieldId: (await ok(B, 'POST', '/api/v1/custom-fields', { entity: 'case', key: word, label_nl: word, label_en: word, type: 'text' })).id,
    // after the field it names (the object's values are made in order)
    routingRuleId: (await ok(B, 'POST', '/api/v1/routing/rules', { name: `Regel ${word}`, tier: 'L2', conditions: [{ entity: 'case', key: word, op: 'equals', value: word }] })).id,
    customRoleId: (await ok(B, 'POST', '/api/v1/roles', { name: `Rol ${word}`, permissions: ['audit.read'] })).id,
    ids: [],
  };
  b.ids = [b.refundId, paidB.id, b.findingId, b.chargeId, b.batchId, b.tariffRuleId, b.slaPolicyId, b.promiseId, b.draftId, b.notificationId, b.inboxId, b.attachmentId, b.topicId, b.articleId, b.problemId, b.signalId, b.vulnerabilitySignId, b.templateId, b.macroId, b.tokenId, b.setupTokenId, b.webhookId, b.teamId, b.agentId, accB.adminId, b.customerId, b.customer2Id, b.caseId, b.transferId, b.socialIdentityId, b.emailIdentityId, accB.accountId, b.announcementId, b.incidentId, b.componentId, b.importJobId, b.organisationId, b.fieldId, b.routingRuleId, b.blockedId, b.customRoleId];

  // ---- account A: the one trying
  const accA = await newAccount(db, 'Account A');
  const A = accA.auth;
  const ca = await ok(A, 'POST', '/api/v1/customers', { name: 'Klant van A', email: uniqueEmail('a') });
  const caseA = await ok(A, 'POST', '/api/v1/cases', { customer: { email: ca.identities[0].value }, subject: 'Vraag van A', message: { body: 'Hallo A' } });
  const owned = await ok(A, 'POST', '/api/v1/cases', { customer: { email: uniqueEmail('a') }, subject: 'Toegewezen bij A', message: { body: 'Hallo' } });
  await ok(A, 'POST', `/api/v1/cases/${owned.id}/assign`, { agent_id: accA.adminId });
  const agentA = await ok(A, 'POST', '/api/v1/agents', { email: uniqueEmail('agent.a'), name: 'Agent van A' });
  const teamA = await ok(A, 'POST', '/api/v1/teams', { name: 'Team van A' });
  const [topicA] = await db.query<{ id: string }>(`INSERT INTO topics (account_id, centroid, norm, size, first_seq, last_seq, first_at, last_at) VALUES ($1, '[]', 1, 1, 1, 1, now(), now()) RETURNING id`, [accA.accountId]);
  const macroA = await ok(A, 'POST', '/api/v1/macros', { name: 'Macro van A', shared: true, actions: { tags_add: ['a'], note: 'Van A' } });
  a = { macroId: macroA.id, topicId: topicA.id, acc: accA, customerId: ca.id, identityId: ca.identities[0].id, caseId: caseA.id, caseRef: caseA.ref, ownedCaseId: owned.id, agentId: agentA.id, teamId: teamA.id };
});

after(() => ctx.close());

// ---------------------------------------------------------------------------------------------

/** Every way A can point at B's data. */
function attempts(): Attempt[] {
  const nf = (code: string) => ({ status: 404 as const, code: `${code}_not_found` });
  const list = { list: true as const };
  const caseKeys = [b.caseId, b.caseRef, b.caseRef.toLowerCase()];
  const rows: Attempt[] = [];
  for (const k of caseKeys) {
    rows.push(
      { name: `read B's case by ${k}`, method: 'GET', url: `/api/v1/cases/${k}`, expect: nf('case') },
      { name: `HEAD B's case by ${k}`, method: 'HEAD', url: `/api/v1/cases/${k}`, expect: nf('case') },
      { name: `change B's case by ${k}`, method: 'PATCH', url: `/api/v1/cases/${k}`, payload: { priority: 'urgent', subject: 'Gekaapt', topic: 'x' }, expect: nf('case') },
      { name: `close B's case by ${k}`, method: 'PATCH', url: `/api/v1/cases/${k}`, payload: { status: 'closed' }, expect: nf('case') },
      { name: `reply on B's case by ${k}`, method: 'POST', url: `/api/v1/cases/${k}/messages`, payload: { body: 'Van A' }, expect: nf('case') },
      { name: `note on B's case by ${k}`, method: 'POST', url: `/api/v1/cases/${k}/notes`, payload: { body: 'Van A' }, expect: nf('case') },
      { name: `assign B's case to A's admin by ${k}`, method: 'POST', url: `/api/v1/cases/${k}/assign`, payload: { agent_id: a.acc.adminId }, expect: nf('case') },
      { name: `assign B's case to B's agent by ${k}`, method: 'POST', url: `/api/v1/cases/${k}/assign`, payload: { agent_id: b.agentId }, expect: nf('case') },
      { name: `offer B's case to A's agent by ${k}`, method: 'POST', url: `/api/v1/cases/${k}/transfers`, payload: { to_agent_id: a.agentId }, expect: nf('case') },
      { name: `article suggestions for B's case by ${k}`, method: 'GET', url: `/api/v1/cases/${k}/suggestions`, expect: nf('case') },
      { name: `tag B's case by ${k}`, method: 'POST', url: `/api/v1/cases/${k}/tags`, payload: { add: ['gekaapt'] }, expect: nf('case') },
      { name: `mark B's case as spam by ${k}`, method: 'POST', url: `/api/v1/cases/${k}/spam`, payload: { block: 'domain' }, expect: nf('case') },
      { name: `merge B's case into A's by ${k}`, method: 'POST', url: `/api/v1/cases/${k}/merge`, payload: { into: a.caseId }, expect: nf('case') },
      { name: `merge A's case into B's by ${k}`, method: 'POST', url: `/api/v1/cases/${a.caseId}/merge`, payload: { into: k }, expect: nf('case') },
      { name: `split B's case by ${k}`, method: 'POST', url: `/api/v1/cases/${k}/split`, payload: { message_ids: [b.caseId] }, expect: nf('case') },
      { name: `B's case's followers by ${k}`, method: 'GET', url: `/api/v1/cases/${k}/followers`, expect: nf('case') },
      { name: `follow B's case by ${k}`, method: 'PUT', url: `/api/v1/cases/${k}/followers/${a.agentId}`, expect: nf('case') },
      { name: `take B's agent off B's case by ${k}`, method: 'DELETE', url: `/api/v1/cases/${k}/followers/${b.agentId}`, expect: nf('case') },
      { name: `preview A's macro on B's case by ${k}`, method: 'GET', url: `/api/v1/macros/${a.macroId}/preview/${k}`, expect: nf('case') },
      { name: `apply A's macro to B's case by ${k}`, method: 'POST', url: `/api/v1/macros/${a.macroId}/apply/${k}`, expect: nf('case') },
      { name: `request a refund on B's case by ${k}`, method: 'POST', url: `/api/v1/cases/${k}/refunds`, payload: { amount_cents: 100, reason: 'x', destination: 'original_payment' }, expect: nf('case') },
    );
    for (const action of ['accept', 'decline', 'cancel']) {
      rows.push({ name: `${action} B's transfer on B's case by ${k}`, method: 'POST', url: `/api/v1/cases/${k}/transfers/${b.transferId}/${action}`, expect: nf('case') });
    }
  }
  for (const action of ['accept', 'decline', 'cancel']) {
    rows.push({ name: `${action} B's transfer via A's own case`, method: 'POST', url: `/api/v1/cases/${a.ownedCaseId}/transfers/${b.transferId}/${action}`, expect: nf('transfer') });
  }
  rows.push(
    // B's ids inside A's requests
    { name: "B's agent as follower of A's case", method: 'PUT', url: `/api/v1/cases/${a.caseId}/followers/${b.agentId}`, expect: nf('agent') },
    { name: "assign A's case to B's agent", method: 'POST', url: `/api/v1/cases/${a.caseId}/assign`, payload: { agent_id: b.agentId }, expect: nf('agent') },
    { name: "assign A's case to B's admin", method: 'POST', url: `/api/v1/cases/${a.caseId}/assign`, payload: { agent_id: b.acc.adminId }, expect: nf('agent') },
    { name: "offer A's case to B's agent", method: 'POST', url: `/api/v1/cases/${a.ownedCaseId}/transfers`, payload: { to_agent_id: b.agentId }, expect: nf('agent') },
    // customers
    { name: "read B's customer", method: 'GET', url: `/api/v1/customers/${b.customerId}`, expect: nf('customer') },
    { name: "read B's customer's contact preferences", method: 'GET', url: `/api/v1/customers/${b.customerId}/contact-preferences`, expect: nf('customer') },
    { name: "change B's customer's contact preference", method: 'PUT', url: `/api/v1/customers/${b.customerId}/contact-preferences/sales`, payload: { allowed: false }, expect: nf('customer') },
    { name: "ask whether B's customer may be contacted", method: 'GET', url: `/api/v1/customers/${b.customerId}/may-contact?purpose=sales`, expect: nf('customer') },
    { name: "export B's customer", method: 'GET', url: `/api/v1/customers/${b.customerId}/export`, expect: nf('customer') },
    { name: "erase B's customer", method: 'POST', url: `/api/v1/customers/${b.customerId}/erase`, payload: { reason: 'Gekaapt' }, expect: nf('customer') },
    { name: "HEAD B's customer", method: 'HEAD', url: `/api/v1/customers/${b.customerId}`, expect: nf('customer') },
    { name: "change B's customer", method: 'PATCH', url: `/api/v1/customers/${b.customerId}`, payload: { name: 'Gekaapt', vulnerable: true, segment: 'stolen' }, expect: nf('customer') },
    { name: "add an identity to B's customer", method: 'POST', url: `/api/v1/customers/${b.customerId}/identities`, payload: { kind: 'email', value: uniqueEmail('kaper') }, expect: nf('customer') },
    { name: "remove an identity of B's customer", method: 'DELETE', url: `/api/v1/customers/${b.customerId}/identities/${b.socialIdentityId}`, expect: nf('customer') },
    { name: "remove B's identity via A's customer", method: 'DELETE', url: `/api/v1/customers/${a.customerId}/identities/${b.emailIdentityId}`, expect: nf('identity') },
    { name: "remove A's identity via B's customer", method: 'DELETE', url: `/api/v1/customers/${b.customerId}/identities/${a.identityId}`, expect: nf('customer') },
    { name: "merge B's customer into A's", method: 'POST', url: `/api/v1/customers/${a.customerId}/merge`, payload: { customer_id: b.customerId }, expect: nf('customer') },
    { name: "merge A's customer into B's", method: 'POST', url: `/api/v1/customers/${b.customerId}/merge`, payload: { customer_id: a.customerId }, expect: nf('customer') },
    { name: "merge B's two customers", method: 'POST', url: `/api/v1/customers/${b.customerId}/merge`, payload: { customer_id: b.customer2Id }, expect: nf('customer') },
    // agents, teams, tokens, webhooks
    { name: "change B's agent", method: 'PATCH', url: `/api/v1/agents/${b.agentId}`, payload: { name: 'Gekaapt', active: false }, expect: nf('agent') },
    { name: "demote B's admin", method: 'PATCH', url: `/api/v1/agents/${b.acc.adminId}`, payload: { role: 'agent' }, expect: nf('agent') },
    { name: "reset the password of B's admin", method: 'PATCH', url: `/api/v1/agents/${b.acc.adminId}`, payload: { password: 'nu van mij, van A' }, expect: nf('agent') },
    { name: "move A's agent into B's team", method: 'PATCH', url: `/api/v1/agents/${a.agentId}`, payload: { team_id: b.teamId }, expect: nf('team') },
    { name: "add an agent to B's team", method: 'POST', url: '/api/v1/agents', payload: { email: uniqueEmail('a'), name: 'X', team_id: b.teamId }, expect: nf('team') },
    { name: "revoke B's token", method: 'DELETE', url: `/api/v1/tokens/${b.tokenId}`, expect: nf('api_token') },
    { name: "revoke B's setup token", method: 'DELETE', url: `/api/v1/tokens/${b.setupTokenId}`, expect: nf('api_token') },
    { name: "deactivate B's webhook", method: 'DELETE', url: `/api/v1/webhooks/${b.webhookId}`, expect: nf('webhook') },
    { name: "read B's webhook deliveries", method: 'GET', url: `/api/v1/webhooks/${b.webhookId}/deliveries`, expect: nf('webhook') },
    // replies and templates
    { name: "check a reply on B's case", method: 'POST', url: '/api/v1/replies/check', payload: { case_id: b.caseId, body: 'Hallo' }, expect: nf('case') },
    { name: "check a reply on B's case by reference", method: 'POST', url: '/api/v1/replies/check', payload: { case_id: b.caseRef, body: 'Hallo' }, expect: nf('case') },
    { name: "read B's template", method: 'GET', url: `/api/v1/templates/${b.templateId}`, expect: nf('template') },
    { name: "change B's template", method: 'PATCH', url: `/api/v1/templates/${b.templateId}`, payload: { body: 'Gekaapt' }, expect: nf('template') },
    { name: "delete B's template", method: 'DELETE', url: `/api/v1/templates/${b.templateId}`, expect: nf('template') },
    { name: "change B's macro", method: 'PATCH', url: `/api/v1/macros/${b.macroId}`, payload: { name: 'Gekaapt' }, expect: nf('macro') },
    { name: "delete B's macro", method: 'DELETE', url: `/api/v1/macros/${b.macroId}`, expect: nf('macro') },
    { name: "preview B's macro on A's case", method: 'GET', url: `/api/v1/macros/${b.macroId}/preview/${a.caseId}`, expect: nf('macro') },
    { name: "apply B's macro to A's case", method: 'POST', url: `/api/v1/macros/${b.macroId}/apply/${a.caseId}`, expect: nf('macro') },
    { name: "put B's team in A's macro", method: 'PATCH', url: `/api/v1/macros/${a.macroId}`, payload: { actions: { team_id: b.teamId } }, expect: nf('team') },
    { name: "tag B's customer", method: 'POST', url: `/api/v1/customers/${b.customerId}/tags`, payload: { add: ['gekaapt'] }, expect: nf('customer') },
    { name: "A's cases by B's tag", method: 'GET', url: '/api/v1/cases?tag=b', expect: { list: true } },
    { name: "A's macros", method: 'GET', url: '/api/v1/macros', expect: { list: true } },
    // organisations and custom fields
    { name: "read B's organisation", method: 'GET', url: `/api/v1/organisations/${b.organisationId}`, expect: nf('organisation') },
    { name: "change B's organisation", method: 'PATCH', url: `/api/v1/organisations/${b.organisationId}`, payload: { notes: 'Gekaapt', domains: [] }, expect: nf('organisation') },
    { name: "delete B's organisation", method: 'DELETE', url: `/api/v1/organisations/${b.organisationId}`, expect: nf('organisation') },
    { name: "put A's customer in B's organisation", method: 'PATCH', url: `/api/v1/customers/${a.customerId}`, payload: { organisation_id: b.organisationId }, expect: nf('organisation') },
    { name: "make A's customer with B's organisation", method: 'POST', url: '/api/v1/customers', payload: { email: uniqueEmail('a'), organisation_id: b.organisationId }, expect: nf('organisation') },
    { name: "A's customers of B's organisation", method: 'GET', url: `/api/v1/customers?organisation_id=${b.organisationId}`, expect: { list: true } },
    { name: "A's organisations", method: 'GET', url: '/api/v1/organisations', expect: { list: true } },
    { name: "change B's custom field", method: 'PATCH', url: `/api/v1/custom-fields/${b.fieldId}`, payload: { label_nl: 'Gekaapt' }, expect: nf('custom_field') },
    { name: "delete B's custom field", method: 'DELETE', url: `/api/v1/custom-fields/${b.fieldId}`, expect: nf('custom_field') },
    { name: "change B's routing rule", method: 'PATCH', url: `/api/v1/routing/rules/${b.routingRuleId}`, payload: { name: 'Gekaapt' }, expect: nf('routing_rule') },
    { name: "delete B's routing rule", method: 'DELETE', url: `/api/v1/routing/rules/${b.routingRuleId}`, expect: nf('routing_rule') },
    { name: "A's routing rules", method: 'GET', url: '/api/v1/routing/rules', expect: list },
    { name: "A's custom fields", method: 'GET', url: '/api/v1/custom-fields', expect: { list: true } },
    { name: "A's block list", method: 'GET', url: '/api/v1/blocked-senders', expect: { list: true } },
    // custom roles
    { name: "read B's custom role", method: 'GET', url: `/api/v1/roles/${b.customRoleId}`, expect: nf('custom_role') },
    { name: "grant through B's custom role", method: 'PATCH', url: `/api/v1/roles/${b.customRoleId}`, payload: { grant: ['customers.erase'] }, expect: nf('custom_role') },
    { name: "delete B's custom role", method: 'DELETE', url: `/api/v1/roles/${b.customRoleId}`, expect: nf('custom_role') },
    { name: "give A's agent B's custom role", method: 'PUT', url: `/api/v1/agents/${a.agentId}/custom-role`, payload: { custom_role_id: b.customRoleId }, expect: nf('custom_role') },
    { name: "take B's agent's custom role away", method: 'PUT', url: `/api/v1/agents/${b.agentId}/custom-role`, payload: { custom_role_id: null }, expect: nf('agent') },
    { name: "A's custom roles", method: 'GET', url: '/api/v1/roles', expect: { list: true } },
    { name: "unblock B's blocked sender", method: 'DELETE', url: `/api/v1/blocked-senders/${b.blockedId}`, expect: nf('blocked_sender') },
    { name: "render B's template for A's case", method: 'POST', url: `/api/v1/templates/${b.templateId}/render`, payload: { case_id: a.caseId }, expect: nf('template') },
    { name: 'templates', method: 'GET', url: '/api/v1/templates', expect: list },
    // e-mail inboxes and attachments
    { name: "read B's inbox", method: 'GET', url: `/api/v1/inboxes/${b.inboxId}`, expect: nf('inbox') },
    { name: "change B's inbox", method: 'PATCH', url: `/api/v1/inboxes/${b.inboxId}`, payload: { name: 'Gekaapt', imap_url: 'imap://dief@evil.example/INBOX' }, expect: nf('inbox') },
    { name: "poll B's inbox", method: 'POST', url: `/api/v1/inboxes/${b.inboxId}/poll`, payload: {}, expect: nf('inbox') },
    { name: "send the verification mail of B's inbox", method: 'POST', url: `/api/v1/inboxes/${b.inboxId}/verification`, payload: {}, expect: nf('inbox') },
    { name: "verify B's inbox with a code", method: 'POST', url: `/api/v1/inboxes/${b.inboxId}/verify`, payload: { code: 'AAAAA-AAAAA' }, expect: nf('inbox') },
    { name: "verify B's inbox by DNS", method: 'POST', url: `/api/v1/inboxes/${b.inboxId}/verify-dns`, payload: {}, expect: nf('inbox') },
    { name: "add an inbox for B's team", method: 'POST', url: '/api/v1/inboxes', payload: { address: uniqueEmail('a'), name: 'X', team_id: b.teamId }, expect: nf('team') },
    { name: "download B's attachment", method: 'GET', url: `/api/v1/attachments/${b.attachmentId}`, expect: nf('attachment') },
    { name: 'inboxes', method: 'GET', url: '/api/v1/inboxes', expect: list },
    { name: "split B's topic", method: 'POST', url: `/api/v1/topics/${b.topicId}/split`, payload: {}, expect: nf('topic') },
    // live
    { name: "announce presence on B's case", method: 'POST', url: `/api/v1/cases/${b.caseId}/presence`, payload: { state: 'typing' }, expect: nf('case') },
    { name: "see who is on B's case", method: 'GET', url: `/api/v1/cases/${b.caseId}/presence`, expect: nf('case') },
    // routing
    { name: "route B's case", method: 'POST', url: `/api/v1/cases/${b.caseId}/route`, payload: {}, expect: nf('case') },
    { name: "change the routing of B's agent", method: 'PUT', url: `/api/v1/agents/${b.agentId}/routing`, payload: { available: false }, expect: nf('agent') },
    { name: "set the callback hours of B's agent", method: 'PUT', url: `/api/v1/agents/${b.agentId}/callback-hours`, payload: { hours_text: 'ma 09:00-12:00' }, expect: nf('agent') },
    { name: "take B's agent off the callback rota", method: 'DELETE', url: `/api/v1/agents/${b.agentId}/callback-hours`, expect: nf('agent') },
    // two-factor sign-in
    { name: "require two-factor of B's agent", method: 'PUT', url: `/api/v1/agents/${b.agentId}/two-factor`, payload: { required: true }, expect: nf('agent') },
    { name: "reset the two-factor of B's admin", method: 'DELETE', url: `/api/v1/agents/${b.acc.adminId}/two-factor`, expect: nf('agent') },
    { name: 'routing agents', method: 'GET', url: '/api/v1/routing/agents', expect: list },
    // escalation
    { name: "read the brief of B's case", method: 'GET', url: `/api/v1/cases/${b.caseId}/brief`, expect: nf('case') },
    { name: "ask where a reply on B's case goes (WhatsApp window)", method: 'GET', url: `/api/v1/cases/${b.caseId}/reply-channel`, expect: nf('case') },
    { name: "escalate B's case", method: 'POST', url: `/api/v1/cases/${b.caseId}/escalate`, payload: { to: 'L3', reason: 'gekaapt' }, expect: nf('case') },
    // service levels
    { name: "change B's service level", method: 'PATCH', url: `/api/v1/sla-policies/${b.slaPolicyId}`, payload: { first_response_minutes: 1 }, expect: nf('sla_policy') },
    { name: "remove B's service level", method: 'DELETE', url: `/api/v1/sla-policies/${b.slaPolicyId}`, expect: nf('sla_policy') },
    { name: "clocks of B's case", method: 'GET', url: `/api/v1/cases/${b.caseId}/sla`, expect: nf('case') },
    { name: 'service levels', method: 'GET', url: '/api/v1/sla-policies', expect: list },
    { name: 'cases at risk', method: 'GET', url: '/api/v1/sla/cases', expect: list },
    // promises, drafts, notifications
    { name: "read B's announcement", method: 'GET', url: `/api/v1/announcements/${b.announcementId}`, expect: nf('announcement') },
    { name: "read what came back of B's announcement", method: 'GET', url: `/api/v1/announcements/${b.announcementId}/feedback`, expect: nf('announcement') },
    { name: "cancel B's announcement", method: 'POST', url: `/api/v1/announcements/${b.announcementId}/cancel`, payload: { reason: 'gekaapt' }, expect: nf('announcement') },
    { name: "read B's incident", method: 'GET', url: `/api/v1/incidents/${b.incidentId}`, expect: nf('incident') },
    { name: "post to B's incident", method: 'POST', url: `/api/v1/incidents/${b.incidentId}/updates`, payload: { status: 'resolved', parts: { nl: { happened: 'x', doing: 'y', means: 'z' } } }, expect: nf('incident') },
    { name: "rename B's component", method: 'PATCH', url: `/api/v1/status-components/${b.componentId}`, payload: { name_nl: 'Gekaapt' }, expect: nf('component') },
    { name: "remove B's component", method: 'DELETE', url: `/api/v1/status-components/${b.componentId}`, expect: nf('component') },
    { name: "put B's component in a group", method: 'PATCH', url: `/api/v1/status-components/${b.componentId}`, payload: { group_id: null }, expect: nf('component') },
    { name: "put B's component in A's order", method: 'PUT', url: '/api/v1/status-components/order', payload: { ids: [b.componentId] }, expect: nf('component') },
    { name: 'status components', method: 'GET', url: '/api/v1/status-components', expect: list },
    { name: "open an incident on B's component", method: 'POST', url: '/api/v1/incidents', payload: { title: { nl: 'x' }, impact: 'minor', component_ids: [b.componentId], update: { status: 'investigating', parts: { nl: { happened: 'x', doing: 'y', means: 'z' } }, next_update_at: new Date(Date.now() + 86_400_000).toISOString(), contact_route: '088 123 45 67' } }, expect: nf('component') },
    { name: "tag B's customer", method: 'PUT', url: `/api/v1/customers/${b.customerId}/tags`, payload: { tags: ['gekaapt'] }, expect: nf('customer') },
    { name: "announce to B's problem", method: 'POST', url: '/api/v1/announcements/check', payload: { kind: 'other', effective_at: new Date(Date.now() + 86_400_000).toISOString(), audience: { kind: 'problem', value: b.problemId } }, expect: nf('problem') },
    { name: "read B's promise", method: 'GET', url: `/api/v1/promises/${b.promiseId}`, expect: nf('promise') },
    { name: "keep B's promise", method: 'POST', url: `/api/v1/promises/${b.promiseId}/keep`, payload: { action: 'callback_logged' }, expect: nf('promise') },
    { name: "renegotiate B's promise", method: 'POST', url: `/api/v1/promises/${b.promiseId}/renegotiate`, payload: { due_at: new Date(Date.now() + 9 * 86_400_000).toISOString() }, expect: nf('promise') },
    { name: "cancel B's promise", method: 'POST', url: `/api/v1/promises/${b.promiseId}/cancel`, payload: { reason: 'gekaapt' }, expect: nf('promise') },
    { name: "make a promise on B's case", method: 'POST', url: `/api/v1/cases/${b.caseId}/promises`, payload: { kind: 'callback', description: 'x', due_at: new Date(Date.now() + 86_400_000).toISOString() }, expect: nf('case') },
    { name: "make B's agent owner of A's promise", method: 'POST', url: `/api/v1/cases/${a.ownedCaseId}/promises`, payload: { kind: 'callback', description: 'x', due_at: new Date(Date.now() + 86_400_000).toISOString(), owner_id: b.agentId }, expect: nf('agent') },
    { name: "promises of B's case", method: 'GET', url: `/api/v1/promises?case_id=${b.caseId}`, expect: list },
    { name: "promises of B's agent", method: 'GET', url: `/api/v1/promises?owner_id=${b.acc.adminId}`, expect: list },
    { name: "approve B's draft", method: 'POST', url: `/api/v1/drafts/${b.draftId}/approve`, payload: {}, expect: nf('draft') },
    { name: "discard B's draft", method: 'POST', url: `/api/v1/drafts/${b.draftId}/discard`, payload: { reason: 'weg' }, expect: nf('draft') },
    { name: 'drafts', method: 'GET', url: '/api/v1/drafts', expect: list },
    { name: "read B's notification", method: 'POST', url: `/api/v1/notifications/${b.notificationId}/read`, payload: {}, expect: nf('notification') },
    { name: 'notifications', method: 'GET', url: '/api/v1/notifications', expect: list },
    // problems and signals
    // refunds
    { name: "read B's refund", method: 'GET', url: `/api/v1/refunds/${b.refundId}`, expect: nf('refund') },
    { name: "approve B's refund", method: 'POST', url: `/api/v1/refunds/${b.refundId}/approve`, payload: {}, expect: nf('refund') },
    { name: "reject B's refund", method: 'POST', url: `/api/v1/refunds/${b.refundId}/reject`, payload: { reason: 'gekaapt' }, expect: nf('refund') },
    { name: "mark B's refund paid", method: 'POST', url: `/api/v1/refunds/${b.refundId}/paid`, payload: {}, expect: nf('refund') },
    { name: "refund B's charge on A's case", method: 'POST', url: `/api/v1/cases/${a.caseId}/refunds`, payload: { amount_cents: 100, reason: 'x', destination: 'original_payment', charge_id: b.chargeId }, expect: nf('charge') },
    { name: "refunds of B's customer", method: 'GET', url: `/api/v1/refunds?customer_id=${b.customerId}`, expect: list },
    { name: "approve B's finding", method: 'POST', url: `/api/v1/ledger/findings/${b.findingId}/approve`, payload: {}, expect: nf('finding') },
    { name: "dismiss B's finding", method: 'POST', url: `/api/v1/ledger/findings/${b.findingId}/dismiss`, payload: { reason: 'x' }, expect: nf('finding') },
    { name: "findings of B's customer", method: 'GET', url: `/api/v1/ledger/findings?customer_id=${b.customerId}`, expect: list },
    { name: "delete B's tariff rule", method: 'DELETE', url: `/api/v1/tariff-rules/${b.tariffRuleId}`, expect: nf('tariff_rule') },
    // imports
    { name: "read B's import job", method: 'GET', url: `/api/v1/imports/${b.importJobId}`, expect: nf('import') },
    { name: 'import jobs', method: 'GET', url: '/api/v1/imports', expect: list },
    { name: "download B's SEPA batch", method: 'GET', url: `/api/v1/refund-batches/${b.batchId}/xml`, expect: nf('refund_batch') },
    { name: "mark B's SEPA batch paid", method: 'POST', url: `/api/v1/refund-batches/${b.batchId}/paid`, payload: {}, expect: nf('refund_batch') },
    { name: "refund preview of B's problem", method: 'POST', url: `/api/v1/problems/${b.problemId}/refund-preview`, payload: {}, expect: nf('problem') },
    { name: "bulk refund of B's problem", method: 'POST', url: `/api/v1/problems/${b.problemId}/refund`, payload: {}, expect: nf('problem') },
    { name: "set B's customer's refund account", method: 'PUT', url: `/api/v1/customers/${b.customerId}/refund-account`, payload: { iban: 'NL44RABO0123456789', account_holder: 'Gekaapt' }, expect: nf('customer') },
    { name: "record a cancellation for B's customer", method: 'POST', url: `/api/v1/customers/${b.customerId}/cancellations`, payload: { cancelled_at: '2026-11-01T00:00:00+01:00' }, expect: nf('customer') },
    { name: "read B's customer's cancellations", method: 'GET', url: `/api/v1/customers/${b.customerId}/cancellations`, expect: nf('customer') },
    { name: "read B's problem", method: 'GET', url: `/api/v1/problems/${b.problemId}`, expect: nf('problem') },
    { name: "change B's problem", method: 'PATCH', url: `/api/v1/problems/${b.problemId}`, payload: { status: 'resolved' }, expect: nf('problem') },
    { name: "link A's case to B's problem", method: 'PUT', url: `/api/v1/problems/${b.problemId}/cases/${a.caseId}`, payload: { state: 'confirmed' }, expect: nf('problem') },
    { name: "remove B's case from B's problem", method: 'PUT', url: `/api/v1/problems/${b.problemId}/cases/${b.caseId}`, payload: { state: 'removed' }, expect: nf('problem') },
    { name: "bulk reply on B's problem", method: 'POST', url: `/api/v1/problems/${b.problemId}/reply`, payload: { body: 'Hallo' }, expect: nf('problem') },
    { name: "bulk note on B's problem", method: 'POST', url: `/api/v1/problems/${b.problemId}/note`, payload: { body: 'Hallo' }, expect: nf('problem') },
    { name: "open a problem from B's signal", method: 'POST', url: '/api/v1/problems', payload: { title: 'Gekaapt', signal_id: b.signalId }, expect: nf('signal') },
    { name: "open a problem with B's case", method: 'POST', url: '/api/v1/problems', payload: { title: 'Gekaapt', case_ids: [b.caseId] }, expect: nf('case') },
    { name: "dismiss B's signal", method: 'POST', url: `/api/v1/signals/${b.signalId}/dismiss`, payload: {}, expect: nf('signal') },
    { name: "confirm a sign of vulnerability of B's customer", method: 'POST', url: `/api/v1/vulnerability-signs/${b.vulnerabilitySignId}/confirm`, payload: {}, expect: nf('vulnerability_sign') },
    { name: "dismiss a sign of vulnerability of B's customer", method: 'POST', url: `/api/v1/vulnerability-signs/${b.vulnerabilitySignId}/dismiss`, payload: {}, expect: nf('vulnerability_sign') },
    { name: 'problems', method: 'GET', url: '/api/v1/problems', expect: list },
    { name: 'signals', method: 'GET', url: '/api/v1/signals', expect: list },
    { name: "name B's topic", method: 'PATCH', url: `/api/v1/topics/${b.topicId}`, payload: { name: 'Gekaapt' }, expect: nf('topic') },
    { name: "merge B's topic into another of B's", method: 'POST', url: `/api/v1/topics/${b.topicId}/merge`, payload: { topic_id: b.topic2Id }, expect: nf('topic') },
    { name: "merge B's topic into A's", method: 'POST', url: `/api/v1/topics/${a.topicId}/merge`, payload: { topic_id: b.topicId }, expect: nf('topic') },
    { name: 'topics', method: 'GET', url: '/api/v1/topics', expect: list },
    // knowledge base
    { name: "read B's article", method: 'GET', url: `/api/v1/articles/${b.articleId}`, expect: nf('article') },
    { name: "change B's article", method: 'PATCH', url: `/api/v1/articles/${b.articleId}`, payload: { tags: ['Gekaapt'], translations: { nl: { body: 'Gekaapt' } } }, expect: nf('article') },
    { name: "read B's article versions", method: 'GET', url: `/api/v1/articles/${b.articleId}/versions`, expect: nf('article') },
    { name: "diff B's article versions", method: 'GET', url: `/api/v1/articles/${b.articleId}/diff?from=1&to=2`, expect: nf('article') },
    { name: "publish B's article", method: 'POST', url: `/api/v1/articles/${b.articleId}/publish`, expect: nf('article') },
    { name: "unpublish B's article", method: 'POST', url: `/api/v1/articles/${b.articleId}/unpublish`, expect: nf('article') },
    { name: 'articles', method: 'GET', url: '/api/v1/articles?limit=200', expect: list },
    { name: "articles with B's tag", method: 'GET', url: `/api/v1/articles?tag=${encodeURIComponent(`Tag ${b.word}`)}`, expect: list },
    { name: "search articles for B's word", method: 'GET', url: `/api/v1/articles/search?q=${b.word}`, expect: list },
    // lists, filters and search: answered, but without B
    ...[b.caseId, b.customerId, b.agentId, b.acc.adminId, b.webhookId, b.tokenId, b.teamId, b.acc.accountId].map((id) => ({
      name: `audit?entity_id= B's ${id === b.caseId ? 'case' : id === b.customerId ? 'customer' : 'entity'} ${id}`,
      method: 'GET' as const,
      url: `/api/v1/audit?entity_id=${id}`,
      expect: list,
    })),
    { name: 'the whole audit log', method: 'GET', url: '/api/v1/audit?limit=200', expect: list },
    { name: "cases?customer_id= B's customer", method: 'GET', url: `/api/v1/cases?customer_id=${b.customerId}`, expect: list },
    { name: "cases?owner_id= B's admin", method: 'GET', url: `/api/v1/cases?owner_id=${b.acc.adminId}`, expect: list },
    { name: "cases?team_id= B's team", method: 'GET', url: `/api/v1/cases?team_id=${b.teamId}`, expect: list },
    { name: "cases?topic_id= B's topic", method: 'GET', url: `/api/v1/cases?topic_id=${b.topicId}`, expect: list },
    { name: "cases?owner_id= B's agent", method: 'GET', url: `/api/v1/cases?owner_id=${b.agentId}`, expect: list },
    { name: 'all cases', method: 'GET', url: '/api/v1/cases?limit=200', expect: list },
    { name: 'all customers, merged ones too', method: 'GET', url: '/api/v1/customers?limit=200&include_merged=true', expect: list },
    { name: "customers in B's segment", method: 'GET', url: '/api/v1/customers?segment=gold', expect: list },
    { name: 'agents', method: 'GET', url: '/api/v1/agents', expect: list },
    { name: 'teams', method: 'GET', url: '/api/v1/teams', expect: list },
    { name: 'tokens', method: 'GET', url: '/api/v1/tokens', expect: list },
    { name: 'webhooks', method: 'GET', url: '/api/v1/webhooks', expect: list },
    { name: "search B's word", method: 'GET', url: `/api/v1/search?q=${b.word}`, expect: list },
    ...['case', 'message', 'customer'].map((type) => ({ name: `search B's word in ${type}s`, method: 'GET' as const, url: `/api/v1/search?q=${b.word}&type=${type}`, expect: list })),
    { name: "search B's customer e-mail", method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(b.customerEmail)}`, expect: list },
    { name: "search B's case reference", method: 'GET', url: `/api/v1/search?q=${b.caseRef}`, expect: list },
    { name: "search B's agent e-mail", method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(b.agentEmail)}`, expect: list },
  );
  return rows;
}

// ---------------------------------------------------------------------------------------------

test("B's ids are real: B itself can reach everything A is about to try", async () => {
  const B = b.acc.auth;
  assert.equal((await ok(B, 'GET', `/api/v1/cases/${b.caseId}`)).id, b.caseId);
  assert.equal((await ok(B, 'GET', `/api/v1/cases/${b.caseRef}`)).id, b.caseId);
  const detail = await ok(B, 'GET', `/api/v1/cases/${b.caseId}`);
  assert.equal(detail.pending_transfer.id, b.transferId);
  assert.ok(detail.timeline.filter((e: { kind: string }) => e.kind === 'message').length >= 3, 'inbound, reply and note');
  assert.equal((await ok(B, 'GET', `/api/v1/customers/${b.customerId}`)).identities.length, 4, 'e-mail, phone, external id, social');
  assert.ok((await ok(B, 'GET', `/api/v1/webhooks/${b.webhookId}/deliveries`)).data.length > 0, 'B has deliveries');
  assert.ok((await ok(B, 'GET', `/api/v1/search?q=${b.word}`)).data.length >= 3, 'B finds its case, messages and customer');
  assert.ok((await ok(B, 'GET', `/api/v1/audit?entity_id=${b.caseId}`)).data.length > 0);
  assert.equal((await ok(B, 'GET', `/api/v1/cases?customer_id=${b.customerId}`)).data.length, 1);
  assert.equal((await ok(B, 'GET', `/api/v1/cases?owner_id=${b.acc.adminId}`)).data.length, 1);
  assert.ok((await ok(B, 'GET', '/api/v1/tokens')).data.some((t: { id: string }) => t.id === b.tokenId));
  assert.ok((await ok(B, 'GET', '/api/v1/agents')).data.some((x: { id: string }) => x.id === b.agentId));
});

test("with A's token, every route that takes an id answers 404 for B's data, lists and search leave B out, and nothing changes", async (t) => {
  const bBefore = await snapshot(b.acc.accountId);
  const bCase = await ok(b.acc.auth, 'GET', `/api/v1/cases/${b.caseId}`);
  const bCustomer = await ok(b.acc.auth, 'GET', `/api/v1/customers/${b.customerId}`);
  const secrets = [b.word, b.customerEmail, b.agentEmail, b.customerPhone, b.teamName];

  for (const at of attempts()) {
    await t.test(at.name, async () => {
      const aBefore = await snapshot(a.acc.accountId);
      const res = await call(at.method, at.url, at.payload, a.acc.auth);
      const where = `${at.method} ${at.url} → ${res.statusCode} ${res.body.slice(0, 300)}`;
      if ('list' in at.expect) {
        assert.equal(res.statusCode, 200, where);
        const body = res.json() as { data: unknown[] };
        assert.ok(Array.isArray(body.data), where);
        if (/entity_id=|customer_id=|owner_id=|organisation_id=|search\?/.test(at.url)) assert.equal(body.data.length, 0, `nothing of B: ${where}`);
      } else {
        assert.equal(res.statusCode, at.expect.status, where);
        if (at.method !== 'HEAD') {
          const { error } = res.json() as { error: { code: string; message: string } };
          assert.equal(error.code, at.expect.code, where);
          assert.match(error.message, /does not exist in this account/, where);
        }
      }
      // nothing of B in the answer: no words, addresses or ids other than the one A sent itself
      for (const s of secrets) assert.ok(!res.body.toLowerCase().includes(s.toLowerCase()), `"${s}" leaks: ${where}`);
      for (const id of b.ids) {
        if (!at.url.includes(id) && !JSON.stringify(at.payload ?? '').includes(id)) assert.ok(!res.body.includes(id), `B's id ${id} leaks: ${where}`);
      }
      assert.deepEqual(await snapshot(b.acc.accountId), bBefore, `B is unchanged after ${at.name}`);
      if (!('list' in at.expect)) assert.deepEqual(await snapshot(a.acc.accountId), aBefore, `A is unchanged after ${at.name}`);
    });
  }

  await t.test("B's case and customer read exactly as before", async () => {
    assert.deepEqual(await ok(b.acc.auth, 'GET', `/api/v1/cases/${b.caseId}`), bCase);
    assert.deepEqual(await ok(b.acc.auth, 'GET', `/api/v1/customers/${b.customerId}`), bCustomer);
    const tokens = await ok(b.acc.auth, 'GET', '/api/v1/tokens');
    assert.ok(tokens.data.every((x: { revoked_at: string | null }) => x.revoked_at === null), "B's tokens still work");
    const hooks = await ok(b.acc.auth, 'GET', '/api/v1/webhooks');
    assert.equal(hooks.data.find((h: { id: string }) => h.id === b.webhookId).active, true);
    const me = await call('GET', '/api/v1/me', undefined, { authorization: `Bearer ${b.agentToken}` });
    assert.equal(me.statusCode, 200, "B's agent token still authenticates");
  });
});

test("a token cannot be moved to another account: B's token id and secret under A's account id are refused", async () => {
  const parse = (tok: string) => {
    const m = /^lst_([0-9a-f]{32})_([0-9a-f]{32})_(.+)$/.exec(tok);
    assert.ok(m, 'token format lst_<account>_<id>_<secret>');
    return { account: m[1], id: m[2], secret: m[3] };
  };
  const ta = parse(a.acc.token);
  const tb = parse(b.acc.token);
  const bBefore = await snapshot(b.acc.accountId);
  const mixed = [
    `lst_${ta.account}_${tb.id}_${tb.secret}`, // B's token presented as A's
    `lst_${tb.account}_${ta.id}_${ta.secret}`, // A's token presented as B's
    `lst_${tb.account}_${tb.id}_${ta.secret}`, // B's token with A's secret
  ];
  for (const token of mixed) {
    const res = await call('GET', '/api/v1/me', undefined, { authorization: `Bearer ${token}` });
    assert.equal(res.statusCode, 401, res.body);
    assert.equal(res.json().error.code, 'invalid_token');
    const patch = await call('PATCH', `/api/v1/cases/${b.caseId}`, { priority: 'urgent' }, { authorization: `Bearer ${token}` });
    assert.equal(patch.statusCode, 401);
  }
  assert.deepEqual(await snapshot(b.acc.accountId), bBefore);
});

test("the same Idempotency-Key in A never replays or blocks B's request", async () => {
  const key = `gedeeld-${process.pid}-${Date.now()}`;
  const body = { customer: { email: uniqueEmail('idem') }, subject: `Sleutel ${b.word}`, message: { body: 'Zelfde sleutel, zelfde bericht' } };
  const inB = await call('POST', '/api/v1/cases', body, { ...b.acc.auth, 'idempotency-key': key });
  assert.equal(inB.statusCode, 201, inB.body);
  const bBefore = await snapshot(b.acc.accountId);
  const same = await call('POST', '/api/v1/cases', body, { ...a.acc.auth, 'idempotency-key': key });
  assert.equal(same.statusCode, 201, same.body);
  assert.equal(same.headers['idempotent-replayed'], undefined, "A does not get B's stored response");
  assert.notEqual(same.json().id, inB.json().id);
  assert.notEqual(same.json().customer_id, inB.json().customer_id);
  const other = await call('POST', '/api/v1/cases', { ...body, message: { body: 'Ander bericht' } }, { ...a.acc.auth, 'idempotency-key': `${key}-2` });
  assert.equal(other.statusCode, 201, other.body);
  const reused = await call('POST', '/api/v1/customers', { email: uniqueEmail() }, { ...a.acc.auth, 'idempotency-key': key });
  assert.equal(reused.statusCode, 422, 'the key is now used in A, for A only');
  assert.deepEqual(await snapshot(b.acc.accountId), bBefore);
  const replayB = await call('POST', '/api/v1/cases', body, { ...b.acc.auth, 'idempotency-key': key });
  assert.equal(replayB.headers['idempotent-replayed'], 'true');
  assert.equal(replayB.json().id, inB.json().id);
});

test("B's case reference, customer identities, agent e-mail and team name mean nothing in A", async () => {
  const bBefore = await snapshot(b.acc.accountId);
  const bCase = await ok(b.acc.auth, 'GET', `/api/v1/cases/${b.caseId}`);
  const A = a.acc.auth;
  // a customer of A quoting B's reference opens a case in A; B's case gets no contact
  for (const caseRef of [b.caseRef, b.caseId]) {
    const r = await ok(A, 'POST', '/api/v1/cases', { customer: { email: uniqueEmail('a') }, subject: `Storing ${b.word}`, message: { body: 'Over die storing' }, case_ref: caseRef });
    assert.notEqual(r.id, b.caseId);
    assert.equal(r.repeat_contact, false);
  }
  const bySubject = await ok(A, 'POST', '/api/v1/cases', { customer: { email: uniqueEmail('a') }, subject: `Re: [${b.caseRef}] Storing ${b.word}`, message: { body: 'Antwoord' } });
  assert.notEqual(bySubject.id, b.caseId);
  // B's customer writing to A is a new customer of A
  const sameCustomer = await ok(A, 'POST', '/api/v1/cases', { customer: { email: b.customerEmail.toUpperCase() }, subject: `Storing ${b.word}`, message: { body: `De ${b.word} doet het niet meer.` } });
  assert.notEqual(sameCustomer.customer_id, b.customerId);
  assert.equal(sameCustomer.repeat_contact, false);
  // identities, agent e-mails and team names are unique per account: no "taken" that tells A about B
  await ok(A, 'POST', `/api/v1/customers/${a.customerId}/identities`, { kind: 'phone', value: b.customerPhone });
  await ok(A, 'POST', `/api/v1/customers/${a.customerId}/identities`, { kind: 'social', value: `x:@${b.word}` });
  await ok(A, 'POST', '/api/v1/customers', { email: uniqueEmail(), identities: [{ kind: 'social', value: `insta:${b.word}` }] });
  await ok(A, 'POST', '/api/v1/customers', { email: uniqueEmail(), external_id: `K-${b.word}` });
  await ok(A, 'POST', '/api/v1/agents', { email: b.agentEmail, name: 'Naamgenoot' });
  await ok(A, 'POST', '/api/v1/teams', { name: b.teamName });
  assert.deepEqual(await snapshot(b.acc.accountId), bBefore, 'B is unchanged');
  assert.deepEqual(await ok(b.acc.auth, 'GET', `/api/v1/cases/${b.caseId}`), bCase);
  // and B still sees only its own
  const searchB = await ok(b.acc.auth, 'GET', `/api/v1/search?q=${b.word}&type=customer`);
  assert.deepEqual(searchB.data.map((h: { id: string }) => h.id).sort(), [b.customerId, b.customer2Id].sort(), 'B does not find A’s look-alike customers');
});

test("the customer portal (issue 19): A's settings are A's; B's customer, B's case and a link of B mean nothing on A's portal", async () => {
  const A = a.acc.auth;
  const slugA = `portaal-a-${process.pid}-${letters(6)}`;
  const slugB = `portaal-b-${process.pid}-${letters(6)}`;
  await ok(A, 'PUT', '/api/v1/channels', { slug: slugA });
  await ok(b.acc.auth, 'PUT', '/api/v1/channels', { slug: slugB });
  await ok(A, 'POST', '/api/v1/inboxes', { address: `klant.${letters(8)}@a-portaal.example`, name: 'A' });
  await ok(b.acc.auth, 'POST', '/api/v1/inboxes', { address: `klant.${letters(8)}@b-portaal.example`, name: 'B' });
  await ok(b.acc.auth, 'PATCH', '/api/v1/portal/settings', { enabled: true });
  const bBefore = await snapshot(b.acc.accountId);
  const on = await ok(A, 'PATCH', '/api/v1/portal/settings', { enabled: true, link_minutes: 5, idle_minutes: 5 });
  assert.equal(on.path, `/portal/${slugA}`);
  assert.deepEqual(await snapshot(b.acc.accountId), bBefore, "A's switch changes nothing of B");
  assert.equal((await ok(b.acc.auth, 'GET', '/api/v1/portal/settings')).link_minutes, 15);
  // B's customer's address on A's portal: nothing of B is looked at or made
  const page = await call('GET', `/portal/${slugA}`, undefined, null);
  const t = /name="t" value="([^"]+)"/.exec(page.body)![1];
  const asked = await app.inject({ method: 'POST', url: `/portal/${slugA}/sign-in`, headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ t, email: b.customerEmail }).toString() });
  assert.equal(asked.statusCode, 200);
  const { runJobs } = await import('../email.ts');
  const { jobHandlers } = await import('../../src/worker/handlers.ts');
  const { testConfig } = await import('../helpers.ts');
  await runJobs(db, jobHandlers(testConfig({ PUBLIC_URL: 'http://portal.test', SMTP_RELAY_URL: 'smtp://127.0.0.1:9' })), a.acc.accountId, ['portal.link']);
  // (A may know the same address as a customer of its own: then the link is A's, for A's customer — never B's)
  const links = await db.query<{ account_id: string; customer_id: string }>('SELECT account_id, customer_id FROM portal_links WHERE email = $1', [b.customerEmail.toLowerCase()]);
  assert.ok(links.every((l) => l.account_id === a.acc.accountId && l.customer_id !== b.customerId), JSON.stringify(links));
  // B's case id on A's portal, with or without a cookie: the same 404 or the sign-in page, never B's case
  const caseOnA = await call('GET', `/portal/${slugA}/cases/${b.caseId}`, undefined, null);
  assert.equal(caseOnA.statusCode, 303);
  assert.deepEqual(await snapshot(b.acc.accountId), bBefore);
});

// ---------------------------------------------------------------------------------------------

test('guard: every /api/v1 route with an id in its path is in the cross-account attempts', () => {
  const routes = routesOf(app);
  const withId = routes.filter((r) => / \/api\/v1\/.*:/.test(r));
  assert.ok(withId.length >= 15, `found ${withId.length} routes with an id; the route list could not be read:\n${app.printRoutes({ commonPrefix: false })}`);
  const covered = new Set(attempts().map((at) => routeFor(routes, at.method, at.url)).filter(Boolean));
  const uncovered = withId.filter((r) => !covered.has(r));
  assert.deepEqual(uncovered, [], "new routes with an id: add attempts with B's ids for them to attempts()");
  // and each of them is tried with B's own id in the path, not only with A's
  for (const r of withId) {
    const tried = attempts().filter((at) => routeFor(routes, at.method, at.url) === r);
    assert.ok(tried.some((at) => b.ids.some((id) => at.url.includes(id)) || at.url.includes(b.caseRef) || at.url.includes(b.caseRef.toLowerCase())), `${r} is tried with one of B's ids`);
  }
  // the filters that take an id are tried as well
  for (const filter of ['cases?customer_id=', 'cases?owner_id=', 'audit?entity_id=']) {
    assert.ok(attempts().some((at) => at.url.includes(filter)), filter);
  }
});
