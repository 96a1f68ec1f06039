// CSV text to records, fed piece by piece: RFC 4180 quoting ("" inside quotes, delimiters and line
// breaks inside quotes), a quote inside an unquoted field taken literally (and text after a closing
// quote: the field as written, quotes and all), \n or \r\n between records,
// empty lines skipped. Pure and synchronous: a million lines are split in well under a second, where
// a general-purpose parser took most of the import's time. A line without a quote is split as is.
export interface CsvRecord {
  fields: string[];
  /** the physical line (1-based) the record ends on */
  line: number;
}

export interface CsvProblem {
  line: number;
  problem: string;
  /** the text ends inside a quoted field: the last line is cut off */
  cut: boolean;
}

/** Records and the problems between them, in the order of the text. */
export type CsvItem = CsvRecord | CsvProblem;

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

export class CsvRecords {
  private carry = '';
  /** the physical line the next unread text starts on */
  private line = 1;

  /** maxRecordChars: a quoted field still open after this much text is a quote never closed */
  constructor(
    private readonly delimiter: string,
    private readonly maxRecordChars = 1 << 20,
  ) {}

  /** Reads the records complete in `text`; an unfinished one waits for the next piece. */
  push(text: string, out: CsvItem[]): void {
    this.read(this.carry ? this.carry + text : text, false, out);
  }

  /** The end of the input: a last line without a line break is a record too. */
  end(out: CsvItem[]): void {
    const rest = this.carry;
    this.carry = '';
    if (rest) this.read(rest, true, out);
  }

  private read(s: string, final: boolean, out: CsvItem[]): void {
    const d = this.delimiter;
    let p = 0;
    while (p < s.length) {
      let nl = s.indexOf('\n', p);
      if (nl < 0) {
        if (!final) break;
        nl = s.length;
      }
      const q = s.indexOf('"', p);
      if (q < 0 || q > nl) {
        // the common case: one line, no quotes
        const end = nl > p && s.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
        if (end > p) out.push({ fields: s.slice(p, end).split(d), line: this.line });
        this.line++;
        p = nl + 1;
        continue;
      }
      const r = this.quoted(s, p, final);
      if (r === null) {
        // the record goes on in text not read yet
        if (s.length - p > this.maxRecordChars) {
          out.push({ line: this.line, problem: `a quoted field opened on this line is not closed within ${this.maxRecordChars >> 10} KB`, cut: false });
          this.line++;
          p = nl + 1;
          continue;
        }
        break;
      }
      if (r.kind === 'cut') {
        out.push({ line: this.line, problem: 'the file ends inside a quoted field: the last line is cut off', cut: true });
        p = s.length;
        break;
      }
      this.line += r.lines;
      out.push({ fields: r.fields, line: this.line });
      this.line++;
      p = r.next;
    }
    this.carry = p < s.length ? s.slice(p) : '';
  }

  /** One record from p that has a quote somewhere: field by field. null: it is not complete in s. */
  private quoted(s: string, p: number, final: boolean):
    | { kind: 'record'; fields: string[]; lines: number; next: number }
    | { kind: 'cut' }
    | null {
    const d = this.delimiter;
    const fields: string[] = [];
    let lines = 0;
    let i = p;
    for (;;) {
      if (s.charCodeAt(i) === QUOTE) {
        let value = '';
        let j = i + 1;
        for (;;) {
          const k = s.indexOf('"', j);
          if (k < 0) return final ? { kind: 'cut' } : null;
          value += s.slice(j, k);
          lines += countLf(s, j, k);
          if (s.charCodeAt(k + 1) === QUOTE) {
            value += '"';
            j = k + 2;
            continue;
          }
          i = k + 1;
          break;
        }
        if (i >= s.length) {
          fields.push(value);
          if (!final) return null;
          return { kind: 'record', fields, lines, next: i };
        }
        const c = s.charCodeAt(i);
        if (s.startsWith(d, i)) {
          fields.push(value);
          i += d.length;
          continue;
        }
        if (c === LF || (c === CR && s.charCodeAt(i + 1) === LF)) {
          fields.push(value);
          return { kind: 'record', fields, lines, next: i + (c === LF ? 1 : 2) };
        }
        if (c === CR && i + 1 >= s.length && !final) return null;
        // text after the closing quote ("bad"quote): the field is all of it as written, its quotes kept
        // (csv-parse's relax_quotes, which the import used before)
        const nl = s.indexOf('\n', i);
        const di = s.indexOf(d, i);
        if (di >= 0 && (nl < 0 || di < nl)) {
          fields.push(`"${value}"${s.slice(i, di)}`);
          i = di + d.length;
          continue;
        }
        if (nl < 0 && !final) return null;
        const end = nl < 0 ? s.length : nl;
        fields.push(`"${value}"${s.slice(i, end > i && s.charCodeAt(end - 1) === CR ? end - 1 : end)}`);
        return { kind: 'record', fields, lines, next: end + 1 };
      }
      // an unquoted field: up to the delimiter or the line's end (a quote inside it is a character)
      const nl = s.indexOf('\n', i);
      const di = s.indexOf(d, i);
      if (di >= 0 && (nl < 0 || di < nl)) {
        fields.push(s.slice(i, di));
        i = di + d.length;
        continue;
      }
      if (nl < 0 && !final) return null;
      const end = nl < 0 ? s.length : nl;
      fields.push(s.slice(i, end > i && s.charCodeAt(end - 1) === CR ? end - 1 : end));
      return { kind: 'record', fields, lines, next: end + 1 };
    }
  }
}

function countLf(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
