import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { SUGGEST_SQL, suggestParams } from '../../src/knowledge/suggest-articles.ts';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

/**
 * The knowledge base: articles in Dutch and English with versions and diffs, search with each
 * language's stemmer, suggestions for a case, and the public help centre (only public articles,
 * everything escaped, a contact line on every page). Runs on PGlite and PostgreSQL.
 */

let ctx: TestContext;
let acc: TestAccount;
let other: TestAccount;
let agentAuth: { authorization: string };
const helpSlug = `hulp-${process.pid}-${Date.now().toString(36)}`;
const ids: Record<string, string> = {};

type Json = Record<string, any>;

async function call(method: InjectOptions['method'], url: string, payload?: unknown, headers: Record<string, string> = acc.auth) {
  const res = await ctx.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
  return { status: res.statusCode, json: () => res.json() as Json, body: res.body, headers: res.headers };
}

async function create(payload: Json, headers = acc.auth) {
  const res = await call('POST', '/api/v1/articles', payload, headers);
  assert.equal(res.status, 201, res.body);
  return res.json();
}

before(async () => {
  ctx = await testApp();
  acc = await newAccount(ctx.db, 'Kennisbank');
  other = await newAccount(ctx.db, 'Ander bedrijf');
  const token = await call('POST', '/api/v1/tokens', { name: 'agent', role: 'agent' });
  assert.equal(token.status, 201, token.body);
  agentAuth = { authorization: `Bearer ${token.json().token}` };

  ids.returns = (await create({
    tags: ['Retour', 'Bezorging'],
    translations: {
      nl: { title: 'Een pakket retourneren', body: 'Wilt u een pakket retourneren? Print het retourlabel en breng de pakketten naar een PostNL-punt.' },
      en: { title: 'Returning a parcel', body: 'To return a parcel, print the return label and take it to a PostNL point.' },
    },
  })).id;
  ids.twice = (await create({
    tags: ['Betalen'],
    translations: {
      nl: { title: 'Dubbel betaald of dubbel afgeschreven', body: 'Ziet u een dubbele afschrijving op uw bankrekening? Wij zorgen binnen vijf werkdagen voor terugbetaling van het dubbele bedrag.' },
      en: { title: 'Charged twice', body: 'Were you charged twice for one invoice? We refund the duplicate charge within five working days.' },
    },
  })).id;
  ids.modem = (await create({
    tags: ['Internet'],
    translations: { nl: { title: 'Storing: modem knippert rood', body: 'Knippert het lampje van uw modem rood? Zet de modem en de router uit, wacht dertig seconden en start ze opnieuw op.' } },
  })).id;
  ids.internal = (await create({
    slug: 'interne-fraudeprocedure',
    tags: ['Intern'],
    translations: { nl: { title: 'Interne fraudeprocedure', body: 'Alleen voor medewerkers: bij vermoeden van fraude het geheimwoord zwaluwstaart gebruiken.' } },
  })).id;
  ids.evil = (await create({
    slug: 'veilig-artikel',
    translations: {
      nl: {
        title: '<script>alert("titel")</script> Veilig',
        body: '<script>alert(1)</script>\n\n<img src=x onerror=alert(2)> [klik hier](javascript:alert(3))\n\n**Vet** en een <a href="javascript:alert(4)">link</a>.',
      },
    },
  })).id;
  // the other account has its own article with a telling word
  await create({ translations: { nl: { title: 'Parkeervergunning aanvragen', body: 'Een parkeervergunning vraagt u aan met het formulier.' } } }, other.auth);
});
after(() => ctx.close());

test('a new article is internal, version 1, with a slug from its title and its history', async () => {
  const a = (await call('GET', `/api/v1/articles/${ids.returns}`)).json();
  assert.equal(a.slug, 'een-pakket-retourneren');
  assert.equal(a.visibility, 'internal');
  assert.equal(a.version, 1);
  assert.deepEqual(Object.keys(a.translations).sort(), ['en', 'nl']);
  assert.deepEqual(a.tags, ['Retour', 'Bezorging']);
  assert.equal(a.versions.length, 1);
  assert.deepEqual(a.versions[0].changed, ['slug', 'tags', 'nl.title', 'nl.body', 'en.title', 'en.body']);
  assert.equal(a.versions[0].author_agent_id, acc.adminId);
  // a second article with the same title gets the next free slug
  const twin = await create({ translations: { nl: { title: 'Een pakket retourneren!', body: 'Kopie.' } } });
  assert.equal(twin.slug, 'een-pakket-retourneren-2');
  const list = (await call('GET', '/api/v1/articles?tag=retour')).json();
  assert.deepEqual(list.data.map((x: Json) => x.id), [ids.returns]);
  assert.equal(list.data[0].titles.en, 'Returning a parcel');
});

test('every edit is a new version; a no-op is not; versions and a word diff show who changed what', async () => {
  const id = (await create({ translations: { nl: { title: 'Levertijd', body: 'Wij bezorgen binnen drie werkdagen.' } } })).id;
  const v2 = await call('PATCH', `/api/v1/articles/${id}`, { translations: { nl: { body: 'Wij bezorgen binnen twee werkdagen, ook op zaterdag.' } } }, agentAuth);
  assert.equal(v2.status, 200, v2.body);
  assert.equal(v2.json().version, 2);
  const same = await call('PATCH', `/api/v1/articles/${id}`, { translations: { nl: { body: 'Wij bezorgen binnen twee werkdagen, ook op zaterdag.' } } });
  assert.equal(same.json().version, 2, 'nothing changed: no new version');
  const v3 = await call('PATCH', `/api/v1/articles/${id}`, { tags: ['Bezorging'], translations: { en: { title: 'Delivery time', body: 'We deliver within two working days.' } }, expected_version: 2 });
  assert.equal(v3.json().version, 3);

  const versions = (await call('GET', `/api/v1/articles/${id}/versions`)).json();
  assert.deepEqual(versions.data.map((v: Json) => v.version), [3, 2, 1]);
  assert.deepEqual(versions.data[0].changed, ['tags', 'en.title', 'en.body']);
  assert.equal(versions.data[1].actor_type, 'token');
  assert.notEqual(versions.data[1].actor_id, versions.data[2].actor_id, 'v2 was written with the agent token, v1 with the admin token');
  assert.equal(versions.data[2].author_name, versions.data[0].author_name);
  assert.equal(versions.data[1].translations.nl.body, 'Wij bezorgen binnen twee werkdagen, ook op zaterdag.');
  assert.equal(versions.data[2].translations.nl.body, 'Wij bezorgen binnen drie werkdagen.');
  const paged = (await call('GET', `/api/v1/articles/${id}/versions?limit=2`)).json();
  assert.equal(paged.next_before, 2);
  assert.deepEqual((await call('GET', `/api/v1/articles/${id}/versions?before=2`)).json().data.map((v: Json) => v.version), [1]);

  const d = (await call('GET', `/api/v1/articles/${id}/diff?from=1&to=2`)).json();
  assert.equal(d.translations.nl.status, 'changed');
  assert.equal(d.translations.nl.title.changed, false);
  const parts = d.translations.nl.body.parts as { op: string; text: string }[];
  assert.ok(parts.some((p) => p.op === 'delete' && p.text.includes('drie')), JSON.stringify(parts));
  assert.ok(parts.some((p) => p.op === 'insert' && p.text.includes('twee')), JSON.stringify(parts));
  assert.ok(parts.some((p) => p.op === 'insert' && p.text.includes('zaterdag')), JSON.stringify(parts));
  assert.equal(parts.filter((p) => p.op !== 'insert').map((p) => p.text).join(''), 'Wij bezorgen binnen drie werkdagen.');
  const d13 = (await call('GET', `/api/v1/articles/${id}/diff?from=1&to=3`)).json();
  assert.equal(d13.translations.en.status, 'added');
  assert.deepEqual(d13.tags, { added: ['Bezorging'], removed: [] });
  const back = (await call('GET', `/api/v1/articles/${id}/diff?from=3&to=1`)).json();
  assert.equal(back.translations.en.status, 'removed');

  const missing = await call('GET', `/api/v1/articles/${id}/diff?from=1&to=9`);
  assert.equal(missing.status, 404);
  assert.equal(missing.json().error.code, 'version_not_found');

  const stale = await call('PATCH', `/api/v1/articles/${id}`, { translations: { nl: { title: 'Oud' } }, expected_version: 2 });
  assert.equal(stale.status, 409);
  assert.equal(stale.json().error.code, 'version_conflict');
  assert.equal((await call('GET', `/api/v1/articles/${id}`)).json().version, 3);

  // removing a language is an edit too
  const v4 = await call('PATCH', `/api/v1/articles/${id}`, { translations: { en: null } });
  assert.equal(v4.json().version, 4);
  assert.deepEqual(Object.keys(v4.json().translations), ['nl']);

  const audit = await ctx.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE account_id = $1 AND entity_id = $2 ORDER BY id`, [acc.accountId, id]);
  assert.deepEqual(audit.map((a) => a.action), ['article.created', 'article.updated', 'article.updated', 'article.updated']);
});

test('search uses the Dutch stemmer for Dutch texts and the English one for English texts', async () => {
  const search = async (q: string, extra = '') => {
    const res = await call('GET', `/api/v1/articles/search?q=${encodeURIComponent(q)}${extra}`);
    assert.equal(res.status, 200, res.body);
    return res.json().data as Json[];
  };
  // "retourneer" and "pakket" find "retourneren" and "pakketten"
  const nl = await search('retourneer pakket');
  assert.equal(nl[0].id, ids.returns);
  assert.equal(nl[0].language, 'nl');
  assert.match(nl[0].snippet, /<mark>pakketten<\/mark>/);
  // "afschrijvingen" finds "afschrijving"
  assert.equal((await search('afschrijvingen', '&lang=nl'))[0].id, ids.twice);
  // "returns" finds "return" and "returning"; lang=en only English texts
  const en = await search('returns', '&lang=en');
  assert.deepEqual(en.map((h) => [h.id, h.language]), [[ids.returns, 'en']]);
  assert.match(en[0].snippet, /<mark>return<\/mark>/);
  const refunds = await search('refunds charges');
  assert.equal(refunds[0].id, ids.twice);
  assert.equal(refunds[0].language, 'en');
  for (let i = 1; i < refunds.length; i++) assert.ok(refunds[i - 1].rank >= refunds[i].rank);
  // snippets are escaped: the article with <script> in it shows it as text
  const evil = await search('vet klik');
  assert.ok(evil.length >= 1);
  for (const h of evil) assert.ok(!/<(script|img|a )/i.test(h.snippet), h.snippet);
  // another account's words are not found, and stop words alone find nothing
  assert.deepEqual(await search('parkeervergunning'), []);
  assert.deepEqual(await search('de het een'), []);
  assert.deepEqual(await search('zwaluwstaart', '&visibility=public'), []);
  assert.equal((await search('zwaluwstaart'))[0].id, ids.internal, 'agents find internal articles');
});

async function openCase(body: string, language?: string) {
  const res = await call('POST', '/api/v1/cases', {
    customer: { email: uniqueEmail() },
    subject: 'Vraag',
    message: { body, ...(language ? { language } : {}) },
  });
  assert.equal(res.status, 201, res.body);
  return res.json() as Json;
}

test('suggestions for a case rank the article that answers its latest inbound message first', async () => {
  const modem = await openCase(
    'Hallo, sinds vanochtend knippert het lampje van mijn modem rood en doet het internet het niet. Ik heb de router al uit en aan gezet. Met vriendelijke groet, Jan',
  );
  const res = await call('GET', `/api/v1/cases/${modem.id}/suggestions`);
  assert.equal(res.status, 200, res.body);
  const s = res.json();
  assert.equal(s.language, 'nl');
  assert.equal(s.message_id, modem.message.id);
  assert.equal(s.data[0].id, ids.modem, JSON.stringify(s));
  assert.ok(s.data.length <= 5);
  assert.ok(s.data[0].score > 0 && s.data[0].score <= 1);
  for (let i = 1; i < s.data.length; i++) assert.ok(s.data[i - 1].score >= s.data[i].score);
  assert.ok(s.terms.some((t: Json) => t.term === 'modem'));
  assert.ok(!s.terms.some((t: Json) => ['groet', 'vriendelijk', 'hallo'].includes(t.term)), 'greetings are not looked up');
  assert.match(s.data[0].snippet, /<mark>/);

  // English message, by reference; the English text is suggested
  const twice = await openCase('Hi, I was charged twice for my last invoice. Could you refund the second charge? Thanks', 'en');
  const t = (await call('GET', `/api/v1/cases/${twice.ref}/suggestions`)).json();
  assert.equal(t.language, 'en');
  assert.equal(t.data[0].id, ids.twice, JSON.stringify(t));
  assert.equal(t.data[0].title, 'Charged twice');

  // a later inbound message on the same case moves the suggestions
  const next = await call('POST', '/api/v1/cases', {
    customer: { email: (await call('GET', `/api/v1/cases/${modem.id}`)).json().customer.identities[0].value },
    case_ref: modem.ref,
    message: { body: 'En ik wil ook een pakket retourneren, waar vind ik het retourlabel?' },
  });
  assert.equal(next.status, 201, next.body);
  assert.equal((await call('GET', `/api/v1/cases/${modem.id}/suggestions`)).json().data[0].id, ids.returns);

  // nothing telling in the message: no suggestions rather than noise
  const vague = await openCase('Hallo, met vriendelijke groet en alvast bedankt!');
  assert.deepEqual((await call('GET', `/api/v1/cases/${vague.id}/suggestions`)).json().data, []);
});

test('the suggestion lookup is a GIN index search, not a sequential scan', async () => {
  // a knowledge base of 3,000 articles, loaded server-side, one of them with a rare word
  const bulk = await newAccount(ctx.db, 'Grote kennisbank');
  await ctx.db.query(
    `INSERT INTO articles (account_id, id, slug) SELECT $1::uuid, md5($1::text || g)::uuid, 'artikel-' || g FROM generate_series(1, 3000) g`,
    [bulk.accountId],
  );
  await ctx.db.query(
    `INSERT INTO article_translations (account_id, article_id, language, title, body)
     SELECT $1::uuid, md5($1::text || g)::uuid, 'nl', 'Artikel ' || g,
            array_to_string(ARRAY(SELECT ($2::text[])[1 + (g * 7 + i * 13) % cardinality($2::text[])] FROM generate_series(1, 60) i), ' ')
            || CASE WHEN g = 1234 THEN ' zeldzaamwoord' ELSE '' END
     FROM generate_series(1, 3000) g`,
    [bulk.accountId, 'factuur betaling pakket bezorging retour klant storing monteur afspraak wachtwoord account abonnement korting'.split(' ')],
  );
  await ctx.db.query('ANALYZE article_translations');
  const terms = [{ lexeme: 'zeldzaamwoord', tf: 1, df: 1, weight: 2 }];
  const plan = await ctx.db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${SUGGEST_SQL}`, suggestParams(bulk.accountId, 'nl', terms));
  const text = plan.map((r) => r['QUERY PLAN']).join('\n');
  assert.match(text, /Bitmap Index Scan on article_translations_search/, text);
  assert.doesNotMatch(text, /Seq Scan on article_translations/, text);
  const [idx] = await ctx.db.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexname = 'article_translations_search'`);
  assert.match(idx.indexdef, /USING gin \(tsv\)/);
});

test('term counts stay exact through creates, edits and removed languages', async () => {
  const mismatches = await ctx.db.query(
    `WITH truth AS (
       SELECT t.language, l.lexeme, count(*)::int AS df FROM article_translations t, unnest(tsvector_to_array(t.tsv)) AS l(lexeme)
       WHERE t.account_id = $1 GROUP BY 1, 2
     ), kept AS (SELECT language, lexeme, df FROM article_terms WHERE account_id = $1 AND df > 0)
     (SELECT * FROM truth EXCEPT SELECT * FROM kept) UNION ALL (SELECT * FROM kept EXCEPT SELECT * FROM truth)`,
    [acc.accountId],
  );
  assert.deepEqual(mismatches, []);
});

test('the public help centre shows public articles only, escaped, with a contact line, in nl or en', async () => {
  const noContact = await call('PUT', '/api/v1/help-centre', { slug: helpSlug });
  assert.equal(noContact.status, 422);
  assert.equal(noContact.json().error.code, 'contact_required');
  const set = await call('PUT', '/api/v1/help-centre', { slug: helpSlug, contact: { email: 'hulp@kennisbank.example', phone: '+31 20 123 4567', hours: 'ma–vr 9–17 uur' } });
  assert.equal(set.status, 200, set.body);
  assert.equal(set.json().url, `/help/${helpSlug}`);
  assert.equal((await call('GET', '/api/v1/help-centre')).json().slug, helpSlug);

  for (const id of [ids.returns, ids.modem, ids.evil]) assert.equal((await call('POST', `/api/v1/articles/${id}/publish`)).status, 200);
  const byAgent = await call('POST', `/api/v1/articles/${ids.internal}/publish`, undefined, agentAuth);
  assert.equal(byAgent.status, 403, 'publishing needs a supervisor');

  const page = async (path: string, headers: Record<string, string> = {}) => {
    const res = await ctx.app.inject({ method: 'GET', url: `/help/${helpSlug}${path}`, headers });
    return { status: res.statusCode, html: res.body, headers: res.headers };
  };
  const home = await page('');
  assert.equal(home.status, 200);
  assert.match(String(home.headers['content-type']), /text\/html/);
  assert.match(String(home.headers['content-security-policy']), /default-src 'none'/);
  assert.match(home.html, /<html lang="nl">/);
  assert.match(home.html, /Een pakket retourneren/);
  assert.match(home.html, /<h3 id="topic-\d+">Bezorging<\/h3>/);
  assert.ok(!home.html.includes('fraudeprocedure'), 'internal articles never appear');
  assert.match(home.html, /Liever een mens spreken\?/);
  assert.match(home.html, /mailto:hulp@kennisbank.example/);

  const en = await page('', { 'accept-language': 'en-GB,en;q=0.9' });
  assert.match(en.html, /<html lang="en">/);
  assert.match(en.html, /Returning a parcel/);
  assert.match(en.html, /Would you rather talk to a person\?/);
  assert.match((await page('?lang=en')).html, /<html lang="en">/);

  const article = await page('/articles/een-pakket-retourneren?lang=en');
  assert.equal(article.status, 200);
  assert.match(article.html, /<h1>Returning a parcel<\/h1>/);
  const onlyDutch = await page('/articles/storing-modem-knippert-rood?lang=en');
  assert.match(onlyDutch.html, /<article lang="nl">/);
  assert.match(onlyDutch.html, /only available in Dutch/);

  const internal = await page('/articles/interne-fraudeprocedure');
  assert.equal(internal.status, 404);
  assert.ok(!internal.html.includes('zwaluwstaart'));
  assert.match(internal.html, /Liever een mens spreken\?/, 'the 404 page shows the contact line too');

  const search = await page('/search?q=pakketten');
  assert.match(search.html, /1 artikel gevonden/);
  assert.match(search.html, /<mark>pakketten<\/mark>/);
  const secret = await page('/search?q=zwaluwstaart');
  assert.match(secret.html, /Geen artikelen gevonden/);
  assert.ok(!secret.html.includes('fraude'));
  const xssQuery = await page(`/search?q=${encodeURIComponent('"><script>alert(9)</script>')}&utm_source=mail`);
  assert.equal(xssQuery.status, 200);
  assert.ok(!xssQuery.html.includes('<script>'), 'the query is escaped');

  // the article with <script>, <img onerror> and a javascript: link renders inert
  const evil = await page('/articles/veilig-artikel');
  assert.equal(evil.status, 200);
  const tags = evil.html.match(/<[a-z][^>]*>/gi) ?? [];
  assert.ok(tags.length > 10);
  for (const t of tags) assert.ok(!/^<(script|img|iframe)|\son\w+=|javascript:/i.test(t), t);
  assert.match(evil.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(evil.html, /<strong>Vet<\/strong>/);

  // unpublished: gone from the help centre at once
  assert.equal((await call('POST', `/api/v1/articles/${ids.modem}/unpublish`)).status, 200);
  assert.equal((await page('/articles/storing-modem-knippert-rood')).status, 404);
  assert.equal((await ctx.app.inject({ method: 'GET', url: '/help/bestaat-niet-xyz' })).statusCode, 404);

  const actions = await ctx.db.query<{ action: string }>(
    `SELECT DISTINCT action FROM audit_log WHERE account_id = $1 AND action IN ('article.published', 'article.unpublished', 'account.help_centre_set')`,
    [acc.accountId],
  );
  assert.equal(actions.length, 3);
});

test("another account's article and case ids answer 404, and its help slug is taken", async () => {
  const id = ids.returns;
  const attempts: Array<[InjectOptions['method'], string, unknown?]> = [
    ['GET', `/api/v1/articles/${id}`],
    ['PATCH', `/api/v1/articles/${id}`, { tags: ['gekaapt'] }],
    ['GET', `/api/v1/articles/${id}/versions`],
    ['GET', `/api/v1/articles/${id}/diff?from=1&to=1`],
    ['POST', `/api/v1/articles/${id}/publish`],
    ['POST', `/api/v1/articles/${id}/unpublish`],
  ];
  for (const [method, url, payload] of attempts) {
    const res = await call(method, url, payload, other.auth);
    assert.equal(res.status, 404, `${method} ${url}: ${res.body}`);
    assert.equal(res.json().error.code, 'article_not_found');
  }
  const c = await openCase('Mijn modem knippert rood.');
  const sug = await call('GET', `/api/v1/cases/${c.id}/suggestions`, undefined, other.auth);
  assert.equal(sug.status, 404);
  assert.equal(sug.json().error.code, 'case_not_found');
  assert.deepEqual((await call('GET', '/api/v1/articles', undefined, other.auth)).json().data.map((a: Json) => a.titles.nl), ['Parkeervergunning aanvragen']);
  const taken = await call('PUT', '/api/v1/help-centre', { slug: helpSlug, contact: { url: 'https://ander.example/contact' } }, other.auth);
  assert.equal(taken.status, 409);
  assert.equal(taken.json().error.code, 'help_slug_taken');
  assert.equal((await call('GET', `/api/v1/articles/${id}`)).json().tags.join(), 'Retour,Bezorging', 'unchanged');
});

test('bad input is refused with a 4xx and writes nothing', async () => {
  const fingerprint = async () =>
    ctx.db.query(
      `SELECT (SELECT count(*) FROM articles WHERE account_id = $1) AS articles,
              (SELECT count(*) FROM article_translations WHERE account_id = $1) AS translations,
              (SELECT count(*) FROM article_versions WHERE account_id = $1) AS versions,
              (SELECT coalesce(sum(df), 0)::int FROM article_terms WHERE account_id = $1) AS terms,
              (SELECT count(*) FROM audit_log WHERE account_id = $1) AS audit,
              (SELECT max(updated_at)::text FROM articles WHERE account_id = $1) AS updated,
              (SELECT help_slug FROM accounts WHERE account_id = $1) AS help_slug`,
      [acc.accountId],
    );
  const a = ids.returns;
  const bad: Array<[InjectOptions['method'], string, unknown, number, string, Record<string, string>?]> = [
    ['POST', '/api/v1/articles', { translations: {} }, 400, 'validation_failed'],
    ['POST', '/api/v1/articles', { translations: { de: { title: 'Hallo', body: 'x' } } }, 400, 'validation_failed'],
    ['POST', '/api/v1/articles', { translations: { nl: { title: '', body: 'x' } } }, 400, 'validation_failed'],
    ['POST', '/api/v1/articles', { translations: { nl: { title: 'x'.repeat(301), body: 'x' } } }, 400, 'validation_failed'],
    ['POST', '/api/v1/articles', { translations: { nl: { title: 'T', body: 'x' } }, visibility: 'public' }, 400, 'validation_failed'],
    ['POST', '/api/v1/articles', { slug: 'Niet Goed', translations: { nl: { title: 'T', body: 'x' } } }, 400, 'validation_failed'],
    ['POST', '/api/v1/articles', { slug: 'een-pakket-retourneren', translations: { nl: { title: 'T', body: 'x' } } }, 409, 'slug_taken'],
    ['POST', '/api/v1/articles', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`), translations: { nl: { title: 'T', body: 'x' } } }, 400, 'validation_failed'],
    ['POST', '/api/v1/articles', { translations: { nl: { title: 'T', body: 'nul\u0000byte' } } }, 422, 'invalid_value'],
    ['PATCH', `/api/v1/articles/${a}`, { translations: { nl: {} } }, 400, 'validation_failed'],
    ['PATCH', `/api/v1/articles/${a}`, { translations: { nl: null, en: null } }, 422, 'translation_required'],
    ['PATCH', `/api/v1/articles/${ids.modem}`, { translations: { en: { title: 'Only a title' } } }, 422, 'translation_incomplete'],
    ['PATCH', `/api/v1/articles/${a}`, { slug: 'storing-modem-knippert-rood' }, 409, 'slug_taken'],
    ['PATCH', `/api/v1/articles/${a}`, { expected_version: 0 }, 400, 'validation_failed'],
    ['PATCH', '/api/v1/articles/not-a-uuid', { tags: [] }, 400, 'validation_failed'],
    ['PATCH', '/api/v1/articles/00000000-0000-4000-8000-000000000000', { tags: ['x'] }, 404, 'article_not_found'],
    ['GET', `/api/v1/articles/${a}/diff?from=0&to=1`, undefined, 400, 'validation_failed'],
    ['GET', `/api/v1/articles/${a}/diff?from=1`, undefined, 400, 'validation_failed'],
    ['GET', '/api/v1/articles/search', undefined, 400, 'validation_failed'],
    ['GET', '/api/v1/articles/search?q=x&lang=de', undefined, 400, 'validation_failed'],
    ['GET', '/api/v1/articles?visibility=secret', undefined, 400, 'validation_failed'],
    ['GET', '/api/v1/cases/LU-999999999/suggestions', undefined, 404, 'case_not_found'],
    ['PUT', '/api/v1/help-centre', { slug: 'Met Spaties', contact: { email: 'a@b.example' } }, 400, 'validation_failed'],
    ['PUT', '/api/v1/help-centre', { slug: 'goed', contact: { url: 'javascript:alert(1)' } }, 400, 'validation_failed'],
    ['PUT', '/api/v1/help-centre', { slug: 'goed', contact: { email: 'a@b.example' } }, 403, 'forbidden', agentAuth],
    ['PUT', '/api/v1/help-centre', { slug: 'goed', contact: {} , extra: 1 }, 400, 'validation_failed'],
    ['POST', `/api/v1/articles/${ids.internal}/publish`, undefined, 403, 'forbidden', agentAuth],
  ];
  for (const [method, url, payload, status, code, headers] of bad) {
    const beforeState = await fingerprint();
    const res = await call(method, url, payload, headers ?? acc.auth);
    assert.equal(res.status, status, `${method} ${url} ${JSON.stringify(payload)}: ${res.body}`);
    assert.equal(res.json().error.code, code, `${method} ${url}: ${res.body}`);
    assert.deepEqual(await fingerprint(), beforeState, `${method} ${url} wrote something`);
  }
  assert.equal((await call('GET', '/api/v1/articles/search?q=x', undefined, {})).status, 401, 'agents only');
});
