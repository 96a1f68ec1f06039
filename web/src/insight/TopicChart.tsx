import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../shared/format.ts';
import type { Dashboard } from './types.ts';

const W = 640;
const ROW = 44;

/**
 * Contacts per topic per day: one small row of bars per topic (the busiest first, the rest as
 * "other"), a spike listening raised marked on its day. The figures are one click away as a table.
 */
export function TopicChart({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const id = useId();
  const topics = d.contacts.topics;
  if (!topics.length) return <p className="muted">{t('dashboard.noContacts')}</p>;
  const max = Math.max(1, ...topics.flatMap((x) => x.counts));
  const label = 160;
  const step = (W - label) / d.days.length;
  const name = (x: Dashboard['contacts']['topics'][number]) => (x.topic_id ? (x.label ?? t('dashboard.unnamedTopic')) : t('dashboard.otherTopics'));
  const H = topics.length * ROW;
  return (
    <figure className="topic-chart">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={`${id}-t`}>
        <title id={`${id}-t`}>{t('dashboard.chartLabel', { topics: topics.length, days: d.days.length, spikes: d.contacts.spikes.length })}</title>
        {topics.map((x, r) => {
          const top = r * ROW;
          const y = (v: number) => top + ROW - 6 - (v / max) * (ROW - 14);
          return (
            <g key={x.topic_id ?? 'other'}>
              <text x={0} y={top + ROW / 2 + 4} className="chart-label">
                {name(x).slice(0, 24)}
              </text>
              <line x1={label} x2={W} y1={top + ROW - 5.5} y2={top + ROW - 5.5} className="axis" />
              {x.counts.map((c, i) => {
                const spike = x.spikes.some((s) => s.day === d.days[i]);
                return (
                  <g key={d.days[i]}>
                    {c > 0 && <rect x={label + i * step + step * 0.15} width={Math.max(1, step * 0.7)} y={y(c)} height={top + ROW - 6 - y(c)} className={spike ? 'bar high' : 'bar'} />}
                    {spike && <path d={`M${label + i * step + step / 2 - 5},${top + 2} h10 l-5,7 z`} className="spike-mark" />}
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption className="small">
        <span className="legend-bar" aria-hidden="true" /> {t('dashboard.legendContacts')} <span className="legend-spike" aria-hidden="true" /> {t('dashboard.legendSpike')}
      </figcaption>
      <details>
        <summary>{t('dashboard.table')}</summary>
        <div className="table-scroll">
          <table className="figures">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.topic')}</th>
                {d.days.map((day) => (
                  <th scope="col" key={day}>
                    <time dateTime={day}>{formatDay(day)}</time>
                  </th>
                ))}
                <th scope="col">{t('dashboard.total')}</th>
              </tr>
            </thead>
            <tbody>
              {topics.map((x) => (
                <tr key={x.topic_id ?? 'other'}>
                  <th scope="row">{name(x)}</th>
                  {x.counts.map((c, i) => (
                    <td key={d.days[i]}>{x.spikes.some((s) => s.day === d.days[i]) ? <strong title={t('dashboard.legendSpike')}>{c} ▲</strong> : c}</td>
                  ))}
                  <td>{x.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
