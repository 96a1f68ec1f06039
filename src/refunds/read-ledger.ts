// A charge-ledger CSV as a stream of charges: constant memory whatever the file's size. Bad rows
// are reported (line, field, reason) and skipped; the good ones flow on. A wrong header stops the
// whole import before the first charge is handed out.
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { DecodeLines } from './decode-lines.ts';
import { type ChargeInput, type LedgerMapping, readChargeRow, resolveColumns } from './ledger-mapping.ts';

/** Bad rows kept with their reason; the count is always exact. */
export const MAX_REPORTED_ERRORS = 200;

export interface RowError {
  line: number;
  field: string | null;
  reason: string;
}

export interface LedgerReadReport {
  rows_read: number;
  rows_good: number;
  rows_bad: number;
  errors: RowError[];
  lines_reencoded: number;
  /** the first physical lines that were not UTF-8 (read as Windows-1252) */
  reencoded_lines: number[];
  truncated_last_line: boolean;
  bytes: number;
}

export const emptyReadReport = (): LedgerReadReport => ({
  rows_read: 0, rows_good: 0, rows_bad: 0, errors: [], lines_reencoded: 0, reencoded_lines: [], truncated_last_line: false, bytes: 0,
});

export async function* readLedger(
  source: Readable,
  m: LedgerMapping,
  report: LedgerReadReport,
  onProgress?: (r: LedgerReadReport) => void,
): AsyncGenerator<ChargeInput> {
  const decode = new DecodeLines();
  const parser = parse({
    delimiter: m.delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, skip_records_with_error: true,
  });
  const fail = (line: number, field: string | null, reason: string) => {
    report.rows_bad++;
    if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ line, field, reason });
  };
  parser.on('skip', (err: { code?: string; lines?: number; message: string }) => {
    report.rows_read++;
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      report.truncated_last_line = true;
      fail(err.lines ?? 0, null, 'the file ends inside a quoted field: the last line is cut off');
    } else fail(err.lines ?? 0, null, err.message.replace(/^\w[\w ]*: /, ''));
  });
  source.on('error', (e) => decode.destroy(e));
  source.pipe(decode).pipe(parser);

  let header: string[] | null = null;
  let idx: ReturnType<typeof resolveColumns> = {};
  let pending: { fields: string[]; line: number } | null = null;

  const handle = (rec: { fields: string[]; line: number }, last: boolean): ChargeInput | null => {
    report.rows_read++;
    if (rec.fields.length < header!.length) {
      const cut = last && rec.fields.length > 0;
      if (cut) report.truncated_last_line = true;
      fail(rec.line, null, `${rec.fields.length} fields where the header has ${header!.length}${cut ? ': the last line is cut off' : ''}`);
      return null;
    }
    const r = readChargeRow(rec.fields, idx, m);
    if (!r.ok) {
      fail(rec.line, r.field, r.reason);
      return null;
    }
    report.rows_good++;
    return r.charge;
  };

  let n = 0;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!header) {
      header = record;
      idx = resolveColumns(header, m);
      continue;
    }
    const prev = pending;
    pending = { fields: record, line: info.lines };
    if (prev) {
      const c = handle(prev, false);
      if (c) yield c;
    }
    if (onProgress && ++n % 10_000 === 0) {
      report.bytes = decode.bytes;
      onProgress(report);
    }
  }
  if (!header) resolveColumns([], m);
  if (pending) {
    const c = handle(pending, true);
    if (c) yield c;
  }
  report.lines_reencoded = decode.reencodedCount;
  report.reencoded_lines = decode.reencoded;
  report.bytes = decode.bytes;
  onProgress?.(report);
}
