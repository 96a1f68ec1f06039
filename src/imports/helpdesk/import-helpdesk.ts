import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import type { FieldValues } from '../../custom-fields/fields.ts';
import { fieldDefinitions } from '../../custom-fields/store.ts';
import { emptySummary, skip, type HelpdeskSource, type ImportSummary, type ProgressFn } from '../summary.ts';
import { matchAgents } from './agents.ts';
import type { HelpdeskExport } from './export.ts';
import { mapFields } from './fields.ts';
import { organisationIds, storeOrganisations } from './organisations.ts';
import { countReferences, planTicket, type PlanContext } from './plan-ticket.ts';
import { reportFields } from './report.ts';
import { storeTicket, type TicketPlan } from './store-ticket.ts';

export interface HelpdeskImportOptions {
  dryRun?: boolean;
  /** tickets per transaction (default 50) */
  batchSize?: number;
  onProgress?: ProgressFn;
  /** written on every audit row of the import, e.g. `import:<job id>` */
  requestId?: string;
}

/** Thrown inside a dry run's transaction so that it rolls back after counting. */
class DryRunRollback extends Error {}

/**
 * Imports another helpdesk's export, once read and normalised (export.ts), the same for every source:
 *  1. agents matched by e-mail, custom fields by key, references checked (what does not resolve is counted);
 *  2. the organisations in one transaction (matched by name or made, domains claimed);
 *  3. the tickets, `batchSize` per transaction: each becomes a case of its requester with its
 *     messages and original dates; what is already here (import_refs: source, ticket or message
 *     id) is skipped, so importing again changes nothing and a later export adds only what is new.
 * A batch that fails is rolled back whole and the import stops there, naming the batch: the batches
 * before it stay, and running it again resumes. A dry run does all of it and rolls every batch back.
 */
export async function importHelpdesk(
  db: Db,
  actor: Actor,
  source: HelpdeskSource,
  /** the source's export in the shared shape; its own extras Luister has no place for counted in `s` */
  normalise: (s: ImportSummary) => HelpdeskExport,
  opts: HelpdeskImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const batchSize = opts.batchSize ?? 50;
  const dryRun = opts.dryRun ?? false;
  const s = emptySummary(source, dryRun, batchSize);
  const data = normalise(s);
  const L = data.labels;
  opts.onProgress?.({ phase: 'checking', done: data.tickets.length, total: data.tickets.length });
  const people = new Map(data.people.map((p) => [p.id, p]));
  const organisations = new Map(data.organisations.map((o) => [o.id, o]));
  const agents = await matchAgents(db, actor.accountId, data.people);
  const defs = await fieldDefinitions(db, actor.accountId);
  countReferences(s, data, people, organisations, agents);
  const customerFields = new Map<string, FieldValues>();
  const customerDefs = defs.filter((d) => d.entity === 'customer');
  for (const p of data.people) {
    if (p.agent || !p.fields.length) continue;
    const m = mapFields(customerDefs, p.fields);
    reportFields(s, 'customer', m);
    if (Object.keys(m.values).length) customerFields.set(p.id, m.values);
  }
  const ctx: PlanContext = { data, people, organisations, agents, caseFields: defs.filter((d) => d.entity === 'case'), customerFields, s };
  const a = opts.requestId ? { ...actor, requestId: opts.requestId } : actor;
  let batchNo = 0;
  const fail = (items: string, err: unknown) => {
    s.batches.failed = { batch: batchNo, items, error: (err as Error).message };
    s.notes.push(`batch ${batchNo} (${items}) failed and was rolled back; the batches before it are stored. Run the import again to resume: what is stored is recognised by its ${L.product} id and skipped.`);
  };

  if (data.organisations.length) {
    batchNo++;
    try {
      await inBatch(db, dryRun, (tx) => storeOrganisations(tx, a, data.organisations, defs.filter((d) => d.entity === 'organisation'), s, L.product));
      if (!dryRun) s.batches.committed++;
    } catch (err) {
      fail(`organisations 1–${data.organisations.length}`, err);
    }
  }
  for (let i = 0; i < data.tickets.length && !s.batches.failed; i += batchSize) {
    const slice = data.tickets.slice(i, i + batchSize);
    batchNo++;
    const plans: TicketPlan[] = [];
    for (const t of slice) {
      s.read++;
      const plan = planTicket(t, ctx);
      if (plan) plans.push(plan);
    }
    const items = `${L.ticket}s ${i + 1}–${i + slice.length}`;
    try {
      const r = await storeBatch(db, a, plans, dryRun);
      s.imported += r.tickets;
      s.cases += r.cases;
      for (let k = 0; k < r.unchanged; k++) skip(s, items, `already imported (same ${L.product} ${L.ticket} and ${L.message}s)`);
      if (!dryRun) s.batches.committed++;
    } catch (err) {
      fail(items, err);
    }
    opts.onProgress?.({ phase: 'importing', done: s.read, total: data.tickets.length });
  }
  s.notes.push('no mail was sent: agents\' replies are stored as they were sent then; attachments are kept as links in the message notes');
  if (dryRun) s.notes.push('dry run: every batch was rolled back, nothing is stored');
  s.duration_ms = Math.round(performance.now() - started);
  return s;
}

/** One transaction; on a dry run rolled back after it did its work. */
async function inBatch(db: Db, dryRun: boolean, fn: (tx: Db) => Promise<void>): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await fn(tx);
      if (dryRun) throw new DryRunRollback();
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
}

async function storeBatch(db: Db, actor: Actor, plans: TicketPlan[], dryRun: boolean) {
  const out = { tickets: 0, cases: 0, unchanged: 0 };
  if (!plans.length) return out;
  await inBatch(db, dryRun, async (tx) => {
    const refs = await tx.query<{ kind: string; external_id: string; local_id: string }>(
      `SELECT kind, external_id, local_id FROM import_refs WHERE account_id = $1 AND source = $4
         AND ((kind = 'ticket' AND external_id = ANY($2::text[])) OR (kind = 'comment' AND external_id = ANY($3::text[])))`,
      [actor.accountId, plans.map((p) => p.externalId), plans.flatMap((p) => p.messages.map((m) => m.externalId)), plans[0].source],
    );
    const cases = new Map(refs.filter((r) => r.kind === 'ticket').map((r) => [r.external_id, r.local_id]));
    const comments = new Set(refs.filter((r) => r.kind === 'comment').map((r) => r.external_id));
    const orgs = await organisationIds(tx, actor.accountId, [...new Set(plans.flatMap((p) => p.customer.organisation ?? []))]);
    for (const p of plans) {
      const organisationId = p.customer.organisation ? orgs.get(p.customer.organisation) ?? null : null;
      const r = await storeTicket(tx, actor, p, { caseId: cases.get(p.externalId) ?? null, comments, organisationId });
      if (r.createdCase) out.cases++;
      if (r.createdCase || r.messages) out.tickets++;
      else out.unchanged++;
    }
  });
  return out;
}
