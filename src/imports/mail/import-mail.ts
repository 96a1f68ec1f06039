import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Config } from '../../config.ts';
import { emailAdapter } from '../../intake/channels/email/parse-email.ts';
import { prepareInbound } from '../../intake/receive-message.ts';
import { PermanentFailure } from '../../intake/permanent-failure.ts';
import { emptySummary, skip, type ImportSummary, type ProgressFn } from '../summary.ts';
import { readHead } from './mail-head.ts';
import { looksLikeMail } from './read-eml-dir.ts';
import { badImportFile, type RawMail } from './split-mbox.ts';
import { storeImportedBatch, type ImportItem } from './store-imported.ts';
import { ThreadIndex } from './thread-index.ts';

export interface MailImportOptions {
  dryRun?: boolean;
  /** messages per transaction (default 200) */
  batchSize?: number;
  onProgress?: ProgressFn;
  /** written on every audit row of the import, e.g. `import:<job id>` */
  requestId?: string;
}

export type MailConfig = Pick<Config, 'ATTACHMENT_MAX_BYTES' | 'SMTP_MAX_BYTES'>;

export const SKIP = {
  tooBig: 'larger than the message size limit (SMTP_MAX_BYTES)',
  duplicate: 'already imported (same Message-ID)',
  bounce: 'a bounce (delivery report): not imported, it would mark addresses as bouncing today',
} as const;

/**
 * Imports a mail archive (an mbox, or a folder of .eml files), in two passes over the source,
 * each streaming one message at a time:
 *  1. check: every message is whole (a truncated archive is refused before anything is stored),
 *     and its Message-ID and References go into the conversation index (thread-index.ts);
 *  2. import: each message is parsed and refined by the e-mail intake (prepareInbound, the
 *     parser the SMTP listener uses), then stored per batch in one transaction (store-imported.ts).
 * A batch that fails is rolled back and the import stops, saying which batch; running it again
 * resumes, since what was stored is recognised by its Message-ID. A dry run does pass 2 without
 * writing: what would be stored, what skipped and why.
 */
export async function importMail(
  db: Db,
  actor: Actor,
  source: { kind: 'mbox' | 'eml'; read: () => AsyncIterable<RawMail> },
  config: MailConfig,
  opts: MailImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const batchSize = opts.batchSize ?? 200;
  const s = emptySummary(source.kind, opts.dryRun ?? false, batchSize);
  const index = new ThreadIndex();

  // pass 1: whole, and the conversations
  let total = 0;
  for await (const mail of source.read()) {
    total++;
    if (mail.raw) {
      if (source.kind === 'eml' && !looksLikeMail(mail.raw)) {
        throw badImportFile(`${mail.where} is no e-mail message (it does not start with a header line such as "From: …"). Nothing was imported.`);
      }
      const head = readHead(mail.raw, mail.unterminated);
      if (head.truncated) {
        throw badImportFile(`Message ${mail.index} (${mail.where}) is truncated: ${head.truncated}. Nothing was imported; fix or re-export the archive.`, { message: mail.index, where: mail.where });
      }
      index.add(head.messageId, head.references);
    }
    if (total % 500 === 0) opts.onProgress?.({ phase: 'checking', done: total, total: null });
  }
  opts.onProgress?.({ phase: 'checking', done: total, total });

  // pass 2: parse, refine, store per batch
  const target = { accountId: actor.accountId, inbox: null, to: null };
  const conversations = new Map<string, string>();
  const dry = opts.dryRun ? new DryRun(db, actor.accountId) : null;
  let batch: (ImportItem & { index: number })[] = [];
  let batchNo = 0;
  let undated = 0;

  /** stores one batch; false (and the failure in the summary) when it was rolled back */
  const store = async (items: (ImportItem & { index: number })[], no: number): Promise<boolean> => {
    const label = `messages ${items[0].index}–${items[items.length - 1].index}`;
    try {
      if (dry) {
        const r = await dry.check(items);
        s.imported += r.wouldStore;
        for (let i = 0; i < r.duplicates; i++) skip(s, label, SKIP.duplicate);
      } else {
        const r = await storeImportedBatch(db, opts.requestId ? { ...actor, requestId: opts.requestId } : actor, items, conversations);
        s.imported += r.stored;
        s.cases += r.casesOpened;
        for (let i = 0; i < r.duplicates; i++) skip(s, label, SKIP.duplicate);
        s.batches.committed++;
      }
      return true;
    } catch (err) {
      s.batches.failed = { batch: no, items: label, error: (err as Error).message };
      return false;
    }
  };
  // one batch is stored while the next is parsed (the database works while this process parses);
  // a batch starts only once the one before it committed, so the batches commit in order
  let storing: Promise<boolean> | null = null;
  const flush = async () => {
    if (storing && !(await storing)) return false;
    storing = null;
    if (!batch.length) return true;
    storing = store(batch, ++batchNo);
    batch = [];
    return true;
  };

  for await (const mail of source.read()) {
    s.read++;
    if (!mail.raw) {
      skip(s, mail.where, `${SKIP.tooBig}: ${(mail.size / 1_048_576).toFixed(1)} MB`, SKIP.tooBig);
    } else {
      const head = readHead(mail.raw, mail.unterminated);
      try {
        const prepared = await prepareInbound(emailAdapter, mail.raw, target, config);
        if ('outcome' in prepared) skip(s, mail.where, `dropped by the intake: ${prepared.reason}`);
        else if (prepared.message.automated.kind === 'bounce') skip(s, mail.where, SKIP.bounce);
        else {
          if (!head.date) undated++;
          const m = prepared.message;
          batch.push({ index: mail.index, prepared, at: head.date ?? new Date(), conversation: index.conversation(m.externalId, m.references) });
        }
      } catch (err) {
        const reason = err instanceof PermanentFailure ? err.message : `unreadable: ${(err as Error).message}`;
        skip(s, mail.where, reason);
      }
    }
    if (batch.length >= batchSize && !(await flush())) break;
    if (s.read % 100 === 0) opts.onProgress?.({ phase: 'importing', done: s.read, total });
  }
  if (!s.batches.failed && (await flush()) && storing) await storing;
  opts.onProgress?.({ phase: 'importing', done: s.read, total });

  if (dry) s.cases = dry.conversations.size;
  if (undated) s.notes.push(`${undated} message(s) had no readable Date header: dated at the moment of import`);
  s.notes.push('no acknowledgements were sent; listening analysis is not queued for imported history');
  if (s.batches.failed) {
    s.notes.push(`batch ${s.batches.failed.batch} failed and was rolled back; batches before it are stored. Run the import again to resume: what is stored is recognised by its Message-ID and skipped.`);
  }
  s.duration_ms = Math.round(performance.now() - started);
  return s;
}

/** What a batch would do, read-only: which Message-IDs are stored already, which conversations would open. */
class DryRun {
  readonly conversations = new Set<string>();
  private seen = new Set<string>();
  constructor(private db: Db, private accountId: string) {}

  async check(batch: ImportItem[]): Promise<{ wouldStore: number; duplicates: number }> {
    const ids = batch.map((b) => b.prepared.message.externalId).filter((id): id is string => !!id);
    const stored = new Set(
      (await this.db.query<{ id: string }>(
        'SELECT email_message_id AS id FROM messages WHERE account_id = $1 AND email_message_id = ANY($2::text[])',
        [this.accountId, ids],
      )).map((r) => r.id),
    );
    let wouldStore = 0;
    let duplicates = 0;
    for (const b of batch) {
      const id = b.prepared.message.externalId;
      if (id && (stored.has(id) || this.seen.has(id))) {
        duplicates++;
        continue;
      }
      if (id) this.seen.add(id);
      this.conversations.add(b.conversation ?? `single:${id}`);
      wouldStore++;
    }
    return { wouldStore, duplicates };
  }
}
