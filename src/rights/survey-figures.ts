import type { Db } from '../storage/db.ts';
import { getServiceSettings } from '../promises/settings.ts';
import { periodOf } from '../insight/period.ts';
import { netPromoterScore, npsFromCounts } from './survey-mail.ts';

export interface SurveyGroup {
  key: string | null;
  label: string | null;
  responses: number;
  average: number | null;
  /** share of 4 and 5 */
  satisfied_rate: number | null;
}

/**
 * CSAT and NPS over the last `days` days (answers counted on the day they came in, in the
 * account's time zone): CSAT per agent, team, topic and channel, per day and per week; NPS, its
 * parts and its weekly trend.
 */
export async function getSurveyFigures(db: Db, accountId: string, o: { days: number; now?: Date }) {
  const { time_zone: timeZone } = await getServiceSettings(db, accountId);
  const period = periodOf(o.days, timeZone, o.now);
  const range = [accountId, timeZone, period.from, period.to];
  const within = `s.answered_at >= ($3::date)::timestamp AT TIME ZONE $2 AND s.answered_at < ($4::date + 1)::timestamp AT TIME ZONE $2`;
  const sentWithin = `s.created_at >= ($3::date)::timestamp AT TIME ZONE $2 AND s.created_at < ($4::date + 1)::timestamp AT TIME ZONE $2`;
  const group = (key: string, label: string, join = '') => db.query<SurveyGroup>(
    `SELECT ${key}::text AS key, ${label} AS label, count(*)::int AS responses, round(avg(s.score), 2)::float AS average,
            round(avg(CASE WHEN s.score >= 4 THEN 1.0 ELSE 0 END), 3)::float AS satisfied_rate
     FROM surveys s ${join} WHERE s.account_id = $1 AND s.kind = 'csat' AND s.score IS NOT NULL AND ${within}
     GROUP BY 1, 2 ORDER BY responses DESC, 2`, range);
  // weeks start on Monday (ISO), in the account's zone; the first and last week may be partial
  const week = `to_char(date_trunc('week', (s.answered_at AT TIME ZONE $2)::date), 'YYYY-MM-DD')`;
  const [counts, byAgent, byTeam, byTopic, byChannel, csatDays, nps, csatWeeks, npsWeeks] = await Promise.all([
    db.query<{ kind: string; status: string; n: number }>(`SELECT s.kind, s.status, count(*)::int AS n FROM surveys s WHERE s.account_id = $1 AND ${sentWithin} GROUP BY 1, 2`, range),
    group('s.agent_id', 'a.name', 'LEFT JOIN agents a ON a.account_id = s.account_id AND a.id = s.agent_id'),
    group('s.team_id', 't.name', 'LEFT JOIN teams t ON t.account_id = s.account_id AND t.id = s.team_id'),
    group('s.topic', 'tp.name', `LEFT JOIN topics tp ON tp.account_id = s.account_id AND tp.id::text = s.topic`),
    group('s.channel', 's.channel'),
    db.query<{ day: string; responses: number; average: number }>(
      `SELECT to_char((s.answered_at AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS day, count(*)::int AS responses, round(avg(s.score), 2)::float AS average
       FROM surveys s WHERE s.account_id = $1 AND s.kind = 'csat' AND s.score IS NOT NULL AND ${within} GROUP BY 1 ORDER BY 1`, range),
    db.query<{ score: number }>(`SELECT s.score FROM surveys s WHERE s.account_id = $1 AND s.kind = 'nps' AND s.score IS NOT NULL AND ${within}`, range),
    db.query<{ week: string; responses: number; average: number; satisfied_rate: number }>(
      `SELECT ${week} AS week, count(*)::int AS responses, round(avg(s.score), 2)::float AS average,
              round(avg(CASE WHEN s.score >= 4 THEN 1.0 ELSE 0 END), 3)::float AS satisfied_rate
       FROM surveys s WHERE s.account_id = $1 AND s.kind = 'csat' AND s.score IS NOT NULL AND ${within} GROUP BY 1 ORDER BY 1`, range),
    db.query<{ week: string; responses: number; promoters: number; detractors: number }>(
      `SELECT ${week} AS week, count(*)::int AS responses, count(*) FILTER (WHERE s.score >= 9)::int AS promoters, count(*) FILTER (WHERE s.score <= 6)::int AS detractors
       FROM surveys s WHERE s.account_id = $1 AND s.kind = 'nps' AND s.score IS NOT NULL AND ${within} GROUP BY 1 ORDER BY 1`, range),
  ]);
  const count = (kind: string, status?: string) => counts.filter((c) => c.kind === kind && (!status || c.status === status)).reduce((a, c) => a + c.n, 0);
  const all = byChannel.reduce((a, g) => a + g.responses, 0);
  const avg = all ? Math.round((byChannel.reduce((a, g) => a + (g.average ?? 0) * g.responses, 0) / all) * 100) / 100 : null;
  const satisfied = all ? Math.round((byChannel.reduce((a, g) => a + (g.satisfied_rate ?? 0) * g.responses, 0) / all) * 1000) / 1000 : null;
  const scores = nps.map((n) => n.score);
  return {
    from: period.from, to: period.to, time_zone: timeZone,
    csat: {
      asked: count('csat') - count('csat', 'skipped'), skipped_opted_out: count('csat', 'skipped'), responses: all, average: avg, satisfied_rate: satisfied,
      by_agent: byAgent, by_team: byTeam, by_topic: byTopic, by_channel: byChannel, by_day: csatDays, by_week: csatWeeks,
    },
    nps: {
      asked: count('nps') - count('nps', 'skipped'), responses: scores.length, score: netPromoterScore(scores),
      promoters: scores.filter((s) => s >= 9).length, passives: scores.filter((s) => s >= 7 && s <= 8).length, detractors: scores.filter((s) => s <= 6).length,
      by_week: npsWeeks.map((w) => ({ week: w.week, responses: w.responses, score: npsFromCounts(w.promoters, w.detractors, w.responses) })),
    },
  };
}
