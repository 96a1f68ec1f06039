// Ids for the charges of one import that grow in order: a UUIDv7 (RFC 9562) of the import's start
// whose last 32 bits count the rows. A random UUID per row put each new entry of the charges'
// primary key on a random page (a million rows cost PostgreSQL about 5 s more); these append.
import { randomBytes } from 'node:crypto';

/** The first 28 hex digits (with dashes) of the import's ids: time, version 7, variant, 42 random bits. */
export function chargeIdPrefix(now = Date.now(), random: Buffer = randomBytes(6)): string {
  const t = Math.floor(now).toString(16).padStart(12, '0').slice(-12);
  const r = random.toString('hex').padEnd(12, '0');
  const variant = (8 | (parseInt(r[3], 16) & 3)).toString(16);
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${r.slice(0, 3)}-${variant}${r.slice(4, 7)}-${r.slice(7, 11)}`;
}

export const MAX_CHARGES_PER_IMPORT = 0xffffffff;

/** The id of row n (0-based) of the import. */
export function chargeId(prefix: string, n: number): string {
  if (n < 0 || n > MAX_CHARGES_PER_IMPORT) throw new RangeError(`row ${n}: an import holds at most ${MAX_CHARGES_PER_IMPORT} charges`);
  return prefix + n.toString(16).padStart(8, '0');
}
