import { useTranslation } from 'react-i18next';
import { formatDay } from '../shared/format.ts';
import type { Dashboard } from './types.ts';

const W = 480;
const ROW = 40;

/**
 * Contacts per topic per day: one small row of bars per topic (the busiest first, the rest as
 * "other"), a spike listening raised marked on its day. The figures are one click away as a table.
 */
export function TopicChart({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const topics = d.contacts.topics;
  if (!topics.length) return <p className="muted">{t('dashboard.noContacts')}</p>;
  const max = Math.max(1, ...topics.flatMap((x) => x.counts));
  const step = W / d.days.length;
  const name = (x: Dashboard['contacts']['topics'][number]) => (x.topic_id ? (x.label ?? t('dashboard.unnamedTopic')) : t('dashboard.otherTopics'));
  const y = (v: number) => ROW - 2 - (v / max) * (ROW - 12);
  return (
    <figure className="topic-chart">
      <div className="topic-rows" role="img" aria-label={`${t('dashboard.chartTopics', { count: topics.length })} ${t('dashboard.chartDays', { count: d.days.length })}; ${t('dashboard.chartSpikes', { count: d.contacts.spikes.length })}`}>
        {topics.map((x) => (
          <div className="topic-row" key={x.topic_id ?? 'other'}>
            <span className="topic-name" title={name(x)}>
              {name(x)}
            </span>
            <svg viewBox={`0 0 ${W} ${ROW}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <line x1={0} x2={W} y1={ROW - 1.5} y2={ROW - 1.5} className="axis" />
              {x.counts.map((c, i) => {
                const spike = x.spikes.some((s) => s.day === d.days[i]);
                return (
                  <g key={d.days[i]}>
                    {c > 0 && <rect x={i * step + step * 0.15} width={Math.max(1, step * 0.7)} y={y(c)} height={ROW - 2 - y(c)} className={spike ? 'bar high' : 'bar'} />}
                    {spike && <path d={`M${i * step + step / 2 - 5},0 h10 l-5,7 z`} className="spike-mark" />}
                  </g>
                );
              })}
            </svg>
          </div>
        ))}
      </div>
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
