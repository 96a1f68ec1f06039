import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import type { Config } from '../../config.ts';
import { AppError } from '../../shared/errors.ts';
import { requirePermission } from '../../accounts/permissions.ts';
import { checkUpload, createImportJob, getImportJob, listImportJobs, runImportJob } from '../../imports/jobs.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

/** An upload may be this large; a larger archive goes through `luister import mbox FILE`. */
const MAX_UPLOAD = 1024 * 1024 * 1024;
const UPLOAD_TYPES = ['application/mbox', 'application/octet-stream', 'application/zip'];

const count = z.record(z.string(), z.number().int());
const summary = z.object({
  source: z.enum(['mbox', 'eml', 'zendesk']), dry_run: z.boolean(), read: z.number().int(), imported: z.number().int(), cases: z.number().int(),
  skipped: count.describe('reason → how many'), skipped_examples: z.array(z.object({ where: z.string(), reason: z.string() })),
  not_mapped: count.describe('what Luister has no place for yet, counted'), unresolved_references: count.describe('ids the export refers to but does not hold'),
  batches: z.object({ size: z.number().int(), committed: z.number().int(), failed: z.object({ batch: z.number().int(), items: z.string(), error: z.string() }).nullable() }),
  notes: z.array(z.string()), duration_ms: z.number().int(),
});
const job = z.object({
  id: z.string(), source: z.enum(['mbox', 'eml', 'zendesk']), dry_run: z.boolean(), status: z.enum(['queued', 'running', 'done', 'failed']),
  phase: z.string().nullable().describe('checking (the whole source is read first), then importing'), done: z.number().int(), total: z.number().int().nullable(),
  summary: summary.nullable(), error: z.string().nullable(), created_at: res.time, finished_at: res.time.nullable(),
}).describe('Import job');

export function importRoutes(app: FastifyInstance, db: Db, config: Config) {
  const tags = ['imports'];
  app.register(async (child) => {
    // the upload is streamed to a file, never held in memory: its own content types in its own scope
    child.addContentTypeParser(UPLOAD_TYPES, (_req, payload, done) => done(null, payload));
    child.withTypeProvider<ZodTypeProvider>().post('/api/v1/imports', {
      schema: {
        tags, summary: 'Start an import: the body is the file (an mbox as application/mbox or application/octet-stream; a folder of .eml files or a Zendesk export as application/zip). Answers 202 with a job to poll (imports.run)',
        querystring: z.object({ source: z.enum(['mbox', 'eml', 'zendesk']), dry_run: z.enum(['true', 'false']).optional() }).strict(),
        response: { 202: job, ...res.errors },
      },
    }, async (req, reply) => {
      const actor = actorOf(req);
      requirePermission(actor, 'imports.run', 'Importing history');
      const body = req.body as Readable | undefined;
      if (!body || typeof (body as Readable).pipe !== 'function') throw new AppError('unsupported_media_type', `Send the file as one of ${UPLOAD_TYPES.join(', ')}`, 415);
      const folder = await mkdtemp(join(tmpdir(), 'luister-import-'));
      const file = join(folder, 'upload');
      try {
        await receive(body, file);
        const fh = await open(file);
        const head = Buffer.alloc(8);
        const { bytesRead } = await fh.read(head, 0, 8, 0).finally(() => fh.close());
        if (!bytesRead) throw new AppError('import_file_invalid', 'The upload is empty');
        checkUpload(req.query.source, head);
      } catch (err) {
        await rm(folder, { recursive: true, force: true });
        throw err;
      }
      const created = await createImportJob(db, actor, req.query.source, req.query.dry_run === 'true');
      void runImportJob(db, actor, created, folder, file, config);
      return reply.code(202).send(created);
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/imports', {
    schema: { tags, summary: 'The last 20 imports of the account, newest first (imports.run)', response: { 200: res.listOf(job), ...res.errors } },
  }, async (req) => {
    requirePermission(actorOf(req), 'imports.run', 'Seeing imports');
    return { data: await listImportJobs(db, actorOf(req).accountId) };
  });

  r.get('/api/v1/imports/:id', {
    schema: { tags, summary: 'An import job: status, progress (done of total), and its summary when finished (imports.run)', params: s.idParams, response: { 200: job, ...res.errors } },
  }, async (req) => {
    requirePermission(actorOf(req), 'imports.run', 'Seeing imports');
    return getImportJob(db, actorOf(req).accountId, req.params.id);
  });
}

/** The request body into `file`, refused past MAX_UPLOAD. */
async function receive(body: Readable, file: string): Promise<void> {
  let size = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > MAX_UPLOAD) cb(new AppError('import_file_too_large', `The upload is larger than ${MAX_UPLOAD / 1_048_576} MB: import it with \`luister import\` on the server`, 413));
      else cb(null, chunk);
    },
  });
  await pipeline(body, cap, createWriteStream(file));
}
