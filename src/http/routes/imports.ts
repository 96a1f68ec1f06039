import { createHash } from 'node:crypto';
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
import { IMPORT_SOURCES, type ImportSource } from '../../imports/summary.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

/** An upload may be this large; a larger archive goes through `luister import mbox FILE`. */
const MAX_UPLOAD = 1024 * 1024 * 1024;
const UPLOAD_TYPES = ['application/mbox', 'application/octet-stream', 'application/zip'];

const count = z.record(z.string(), z.number().int());
const source = z.enum(IMPORT_SOURCES as [ImportSource, ...ImportSource[]]);
const summary = z.object({
  source, dry_run: z.boolean(), read: z.number().int(), imported: z.number().int(), cases: z.number().int(),
  skipped: count.describe('reason → how many'), skipped_examples: z.array(z.object({ where: z.string(), reason: z.string() })),
  mapped: count.optional().describe('(absent on imports made before it was counted) what found its place besides cases and messages (organisations, custom field values, agents by e-mail), counted'),
  not_mapped: count.describe('what Luister has no place for, counted'), unresolved_references: count.describe('ids the export refers to but does not hold'),
  batches: z.object({ size: z.number().int(), committed: z.number().int(), failed: z.object({ batch: z.number().int(), items: z.string(), error: z.string() }).nullable() }),
  notes: z.array(z.string()), duration_ms: z.number().int(),
});
const job = z.object({
  id: z.string(), source, dry_run: z.boolean(), status: z.enum(['queued', 'running', 'done', 'failed']),
  phase: z.string().nullable().describe('checking (the whole source is read first), then importing'), done: z.number().int(), total: z.number().int().nullable(),
  summary: summary.nullable(), error: z.string().nullable(), created_at: res.time, finished_at: res.time.nullable(),
}).describe('Import job');

export function importRoutes(app: FastifyInstance, db: Db, config: Config) {
  const tags = ['imports'];
  app.register(async (child) => {
    // the upload is streamed to a file as it is parsed, never held in memory: its own content types in its own scope.
    // The body is then {sha256, size} (what an Idempotency-Key replay compares); where the file lies is not enumerable.
    child.addContentTypeParser(UPLOAD_TYPES, (_req, payload, done) => {
      receive(payload).then((u) => done(null, u), (err: Error) => done(err));
    });
    // an upload no job took (refused, or an idempotent replay) is removed once answered
    child.addHook('onResponse', async (req) => {
      const u = req.body as Upload | undefined;
      if (u instanceof Upload && !u.claimed) await rm(u.folder, { recursive: true, force: true });
    });
    child.withTypeProvider<ZodTypeProvider>().post('/api/v1/imports', {
      config: { permission: 'imports.run' },
      schema: {
        tags, summary: 'Start an import: the body is the file (an mbox as application/mbox or application/octet-stream; a folder of .eml files or a Zendesk, Freshdesk, Zammad or Chatwoot export as application/zip). Answers 202 with a job to poll (imports.run)',
        querystring: z.object({ source, dry_run: z.enum(['true', 'false']).optional() }).strict(),
        response: { 202: job, ...res.errors },
      },
    }, async (req, reply) => {
      const actor = actorOf(req);
      requirePermission(actor, 'imports.run', 'Importing history');
      const upload = req.body as Upload | undefined;
      if (!(upload instanceof Upload)) throw new AppError('unsupported_media_type', `Send the file as one of ${UPLOAD_TYPES.join(', ')}`, 415);
      if (!upload.size) throw new AppError('import_file_invalid', 'The upload is empty');
      const fh = await open(upload.file);
      const head = Buffer.alloc(8);
      await fh.read(head, 0, 8, 0).finally(() => fh.close());
      checkUpload(req.query.source, head);
      const created = await createImportJob(db, actor, req.query.source, req.query.dry_run === 'true');
      upload.claimed = true;
      void runImportJob(db, actor, created, upload.folder, upload.file, config);
      return reply.code(202).send(created);
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/imports', {
    config: { permission: 'imports.run' },
    schema: { tags, summary: 'The last 20 imports of the account, newest first (imports.run)', response: { 200: res.listOf(job), ...res.errors } },
  }, async (req) => {
    requirePermission(actorOf(req), 'imports.run', 'Seeing imports');
    return { data: await listImportJobs(db, actorOf(req).accountId) };
  });

  r.get('/api/v1/imports/:id', {
    config: { permission: 'imports.run' },
    schema: { tags, summary: 'An import job: status, progress (done of total), and its summary when finished (imports.run)', params: s.idParams, response: { 200: job, ...res.errors } },
  }, async (req) => {
    requirePermission(actorOf(req), 'imports.run', 'Seeing imports');
    return getImportJob(db, actorOf(req).accountId, req.params.id);
  });
}

/** An uploaded file on disk: its hash and size are the request's body as the API sees it. */
class Upload {
  declare readonly folder: string;
  declare readonly file: string;
  declare claimed: boolean;
  constructor(readonly sha256: string, readonly size: number, folder: string) {
    Object.defineProperties(this, {
      folder: { value: folder, enumerable: false },
      file: { value: join(folder, 'upload'), enumerable: false },
      claimed: { value: false, enumerable: false, writable: true },
    });
  }
}

/** The request body into a file of a fresh folder, hashed on the way, refused past MAX_UPLOAD. */
async function receive(body: Readable): Promise<Upload> {
  const folder = await mkdtemp(join(tmpdir(), 'luister-import-'));
  let size = 0;
  const hash = createHash('sha256');
  const cap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      hash.update(chunk);
      if (size > MAX_UPLOAD) cb(new AppError('import_file_too_large', `The upload is larger than ${MAX_UPLOAD / 1_048_576} MB: import it with \`luister import\` on the server`, 413));
      else cb(null, chunk);
    },
  });
  try {
    await pipeline(body, cap, createWriteStream(join(folder, 'upload')));
  } catch (err) {
    await rm(folder, { recursive: true, force: true });
    throw err;
  }
  return new Upload(hash.digest('hex'), size, folder);
}
