import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Raw message files of the suites: .eml, .msg, .raw. */
export const MAIL_EXT = /\.(?:eml|msg|raw)$/i;
/** A message starts with a header field (obsolete syntax allows space before the colon) or an mbox "From " line. */
export const LOOKS_LIKE_MAIL = /^\s*(?:From |[!-9;-~]+[ \t]*:)/;

/** Every file below `dir`, sorted, depth first. */
export function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}
