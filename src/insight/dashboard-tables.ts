/**
 * Every table of the dashboard as rows, for CSV: what the charts show, also as plain figures. Pure:
 * takes what getDashboard / getSurveyFigures return.
 */
type Row = Record<string, unknown>;
interface DashboardLike {
  days: string[];
  contacts: { by_day: number[]; topics: { topic_id: string | null; label: string | null; total: number; counts: number[] }[] };
  channels: { channel: string; cases: number; share: number | null }[];
  cases: Record<string, number | null>;
  sla: Record<string, number | null>;
  promises: Record<string, number | null>;
  cost: Record<string, number | null>;
  refunds: object & { by_month: { month: string; paid: number; median_hours_to_paid: number | null; median_hours_charge_to_paid: number | null; median_hours_complaint_to_paid: number | null }[] };
}

export const DASHBOARD_TABLES = ['contacts', 'topics', 'channels', 'cases', 'sla', 'promises', 'cost', 'refunds', 'refund_months'] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

export function dashboardTable(d: DashboardLike, table: DashboardTable): { columns: string[]; rows: Row[] } {
  const figures = (o: Record<string, number | null>) => ({ columns: ['figure', 'value'], rows: Object.entries(o).map(([figure, value]) => ({ figure, value })) });
  switch (table) {
    case 'contacts':
      return { columns: ['day', 'contacts'], rows: d.days.map((day, i) => ({ day, contacts: d.contacts.by_day[i] ?? 0 })) };
    case 'topics':
      return {
        columns: ['topic', 'total', ...d.days],
        rows: d.contacts.topics.map((t) => ({ topic: t.label ?? (t.topic_id ? t.topic_id : 'other'), total: t.total, ...Object.fromEntries(d.days.map((day, i) => [day, t.counts[i] ?? 0])) })),
      };
    case 'channels': return { columns: ['channel', 'cases', 'share'], rows: d.channels };
    case 'cases': return figures(d.cases);
    case 'sla': return figures(d.sla);
    case 'promises': return figures(d.promises);
    case 'cost': return figures(d.cost);
    // the refund tile's figures (the months are their own table)
    case 'refunds': return figures(Object.fromEntries(Object.entries(d.refunds).filter(([, v]) => !Array.isArray(v))) as unknown as Record<string, number | null>);
    case 'refund_months':
      return { columns: ['month', 'paid', 'median_hours_to_paid', 'median_hours_charge_to_paid', 'median_hours_complaint_to_paid'], rows: d.refunds.by_month };
  }
}

export const SURVEY_TABLES = ['csat_by_agent', 'csat_by_team', 'csat_by_topic', 'csat_by_channel', 'csat_by_day', 'csat_by_week', 'nps', 'nps_by_week'] as const;
export type SurveyTable = (typeof SURVEY_TABLES)[number];

interface SurveysLike {
  csat: Record<'by_agent' | 'by_team' | 'by_topic' | 'by_channel', { key: string | null; label: string | null; responses: number; average: number | null; satisfied_rate: number | null }[]>
    & { by_day: { day: string; responses: number; average: number }[]; by_week: { week: string; responses: number; average: number; satisfied_rate: number }[] };
  nps: { by_week: { week: string; responses: number; score: number | null }[] } & Record<string, unknown>;
}

export function surveyTable(s: SurveysLike, table: SurveyTable): { columns: string[]; rows: Row[] } {
  if (table === 'csat_by_day') return { columns: ['day', 'responses', 'average'], rows: s.csat.by_day };
  if (table === 'csat_by_week') return { columns: ['week', 'responses', 'average', 'satisfied_rate'], rows: s.csat.by_week };
  if (table === 'nps_by_week') return { columns: ['week', 'responses', 'score'], rows: s.nps.by_week };
  if (table === 'nps') return { columns: ['figure', 'value'], rows: Object.entries(s.nps).filter(([, v]) => !Array.isArray(v)).map(([figure, value]) => ({ figure, value })) };
  const groups = s.csat[table.slice('csat_'.length) as 'by_agent'];
  return { columns: ['name', 'responses', 'average', 'satisfied_rate'], rows: groups.map((g) => ({ name: g.label ?? g.key ?? '', responses: g.responses, average: g.average, satisfied_rate: g.satisfied_rate })) };
}
