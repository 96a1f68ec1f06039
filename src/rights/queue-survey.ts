import type { Db } from '../storage/db.ts';
import { enqueueJob } from '../storage/jobs.ts';
import { mayContact } from './may-contact.ts';

export const SURVEY_JOB = 'survey.send';

/**
 * After a case is solved: one CSAT survey for it (never two), frozen with the case's owner, team,
 * topic and channel so the figures stay right later, and sent by the worker. A customer who
 * refused surveys gets none: the row is kept as `skipped`, so the dashboard can say how many.
 */
export async function queueCsatSurvey(tx: Db, accountId: string, caseId: string): Promise<string | null> {
  const [c] = await tx.query<{ customer_id: string; owner_id: string | null; team_id: string | null; topic: string | null; channel: string }>(
    'SELECT customer_id, owner_id, team_id, topic, channel FROM cases WHERE account_id = $1 AND id = $2', [accountId, caseId]);
  if (!c) return null;
  const allowed = (await mayContact(tx, accountId, c.customer_id, 'survey')).allowed;
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO surveys (account_id, kind, customer_id, case_id, agent_id, team_id, topic, channel, status)
     VALUES ($1, 'csat', $2, $3, $4, coalesce($5, (SELECT team_id FROM agents WHERE account_id = $1 AND id = $4)), $6, $7, $8)
     ON CONFLICT (account_id, case_id) WHERE kind = 'csat' DO NOTHING RETURNING id`,
    [accountId, c.customer_id, caseId, c.owner_id, c.team_id, c.topic, c.channel, allowed ? 'queued' : 'skipped'],
  );
  if (row && allowed) await enqueueJob(tx, { accountId, kind: SURVEY_JOB, payload: { survey_id: row.id } });
  return row?.id ?? null;
}

/**
 * NPS to a sample: customers with an e-mail address, who may be asked (mayContact 'survey') and
 * were not asked for NPS in the last 90 days, at random.
 */
export async function queueNpsSample(tx: Db, accountId: string, size: number): Promise<number> {
  const candidates = await tx.query<{ id: string }>(
    `SELECT c.id FROM customers c
     WHERE c.account_id = $1 AND c.erased_at IS NULL AND c.merged_into IS NULL
       AND EXISTS (SELECT 1 FROM customer_identities i WHERE i.account_id = c.account_id AND i.customer_id = c.id AND i.kind = 'email' AND i.bouncing_since IS NULL)
       AND NOT EXISTS (SELECT 1 FROM surveys s WHERE s.account_id = c.account_id AND s.customer_id = c.id AND s.kind = 'nps' AND s.created_at > now() - interval '90 days')
     ORDER BY random() LIMIT $2`,
    [accountId, size * 2],
  );
  let n = 0;
  for (const c of candidates) {
    if (n >= size) break;
    if (!(await mayContact(tx, accountId, c.id, 'survey')).allowed) continue;
    const [row] = await tx.query<{ id: string }>(`INSERT INTO surveys (account_id, kind, customer_id, status) VALUES ($1, 'nps', $2, 'queued') RETURNING id`, [accountId, c.id]);
    await enqueueJob(tx, { accountId, kind: SURVEY_JOB, payload: { survey_id: row.id } });
    n++;
  }
  return n;
}
