import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { createArticle } from '../../knowledge/create-article.ts';
import { diffVersions } from '../../knowledge/diff-versions.ts';
import { getArticle } from '../../knowledge/get-article.ts';
import { getHelpCentreSettings } from '../../knowledge/get-help-centre.ts';
import { listArticleVersions } from '../../knowledge/list-article-versions.ts';
import { listArticles } from '../../knowledge/list-articles.ts';
import { publishArticle, unpublishArticle } from '../../knowledge/publish-article.ts';
import { searchArticles } from '../../knowledge/search-articles.ts';
import { setHelpCentre } from '../../knowledge/set-help-centre.ts';
import { MAX_SLUG, SLUG_PATTERN } from '../../knowledge/slug.ts';
import { suggestArticles } from '../../knowledge/suggest-articles.ts';
import { updateArticle } from '../../knowledge/update-article.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';
import * as kr from '../knowledge-responses.ts';
import { helpCentreRoutes } from './help-centre.ts';

const language = z.enum(['nl', 'en']);
const visibility = z.enum(['internal', 'public']);
const slug = z.string().max(MAX_SLUG).regex(SLUG_PATTERN, 'lower-case letters and digits joined by single hyphens, e.g. pakket-retourneren');
const tags = z.array(z.string().trim().min(1).max(50)).max(20);
const title = z.string().trim().min(1).max(300);
const articleBody = z.string().min(1).max(100_000).describe('Markdown or plain text');
const translation = z.object({ title, body: articleBody }).strict();
const translationChange = z
  .object({ title: title.optional(), body: articleBody.optional() })
  .strict()
  .refine((t) => t.title !== undefined || t.body !== undefined, 'give a title, a body or both');

const helpSlug = z
  .string()
  .max(63)
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'lower-case letters, digits and hyphens, e.g. parkeerbedrijf');

/** The knowledge base API (agents) and, from help-centre.ts, the public help centre. */
export function knowledgeRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tag = ['knowledge'];

  r.get('/api/v1/articles', {
    config: { permission: 'knowledge.read' },
    schema: {
      tags: tag,
      summary: 'List articles, newest first (titles only)',
      querystring: z
        .object({ limit: s.limit, cursor: s.cursor, tag: z.string().max(50).optional(), visibility: visibility.optional(), language: language.optional() })
        .strict(),
      response: { 200: res.pageOf(kr.articleSummarySchema), ...res.errors },
    },
  }, async (req) => listArticles(db, actorOf(req).accountId, req.query));

  r.post('/api/v1/articles', {
    config: { permission: 'knowledge.write' },
    schema: {
      tags: tag,
      summary: 'Write an article in Dutch and/or English; it stays internal until published',
      body: z
        .object({
          slug: slug.optional().describe('derived from the title when left out'),
          tags: tags.optional(),
          translations: z
            .object({ nl: translation.optional(), en: translation.optional() })
            .strict()
            .refine((t) => t.nl || t.en, 'give a Dutch (nl) or English (en) title and body'),
        })
        .strict(),
      response: { 201: kr.articleSchema, ...res.errors },
    },
  }, async (req, reply) => {
    const a = await createArticle(db, actorOf(req), req.body);
    return reply.code(201).header('location', `/api/v1/articles/${a.id}`).send(a);
  });

  r.get('/api/v1/articles/search', {
    config: { permission: 'knowledge.read' },
    schema: {
      tags: tag,
      summary: 'Ranked full-text search over articles, each language with its own stemmer; snippets highlighted',
      querystring: z
        .object({
          q: z.string().min(1).max(500),
          lang: language.optional().describe('only texts in this language'),
          visibility: visibility.optional(),
          limit: z.coerce.number().int().min(1).max(50).default(20),
        })
        .strict(),
      response: { 200: res.listOf(kr.articleHitSchema), ...res.errors },
    },
  }, async (req) => {
    const q = req.query;
    return { data: await searchArticles(db, actorOf(req).accountId, { query: q.q, language: q.lang, visibility: q.visibility, limit: q.limit }) };
  });

  r.get('/api/v1/articles/:id', {
    config: { permission: 'knowledge.read' },
    schema: { tags: tag, summary: 'One article with its texts and its history', params: s.idParams, response: { 200: kr.articleDetailSchema, ...res.errors } },
  }, async (req) => getArticle(db, actorOf(req).accountId, req.params.id));

  r.patch('/api/v1/articles/:id', {
    config: { permission: 'knowledge.write' },
    schema: {
      tags: tag,
      summary: 'Edit an article: the result becomes a new version (who, when, what changed); null removes a language',
      params: s.idParams,
      body: z
        .object({
          slug: slug.optional(),
          tags: tags.optional(),
          translations: z.object({ nl: translationChange.nullable().optional(), en: translationChange.nullable().optional() }).strict().optional(),
          expected_version: z.number().int().min(1).optional().describe('refuse the edit (409) when the article has moved on'),
        })
        .strict(),
      response: { 200: kr.articleSchema, ...res.errors },
    },
  }, async (req) => {
    const b = req.body;
    return updateArticle(db, actorOf(req), req.params.id, { translations: b.translations, slug: b.slug, tags: b.tags, expectedVersion: b.expected_version });
  });

  r.get('/api/v1/articles/:id/versions', {
    config: { permission: 'knowledge.read' },
    schema: {
      tags: tag,
      summary: 'Every version of an article with its whole text, newest first',
      params: s.idParams,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), before: s.version.optional() }).strict(),
      response: { 200: z.object({ data: z.array(kr.articleVersionSchema), next_before: z.number().int().nullable() }), ...res.errors },
    },
  }, async (req) => listArticleVersions(db, actorOf(req).accountId, req.params.id, req.query));

  r.get('/api/v1/articles/:id/diff', {
    config: { permission: 'knowledge.read' },
    schema: {
      tags: tag,
      summary: 'What changed between two versions, word by word, per language',
      params: s.idParams,
      querystring: z.object({ from: s.version, to: s.version }).strict(),
      response: { 200: kr.articleDiffSchema, ...res.errors },
    },
  }, async (req) => diffVersions(db, actorOf(req).accountId, req.params.id, req.query.from, req.query.to));

  for (const [action, fn] of [['publish', publishArticle], ['unpublish', unpublishArticle]] as const) {
    r.post(`/api/v1/articles/:id/${action}`, {
      config: { permission: 'articles.publish' },
      schema: {
        tags: tag,
        summary: action === 'publish' ? 'Show the article in the public help centre (supervisor)' : 'Take the article off the help centre (supervisor)',
        params: s.idParams,
        response: { 200: kr.articleSchema, ...res.errors },
      },
    }, async (req) => fn(db, actorOf(req), req.params.id));
  }

  r.get('/api/v1/cases/:id/suggestions', {
    config: { permission: 'knowledge.read' },
    schema: {
      tags: tag,
      summary: 'Up to 5 articles that may answer the case, from its latest inbound message, with scores',
      params: s.caseParams,
      response: { 200: kr.suggestionsSchema, ...res.errors },
    },
  }, async (req) => suggestArticles(db, actorOf(req).accountId, req.params.id));

  r.get('/api/v1/help-centre', {
    config: { permission: 'settings.read' },
    schema: { tags: tag, summary: 'The public help centre settings', response: { 200: kr.helpCentreSchema, ...res.errors } },
  }, async (req) => getHelpCentreSettings(db, actorOf(req).accountId));

  r.put('/api/v1/help-centre', {
    config: { permission: 'help_centre.manage' },
    schema: {
      tags: tag,
      summary: 'Set the public help centre address /help/<slug> and how visitors reach a person (admin); slug null switches it off',
      body: z
        .object({
          slug: helpSlug.nullable(),
          contact: z
            .object({
              email: z.email().max(320).optional(),
              phone: z.string().regex(/^\+?[0-9][0-9 ()-]{5,29}$/, 'a phone number like +31 20 123 4567').optional(),
              url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
              hours: z.string().trim().min(1).max(200).optional(),
            })
            .strict()
            .optional(),
        })
        .strict(),
      response: { 200: kr.helpCentreSchema, ...res.errors },
    },
  }, async (req) => setHelpCentre(db, actorOf(req), req.body));

  helpCentreRoutes(app, db);
}
