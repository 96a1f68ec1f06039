import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { notify } from '../promises/notify.ts';
import type { MessageRow } from './insert-message.ts';
import { findMentions, type Mentionable } from './mentions.ts';
import type { CaseRow } from './store.ts';

/** The colleagues an internal note mentions get a notification (live in their bell), in the note's transaction. */
export async function notifyMentions(tx: Db, actor: Actor, c: CaseRow, note: MessageRow): Promise<string[]> {
  if (!note.body.includes('@')) return [];
  const agents = await tx.query<Mentionable>('SELECT id, name, email FROM agents WHERE account_id = $1 AND active', [actor.accountId]);
  const mentioned = findMentions(note.body, agents).filter((id) => id !== actor.agentId);
  if (!mentioned.length) return [];
  const author = agents.find((a) => a.id === actor.agentId)?.name ?? 'Een collega';
  const snippet = note.body.replace(/\s+/g, ' ').trim();
  await notify(tx, actor.accountId, {
    agentIds: mentioned,
    kind: 'mention',
    caseId: c.id,
    body: `${author} noemt je bij ${c.ref}: "${snippet.length > 200 ? `${snippet.slice(0, 199)}…` : snippet}"`,
  });
  return mentioned;
}
