// `luister import mbox FILE | eml DIR | zendesk|freshdesk|zammad|chatwoot DIR [--dry-run]`: history from a mail archive or another helpdesk.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { loadConfig } from '../../config.ts';
import { AppError } from '../../shared/errors.ts';
import { HELPDESK_SOURCES, IMPORT_SOURCES, type HelpdeskSource, type ImportProgress, type ImportSummary } from '../../imports/summary.ts';
import { cliActor } from '../account-context.ts';
import { type CliOptions, print, required, withDb } from '../run.ts';

/** The import commands; null when the command is not one of these (`import customers` lives in main.ts). */
export function importCommand(cmd: string, sub: string | undefined, arg: string | undefined, opt: CliOptions): Promise<unknown> | null {
  if (cmd !== 'import' || !sub || !(IMPORT_SOURCES as readonly string[]).includes(sub)) return null;
  return withDb(`import ${sub}`, async (db) => {
    const path = required(sub === 'mbox' ? 'FILE' : 'DIR', arg);
    const actor = await cliActor(db, opt.account);
    const config = loadConfig();
    const helpdesk = (HELPDESK_SOURCES as readonly string[]).includes(sub);
    const progress = progressBar(helpdesk ? 'tickets' : 'messages');
    const opts = { dryRun: opt['dry-run'] ?? false, onProgress: progress.update, requestId: `import:cli:${sub}` };
    let summary: ImportSummary;
    if (helpdesk) {
      const { HELPDESK_IMPORTERS } = await import('../../imports/helpdesk/importers.ts');
      summary = await HELPDESK_IMPORTERS[sub as HelpdeskSource](db, actor, path, opts).finally(progress.done);
    } else {
      const { importMail } = await import('../../imports/mail/import-mail.ts');
      const read = await mailSource(sub as 'mbox' | 'eml', path, config.SMTP_MAX_BYTES);
      summary = await importMail(db, actor, { kind: sub as 'mbox' | 'eml', read }, config, opts).finally(progress.done);
    }
    print(summary);
    if (summary.batches.failed) process.exitCode = 1;
  });
}

async function mailSource(kind: 'mbox' | 'eml', path: string, maxBytes: number) {
  if (kind === 'eml') {
    const { readEmlDir } = await import('../../imports/mail/read-eml-dir.ts');
    return () => readEmlDir(path, { maxBytes });
  }
  const { splitMbox, badImportFile } = await import('../../imports/mail/split-mbox.ts');
  const info = await stat(path).catch(() => null);
  if (!info) throw new AppError('import_file_not_found', `No such file: ${path}`);
  if (info.isDirectory()) throw badImportFile(`${path} is a folder: for a folder of .eml files use \`luister import eml ${path}\``);
  return () => splitMbox(createReadStream(path, { highWaterMark: 256 * 1024 }), { maxBytes });
}

/** A progress bar on stderr (redrawn in place on a terminal; a line per tenth otherwise), so stdout stays the JSON summary. */
function progressBar(unit: string) {
  const tty = process.stderr.isTTY;
  const t0 = performance.now();
  let lastTenth = -1;
  return {
    update(p: ImportProgress) {
      const rate = Math.round(p.done / Math.max(0.001, (performance.now() - t0) / 1000));
      if (p.phase === 'checking') {
        if (tty) process.stderr.write(`\rchecking the source… ${p.done.toLocaleString('en')} ${unit}`);
        return;
      }
      const share = p.total ? p.done / p.total : 0;
      const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '-');
      const line = `[${bar}] ${(share * 100).toFixed(0).padStart(3)}%  ${p.done.toLocaleString('en')}/${(p.total ?? 0).toLocaleString('en')} ${unit}  ${rate.toLocaleString('en')}/s`;
      if (tty) process.stderr.write(`\r${line}`);
      else if (Math.floor(share * 10) > lastTenth) {
        lastTenth = Math.floor(share * 10);
        process.stderr.write(`${line}\n`);
      }
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}
