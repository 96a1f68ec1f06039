// `luister ledger import | ledger detect | refunds export-sepa`: the charge ledger and refund payments.
import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { AppError } from '../../shared/errors.ts';
import { cliActor } from '../account-context.ts';
import { type CliOptions, print, required, withDb } from '../run.ts';
import type { LedgerReadReport } from '../../refunds/read-ledger.ts';

/** A progress bar on stderr (only on a terminal): bytes read of the file, rows, rows per second. */
export function progressBar(total: number, out: NodeJS.WriteStream = process.stderr) {
  const start = Date.now();
  return (r: LedgerReadReport) => {
    if (!out.isTTY) return;
    const share = total ? Math.min(1, r.bytes / total) : 0;
    const width = 30;
    const done = Math.round(share * width);
    const secs = Math.max(0.001, (Date.now() - start) / 1000);
    out.write(`\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${(share * 100).toFixed(0).padStart(3)}%  ${r.rows_read.toLocaleString('en')} rows  ` +
      `${Math.round(r.rows_read / secs).toLocaleString('en')} rows/s  ${r.rows_bad.toLocaleString('en')} bad `);
  };
}

/** null when the command is not one of these */
export function refundCommand(cmd: string, sub: string | undefined, arg: string | undefined, opt: CliOptions): Promise<unknown> | null {
  if (cmd === 'ledger' && sub === 'import') {
    return withDb('ledger import', async (db) => {
      const file = required('FILE', arg);
      const actor = await cliActor(db, opt.account);
      const { importLedger } = await import('../../refunds/import-ledger.ts');
      let mapping: unknown;
      if (opt.mapping) {
        try {
          mapping = JSON.parse(readFileSync(opt.mapping, 'utf8'));
        } catch (e) {
          throw new AppError('invalid_mapping', `--mapping ${opt.mapping}: ${(e as Error).message}`);
        }
      }
      const bar = progressBar(statSync(file).size);
      const report = await importLedger(db, actor, createReadStream(file), { mapping, fileName: file, dryRun: opt['dry-run'], onProgress: bar });
      if (process.stderr.isTTY) process.stderr.write('\n');
      print(report);
    });
  }
  if (cmd === 'ledger' && sub === 'detect') {
    return withDb('ledger detect', async (db) => {
      const actor = await cliActor(db, opt.account);
      const { detectFindings } = await import('../../refunds/detect-findings.ts');
      print(await detectFindings(db, actor));
    });
  }
  if (cmd === 'refunds' && sub === 'export-sepa') {
    return withDb('refunds export-sepa', async (db) => {
      const actor = await cliActor(db, opt.account);
      const { exportSepaBatch } = await import('../../refunds/export-sepa.ts');
      const format = opt.format ?? 'pain.001.001.03';
      if (format !== 'pain.001.001.03' && format !== 'pain.001.001.09') throw new AppError('invalid_format', '--format must be pain.001.001.03 or pain.001.001.09');
      const batch = await exportSepaBatch(db, actor, { format });
      const out = opt.out ?? `${batch.message_id}.xml`;
      writeFileSync(out, batch.xml);
      const { xml: _, ...rest } = batch;
      print({ ...rest, file: out });
    });
  }
  if (cmd === 'refunds' && sub === 'batch-paid') {
    return withDb('refunds batch-paid', async (db) => {
      const actor = await cliActor(db, opt.account);
      const { markBatchPaid } = await import('../../refunds/export-sepa.ts');
      const { xml: _, ...rest } = await markBatchPaid(db, actor, required('BATCH_ID', arg));
      print(rest);
    });
  }
  if (cmd === 'customer' && sub === 'external-id') {
    return withDb('customer external-id', async (db) => {
      const actor = await cliActor(db, opt.account);
      const { addIdentity } = await import('../../customers/change-identities.ts');
      print(await addIdentity(db, actor, required('ID', arg), { kind: 'external', value: required('external', opt.external) }));
    });
  }
  if (cmd === 'customer' && sub === 'refund-account') {
    return withDb('customer refund-account', async (db) => {
      const actor = await cliActor(db, opt.account);
      const { setRefundAccount } = await import('../../customers/refund-account.ts');
      print(await setRefundAccount(db, actor, required('ID', arg), { iban: opt.iban ?? null, account_holder: opt.holder ?? null }));
    });
  }
  if (cmd === 'customer' && sub === 'cancelled') {
    return withDb('customer cancelled', async (db) => {
      const actor = await cliActor(db, opt.account);
      const { recordCancellation } = await import('../../refunds/cancellations.ts');
      const at = new Date(required('at', opt.at));
      print(await recordCancellation(db, actor, required('ID', arg), { cancelled_at: at, product: opt.product ?? null, note: opt.reason ?? null }));
    });
  }
  return null;
}
