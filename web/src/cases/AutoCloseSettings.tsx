import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, patch } from '../shared/api.ts';
import { useAction } from '../shared/useAction.ts';

interface Settings { enabled: boolean; remind_after_days: number; close_after_days: number }

const whole = (v: string, min: number, max: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
};

/**
 * Auto-close (supervisors): a case pending with the customer gets a reminder after N days and is
 * solved after M, each message in the customer's language; a reply from the customer stops it.
 */
export function AutoCloseSettings() {
  const { t } = useTranslation();
  const [s, setS] = useState<Settings | null>(null);
  const [on, setOn] = useState(false);
  const [remind, setRemind] = useState('7');
  const [close, setClose] = useState('14');
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const ac = new AbortController();
    get<Settings>('/api/v1/settings/autoclose', ac.signal).then((r) => {
      setS(r);
      setOn(r.enabled);
      setRemind(String(r.remind_after_days));
      setClose(String(r.close_after_days));
    }, () => {});
    return () => ac.abort();
  }, [version]);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const { notice, act } = useAction(refresh, t('autoclose.saved'));
  if (!s) return null;

  const r = whole(remind, 1, 90);
  const c = whole(close, 2, 180);
  const order = r !== null && c !== null && c > r;
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!order) return;
    void act(() => patch('/api/v1/settings/autoclose', { enabled: on, remind_after_days: r, close_after_days: c }), t('autoclose.saved'));
  };
  return (
    <form className="card autoclose" onSubmit={save} aria-labelledby="autoclose-title" noValidate>
      <h2 id="autoclose-title">{t('autoclose.title')}</h2>
      <p className="muted small">
        {s.enabled ? t('autoclose.on', { remind: s.remind_after_days, close: s.close_after_days }) : t('autoclose.off')}
      </p>
      <label className="check">
        <input type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} /> {t('autoclose.enabled')}
      </label>
      <label>
        {t('autoclose.remind')}{' '}
        <input type="number" min={1} max={90} value={remind} onChange={(e) => setRemind(e.target.value)} aria-invalid={r === null} aria-describedby={r === null ? 'autoclose-remind-error' : undefined} />
      </label>
      {r === null && <p id="autoclose-remind-error" className="error small">{t('autoclose.remindRange')}</p>}
      <label>
        {t('autoclose.close')}{' '}
        <input type="number" min={2} max={180} value={close} onChange={(e) => setClose(e.target.value)} aria-invalid={c === null || !order} aria-describedby={c === null || !order ? 'autoclose-close-error' : undefined} />
      </label>
      {(c === null || (r !== null && !order)) && <p id="autoclose-close-error" className="error small">{c === null ? t('autoclose.closeRange') : t('autoclose.closeAfter')}</p>}
      <p>
        <button type="submit" disabled={!order}>{t('autoclose.save')}</button>
      </p>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
    </form>
  );
}
