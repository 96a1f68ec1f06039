import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/** The columns of the generated ledger, in the README's sample format. */
export const LEDGER_HEADER = 'charge_id,customer,amount,currency,charged_at,merchant_ref,description,product,quantity';

/**
 * The ledger the ledger benchmarks import (ledger-import, ledger-sql-staging, ledger-floor): `rows` charges of
 * 200,000 customers, every hundredth the previous row's charge again a minute later (a double charge to find).
 */
export async function writeLedger(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${LEDGER_HEADER}\n`);
  const start = Date.UTC(2026, 0, 1);
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const double = i % 100 === 99; // the previous row's charge again, a minute later
    const k = double ? i - 1 : i;
    const at = new Date(start + k * 30_000 + (double ? 60_000 : 0)).toISOString().slice(0, 19).replace('T', ' ');
    const cents = 500 + (k % 4000);
    buf += `CH-${i},klant${k % 200_000}@voorbeeld.example,${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')},EUR,${at},ABO-${k},"Abonnement, maand ${k % 12 + 1}",abonnement,1\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}
