import type { Db } from '../storage/db.ts';
import { notFound } from '../shared/errors.ts';

export type ProblemStatus = 'investigating' | 'identified' | 'fixing' | 'resolved';
export const PROBLEM_STATUSES: readonly ProblemStatus[] = ['investigating', 'identified', 'fixing', 'resolved'];
export type LinkState = 'suggested' | 'confirmed' | 'removed';

export interface ProblemRow {
  id: string;
  title: string;
  status: ProblemStatus;
  owner_id: string;
  root_cause: string | null;
  topic_id: string | null;
  signal_id: string | null;
  created_at: Date;
  updated_at: Date;
  resolved_at: Date | null;
}

export const PROBLEM_COLUMNS = 'id, title, status, owner_id, root_cause, topic_id, signal_id, created_at, updated_at, resolved_at';

export async function loadProblem(db: Db, accountId: string, id: string, forUpdate = false): Promise<ProblemRow> {
  const [row] = await db.query<ProblemRow>(
    `SELECT ${PROBLEM_COLUMNS} FROM problems WHERE account_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [accountId, id],
  );
  if (!row) throw notFound('problem', id);
  return row;
}

export interface LinkedCase {
  case_id: string;
  ref: string;
  subject: string;
  status: string;
  customer_id: string;
  customer_name: string;
  state: LinkState;
  linked_at: Date;
  /** why it was suggested (null: linked by hand) */
  reason: { why: 'topic' | 'problem_topic' | 'signal_topic' | 'related_topic'; topic_id?: string } | null;
}

export function linkedCases(db: Db, accountId: string, problemId: string, states: LinkState[] = ['suggested', 'confirmed']) {
  return db.query<LinkedCase>(
    `SELECT pc.case_id, c.ref, c.subject, c.status, c.customer_id, cu.name AS customer_name, pc.state, pc.linked_at, pc.reason
     FROM problem_cases pc
     JOIN cases c ON c.account_id = pc.account_id AND c.id = pc.case_id
     JOIN customers cu ON cu.account_id = c.account_id AND cu.id = c.customer_id
     WHERE pc.account_id = $1 AND pc.problem_id = $2 AND pc.state = ANY($3::text[])
     ORDER BY pc.linked_at, c.id`,
    [accountId, problemId, states],
  );
}
