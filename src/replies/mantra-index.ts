import type { Db } from '../storage/db.ts';
import { bandKeys, minhash, shingles, similarity } from './minhash.ts';

/** Too short to be a mantra ("Dank u wel!"): fewer shingles than this are not indexed or checked. */
const MIN_SHINGLES = 6;

export interface MantraMatch {
  /** distinct other customers who recently got a near-identical reply */
  customers: number;
  examples: string[];
}

/** Indexes a sent reply, in the sending transaction. */
export async function recordReply(tx: Db, accountId: string, messageId: string, customerId: string | null, body: string) {
  const sh = shingles(body);
  if (sh.size < MIN_SHINGLES) return;
  const sig = minhash(sh);
  await tx.query(
    'INSERT INTO reply_fingerprints (account_id, message_id, customer_id, signature) VALUES ($1, $2, $3, $4)',
    [accountId, messageId, customerId, sig],
  );
  await tx.query(
    `INSERT INTO reply_bands (account_id, band_key, message_id)
     SELECT $1, k, $2 FROM unnest($3::bigint[]) AS k ON CONFLICT DO NOTHING`,
    [accountId, messageId, bandKeys(sig)],
  );
}

const PAGE = 256;

/**
 * How many different customers got (nearly) this reply in the last days — counted up to
 * `enough` (the threshold), so a mantra sent to thousands costs one page of candidates, not
 * thousands. Candidates come from the LSH band index; each is confirmed on its full signature.
 * Works across processes because the index is in the database.
 */
export async function findMantra(
  db: Db,
  accountId: string,
  body: string,
  excludeCustomerId: string | null,
  opts: { similarity: number; days: number; enough?: number },
): Promise<MantraMatch | null> {
  const sh = shingles(body);
  if (sh.size < MIN_SHINGLES) return null;
  const sig = minhash(sh);
  const keys = bandKeys(sig);
  const customers = new Set<string>();
  const examples: string[] = [];
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await mantraCandidates(db, accountId, keys, opts.days, after);
    for (const r of rows) {
      if (!r.recent || similarity(sig, r.signature) < opts.similarity) continue;
      if (r.customer_id && r.customer_id === excludeCustomerId) continue;
      customers.add(r.customer_id ?? r.message_id);
      if (examples.length < 5) examples.push(r.message_id);
    }
    if (rows.length < PAGE || (opts.enough && customers.size >= opts.enough)) break;
    after = rows[rows.length - 1].message_id;
  }
  return { customers: customers.size, examples };
}

/**
 * One page of candidates sharing at least one LSH band with the draft, in message-id order.
 * Each band is read as its own short index range (at most one page per band), so a mantra
 * sent to thousands of customers costs 16 small range scans, not thousands of rows.
 */
export function mantraCandidates(db: Db, accountId: string, keys: number[], days: number, after: string) {
  return db.query<{ message_id: string; customer_id: string | null; signature: number[]; recent: boolean }>(
    `WITH ids AS (
       SELECT DISTINCT b.message_id FROM unnest($2::bigint[]) AS k(key),
       LATERAL (SELECT message_id FROM reply_bands
                WHERE account_id = $1 AND band_key = k.key AND message_id > $4
                ORDER BY message_id LIMIT ${PAGE}) b
       ORDER BY b.message_id LIMIT ${PAGE})
     SELECT ids.message_id, f.customer_id, f.signature, f.created_at >= now() - make_interval(days => $3) AS recent
     FROM ids JOIN reply_fingerprints f ON f.account_id = $1 AND f.message_id = ids.message_id
     ORDER BY ids.message_id`,
    [accountId, keys, days, after],
  );
}
