import { prunePostings } from './burst-store.ts';
import { BURST_OPTIONS } from './burst-words.ts';
import type { Db } from '../storage/db.ts';
import { openProblemsOf } from '../problems/problem-topics.ts';
import { raiseSignal } from '../problems/signals.ts';
import { createPgClusterStore } from './clustering/pg-store.ts';
import { describeTopics } from './clustering/supervise-topics.ts';
import { createSpikeDetector, type SpikeDetectorState } from './spike-detector.ts';

export const SWEEP_JOB = 'topics.sweep';
const HOUR = 3_600_000;
/** At most this many hours are caught up in one sweep (a worker that was down for long). */
const MAX_BUCKETS = 24 * 60;
/** Complaints an hour for the product: only rises matter; hour of day in Dutch winter time. */
const DETECTOR = { direction: 'up' as const, bucketMinutes: 60, utcOffsetMinutes: 60 };

const floorHour = (d: Date) => new Date(Math.floor(d.getTime() / HOUR) * HOUR);

/**
 * Feeds every live topic's detector the hourly counts of complaint-like messages it has not seen
 * yet (up to the last full hour), against the topic's own hour-of-day and weekday baseline, and
 * raises a signal with its evidence when a count is a spike. `now` is injectable for tests.
 */
export async function sweepTopics(db: Db, accountId: string, now = new Date()): Promise<{ topics: number; buckets: number; signals: string[] }> {
  const until = floorHour(now);
  // the words of the last day are all that words-that-burst needs (twice its window)
  await prunePostings(db, accountId, new Date(now.getTime() - 2 * BURST_OPTIONS.windowHours * 3_600_000));
  const topics = await db.query<{ id: string; first_at: Date; state: SpikeDetectorState | null; next_bucket: Date | null }>(
    `SELECT t.id, t.first_at, d.state, d.next_bucket FROM topics t
     LEFT JOIN topic_detectors d ON d.account_id = t.account_id AND d.topic_id = t.id
     WHERE t.account_id = $1 AND t.retired_at IS NULL`,
    [accountId],
  );
  let buckets = 0;
  const signals: string[] = [];
  for (const t of topics) {
    let from = t.next_bucket ? new Date(t.next_bucket) : floorHour(new Date(t.first_at));
    if (until.getTime() - from.getTime() > MAX_BUCKETS * HOUR) from = new Date(until.getTime() - MAX_BUCKETS * HOUR);
    if (from >= until) continue;
    // complaint-like messages per hour: an established topic's everyday questions are its baseline, and
    // counting them all made the detector jumpy on quiet topics (7 false signals in 14 days of the
    // development set's background against 0); young topics count every contact (listen-to-message.ts)
    const counts = await db.query<{ bucket: Date; n: number }>(
      `SELECT g.bucket, count(m.id)::int AS n
       FROM generate_series($3::timestamptz, $4::timestamptz - interval '1 hour', interval '1 hour') AS g(bucket)
       LEFT JOIN message_analysis a ON a.account_id = $1 AND a.topic_id = $2
         AND ('complaint' = ANY(a.intents) OR 'refund_request' = ANY(a.intents) OR 'cancellation' = ANY(a.intents) OR a.sentiment <= -0.2)
       LEFT JOIN messages m ON m.account_id = a.account_id AND m.id = a.message_id
         AND m.created_at >= g.bucket AND m.created_at < g.bucket + interval '1 hour'
       GROUP BY g.bucket ORDER BY g.bucket`,
      [accountId, t.id, from, until],
    );
    const detector = createSpikeDetector(DETECTOR, t.state ?? undefined);
    const series: { at: string; count: number; expected: number }[] = [];
    for (const c of counts) {
      const u = detector.update(new Date(c.bucket), c.n);
      series.push({ at: new Date(c.bucket).toISOString(), count: c.n, expected: Math.round(u.expected * 100) / 100 });
      buckets++;
      if (!u.alarm) continue;
      // a topic that an open problem is about adds to the problem, not to a new signal
      if ((await openProblemsOf(db, accountId, [t.id])).length) continue;
      const [view] = await describeTopics(createPgClusterStore(db, accountId), [t.id]);
      const bucketEnd = new Date(new Date(c.bucket).getTime() + HOUR);
      const signal = await raiseSignal(db, accountId, {
        topicId: t.id,
        title: view?.label ?? 'Onderwerp',
        evidence: {
          count: c.n,
          expected: u.expected,
          score: u.score,
          reason: u.reason,
          examples: await recentComplaints(db, accountId, t.id, bucketEnd),
          series: series.slice(-48),
          why: { kind: 'spike', evidence: u.kind, season: u.season, count: c.n, expected: Math.round(u.expected * 100) / 100 },
        },
      });
      if (signal) signals.push(signal.id);
    }
    await db.query(
      `INSERT INTO topic_detectors (account_id, topic_id, state, next_bucket) VALUES ($1, $2, $3, $4)
       ON CONFLICT (account_id, topic_id) DO UPDATE SET state = EXCLUDED.state, next_bucket = EXCLUDED.next_bucket`,
      [accountId, t.id, JSON.stringify(detector.state()), until],
    );
  }
  return { topics: topics.length, buckets, signals };
}

/** The last five contacts about the topic up to the end of the spike's hour: the signal's examples. */
async function recentComplaints(db: Db, accountId: string, topicId: string, until: Date): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT m.id FROM message_analysis a JOIN messages m ON m.account_id = a.account_id AND m.id = a.message_id
     WHERE a.account_id = $1 AND a.topic_id = $2 AND m.created_at < $3 AND m.created_at >= $3::timestamptz - interval '48 hours'
     ORDER BY m.created_at DESC LIMIT 5`,
    [accountId, topicId, until],
  );
  return rows.map((r) => r.id);
}
