import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import { normaliseIdentity, type Identity } from '../../customers/identity.ts';
import { guessLanguage } from '../../text/language.ts';
import { count, emptySummary, skip, type ImportSummary, type ProgressFn } from '../summary.ts';
import { commentType, mapChannel, mapPriority, mapStatus, mapTag } from './map.ts';
import { readZendeskExport, type ZComment, type ZendeskExport, type ZTicket, type ZUser } from './read-export.ts';
import { storeTicket, type PlannedMessage, type TicketPlan } from './store-ticket.ts';

export interface ZendeskImportOptions {
  dryRun?: boolean;
  /** tickets per transaction (default 50) */
  batchSize?: number;
  onProgress?: ProgressFn;
  requestId?: string;
}

/** Thrown inside a dry run's transaction so that it rolls back after counting. */
class DryRunRollback extends Error {}

/**
 * Imports a Zendesk export (read-export.ts): each ticket becomes a case of its requester (a customer
 * identified by e-mail, else phone), its comments the case's messages with their original dates:
 * the requester's inbound, agents' replies outbound (never sent again), private comments notes.
 * Statuses, priorities, tags and the assignee (a Luister agent with the same e-mail) map; what Luister
 * has no place for yet (organisations, custom fields, groups, …) is counted under not_mapped, and ids
 * the export refers to but does not hold under unresolved_references. Per batch in one transaction;
 * a dry run does the same and rolls each batch back. Importing again adds only what is not here yet.
 */
export async function importZendesk(db: Db, actor: Actor, dir: string, opts: ZendeskImportOptions = {}): Promise<ImportSummary> {
  const started = performance.now();
  const batchSize = opts.batchSize ?? 50;
  const s = emptySummary('zendesk', opts.dryRun ?? false, batchSize);
  const data = await readZendeskExport(dir);
  opts.onProgress?.({ phase: 'checking', done: data.tickets.length, total: data.tickets.length });
  const users = new Map(data.users.map((u) => [u.id, u]));
  const agents = await matchAgents(db, actor.accountId, data.users);
  countUnmapped(s, data, users, agents);
  const a = opts.requestId ? { ...actor, requestId: opts.requestId } : actor;

  for (let i = 0; i < data.tickets.length; i += batchSize) {
    const slice = data.tickets.slice(i, i + batchSize);
    const batchNo = i / batchSize + 1;
    const plans: TicketPlan[] = [];
    for (const t of slice) {
      s.read++;
      const plan = planTicket(t, data.comments.get(t.id) ?? [], users, agents, s);
      if (plan) plans.push(plan);
    }
    try {
      const r = await storeBatch(db, a, plans, opts.dryRun ?? false);
      s.imported += r.tickets;
      s.cases += r.cases;
      for (let k = 0; k < r.unchanged; k++) skip(s, `tickets ${i + 1}–${i + slice.length}`, 'already imported (same Zendesk ticket and comments)');
      if (!opts.dryRun) s.batches.committed++;
    } catch (err) {
      s.batches.failed = { batch: batchNo, items: `tickets ${i + 1}–${i + slice.length}`, error: (err as Error).message };
      s.notes.push(`batch ${batchNo} failed and was rolled back; batches before it are stored. Run the import again to resume: what is stored is recognised by its Zendesk id and skipped.`);
      break;
    }
    opts.onProgress?.({ phase: 'importing', done: s.read, total: data.tickets.length });
  }
  s.notes.push('no mail was sent: agents\' replies are stored as they were sent then; attachments are kept as links (their content_url) in the message notes');
  s.duration_ms = Math.round(performance.now() - started);
  return s;
}

async function storeBatch(db: Db, actor: Actor, plans: TicketPlan[], dryRun: boolean) {
  const out = { tickets: 0, cases: 0, unchanged: 0 };
  try {
    await db.transaction(async (tx) => {
      const refs = await tx.query<{ kind: string; external_id: string; local_id: string }>(
        `SELECT kind, external_id, local_id FROM import_refs WHERE account_id = $1 AND source = 'zendesk'
           AND ((kind = 'ticket' AND external_id = ANY($2::text[])) OR (kind = 'comment' AND external_id = ANY($3::text[])))`,
        [actor.accountId, plans.map((p) => p.externalId), plans.flatMap((p) => p.messages.map((m) => m.externalId))],
      );
      const cases = new Map(refs.filter((r) => r.kind === 'ticket').map((r) => [r.external_id, r.local_id]));
      const comments = new Set(refs.filter((r) => r.kind === 'comment').map((r) => r.external_id));
      for (const p of plans) {
        const r = await storeTicket(tx, actor, p, { caseId: cases.get(p.externalId) ?? null, comments });
        if (r.createdCase) out.cases++;
        if (r.createdCase || r.messages) out.tickets++;
        else out.unchanged++;
      }
      if (dryRun) throw new DryRunRollback();
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
  return out;
}

type Agents = Map<string, { agentId: string | null; name: string; email: string | null }>;

/** Zendesk agents and admins → Luister agents with the same e-mail address (case-insensitive). */
async function matchAgents(db: Db, accountId: string, users: ZUser[]): Promise<Agents> {
  const rows = await db.query<{ id: string; email: string }>('SELECT id, lower(email) AS email FROM agents WHERE account_id = $1 AND active', [accountId]);
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  const out: Agents = new Map();
  for (const u of users) {
    if (u.role !== 'agent' && u.role !== 'admin') continue;
    out.set(u.id, { agentId: (u.email && byEmail.get(u.email.toLowerCase())) || null, name: u.name ?? '', email: u.email ?? null });
  }
  return out;
}

function planTicket(t: ZTicket, comments: ZComment[], users: Map<string, ZUser>, agents: Agents, s: ImportSummary): TicketPlan | null {
  const where = `ticket ${t.id}`;
  const requester = t.requester_id ? users.get(t.requester_id) : undefined;
  if (!requester) {
    skip(s, where, t.requester_id ? `its requester ${t.requester_id} is not in users.json` : 'it has no requester', 'requester not in the export');
    return null;
  }
  let identity: Identity | null = null;
  try {
    identity = requester.email ? { kind: 'email', value: normaliseIdentity('email', requester.email) }
      : requester.phone ? { kind: 'phone', value: normaliseIdentity('phone', requester.phone) } : null;
  } catch {
    skip(s, where, `its requester ${requester.id} has an e-mail or phone Luister cannot read`, 'requester with an unreadable e-mail or phone');
    return null;
  }
  if (!identity) {
    skip(s, where, `its requester ${requester.id} has neither e-mail nor phone`, 'requester without e-mail or phone');
    return null;
  }
  const owner = t.assignee_id ? agents.get(t.assignee_id)?.agentId ?? null : null;
  const status = mapStatus(t.status, owner !== null);
  if (status.kept === 'no_owner') count(s.not_mapped, 'ticket status (kept as new: its assignee is no Luister agent)');
  if (status.kept === 'unknown') count(s.not_mapped, `ticket status "${t.status}" (unknown, kept as new)`);
  const priority = mapPriority(t.priority);
  if (!priority) count(s.not_mapped, `ticket priority "${t.priority}" (unknown, kept as normal)`);
  const tags: string[] = [];
  for (const tag of t.tags ?? []) {
    const m = mapTag(tag);
    if (m) tags.push(m);
    else count(s.not_mapped, 'tags that make no valid Luister tag');
  }
  const list = comments.length ? comments : t.description
    ? [{ id: `${t.id}-description`, author_id: t.requester_id, body: t.description, public: true, created_at: t.created_at, attachments: [] } as ZComment]
    : [];
  const messages = list.map((c) => planComment(c, t, users, agents, s));
  const subject = (t.subject || t.raw_subject || messages[0]?.body.split('\n')[0] || `Zendesk #${t.id}`).slice(0, 500);
  return {
    externalId: t.id,
    customer: { identity, name: requester.name ?? '' },
    subject,
    language: guessLanguage(`${subject}\n${messages[0]?.body ?? ''}`),
    status: status.status,
    priority: priority ?? 'normal',
    channel: mapChannel(t.via?.channel),
    ownerId: owner,
    tags: [...new Set(tags)].slice(0, 50),
    createdAt: t.created_at,
    updatedAt: t.updated_at ?? t.created_at,
    messages,
  };
}

function planComment(c: ZComment, t: ZTicket, users: Map<string, ZUser>, agents: Agents, s: ImportSummary): PlannedMessage {
  const author = c.author_id ? users.get(c.author_id) : undefined;
  const type = commentType(c, t.requester_id, author?.role ?? null);
  const notes = [`imported from Zendesk (ticket ${t.id}, comment ${c.id})`];
  if (!author) notes.push(`written by Zendesk user ${c.author_id ?? '?'}, who is not in the export`);
  const agent = c.author_id ? agents.get(c.author_id) : undefined;
  if (agent && !agent.agentId) notes.push(`written by ${agent.name} <${agent.email ?? '?'}>, a Zendesk agent who is no Luister agent`);
  for (const att of c.attachments ?? []) {
    count(s.not_mapped, 'attachments (kept as links in the message notes, not downloaded)');
    notes.push(`attachment "${att.file_name ?? 'bijlage'}" (${att.content_type ?? '?'}, ${att.size ?? '?'} bytes): ${att.content_url ?? 'no link in the export'}`);
  }
  const body = (c.plain_body ?? c.body ?? '').trim() || (c.attachments?.length ? '(attachments only)' : '(empty comment)');
  return { externalId: `${t.id}:${c.id}`, type, body, at: c.created_at, agentId: agent?.agentId ?? null, notes };
}

/** What has no place in Luister yet, and ids that point outside the export: counted, never dropped without a word. */
function countUnmapped(s: ImportSummary, data: ZendeskExport, users: Map<string, ZUser>, agents: Agents): void {
  const orgs = new Set(data.organizations.map((o) => o.id));
  if (data.organizations.length) count(s.not_mapped, 'organizations (Luister has no organisations yet)', data.organizations.length);
  for (const u of data.users) {
    if (u.organization_id) {
      count(s.not_mapped, "users' organization (not mapped)");
      if (!orgs.has(u.organization_id)) count(s.unresolved_references, 'user.organization_id not in organizations.json');
    }
    const fields = Object.values(u.user_fields ?? {}).filter((v) => v !== null && v !== '').length;
    if (fields) count(s.not_mapped, 'user custom field values (user_fields)', fields);
  }
  const unmatched = [...agents.values()].filter((a) => !a.agentId).length;
  if (unmatched) count(s.not_mapped, 'Zendesk agents with no Luister agent of the same e-mail (their replies kept, unattributed)', unmatched);
  for (const t of data.tickets) {
    const values = (t.custom_fields ?? []).filter((f) => f.value !== null && f.value !== '' && f.value !== false).length;
    if (values) count(s.not_mapped, 'ticket custom field values (custom_fields)', values);
    if (t.organization_id) {
      count(s.not_mapped, "tickets' organization (not mapped)");
      if (!orgs.has(t.organization_id)) count(s.unresolved_references, 'ticket.organization_id not in organizations.json');
    }
    if (t.group_id) count(s.not_mapped, "tickets' group (not mapped to a team)");
    if (t.type) count(s.not_mapped, `tickets' type (${t.type})`);
    if (t.collaborator_ids?.length) count(s.not_mapped, 'ticket CCs (collaborator_ids)', t.collaborator_ids.length);
    if (t.satisfaction_rating && typeof t.satisfaction_rating === 'object' && (t.satisfaction_rating as { score?: string }).score !== 'unoffered') {
      count(s.not_mapped, 'satisfaction ratings');
    }
    if (t.requester_id && !users.has(t.requester_id)) count(s.unresolved_references, 'ticket.requester_id not in users.json');
    if (t.assignee_id && !users.has(t.assignee_id)) count(s.unresolved_references, 'ticket.assignee_id not in users.json');
    for (const c of data.comments.get(t.id) ?? []) {
      if (c.author_id && !users.has(c.author_id)) count(s.unresolved_references, 'comment.author_id not in users.json');
    }
  }
  const ticketIds = new Set(data.tickets.map((t) => t.id));
  for (const id of data.comments.keys()) {
    if (!ticketIds.has(id)) count(s.unresolved_references, 'ticket_comments/<id>.json for a ticket not in tickets.json');
  }
}
