// Bytes of a CSV file to text, line by line: UTF-8 where a line is valid UTF-8, else Windows-1252
// (what Excel on a Dutch PC writes). A file glued together from two exports has both; each such
// line is counted so the report can say so. A BOM at the start is dropped.
import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';

export class DecodeLines extends Transform {
  /** lines that were not UTF-8 and were read as Windows-1252 (1-based physical line numbers, the first 20) */
  readonly reencoded: number[] = [];
  reencodedCount = 0;
  bytes = 0;
  private rest: Buffer = Buffer.alloc(0);
  private line = 1;
  private first = true;

  constructor() {
    super({ readableObjectMode: true, decodeStrings: true });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    const all = this.rest.length ? Buffer.concat([this.rest, chunk]) : chunk;
    const end = all.lastIndexOf(10);
    if (end < 0) {
      this.rest = all;
      return done();
    }
    this.rest = all.subarray(end + 1);
    this.emit_(all.subarray(0, end + 1));
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.rest.length) this.emit_(this.rest);
    done();
  }

  private emit_(buf: Buffer): void {
    let text: string;
    if (isUtf8(buf)) {
      text = buf.toString('utf8');
      this.line += count(buf);
    } else {
      const parts: string[] = [];
      let start = 0;
      while (start < buf.length) {
        let nl = buf.indexOf(10, start);
        if (nl < 0) nl = buf.length - 1;
        const line = buf.subarray(start, nl + 1);
        if (isUtf8(line)) parts.push(line.toString('utf8'));
        else {
          parts.push(iconv.decode(line, 'win1252'));
          this.reencodedCount++;
          if (this.reencoded.length < 20) this.reencoded.push(this.line);
        }
        this.line++;
        start = nl + 1;
      }
      text = parts.join('');
    }
    if (this.first) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.push(text);
  }
}

function count(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) n++;
  return n;
}
