// A charge-ledger CSV as a stream of charges, handed out a piece of the file at a time (some hundreds
// of rows, short-lived: the writer formats them at once): constant memory whatever the file's size.
// Bad rows are reported (line, field, reason) and skipped; the good ones flow on. A wrong header
// stops the whole import before the first charge is handed out.
import type { Readable } from 'node:stream';
import { DecodeLines } from './decode-lines.ts';
import { type CsvItem, CsvRecords } from './csv-records.ts';
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
): AsyncGenerator<ChargeInput[]> {
  const decode = new DecodeLines();
  const csv = new CsvRecords(m.delimiter);
  const fail = (line: number, field: string | null, reason: string) => {
    report.rows_bad++;
    if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ line, field, reason });
  };
  source.on('error', (e) => decode.destroy(e));
  source.pipe(decode);

  let header: string[] | null = null;
  let idx: ReturnType<typeof resolveColumns> = {};
  // the latest record waits until the next one is seen: only the very last may be a cut-off line
  let pending: { fields: string[]; line: number } | null = null;
  let batch: ChargeInput[] = [];
  let nextProgress = 10_000;
  // whether any text read so far held a NUL character: until then no field can (one search a piece)
  let sawNul = false;

  const handle = (rec: { fields: string[]; line: number }, last: boolean) => {
    report.rows_read++;
    if (rec.fields.length < header!.length) {
      const cut = last && rec.fields.length > 0;
      if (cut) report.truncated_last_line = true;
      fail(rec.line, null, `${rec.fields.length} fields where the header has ${header!.length}${cut ? ': the last line is cut off' : ''}`);
      return;
    }
    const r = readChargeRow(rec.fields, idx, m, sawNul);
    if (!r.ok) return fail(rec.line, r.field, r.reason);
    report.rows_good++;
    batch.push(r.charge);
  };
  const take = (items: CsvItem[]) => {
    for (const it of items) {
      if ('problem' in it) {
        report.rows_read++;
        if (it.cut) report.truncated_last_line = true;
        fail(it.line, null, it.problem);
        continue;
      }
      if (!header) {
        header = it.fields;
        idx = resolveColumns(header, m);
        continue;
      }
      if (pending) handle(pending, false);
      pending = it;
    }
  };

  const items: CsvItem[] = [];
  for await (const text of decode as AsyncIterable<string>) {
    if (!sawNul) sawNul = text.includes('\u0000');
    items.length = 0;
    csv.push(text, items);
    take(items);
    if (onProgress && report.rows_read >= nextProgress) {
      nextProgress = report.rows_read + 10_000;
      report.bytes = decode.bytes;
      onProgress(report);
    }
    if (batch.length) {
      const good = batch;
      batch = [];
      yield good;
    }
  }
  items.length = 0;
  csv.end(items);
  take(items);
  if (!header) resolveColumns([], m);
  if (pending) handle(pending, true);
  report.lines_reencoded = decode.reencodedCount;
  report.reencoded_lines = decode.reencoded;
  report.bytes = decode.bytes;
  if (batch.length) yield batch;
  onProgress?.(report);
}
