import type { Readable } from 'node:stream';
import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { parseMapping } from './ledger-mapping.ts';
import { emptyReadReport, type LedgerReadReport, readLedger } from './read-ledger.ts';
import { lockLedgerImports, writeCharges } from './write-charges.ts';

export interface ImportLedgerOptions {
  /** the column mapping (see ledger-mapping.ts); default: the sample format */
  mapping?: unknown;
  fileName?: string;
  /** read and check every row, write nothing */
  dryRun?: boolean;
  onProgress?: (r: LedgerReadReport) => void;
  /** rows per COPY (default 10,000) and rows moved into charges at a time (default 100,000); tests use small ones */
  batchRows?: number;
  flushRows?: number;
  /**
   * how batches reach charges (see store-charges.ts): straight in by COPY (default), always through the
   * staging table, or (PostgreSQL) by COPY over two connections at once, split by charge id: two
   * transactions that commit together (see write-charges.ts for what that gives up)
   */
  write?: 'copy' | 'staging' | 'parallel';
}

export interface LedgerImportReport extends LedgerReadReport {
  import_id: string | null;
  dry_run: boolean;
  rows_imported: number;
  /** good rows whose charge id was imported before (a re-import changes nothing) */
  rows_already_there: number;
}

/**
 * Imports a charge-ledger CSV as a stream (constant memory): good rows are kept, bad rows reported
 * by line, field and reason; a charge id already imported is skipped. A wrong header or mapping
 * writes nothing. One transaction: the charges and the import's record commit together.
 * Reading and writing overlap: while the database takes one batch, the next is parsed and checked.
 * `write: 'parallel'` writes over two connections (write-charges.ts).
 */
export async function importLedger(db: Db, actor: Actor, source: Readable, o: ImportLedgerOptions = {}): Promise<LedgerImportReport> {
  requirePermission(actor, 'refunds.manage_ledger', 'Importing the charge ledger');
  const m = parseMapping(o.mapping);
  const report = emptyReadReport();
  const batches = readLedger(source, m, report, o.onProgress);
  if (o.dryRun) {
    for await (const _ of batches);
    return { ...report, import_id: null, dry_run: true, rows_imported: 0, rows_already_there: 0 };
  }
  const parallel = o.write === 'parallel';
  return db.transaction(async (tx) => {
    await lockLedgerImports(tx, actor.accountId, parallel);
    const [imp] = await tx.query<{ id: string }>(
      'INSERT INTO ledger_imports (account_id, file_name, mapping, imported_by) VALUES ($1, $2, $3, $4) RETURNING id',
      [actor.accountId, (o.fileName ?? '').slice(0, 500), JSON.stringify(m), actor.agentId],
    );
    const { inserted, second } = await writeCharges(db, tx, actor.accountId, imp.id, batches, {
      batchRows: o.batchRows, flushRows: o.flushRows, mode: o.write === 'staging' ? 'staging' : 'copy', parallel,
    });
    try {
      const result: LedgerImportReport = { ...report, import_id: imp.id, dry_run: false, rows_imported: inserted, rows_already_there: report.rows_good - inserted };
      await tx.query(
        `UPDATE ledger_imports SET status = 'done', rows_read = $3, rows_imported = $4, rows_already_there = $5, rows_bad = $6, lines_reencoded = $7,
           errors = $8, finished_at = now() WHERE account_id = $1 AND id = $2`,
        [actor.accountId, imp.id, result.rows_read, result.rows_imported, result.rows_already_there, result.rows_bad, result.lines_reencoded, JSON.stringify(result.errors)],
      );
      await recordAudit(tx, actor, {
        action: 'ledger.imported', entityType: 'ledger_import', entityId: imp.id,
        after: { file_name: o.fileName ?? '', rows_read: result.rows_read, rows_imported: inserted, rows_already_there: result.rows_already_there, rows_bad: result.rows_bad },
      });
      // a parallel import's second transaction commits just before this one (write-charges.ts)
      await second.commit();
      return result;
    } catch (e) {
      await second.rollback();
      throw e;
    }
  });
}
