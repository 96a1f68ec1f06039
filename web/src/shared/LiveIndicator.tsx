import { useTranslation } from 'react-i18next';
import { useLiveState } from './live.ts';

/** A calm dot in the top bar: green when changes arrive live, grey while (re)connecting or offline. */
export function LiveIndicator() {
  const { t } = useTranslation();
  const state = useLiveState();
  return (
    <span className={`live live-${state}`} title={t(`live.${state}.hint`)}>
      <span className="live-dot" aria-hidden="true" />
      {t(`live.${state}.label`)}
    </span>
  );
}
