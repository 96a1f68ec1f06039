import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, query } from '../shared/api.ts';
import { formatNumber, formatPercent } from '../shared/format.ts';

interface Group { key: string | null; label: string | null; responses: number; average: number | null; satisfied_rate: number | null }
interface Figures {
  csat: { asked: number; skipped_opted_out: number; responses: number; average: number | null; satisfied_rate: number | null; by_agent: Group[]; by_team: Group[]; by_topic: Group[]; by_channel: Group[] };
  nps: { asked: number; responses: number; score: number | null; promoters: number; passives: number; detractors: number };
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
      {!f.csat.responses && <p className="muted">{t('surveys.none')}</p>}
      {canExport && (
        <p className="small">
          {t('surveys.exports')}{' '}
          {(['contacts', 'topics', 'cases', 'sla', 'promises', 'cost', 'nps'] as const).map((table) => (
            <a key={table} href={`/api/v1/insight/export.csv${query({ days, table })}`} download className="csv-link">
              {t(`surveys.table.${table}`)}
            </a>
          ))}
        </p>
      )}
    </section>
  );
}
