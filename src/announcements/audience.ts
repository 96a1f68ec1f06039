import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Db } from '../storage/db.ts';
import { invalid, notFound } from '../shared/errors.ts';
import { contactDecisions } from '../rights/may-contact.ts';
import type { ContactDecision } from '../rights/contact-decision.ts';

/** Who an announcement is for. `list`: an uploaded CSV of e-mail addresses (matched to known customers). */
export const audienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('segment'), value: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/) }).strict(),
  z.object({ kind: z.literal('tag'), value: z.string().regex(/^[a-z0-9][a-z0-9:_-]{0,63}$/).describe('a tag or product, e.g. product:glasvezel') }).strict(),
  z.object({ kind: z.literal('problem'), value: z.string().uuid().describe('the customers of the cases linked to this problem') }).strict(),
  z.object({ kind: z.literal('list'), csv: z.string().min(1).max(5_000_000).describe('CSV text; every cell that is an e-mail address counts') }).strict(),
]);
export type Audience = z.infer<typeof audienceSchema>;
export type Purpose = 'service' | 'marketing';

export interface Recipient {
  customer_id: string;
  email: string;
  language: 'nl' | 'en';
  vulnerable: boolean;
}

export type SkipReason = 'no_email' | 'email_bouncing' | 'sales_opt_out' | 'announcements_opt_out' | 'erased' | 'not_a_customer';

export interface AudiencePreview {
  recipients: Recipient[];
  /** how many will be written to, how many of them vulnerable, how many skipped and why */
  counts: { total: number; vulnerable: number; skipped: number; skipped_by_reason: Partial<Record<SkipReason, number>> };
}

interface Candidate { customer_id: string; email: string | null; bouncing: boolean; language: string | null; vulnerable: boolean; sales_opt_out: boolean }

const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

/** E-mail addresses in an uploaded CSV, lower-case, each once. A file with none is refused. */
export function addressesInCsv(csv: string): string[] {
  let records: string[][];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (err) {
    throw invalid('invalid_csv', `The uploaded list is not valid CSV: ${(err as Error).message}`);
  }
  const found = new Set<string>();
  for (const r of records) for (const cell of r) if (EMAIL.test(cell)) found.add(cell.toLowerCase());
  if (!found.size) throw invalid('empty_audience', 'The uploaded list holds no e-mail address');
  return [...found];
}

/** Why the one consent check said no: erased, or which opt-out (a marketing announcement asks both sales and announcements). */
export function skipReasonOf(d: ContactDecision): SkipReason {
  if (d.allowed) throw new Error('not refused');
  if (d.reason === 'erased') return 'erased';
  return d.kind === 'announcements' ? 'announcements_opt_out' : 'sales_opt_out';
}

/**
 * The customers an audience reaches, with the ones skipped and why. Service messages reach every
 * customer with a working address (an erased customer never); a marketing announcement asks the
 * one consent check (src/rights/may-contact.ts) per recipient — this is the one place every send passes.
 */
export async function previewAudience(db: Db, accountId: string, audience: Audience, purpose: Purpose): Promise<AudiencePreview> {
  const emails = audience.kind === 'list' ? addressesInCsv(audience.csv) : null;
  if (audience.kind === 'problem') {
    const [p] = await db.query('SELECT 1 FROM problems WHERE account_id = $1 AND id = $2', [accountId, audience.value]);
    if (!p) throw notFound('problem', audience.value);
  }
  const value = audience.kind === 'segment' || audience.kind === 'tag' || audience.kind === 'problem' ? audience.value : null;
  const rows = await db.query<Candidate & { matched: string | null }>(
    `WITH picked AS (
       SELECT c.id, NULL::text AS matched FROM customers c
       WHERE c.account_id = $1 AND c.merged_into IS NULL AND (
         $2 = 'all'
         OR ($2 = 'segment' AND c.segment = $3)
         OR ($2 = 'tag' AND EXISTS (SELECT 1 FROM customer_tags t WHERE t.account_id = $1 AND t.customer_id = c.id AND t.tag = $3))
         OR ($2 = 'problem' AND EXISTS (SELECT 1 FROM problem_cases pc JOIN cases k ON k.account_id = pc.account_id AND k.id = pc.case_id
                                        WHERE pc.account_id = $1 AND pc.problem_id = $3::uuid AND pc.state <> 'removed' AND k.customer_id = c.id)))
         AND $2 <> 'list'
       UNION
       SELECT coalesce(c.merged_into, c.id), i.value FROM customer_identities i JOIN customers c ON c.account_id = i.account_id AND c.id = i.customer_id
       WHERE $2 = 'list' AND i.account_id = $1 AND i.kind = 'email' AND i.value = ANY($4::text[]))
     SELECT c.id AS customer_id, c.language, c.vulnerable, c.sales_opt_out, e.value AS email, e.bouncing_since IS NOT NULL AS bouncing,
       min(p.matched) AS matched
     FROM picked p JOIN customers c ON c.account_id = $1 AND c.id = p.id
     LEFT JOIN LATERAL (SELECT value, bouncing_since FROM customer_identities i WHERE i.account_id = $1 AND i.customer_id = c.id AND i.kind = 'email'
                        ORDER BY (i.value = p.matched) DESC, i.bouncing_since IS NOT NULL, i.created_at LIMIT 1) e ON true
     GROUP BY c.id, c.language, c.vulnerable, c.sales_opt_out, e.value, e.bouncing_since
     ORDER BY c.id`,
    [accountId, audience.kind, value, emails],
  );
  const skipped: Partial<Record<SkipReason, number>> = {};
  const skip = (r: SkipReason, n = 1) => { if (n > 0) skipped[r] = (skipped[r] ?? 0) + n; };
  const recipients: Recipient[] = [];
  const seen = new Set<string>();
  const consent = await contactDecisions(db, accountId, [...new Set(rows.map((r) => r.customer_id))], purpose === 'marketing' ? 'marketing_announcement' : 'service');
  for (const r of rows) {
    if (seen.has(r.customer_id)) continue;
    seen.add(r.customer_id);
    if (!r.email) skip('no_email');
    else if (r.bouncing) skip('email_bouncing');
    else if (consent.get(r.customer_id)?.allowed === false) skip(skipReasonOf(consent.get(r.customer_id)!));
    else recipients.push({ customer_id: r.customer_id, email: r.email, language: r.language === 'en' ? 'en' : 'nl', vulnerable: r.vulnerable });
  }
  if (emails) {
    const known = new Set(rows.map((r) => r.matched).filter(Boolean));
    skip('not_a_customer', emails.filter((e) => !known.has(e)).length);
  }
  const skippedTotal = Object.values(skipped).reduce((a, b) => a + (b ?? 0), 0);
  return { recipients, counts: { total: recipients.length, vulnerable: recipients.filter((r) => r.vulnerable).length, skipped: skippedTotal, skipped_by_reason: skipped } };
}
