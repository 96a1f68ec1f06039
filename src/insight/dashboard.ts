import type { Db } from '../storage/db.ts';
import { createPgClusterStore } from '../listening/clustering/pg-store.ts';
import { describeTopics } from '../listening/clustering/supervise-topics.ts';
import { getServiceSettings } from '../promises/settings.ts';
import { periodOf, rate, topicSeries, type TopicDay } from './period.ts';
import { refundFigures } from './refund-figures.ts';
import { serviceFigures } from './service-figures.ts';
import { getInsightSettings } from './settings.ts';

export interface DashboardOptions {
  days: number;
  now?: Date;
}

/**
 * The supervisor's day in numbers, over the last `days` days in the account's time zone:
 * contacts per topic per day with the spikes listening raised, repeat contacts, first-contact
 * resolution, the channel mix, SLA and
 * promise-kept rates, transfers, backlog, and cost per contact from the time agents spent on
 * cases (the workspace's heartbeats) at the account's hourly cost. Read-only.
 */
export async function getDashboard(db: Db, accountId: string, o: DashboardOptions) {
  const [{ time_zone: timeZone }, { hourly_cost_cents }] = await Promise.all([getServiceSettings(db, accountId), getInsightSettings(db, accountId)]);
  const period = periodOf(o.days, timeZone, o.now);
  const range = [accountId, timeZone, period.from, period.to];
  // [from 00:00, the day after `to` 00:00) in the account's zone, as instants (index-friendly)
  const within = (col: string) => `${col} >= ($3::date)::timestamp AT TIME ZONE $2 AND ${col} < ($4::date + 1)::timestamp AT TIME ZONE $2`;

  const [contacts, spikes, figures, refunds] = await Promise.all([
    // contacts as listening heard them: every inbound message from a person is analysed (machines' mail is not),
    // and its analysis row carries the message's time (one index range, whatever the size of the account)
    db.query<TopicDay>(
      `SELECT topic_id, to_char((message_at AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS day, count(*)::int AS count
       FROM message_analysis WHERE account_id = $1 AND ${within('message_at')}
       GROUP BY 1, 2`,
      range,
    ),
    db.query<{ id: string; topic_id: string | null; title: string; day: string }>(
      `SELECT id, topic_id, title, to_char((raised_at AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS day
       FROM signals WHERE account_id = $1 AND ${within('raised_at')} ORDER BY raised_at`,
      range,
    ),
    serviceFigures(db, range, within),
    refundFigures(db, range, within, o.now ?? new Date()),
  ]);

  const series = topicSeries(contacts, period.days);
  const ids = series.flatMap((s) => (s.topic_id ? [s.topic_id] : []));
  const labels = new Map((await describeTopics(createPgClusterStore(db, accountId), ids)).map((v) => [v.id, v.label]));
  const total = contacts.reduce((n, r) => n + r.count, 0);
  const hours = figures.work_seconds / 3600;

  return {
    from: period.from,
    to: period.to,
    time_zone: timeZone,
    days: period.days,
    contacts: {
      total,
      by_day: period.days.map((d) => contacts.filter((r) => r.day === d).reduce((n, r) => n + r.count, 0)),
      topics: series.map((s) => ({
        topic_id: s.topic_id,
        label: s.topic_id ? (labels.get(s.topic_id) ?? null) : null,
        total: s.total,
        counts: s.counts,
        spikes: spikes.filter((x) => x.topic_id && x.topic_id === s.topic_id).map((x) => ({ signal_id: x.id, day: x.day, title: x.title })),
      })),
      spikes: spikes.map((x) => ({ signal_id: x.id, topic_id: x.topic_id, day: x.day, title: x.title })),
    },
    cases: {
      opened: figures.opened,
      repeat_contact_cases: figures.repeat_cases,
      repeat_contact_rate: rate(figures.repeat_cases, figures.opened),
      customers: figures.customers,
      customers_with_several_cases: figures.repeat_customers,
      transfers_per_case: figures.opened ? Math.round((figures.transfers / figures.opened) * 100) / 100 : null,
      resolved: figures.resolved,
      // resolved without the customer having to come back (one contact on the case)
      first_contact_resolved: figures.resolved_first_contact,
      first_contact_resolution_rate: rate(figures.resolved_first_contact, figures.resolved),
      contacts_per_resolved_case: figures.resolved ? Math.round((figures.resolved_contacts / figures.resolved) * 100) / 100 : null,
      backlog: figures.backlog,
    },
    // new cases per channel the customer first used, most used first
    channels: figures.channels.map((c) => ({ channel: c.channel, cases: c.cases, share: rate(c.cases, figures.opened) })),
    sla: {
      policies: figures.policies,
      cases_breached: figures.sla_breached,
      met_rate: figures.policies ? rate(figures.opened - figures.sla_breached, figures.opened) : null,
      first_response_median_minutes: figures.first_response_median_minutes,
    },
    promises: {
      due: figures.promises_due,
      kept_on_time: figures.promises_kept_on_time,
      broken: figures.promises_broken,
      open: figures.promises_open,
      kept_rate: rate(figures.promises_kept_on_time, figures.promises_kept_on_time + figures.promises_broken),
    },
    cost: {
      hourly_cost_cents,
      handled_hours: Math.round(hours * 100) / 100,
      // no time recorded (nobody used the workspace) is unknown, not free
      cost_per_contact_cents: total && figures.work_seconds > 0 ? Math.round((hours * hourly_cost_cents) / total) : null,
    },
    refunds,
  };
}
