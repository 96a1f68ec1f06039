import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, patch, post } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';
import { useAction } from '../shared/useAction.ts';

interface Settings { nps_every_days: number | null; nps_sample: number; nps_last_sent_at: string | null }

/**
 * The NPS schedule (supervisors): every how many days a round goes out and to how many customers
 * (who accept surveys and were not asked in 90 days), when the last one went, and a round now.
 */
export function NpsSchedule() {
  const { t } = useTranslation();
  const [s, setS] = useState<Settings | null>(null);
  const [on, setOn] = useState(false);
  const [every, setEvery] = useState('30');
  const [sample, setSample] = useState('200');
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const ac = new AbortController();
    get<Settings>('/api/v1/settings/surveys', ac.signal).then((r) => {
      setS(r);
      setOn(r.nps_every_days !== null);
      if (r.nps_every_days !== null) setEvery(String(r.nps_every_days));
      setSample(String(r.nps_sample));
    }, () => {});
    return () => ac.abort();
  }, [version]);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const { notice, act } = useAction(refresh, t('nps.saved'));
  if (!s) return null;

  const everyDays = Number(every);
  const sampleSize = Number(sample);
  const everyOk = !on || (Number.isInteger(everyDays) && everyDays >= 7 && everyDays <= 366);
  const sampleOk = Number.isInteger(sampleSize) && sampleSize >= 1 && sampleSize <= 10_000;
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!everyOk || !sampleOk) return;
    void act(() => patch('/api/v1/settings/surveys', { nps_every_days: on ? everyDays : null, nps_sample: sampleSize }), t('nps.saved'));
  };
  const sendNow = () =>
    void act(async () => {
      const r = await post<{ queued: number }>('/api/v1/surveys/nps', { sample: sampleSize });
      return t('nps.sent', { count: r.queued });
    });

  return (
    <form className="nps-schedule" onSubmit={save} aria-labelledby="nps-schedule-title" noValidate>
      <h3 id="nps-schedule-title">{t('nps.title')}</h3>
      <p className="muted small">
        {s.nps_every_days === null ? t('nps.off') : t('nps.on', { days: s.nps_every_days, sample: s.nps_sample })}{' '}
        {s.nps_last_sent_at ? t('nps.last', { at: formatDateTime(s.nps_last_sent_at) }) : t('nps.never')}
      </p>
      <label className="check">
        <input type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} /> {t('nps.scheduled')}
      </label>
      <label>
        {t('nps.every')}{' '}
        <input type="number" min={7} max={366} value={every} disabled={!on} onChange={(e) => setEvery(e.target.value)}
          aria-invalid={!everyOk} aria-describedby={everyOk ? undefined : 'nps-every-error'} />
      </label>
      {!everyOk && <p id="nps-every-error" className="error small">{t('nps.everyRange')}</p>}
      <label>
        {t('nps.sample')}{' '}
        <input type="number" min={1} max={10000} value={sample} onChange={(e) => setSample(e.target.value)}
          aria-invalid={!sampleOk} aria-describedby={sampleOk ? undefined : 'nps-sample-error'} />
      </label>
      {!sampleOk && <p id="nps-sample-error" className="error small">{t('nps.sampleRange')}</p>}
      <p>
        <button type="submit" disabled={!everyOk || !sampleOk}>{t('nps.save')}</button>{' '}
        <button type="button" onClick={sendNow} disabled={!sampleOk}>{t('nps.sendNow')}</button>
      </p>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
    </form>
  );
}
