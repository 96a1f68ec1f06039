import type { Db } from '../storage/db.ts';

/** How many rows of each kind went from one case to another. */
export type Moved = Record<string, number>;

/**
 * Everything that points at a case and must follow it when it is merged into another, in one
 * statement: the messages (their attachments, analysis and fingerprints hang on the message), the
 * promises and drafts, refunds and ledger findings, callback bookings, the chat session,
 * a call in progress, an announcement reply, vulnerability signs and contact preferences said on it,
 * and the channel events that name it. Kept on the merged case as its history: the audit log,
 * transfers, service-level alerts and pauses, time worked, surveys and notifications.
 * Problem links, tags and followers are merged by the caller (they can exist on both sides).
 */
export async function moveCaseLinks(tx: Db, accountId: string, fromId: string, toId: string): Promise<Moved> {
  const tables: [string, string, string][] = [
    ['messages', 'messages', 'case_id'],
    ['promises', 'promises', 'case_id'],
    ['drafts', 'drafts', 'case_id'],
    ['refunds', 'refunds', 'case_id'],
    ['charge_findings', 'charge_findings', 'case_id'],
    ['callback_bookings', 'callback_bookings', 'case_id'],
    ['chat_sessions', 'chat_sessions', 'case_id'],
    ['phone_calls', 'phone_calls', 'case_id'],
    ['announcement_replies', 'announcement_recipients', 'reply_case_id'],
    ['vulnerability_signs', 'vulnerability_signs', 'case_id'],
    ['contact_preferences', 'contact_preferences', 'case_id'],
    ['channel_events', 'channel_events', 'case_id'],
  ];
  const ctes = tables.map(([, table, column], i) =>
    `t${i} AS (UPDATE ${table} SET ${column} = $3 WHERE account_id = $1 AND ${column} = $2 RETURNING 1)`);
  const counts = tables.map(([name], i) => `(SELECT count(*)::int FROM t${i}) AS ${name}`);
  const [row] = await tx.query<Moved>(`WITH ${ctes.join(',\n')} SELECT ${counts.join(', ')}`, [accountId, fromId, toId]);
  return row;
}

/**
 * The problem links of `fromId` go to `toId`. Where both cases are linked to the same problem the
 * stronger link stays: confirmed over suggested; an agent's "not this problem" (removed) over a
 * suggestion. Returns the problems whose link moved or merged.
 */
export async function moveProblemLinks(tx: Db, accountId: string, fromId: string, toId: string): Promise<string[]> {
  const rows = await tx.query<{ problem_id: string }>(
    `WITH gone AS (DELETE FROM problem_cases WHERE account_id = $1 AND case_id = $2 RETURNING problem_id, state, linked_at)
     INSERT INTO problem_cases AS p (account_id, problem_id, case_id, state, linked_at)
     SELECT $1, problem_id, $3, state, linked_at FROM gone
     ON CONFLICT (account_id, problem_id, case_id) DO UPDATE SET
       state = CASE WHEN 'confirmed' IN (p.state, EXCLUDED.state) THEN 'confirmed' WHEN 'removed' IN (p.state, EXCLUDED.state) THEN 'removed' ELSE p.state END,
       linked_at = least(p.linked_at, EXCLUDED.linked_at)
     RETURNING problem_id`,
    [accountId, fromId, toId],
  );
  return rows.map((r) => r.problem_id);
}

/** The followers of `fromId` follow `toId` too (a split copies them, a merge moves them). */
export async function copyFollowers(tx: Db, accountId: string, fromId: string, toId: string, move: boolean): Promise<void> {
  await tx.query(
    `WITH src AS (${move ? 'DELETE FROM case_followers' : 'SELECT * FROM case_followers'} WHERE account_id = $1 AND case_id = $2${move ? ' RETURNING *' : ''})
     INSERT INTO case_followers (account_id, case_id, agent_id, added_by, created_at)
     SELECT account_id, $3, agent_id, added_by, created_at FROM src ON CONFLICT DO NOTHING`,
    [accountId, fromId, toId],
  );
}
