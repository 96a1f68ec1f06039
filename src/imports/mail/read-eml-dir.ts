import { opendir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { RawMail } from './split-mbox.ts';
import { badImportFile } from './split-mbox.ts';

/**
 * A folder of .eml files (subfolders included), one message per file, in name order so every run
 * sees the same order. Each file is read when its turn comes; one over `maxBytes` is counted, not
 * read. A file that holds no e-mail header is refused by the caller's checks (looksLikeMail).
 */
export async function* readEmlDir(dir: string, opts: { maxBytes: number }): AsyncGenerator<RawMail> {
  const info = await stat(dir).catch(() => null);
  if (!info) throw badImportFile(`No such folder: ${dir}`);
  if (!info.isDirectory()) throw badImportFile(`${dir} is a file, not a folder: give the folder that holds the .eml files (an mbox file: \`luister import mbox FILE\`)`);
  const files = await listEml(dir);
  if (!files.length) throw badImportFile(`The folder ${dir} holds no .eml files`);
  let index = 0;
  for (const file of files) {
    const size = (await stat(file)).size;
    const where = relative(dir, file);
    if (size > opts.maxBytes) {
      yield { index: ++index, where, raw: null, size, unterminated: false };
      continue;
    }
    const raw = withoutPostmark(await readFile(file));
    // a file without a final newline is common for .eml: only a header block or multipart cut short counts (mail-head.ts)
    yield { index: ++index, where, raw, size: raw.length, unterminated: false };
  }
}

/** Some tools save an .eml with the mbox "From sender date" line on top: it is no header, so it goes. */
function withoutPostmark(raw: Buffer): Buffer {
  if (!raw.subarray(0, 5).equals(Buffer.from('From '))) return raw;
  const nl = raw.indexOf(10);
  return nl < 0 ? raw : raw.subarray(nl + 1);
}

async function listEml(dir: string): Promise<string[]> {
  const out: string[] = [];
  for await (const entry of await opendir(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listEml(path)));
    else if (entry.isFile() && /\.eml$/i.test(entry.name)) out.push(path);
  }
  return out.sort();
}

/** A message file starts with a header field ("Name: value"); anything else is no e-mail. */
export function looksLikeMail(raw: Buffer): boolean {
  const first = raw.subarray(0, 1000).toString('latin1').replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  return /^[!-9;-~]+:/.test(first);
}
