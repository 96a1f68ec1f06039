import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../shared/format.ts';
import type { Dashboard } from './types.ts';

/** The channel mix: new cases per channel the customer first used, as a table with a bar per row. */
export function ChannelMix({ channels }: { channels: Dashboard['channels'] }) {
  const { t } = useTranslation();
  if (!channels.length) return <p className="muted">{t('dashboard.noChannels')}</p>;
  return (
    <table className="table channel-mix">
      <thead>
        <tr>
          <th scope="col">{t('dashboard.channel')}</th>
          <th scope="col">{t('dashboard.newCases')}</th>
          <th scope="col">{t('dashboard.share')}</th>
        </tr>
      </thead>
      <tbody>
        {channels.map((c) => (
          <tr key={c.channel}>
            <th scope="row">{t(`channel.${c.channel}`, { defaultValue: c.channel })}</th>
            <td>{formatNumber(c.cases, 0)}</td>
            <td className="share-cell">
              <span className="share-track" aria-hidden="true">
                <span className="share-bar" style={{ width: `${Math.round((c.share ?? 0) * 100)}%` }} />
              </span>
              {c.share === null ? '—' : formatPercent(c.share)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
