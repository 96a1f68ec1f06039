import { normaliseIdentity, type Identity } from '../../customers/identity.ts';
import type { FieldDefinition, FieldValues } from '../../custom-fields/fields.ts';
import { guessLanguage } from '../../text/language.ts';
import { count, skip, type ImportSummary } from '../summary.ts';
import type { Agents } from './agents.ts';
import type { HelpdeskExport, SourceMessage, SourceOrganisation, SourcePerson, SourceTicket } from './export.ts';
import { mapFields } from './fields.ts';
import { mapTag, withOwner } from './map.ts';
import { orgKey } from './organisations.ts';
import { reportFields } from './report.ts';
import type { PlannedMessage, TicketPlan } from './store-ticket.ts';

/** What planning a ticket looks things up in: the export by id, this account's agents and case fields. */
export interface PlanContext {
  data: HelpdeskExport;
  people: Map<string, SourcePerson>;
  organisations: Map<string, SourceOrganisation>;
  agents: Agents;
  caseFields: readonly FieldDefinition[];
  /** person id → the values for that customer's custom fields (mapped once per person) */
  customerFields: Map<string, FieldValues>;
  s: ImportSummary;
}

/**
 * One source ticket as a Luister case, decided whole before anything is written: its customer
 * (the requester, by e-mail, else phone), status (past new only with an owner), priority, tags,
 * custom field values, organisation, and messages with their authors. A ticket that cannot be
 * placed (no requester, or one Luister cannot identify) is skipped with the reason.
 */
export function planTicket(t: SourceTicket, ctx: PlanContext): TicketPlan | null {
  const { s, data } = ctx;
  const L = data.labels;
  const where = `${L.ticket} ${t.id}`;
  const requester = t.requesterId ? ctx.people.get(t.requesterId) : undefined;
  if (!requester) {
    skip(s, where, t.requesterId ? `its requester ${t.requesterId} is not in ${L.peopleFile}` : 'it has no requester', 'requester not in the export');
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
  const owner = t.assigneeId ? ctx.agents.get(t.assigneeId)?.agentId ?? null : null;
  const status = withOwner(t.status.mapped, owner !== null);
  if (status.kept === 'no_owner') count(s.not_mapped, `${L.ticket} status (kept as new: its assignee is no Luister agent)`);
  if (status.kept === 'unknown') count(s.not_mapped, `${L.ticket} status "${t.status.raw}" (unknown, kept as new)`);
  if (!t.priority.mapped) count(s.not_mapped, `${L.ticket} priority "${t.priority.raw}" (unknown, kept as normal)`);
  const tags: string[] = [];
  for (const tag of t.tags) {
    const m = mapTag(tag);
    if (m) tags.push(m);
    else count(s.not_mapped, 'tags that make no valid Luister tag');
  }
  const fields = mapFields(ctx.caseFields, t.fields);
  reportFields(s, 'case', fields);
  const orgId = requester.organisationId ?? t.organisationId;
  if (t.organisationId && requester.organisationId && t.organisationId !== requester.organisationId) {
    count(s.not_mapped, `${L.ticket}s' organisation other than their requester's (a case takes its customer's)`);
  }
  const org = orgId ? ctx.organisations.get(orgId) : undefined;
  const messages = t.messages.map((m) => planMessage(m, t, ctx));
  const subject = (t.subject?.trim() || messages[0]?.body.split('\n')[0] || `${L.product} #${t.id}`).slice(0, 500);
  return {
    source: data.source,
    externalId: t.id,
    customer: { identity, name: requester.name, organisation: org ? orgKey(org.name) : null, fields: ctx.customerFields.get(requester.id) ?? {} },
    subject,
    language: guessLanguage(`${subject}\n${messages[0]?.body ?? ''}`),
    status: status.status,
    priority: t.priority.mapped ?? 'normal',
    channel: t.channel,
    ownerId: owner,
    tags: [...new Set(tags)].slice(0, 50),
    fields: fields.values,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    messages,
  };
}

function planMessage(m: SourceMessage, t: SourceTicket, ctx: PlanContext): PlannedMessage {
  const L = ctx.data.labels;
  const notes = [`imported from ${L.product} (${L.ticket} ${t.id}, ${L.message} ${m.id})`];
  const author = m.authorId ? ctx.people.get(m.authorId) : undefined;
  if (!author) notes.push(`written by ${L.product} user ${m.authorId ?? '?'}, who is not in the export`);
  const agent = m.authorId ? ctx.agents.get(m.authorId) : undefined;
  if (agent && !agent.agentId) notes.push(`written by ${agent.name} <${agent.email ?? '?'}>, a ${L.product} agent who is no Luister agent`);
  for (const att of m.attachments) {
    count(ctx.s.not_mapped, 'attachments (kept as links in the message notes, not downloaded)');
    notes.push(`attachment "${att.name ?? 'bijlage'}" (${att.type ?? '?'}, ${att.size ?? '?'} bytes): ${att.url ?? 'no link in the export'}`);
  }
  const body = m.body.trim() || (m.attachments.length ? '(attachments only)' : '(empty message)');
  return { externalId: `${t.id}:${m.id}`, type: m.type, body, at: m.at, agentId: agent?.agentId ?? null, notes };
}

/** Ids the export refers to but does not hold, and agents Luister does not know: counted, never dropped without a word. */
export function countReferences(s: ImportSummary, data: HelpdeskExport, people: Map<string, SourcePerson>, orgs: Map<string, SourceOrganisation>, agents: Agents): void {
  const L = data.labels;
  for (const p of data.people) {
    if (p.organisationId && !orgs.has(p.organisationId)) count(s.unresolved_references, `${L.personOrganisation} not in ${L.organisationsFile}`);
  }
  const matched = [...agents.values()].filter((a) => a.agentId).length;
  if (matched) count(s.mapped, 'agents matched by e-mail', matched);
  if (agents.size - matched) count(s.not_mapped, `${L.product} agents with no Luister agent of the same e-mail (their replies kept, unattributed)`, agents.size - matched);
  for (const t of data.tickets) {
    if (t.organisationId && !orgs.has(t.organisationId)) count(s.unresolved_references, `${L.ticketOrganisation} not in ${L.organisationsFile}`);
    if (t.requesterId && !people.has(t.requesterId)) count(s.unresolved_references, `${L.requester} not in ${L.peopleFile}`);
    if (t.assigneeId && !people.has(t.assigneeId)) count(s.unresolved_references, `${L.assignee} not in ${L.peopleFile}`);
    for (const m of t.messages) {
      // the requester missing is counted once, above
      if (m.authorId && m.authorId !== t.requesterId && !people.has(m.authorId)) count(s.unresolved_references, `${L.author} not in ${L.peopleFile}`);
    }
  }
}
