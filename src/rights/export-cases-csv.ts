import { Readable } from 'node:stream';
import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { csvLine } from './csv.ts';
import { fieldDefinitions } from '../custom-fields/store.ts';

const COLUMNS = ['ref', 'created_at', 'status', 'priority', 'tier', 'channel', 'topic', 'owner', 'team', 'contact_count', 'transfer_count', 'first_reply_at', 'solved_at', 'closed_at', 'csat'] as const;
const PAGE = 1000;

/**
 * The cases opened in [from, to) as CSV, streamed a page at a time (any number of cases in constant
 * memory). No subjects or customer names: figures, not personal data — a person's data leaves
 * through the GDPR export. The account's case fields follow as `field:<key>` columns (several
 * options joined with ';').
 */
export function exportCasesCsv(db: Db, actor: Actor, o: { from: Date; to: Date }): Readable {
  requirePermission(actor, 'insight.export', 'Exporting cases');
  async function* lines() {
    const fields = (await fieldDefinitions(db, actor.accountId, 'case')).map((f) => f.key);
    yield csvLine([...COLUMNS, ...fields.map((k) => `field:${k}`)]);
    const fieldCell = (v: unknown) => (Array.isArray(v) ? v.join(';') : v);
    let after: { at: Date; id: string } | null = null;
    for (;;) {
      const rows: (Record<string, unknown> & { id: string; created_at: Date })[] = await db.query(
        `SELECT c.id, c.ref, c.created_at, c.status, c.priority, c.tier, c.channel, tp.name AS topic, a.name AS owner, t.name AS team,
                c.contact_count, c.transfer_count,
                (SELECT min(m.created_at) FROM messages m WHERE m.account_id = c.account_id AND m.case_id = c.id AND m.type = 'outbound' AND m.author_agent_id IS NOT NULL) AS first_reply_at,
                c.solved_at, c.closed_at, c.custom_fields,
                (SELECT s.score FROM surveys s WHERE s.account_id = c.account_id AND s.case_id = c.id AND s.kind = 'csat') AS csat
         FROM cases c
         LEFT JOIN agents a ON a.account_id = c.account_id AND a.id = c.owner_id
         LEFT JOIN teams t ON t.account_id = c.account_id AND t.id = c.team_id
         LEFT JOIN topics tp ON tp.account_id = c.account_id AND tp.id::text = c.topic
         WHERE c.account_id = $1 AND c.created_at >= $2 AND c.created_at < $3
           AND ($4::timestamptz IS NULL OR (c.created_at, c.id) > ($4::timestamptz, $5::uuid))
         ORDER BY c.created_at, c.id LIMIT ${PAGE}`,
        [actor.accountId, o.from, o.to, after?.at ?? null, after?.id ?? null],
      );
      yield rows.map((r) => csvLine([...COLUMNS.map((c) => r[c]), ...fields.map((k) => fieldCell((r.custom_fields as Record<string, unknown>)[k]))])).join('');
      if (rows.length < PAGE) return;
      const last = rows[rows.length - 1];
      after = { at: last.created_at, id: last.id };
    }
  }
  return Readable.from(lines());
}
