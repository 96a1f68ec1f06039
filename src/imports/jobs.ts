import { createReadStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { unzipSync } from 'fflate';
import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/errors.ts';
import type { MailConfig } from './mail/import-mail.ts';
import { badImportFile } from './mail/split-mbox.ts';
import type { ImportSummary, ImportProgress, ImportSource } from './summary.ts';
import { HELPDESK_IMPORTERS, PRODUCT } from './helpdesk/importers.ts';

export type { ImportSource } from './summary.ts';

export interface ImportJob {
  id: string;
  source: ImportSource;
  dry_run: boolean;
  status: 'queued' | 'running' | 'done' | 'failed';
  phase: string | null;
  done: number;
  total: number | null;
  summary: ImportSummary | null;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
}

const COLUMNS = 'id, source, dry_run, status, phase, done, total, summary, error, created_at, finished_at';
/** A ZIP (an .eml folder, a helpdesk's export) may unpack to at most this much. */
const MAX_UNPACKED = 2 * 1024 * 1024 * 1024;

export async function createImportJob(db: Db, actor: Actor, source: ImportSource, dryRun: boolean): Promise<ImportJob> {
  const [job] = await db.query<ImportJob>(
    `INSERT INTO import_jobs (account_id, source, dry_run, created_by) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
    [actor.accountId, source, dryRun, actor.agentId],
  );
  return job;
}

export async function getImportJob(db: Db, accountId: string, id: string): Promise<ImportJob> {
  const [job] = await db.query<ImportJob>(`SELECT ${COLUMNS} FROM import_jobs WHERE account_id = $1 AND id = $2`, [accountId, id]);
  if (!job) throw notFound('import', id);
  return job;
}

export async function listImportJobs(db: Db, accountId: string): Promise<ImportJob[]> {
  return db.query<ImportJob>(`SELECT ${COLUMNS} FROM import_jobs WHERE account_id = $1 ORDER BY created_at DESC LIMIT 20`, [accountId]);
}

/** What the upload must look like before a job is made of it: an mbox starts with "From ", a ZIP with "PK". */
export function checkUpload(source: ImportSource, head: Buffer): void {
  if (source === 'mbox' && !head.subarray(0, 5).equals(Buffer.from('From '))) {
    throw badImportFile('Not an mbox: the file should start with a "From " line (a folder of .eml files: upload it as a ZIP with source=eml)');
  }
  if (source !== 'mbox' && !(head[0] === 0x50 && head[1] === 0x4b)) {
    throw badImportFile(`Upload the ${source === 'eml' ? 'folder of .eml files' : `${PRODUCT[source]} export folder`} as one ZIP file (application/zip)`);
  }
}

/**
 * Runs an uploaded import in this process (the file lives on this server's disk): the same use cases
 * as the CLI, with the progress written to the job about once a second for GET /api/v1/imports/:id.
 * The upload's folder is removed afterwards, whatever happened.
 */
export async function runImportJob(db: Db, actor: Actor, job: ImportJob, folder: string, file: string, config: MailConfig): Promise<void> {
  let last = 0;
  const progress = (p: ImportProgress) => {
    const now = Date.now();
    if (now - last < 1000 && p.done !== p.total) return;
    last = now;
    void db.query('UPDATE import_jobs SET phase = $3, done = $4, total = $5 WHERE account_id = $1 AND id = $2', [actor.accountId, job.id, p.phase, p.done, p.total]).catch(() => {});
  };
  try {
    await db.query(`UPDATE import_jobs SET status = 'running' WHERE account_id = $1 AND id = $2`, [actor.accountId, job.id]);
    const opts = { dryRun: job.dry_run, onProgress: progress, requestId: `import:${job.id}` };
    let summary: ImportSummary;
    if (job.source === 'mbox') {
      const [{ importMail }, { splitMbox }] = await Promise.all([import('./mail/import-mail.ts'), import('./mail/split-mbox.ts')]);
      const read = () => splitMbox(createReadStream(file, { highWaterMark: 256 * 1024 }), { maxBytes: config.SMTP_MAX_BYTES });
      summary = await importMail(db, actor, { kind: 'mbox', read }, config, opts);
    } else {
      const dir = await unpack(file, join(folder, 'unpacked'));
      if (job.source === 'eml') {
        const [{ importMail }, { readEmlDir }] = await Promise.all([import('./mail/import-mail.ts'), import('./mail/read-eml-dir.ts')]);
        summary = await importMail(db, actor, { kind: 'eml', read: () => readEmlDir(dir, { maxBytes: config.SMTP_MAX_BYTES }) }, config, opts);
      } else {
        summary = await HELPDESK_IMPORTERS[job.source](db, actor, await exportRoot(dir), opts);
      }
    }
    await db.query(
      `UPDATE import_jobs SET status = $3, summary = $4, error = $5, phase = 'importing', done = $6, total = $6, finished_at = now() WHERE account_id = $1 AND id = $2`,
      [actor.accountId, job.id, summary.batches.failed ? 'failed' : 'done', JSON.stringify(summary),
        summary.batches.failed ? `batch ${summary.batches.failed.batch} (${summary.batches.failed.items}) failed: ${summary.batches.failed.error}` : null, summary.read],
    );
  } catch (err) {
    await db.query(`UPDATE import_jobs SET status = 'failed', error = $3, finished_at = now() WHERE account_id = $1 AND id = $2`,
      [actor.accountId, job.id, (err as Error).message.slice(0, 2000)]).catch(() => {});
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Unpacks a ZIP into `into`, refusing paths that leave it and archives that unpack to more than MAX_UNPACKED. */
async function unpack(file: string, into: string): Promise<string> {
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(await readFile(file), {
      filter: (f) => {
        total += f.originalSize;
        if (total > MAX_UNPACKED) throw badImportFile('The ZIP unpacks to more than 2 GB: import it with the command line instead');
        return !f.name.endsWith('/');
      },
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'import_file_invalid') throw err;
    throw badImportFile(`The ZIP cannot be read (${(err as Error).message}): is it cut short?`);
  }
  for (const [name, bytes] of Object.entries(files)) {
    const path = normalize(join(into, name));
    if (!path.startsWith(`${into}/`)) throw badImportFile(`The ZIP holds a path that leaves its folder: ${name}`);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  }
  return into;
}

/** An export zipped with its folder: the folder that holds its JSON files. */
async function exportRoot(dir: string): Promise<string> {
  const { readdir } = await import('node:fs/promises');
  const names = await readdir(dir, { withFileTypes: true });
  if (names.some((n) => n.isFile() && /\.(json|jsonl|ndjson)$/.test(n.name))) return dir;
  const folders = names.filter((n) => n.isDirectory());
  return folders.length === 1 ? exportRoot(join(dir, folders[0].name)) : dir;
}
