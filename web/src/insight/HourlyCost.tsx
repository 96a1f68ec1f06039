import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { patch } from '../shared/api.ts';

/** The admin sets what an agent hour costs (in euros; stored in cents). */
export function HourlyCost({ cents, onSaved }: { cents: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState((cents / 100).toFixed(2).replace('.', ','));
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  async function save(e: FormEvent) {
    e.preventDefault();
    const euros = Number(value.replace(/\s|€/g, '').replace(',', '.'));
    if (!Number.isFinite(euros) || euros < 0) return setNotice({ kind: 'error', text: t('dashboard.hourlyInvalid') });
    try {
      await patch('/api/v1/settings/insight', { hourly_cost_cents: Math.round(euros * 100) });
      setNotice({ kind: 'ok', text: t('case.saved') });
      onSaved();
    } catch (err) {
      setNotice({ kind: 'error', text: t('app.error', { message: (err as Error).message }) });
    }
  }
  return (
    <form className="card inline-form hourly" onSubmit={save} aria-labelledby="hourly-title">
      <h2 id="hourly-title">{t('dashboard.hourlyTitle')}</h2>
      <label htmlFor="hourly-cost">{t('dashboard.hourlyLabel')}</label>
      <input id="hourly-cost" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} size={8} />
      <button type="submit" className="button">
        {t('case.save')}
      </button>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
    </form>
  );
}
