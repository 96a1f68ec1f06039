import type { Db } from '../storage/db.ts';
import { loadCustomer } from '../customers/store.ts';
import { MESSAGE_COLUMNS, type MessageRow } from './insert-message.ts';
import { loadCase, publicCase } from './store.ts';
import { tagsOf } from '../tags/store.ts';
import { listFollowers } from './follow-case.ts';

/** What listening stored about an inbound message (null until the worker has analysed it). */
export interface AnalysisView {
  language: string | null;
  sentiment: number | null;
  anger: number | null;
  intents: string[];
  money: { cents: number; currency: string }[];
  reputation_risk: number;
  mentions: unknown[];
  topic_id: string | null;
}

export interface AttachmentView {
  id: string;
  filename: string;
  declared_type: string;
  detected_type: string | null;
  size: number;
  sha256: string;
}

export type TimelineEntry =
  | ({ kind: 'message'; analysis: AnalysisView | null; attachments: AttachmentView[] } & MessageRow)
  | { kind: 'event'; id: number; action: string; actor_type: string; actor_id: string | null; before: unknown; after: unknown; created_at: Date; case_ref?: string };

interface CaseLink { id: string; ref: string; subject: string }

/**
 * One case with its customer, open transfer offer, followers and whole timeline (messages, notes,
 * audit events — those of the cases merged into it too), oldest first. A merged case names the case
 * it went into (`merged_into`).
 */
export async function getCase(db: Db, accountId: string, caseIdOrRef: string) {
  const c = await loadCase(db, accountId, caseIdOrRef);
  const [mergedFrom, mergedInto] = await Promise.all([
    db.query<CaseLink & { merged_at: Date | null }>(
      'SELECT id, ref, subject, merged_at FROM cases WHERE account_id = $1 AND merged_into_id = $2 ORDER BY merged_at, id', [accountId, c.id]),
    c.merged_into_id ? db.query<CaseLink>('SELECT id, ref, subject FROM cases WHERE account_id = $1 AND id = $2', [accountId, c.merged_into_id]) : [],
  ]);
  const refOf = new Map(mergedFrom.map((m) => [m.id, m.ref]));
  const [messages, events, offers, customer, attachments, tags, followers] = await Promise.all([
    db.query<MessageRow & { analysis: AnalysisView | null }>(
      `SELECT ${MESSAGE_COLUMNS.split(', ').map((col) => `m.${col}`).join(', ')},
         CASE WHEN a.message_id IS NULL THEN NULL ELSE jsonb_build_object('language', a.language, 'sentiment', a.sentiment,
           'anger', a.anger, 'intents', a.intents, 'money', a.money, 'reputation_risk', a.reputation_risk,
           'mentions', a.mentions, 'topic_id', a.topic_id) END AS analysis
       FROM messages m LEFT JOIN message_analysis a ON a.account_id = m.account_id AND a.message_id = m.id
       WHERE m.account_id = $1 AND m.case_id = $2 ORDER BY m.created_at, m.id`,
      [accountId, c.id],
    ),
    db.query<{ id: number; entity_id: string; action: string; actor_type: string; actor_id: string | null; before: unknown; after: unknown; created_at: Date }>(
      `SELECT id, entity_id, action, actor_type, actor_id, before, after, at AS created_at FROM audit_log
       WHERE account_id = $1 AND entity_id = ANY($2::uuid[]) AND action NOT LIKE 'message.%' AND action <> 'note.added' ORDER BY id`,
      [accountId, [c.id, ...refOf.keys()]],
    ),
    db.query<{ id: string; from_agent_id: string | null; to_agent_id: string; note: string | null; created_at: Date }>(
      `SELECT id, from_agent_id, to_agent_id, note, created_at FROM case_transfers
       WHERE account_id = $1 AND case_id = $2 AND status = 'offered'`,
      [accountId, c.id],
    ),
    loadCustomer(db, accountId, c.customer_id),
    db.query<AttachmentView & { message_id: string }>(
      `SELECT t.id, t.message_id, t.filename, t.declared_type, t.detected_type, t.size, t.sha256
       FROM attachments t JOIN messages m ON m.account_id = t.account_id AND m.id = t.message_id
       WHERE t.account_id = $1 AND m.case_id = $2 ORDER BY t.created_at, t.id`,
      [accountId, c.id],
    ),
    tagsOf(db, accountId, 'case', c.id),
    listFollowers(db, accountId, c.id),
  ]);
  const byMessage = new Map<string, AttachmentView[]>();
  for (const { message_id, ...a } of attachments) byMessage.set(message_id, [...(byMessage.get(message_id) ?? []), a]);
  const timeline: TimelineEntry[] = [
    ...messages.map((m) => ({ kind: 'message' as const, ...m, attachments: byMessage.get(m.id) ?? [] })),
    ...events.map(({ entity_id, ...e }) => ({ kind: 'event' as const, ...e, ...(entity_id === c.id ? {} : { case_ref: refOf.get(entity_id) }) })),
  ].sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime());
  return {
    ...publicCase(c), tags, customer, pending_transfer: offers[0] ?? null, timeline,
    merged_into: mergedInto[0] ?? null, merged_from: mergedFrom, followers,
  };
}
