import { openProblem } from '../problems/open-problem.ts';
import { dismissSignal } from '../problems/signals.ts';
import { updateProblem } from '../problems/update-problem.ts';
import type { Actor } from '../shared/actor.ts';
import type { Db } from '../storage/db.ts';
import { TOPICS } from './topics.ts';

/**
 * The barrier complaints piled up a week or more ago: a supervisor made them a problem (from the
 * signal listening raised, when there was one), which is being fixed now. The problems board has
 * one in progress, with its cases confirmed. Returns the step, for the demo clock.
 */
export async function slagboomProblem(db: Db, joris: Actor, now: Date): Promise<{ at: Date; run: () => Promise<unknown> } | null> {
  const subjects = TOPICS.find((t) => t.key === 'slagboom')!.subjects;
  const cases = await db.query<{ id: string; topic_id: string | null }>(
    `SELECT c.id, (SELECT a.topic_id FROM messages m JOIN message_analysis a ON a.account_id = m.account_id AND a.message_id = m.id
                   WHERE m.account_id = c.account_id AND m.case_id = c.id ORDER BY m.created_at LIMIT 1) AS topic_id
     FROM cases c WHERE c.account_id = $1 AND c.subject = ANY($2::text[]) AND c.created_at BETWEEN $3::timestamptz - interval '12 days' AND $3::timestamptz - interval '6 days'
     ORDER BY c.created_at`,
    [joris.accountId, subjects, now],
  );
  if (!cases.length) return null;
  const topics = new Map<string, number>();
  for (const c of cases) if (c.topic_id) topics.set(c.topic_id, (topics.get(c.topic_id) ?? 0) + 1);
  const topicId = [...topics].sort((a, b) => b[1] - a[1])[0]?.[0];
  const [signal] = await db.query<{ id: string; raised_at: Date }>(
    `SELECT id, raised_at FROM signals WHERE account_id = $1 AND topic_id = $2 AND status = 'open' AND raised_at < $3::timestamptz - interval '3 days' ORDER BY raised_at LIMIT 1`,
    [joris.accountId, topicId ?? null, now],
  );
  return {
    at: signal ? new Date(new Date(signal.raised_at).getTime() + 2 * 3_600_000) : new Date(now.getTime() - 6 * 86_400_000),
    run: async () => {
      const p = await openProblem(db, joris, {
        title: 'Slagboom garage Centrum weigert abonnementspassen',
        rootCause: 'De paslezer van de uitgang leest sinds de software-update van maandag alleen de nieuwe passen.',
        topicId,
        signalId: signal?.id,
        caseIds: cases.map((c) => c.id),
      });
      await updateProblem(db, joris, p.id, { status: 'fixing' });
    },
  };
}

/**
 * Signals listening raised more than three days ago were looked at then: a supervisor dismissed
 * them an hour and a half after they came up.
 * Returns the steps, for the demo clock.
 */
export async function handledSignals(db: Db, joris: Actor, now: Date): Promise<{ at: Date; run: () => Promise<unknown> }[]> {
  const old = await db.query<{ id: string; raised_at: Date }>(
    `SELECT id, raised_at FROM signals WHERE account_id = $1 AND status = 'open' AND raised_at < $2::timestamptz - interval '3 days'`,
    [joris.accountId, now],
  );
  return old.map((s) => ({
    at: new Date(new Date(s.raised_at).getTime() + 90 * 60_000),
    run: () => dismissSignal(db, joris, s.id, 'Bekeken: een drukke dag, geen probleem erachter.'),
  }));
}
