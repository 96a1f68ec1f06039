import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, query } from '../shared/api.ts';
import { formatDay, formatNumber, formatPercent } from '../shared/format.ts';
import { NpsSchedule } from './NpsSchedule.tsx';

interface Group { key: string | null; label: string | null; responses: number; average: number | null; satisfied_rate: number | null }
interface Figures {
  csat: {
    asked: number; skipped_opted_out: number; responses: number; average: number | null; satisfied_rate: number | null; by_agent: Group[]; by_team: Group[]; by_topic: Group[]; by_channel: Group[];
    by_week: { week: string; responses: number; average: number; satisfied_rate: number }[];
  };
  nps: { asked: number; responses: number; score: number | null; promoters: number; passives: number; detractors: number; by_week: { week: string; responses: number; score: number | null }[] };
}
const GROUPS = ['by_agent', 'by_team', 'by_topic', 'by_channel'] as const;

/** How customers rate us: CSAT after solving and NPS, as tiles and as tables, each table also as CSV. */
export function SurveyFigures({ days, canExport }: { days: number; canExport: boolean }) {
  const { t } = useTranslation();
  const [f, setF] = useState<Figures | null>(null);
  useEffect(() => {
    const ac = new AbortController();
    get<Figures>(`/api/v1/insight/surveys${query({ days })}`, ac.signal).then(setF, () => {});
    return () => ac.abort();
  }, [days]);
  if (!f) return null;
  const avg = (v: number | null) => (v === null ? '—' : formatNumber(v, 1));
  return (
    <section className="card" aria-labelledby="surveys-title">
      <h2 id="surveys-title">{t('surveys.title')}</h2>
      <ul className="kpis" aria-label={t('surveys.title')}>
        <li className="kpi card">
          <span className="kpi-label">{t('surveys.csat')}</span>
          <strong className="kpi-value">{avg(f.csat.average)}</strong>
          <span className="muted small">{t('surveys.csatNote', { count: f.csat.responses, satisfied: f.csat.satisfied_rate === null ? '—' : formatPercent(f.csat.satisfied_rate), skipped: f.csat.skipped_opted_out })}</span>
        </li>
        <li className="kpi card">
          <span className="kpi-label">{t('surveys.nps')}</span>
          <strong className="kpi-value">{f.nps.score === null ? '—' : formatNumber(f.nps.score, 0)}</strong>
          <span className="muted small">{t('surveys.npsNote', { count: f.nps.responses, promoters: f.nps.promoters, detractors: f.nps.detractors })}</span>
        </li>
      </ul>
      {GROUPS.map((g) =>
        f.csat[g].length ? (
          <table key={g} className="table">
            <caption>
              {t(`surveys.${g}`)}
              {canExport && (
                <>
                  {' '}
                  <a href={`/api/v1/insight/export.csv${query({ days, table: `csat_${g}` })}`} download>
                    {t('surveys.csv')}
                  </a>
                </>
              )}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('surveys.name')}</th>
                <th scope="col">{t('surveys.responses')}</th>
                <th scope="col">{t('surveys.average')}</th>
                <th scope="col">{t('surveys.satisfied')}</th>
              </tr>
            </thead>
            <tbody>
              {f.csat[g].map((r) => (
                <tr key={r.key ?? 'none'}>
                  <th scope="row">{r.label ?? r.key ?? t('surveys.unknown')}</th>
                  <td>{formatNumber(r.responses, 0)}</td>
                  <td>{avg(r.average)}</td>
                  <td>{r.satisfied_rate === null ? '—' : formatPercent(r.satisfied_rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null,
      )}
      <WeeklyTrend f={f} days={days} canExport={canExport} />
      {!f.csat.responses && <p className="muted">{t('surveys.none')}</p>}
      {canExport && <NpsSchedule />}
      {canExport && (
        <p className="small">
          {t('surveys.exports')}{' '}
          {(['contacts', 'topics', 'channels', 'cases', 'sla', 'promises', 'cost', 'refunds', 'refund_months', 'nps', 'csat_by_week', 'nps_by_week'] as const).map((table) => (
            <a key={table} href={`/api/v1/insight/export.csv${query({ days, table })}`} download className="csv-link">
              {t(`surveys.table.${table}`)}
            </a>
          ))}
        </p>
      )}
    </section>
  );
}

/** CSAT and NPS per week (Monday to Sunday), oldest first: the trend as a table. */
function WeeklyTrend({ f, days, canExport }: { f: Figures; days: number; canExport: boolean }) {
  const { t } = useTranslation();
  const weeks = [...new Set([...f.csat.by_week.map((w) => w.week), ...f.nps.by_week.map((w) => w.week)])].sort();
  if (!weeks.length) return null;
  const csat = new Map(f.csat.by_week.map((w) => [w.week, w]));
  const nps = new Map(f.nps.by_week.map((w) => [w.week, w]));
  return (
    <table className="table">
      <caption>
        {t('surveys.byWeek')}
        {canExport && (
          <>
            {' '}
            <a href={`/api/v1/insight/export.csv${query({ days, table: 'csat_by_week' })}`} download>
              {t('surveys.csv')}
            </a>
          </>
        )}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('surveys.week')}</th>
          <th scope="col">{t('surveys.csatAnswers')}</th>
          <th scope="col">{t('surveys.csatAverage')}</th>
          <th scope="col">{t('surveys.satisfied')}</th>
          <th scope="col">{t('surveys.npsAnswers')}</th>
          <th scope="col">{t('surveys.npsScore')}</th>
        </tr>
      </thead>
      <tbody>
        {weeks.map((w) => {
          const c = csat.get(w);
          const n = nps.get(w);
          return (
            <tr key={w}>
              <th scope="row">{t('surveys.weekOf', { day: formatDay(w) })}</th>
              <td>{formatNumber(c?.responses ?? 0, 0)}</td>
              <td>{c ? formatNumber(c.average, 1) : '—'}</td>
              <td>{c ? formatPercent(c.satisfied_rate) : '—'}</td>
              <td>{formatNumber(n?.responses ?? 0, 0)}</td>
              <td>{n?.score == null ? '—' : formatNumber(n.score, 0)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
