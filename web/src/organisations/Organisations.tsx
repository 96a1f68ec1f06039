import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post, query } from '../shared/api.ts';
import { useShortcuts } from '../shared/keys.ts';
import { onLinkClick, organisationHref } from '../shared/router.ts';
import type { Me } from '../shared/types.ts';
import { useAction } from '../shared/useAction.ts';
import type { Organisation } from './types.ts';

const list = (v: string) => v.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);

/** The account's organisations (companies), a search over names and domains, and a form to make one. */
export function Organisations({ onHelp }: { me: Me; onHelp: () => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Organisation[] | null>(null);
  const [q, setQ] = useState('');
  const [version, setVersion] = useState(0);
  const [form, setForm] = useState({ name: '', domains: '', segment: '' });
  const titleRef = useRef<HTMLHeadingElement>(null);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const { notice, act } = useAction(refresh, t('organisations.saved'));
  useShortcuts({ '?': onHelp });
  useEffect(() => titleRef.current?.focus(), []);
  useEffect(() => {
    const ac = new AbortController();
    const timer = setTimeout(() => {
      get<{ data: Organisation[] }>(`/api/v1/organisations${query({ q: q.trim(), limit: 200 })}`, ac.signal).then((r) => setRows(r.data)).catch(() => undefined);
    }, 150);
    return () => {
      clearTimeout(timer);
      ac.abort();
    };
  }, [q, version]);

  async function create(e: FormEvent) {
    e.preventDefault();
    const body = { name: form.name, domains: list(form.domains), ...(form.segment.trim() ? { segment: form.segment.trim() } : {}) };
    if (await act(() => post('/api/v1/organisations', body), t('organisations.created', { name: form.name }))) setForm({ name: '', domains: '', segment: '' });
  }
  return (
    <main id="main" className="organisations">
      <h1 ref={titleRef} tabIndex={-1}>{t('organisations.title')}</h1>
      <p className="muted">{t('organisations.intro')}</p>
      <div className="inline-form">
        <label htmlFor="org-search">{t('organisations.search')}</label>
        <input id="org-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={200} />
      </div>
      {rows && rows.length === 0 && <p className="muted">{t('organisations.none')}</p>}
      {rows && rows.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('organisations.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('organisations.name')}</th>
              <th scope="col">{t('organisations.domains')}</th>
              <th scope="col">{t('organisations.segment')}</th>
              <th scope="col">{t('organisations.people')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <tr key={o.id}>
                <td><a href={organisationHref(o.id)} onClick={onLinkClick}>{o.name}</a></td>
                <td>{o.domains.join(', ') || <span className="muted">—</span>}</td>
                <td>{t(`segment.${o.segment}`, { defaultValue: o.segment })}</td>
                <td>{o.people_count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="card stack" onSubmit={create} aria-labelledby="org-new-title">
        <h2 id="org-new-title">{t('organisations.new')}</h2>
        <label htmlFor="org-name">{t('organisations.name')}</label>
        <input id="org-name" required maxLength={200} value={form.name} onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))} />
        <label htmlFor="org-domains">{t('organisations.domains')}</label>
        <input id="org-domains" aria-describedby="org-domains-hint" value={form.domains} onChange={(e) => setForm((f) => ({ ...f, domains: e.target.value }))} placeholder="bakkerij-jansen.nl" />
        <p id="org-domains-hint" className="muted">{t('organisations.domainsHint')}</p>
        <label htmlFor="org-segment">{t('organisations.segment')}</label>
        <input id="org-segment" value={form.segment} maxLength={32} onChange={(e) => setForm((f) => ({ ...f, segment: e.target.value }))} placeholder="standard" />
        <button type="submit" className="button">{t('organisations.create')}</button>
      </form>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
    </main>
  );
}
