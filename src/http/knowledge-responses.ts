import { z } from 'zod';
import { time } from './responses.ts';

/** Response shapes of the knowledge base routes (OpenAPI; the tests check real responses against them). */
const uuid = z.string().describe('UUID');
const language = z.enum(['nl', 'en']);
const visibility = z.enum(['internal', 'public']).describe('internal: agents only; public: also in the help centre');

const storedTranslation = z.object({ title: z.string(), body: z.string(), updated_at: time });
const translationText = z.object({ title: z.string(), body: z.string() });

export const articleSchema = z
  .object({
    id: uuid,
    slug: z.string(),
    visibility,
    tags: z.array(z.string()),
    version: z.number().int().describe('the current version; every edit adds one'),
    translations: z.object({ nl: storedTranslation.optional(), en: storedTranslation.optional() }),
    created_by: uuid.nullable(),
    created_at: time,
    updated_at: time,
    published_at: time.nullable().describe('when it was last made public'),
    published_version: z.number().int().nullable().describe('the version the help centre shows; below `version`: an edit waits to be published'),
  })
  .describe('Article');

const versionSummary = z.object({
  version: z.number().int(),
  changed: z.array(z.string()).describe('fields this edit changed: slug, tags, nl.title, en.body, …'),
  actor_type: z.string(),
  actor_id: uuid.nullable(),
  author_agent_id: uuid.nullable(),
  author_name: z.string().nullable(),
  created_at: time,
});

export const articleDetailSchema = articleSchema.extend({ versions: z.array(versionSummary).describe('newest first (the last 100)') }).describe('Article with history');

export const articleSummarySchema = articleSchema
  .omit({ translations: true })
  .extend({ titles: z.object({ nl: z.string().optional(), en: z.string().optional() }) })
  .describe('Article (titles only)');

export const articleVersionSchema = versionSummary
  .extend({ slug: z.string(), tags: z.array(z.string()), translations: z.object({ nl: translationText.optional(), en: translationText.optional() }) })
  .describe('Article version');

const textDiff = z.object({
  changed: z.boolean(),
  parts: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })),
  words_added: z.number().int(),
  words_removed: z.number().int(),
});
const translationDiff = z.object({ status: z.enum(['added', 'removed', 'changed', 'unchanged']), title: textDiff, body: textDiff });

export const articleDiffSchema = z
  .object({
    article_id: uuid,
    from: z.number().int(),
    to: z.number().int(),
    slug: z.object({ from: z.string(), to: z.string() }).nullable(),
    tags: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
    translations: z.object({ nl: translationDiff.optional(), en: translationDiff.optional() }),
  })
  .describe('Difference between two versions');

export const articleHitSchema = z
  .object({
    id: uuid,
    slug: z.string(),
    visibility,
    tags: z.array(z.string()),
    language,
    title: z.string(),
    snippet: z.string().describe('HTML-escaped body text with matches in <mark>…</mark>'),
    rank: z.number(),
    updated_at: time,
  })
  .describe('Article search hit');

export const suggestionsSchema = z
  .object({
    case_id: uuid,
    message_id: uuid.nullable().describe('the latest inbound message the suggestions come from'),
    language,
    terms: z.array(z.object({ term: z.string(), weight: z.number() })).describe('the stemmed terms looked up, most telling first'),
    data: z.array(
      z.object({
        id: uuid,
        slug: z.string(),
        visibility,
        tags: z.array(z.string()),
        language,
        title: z.string(),
        snippet: z.string().describe('HTML-escaped body text with matches in <mark>…</mark>'),
        score: z.number().min(0).max(1),
      }),
    ),
  })
  .describe('Article suggestions for a case');

export const helpCentreSchema = z
  .object({
    slug: z.string().nullable(),
    url: z.string().nullable().describe('path of the public help centre'),
    contact: z.object({ email: z.string().optional(), phone: z.string().optional(), url: z.string().optional(), hours: z.string().optional() }).nullable(),
  })
  .describe('Help centre settings');
