import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatHour, formatNumber } from '../shared/format.ts';
import type { SignalEvidence } from './types.ts';

const W = 320;
const H = 72;

/**
 * A signal's hourly counts as small bars, the expected level as a dashed line. The picture has a
 * one-sentence text alternative, and the figures themselves are one click away as a table.
 */
export function SpikeChart({ evidence }: { evidence: SignalEvidence }) {
  const { t } = useTranslation();
  const id = useId();
  const series = evidence.series;
  if (!series.length) return <p className="muted small">{t('problems.chart.empty')}</p>;
  const max = Math.max(1, ...series.map((p) => Math.max(p.count, p.expected)));
  const step = W / series.length;
  const y = (v: number) => H - (v / max) * (H - 4);
  const last = series[series.length - 1];
  const label = t('problems.chart.label', { hours: series.length, now: last.count, expected: formatNumber(last.expected, 1), max: Math.max(...series.map((p) => p.count)) });
  const line = series.map((p, i) => `${(i * step + step / 2).toFixed(1)},${y(p.expected).toFixed(1)}`).join(' ');
  return (
    <figure className="spike">
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-labelledby={`${id}-label`} preserveAspectRatio="none">
        <title id={`${id}-label`}>{label}</title>
        <line x1="0" x2={W} y1={H - 0.5} y2={H - 0.5} className="axis" />
        {series.map((p, i) => (
          <rect
            key={p.at}
            x={i * step + step * 0.15}
            width={Math.max(1, step * 0.7)}
            y={y(p.count)}
            height={H - y(p.count)}
            className={p.count > p.expected * 2 && p.count >= 2 ? 'bar high' : 'bar'}
          />
        ))}
        <polyline points={line} className="expected" />
      </svg>
      <figcaption className="small">
        <span className="legend-bar" aria-hidden="true" /> {t('problems.chart.legendCount')} <span className="legend-line" aria-hidden="true" />{' '}
        {t('problems.chart.legendExpected')}
      </figcaption>
      <details>
        <summary>{t('problems.chart.table')}</summary>
        <table className="figures">
          <thead>
            <tr>
              <th scope="col">{t('problems.chart.at')}</th>
              <th scope="col">{t('problems.chart.count')}</th>
              <th scope="col">{t('problems.chart.expected')}</th>
            </tr>
          </thead>
          <tbody>
            {series.map((p) => (
              <tr key={p.at}>
                <th scope="row">
                  <time dateTime={p.at}>{formatHour(p.at)}</time>
                </th>
                <td>{p.count}</td>
                <td>{formatNumber(p.expected, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
