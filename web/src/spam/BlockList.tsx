import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, del, get, post } from '../shared/api.ts';

interface Blocked { id: string; kind: 'address' | 'domain'; value: string; reason: string | null; created_at: string }

/** The block list (supervisors and admins): what is blocked, unblock, and block an address or domain by hand. */
export function BlockList() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Blocked[] | null>(null);
  const [value, setValue] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(() => get<{ data: Blocked[] }>('/api/v1/blocked-senders').then((r) => setRows(r.data), () => setRows([])), []);
  useEffect(() => { void load(); }, [load]);

  const run = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      setNotice(ok);
      await load();
      return true;
    } catch (err) {
      setNotice(err instanceof ApiError ? err.message : String(err));
      return false;
    }
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const v = value.trim();
    if (!v) return;
    const kind = v.includes('@') && !v.startsWith('@') ? 'address' : 'domain';
    if (await run(() => post('/api/v1/blocked-senders', { kind, value: v }), t('spam.added', { value: v }))) setValue('');
  };

  return (
    <section className="card" aria-labelledby="blocklist-title">
      <h2 id="blocklist-title">{t('spam.listTitle')}</h2>
      <p className="muted">{t('spam.listHelp')}</p>
      <p role="status" aria-live="polite">{notice ?? ''}</p>
      {rows === null ? <p className="muted">{t('app.loading')}</p> : rows.length === 0 ? <p>{t('spam.empty')}</p> : (
        <table>
          <caption className="visually-hidden">{t('spam.listTitle')}</caption>
          <thead>
            <tr><th scope="col">{t('spam.colValue')}</th><th scope="col">{t('spam.colKind')}</th><th scope="col">{t('spam.colReason')}</th><th scope="col"><span className="visually-hidden">{t('spam.unblock')}</span></th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.value}</td>
                <td>{r.kind === 'domain' ? t('spam.kindDomain') : t('spam.kindAddress')}</td>
                <td>{r.reason ?? ''}</td>
                <td>
                  <button type="button" className="button" onClick={() => void run(() => del(`/api/v1/blocked-senders/${r.id}`), t('spam.removed', { value: r.value }))}>
                    {t('spam.unblock')}<span className="visually-hidden"> {r.value}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={add} className="inline-form">
        <label htmlFor="blocklist-value">{t('spam.addLabel')}</label>
        <input id="blocklist-value" value={value} onChange={(e) => setValue(e.target.value)} maxLength={320} placeholder="spam@example.com / example.com" />
        <button type="submit" className="button">{t('spam.add')}</button>
      </form>
    </section>
  );
}
