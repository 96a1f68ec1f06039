import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldEditor } from '../custom-fields/FieldEditor.tsx';
import { ApiError, get, patch } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';
import { useShortcuts } from '../shared/keys.ts';
import { caseHref, onLinkClick, ORGANISATIONS } from '../shared/router.ts';
import type { Me } from '../shared/types.ts';
import { useAction } from '../shared/useAction.ts';
import type { OrganisationPage } from './types.ts';

/** One organisation: its details and domains (editable), its custom fields, its people and their cases. */
export function OrganisationView({ id, onHelp }: { me: Me; id: string; onHelp: () => void }) {
  const { t } = useTranslation();
  const [org, setOrg] = useState<OrganisationPage | null>(null);
  const [missing, setMissing] = useState(false);
  const [version, setVersion] = useState(0);
  const [form, setForm] = useState({ name: '', segment: '', domains: '', notes: '', shares: false });
  const titleRef = useRef<HTMLHeadingElement>(null);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const { notice, act } = useAction(refresh, t('organisations.saved'));
  useShortcuts({ '?': onHelp });
  useEffect(() => {
    const ac = new AbortController();
    get<OrganisationPage>(`/api/v1/organisations/${encodeURIComponent(id)}`, ac.signal).then(
      (o) => {
        setOrg(o);
        setForm({ name: o.name, segment: o.segment, domains: o.domains.join(', '), notes: o.notes, shares: o.portal_shares_cases });
      },
      (e) => e instanceof ApiError && e.status === 404 && setMissing(true),
    );
    return () => ac.abort();
  }, [id, version]);
  const loaded = Boolean(org);
  useEffect(() => {
    if (loaded) titleRef.current?.focus();
  }, [loaded]);

  if (missing) return <main id="main" className="organisations"><p className="error" role="alert">{t('organisations.notFound')}</p><a href={ORGANISATIONS} onClick={onLinkClick}>{t('organisations.back')}</a></main>;
  if (!org) return <main id="main" className="organisations" aria-busy="true"><p className="muted">{t('app.loading')}</p></main>;

  async function save(e: FormEvent) {
    e.preventDefault();
    const domains = form.domains.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);
    await act(() => patch(`/api/v1/organisations/${org!.id}`, { name: form.name, segment: form.segment, notes: form.notes, domains, portal_shares_cases: form.shares }));
  }
  return (
    <main id="main" className="organisations">
      <p><a href={ORGANISATIONS} onClick={onLinkClick}>{t('organisations.back')}</a></p>
      <h1 ref={titleRef} tabIndex={-1}>{org.name}</h1>
      <p className="muted">{t('organisations.summary', { count: org.people_count, domains: org.domains.join(', ') || '—' })}</p>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
      <div className="org-columns">
        <form className="card stack" onSubmit={save} aria-labelledby="org-details-title">
          <h2 id="org-details-title">{t('organisations.details')}</h2>
          <label htmlFor="org-edit-name">{t('organisations.name')}</label>
          <input id="org-edit-name" required maxLength={200} value={form.name} onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))} />
          <label htmlFor="org-edit-segment">{t('organisations.segment')}</label>
          <input id="org-edit-segment" maxLength={32} value={form.segment} onChange={(e) => setForm((f) => ({ ...f, segment: e.target.value }))} />
          <label htmlFor="org-edit-domains">{t('organisations.domains')}</label>
          <input id="org-edit-domains" aria-describedby="org-edit-domains-hint" value={form.domains} onChange={(e) => setForm((f) => ({ ...f, domains: e.target.value }))} />
          <p id="org-edit-domains-hint" className="muted">{t('organisations.domainsHint')}</p>
          <label htmlFor="org-edit-notes">{t('organisations.notes')}</label>
          <textarea id="org-edit-notes" rows={4} maxLength={20000} value={form.notes} onChange={(e) => setForm((f) => ({ ...f, notes: e.target.value }))} />
          <label>
            <input type="checkbox" aria-describedby="org-edit-shares-hint" checked={form.shares} onChange={(e) => setForm((f) => ({ ...f, shares: e.target.checked }))} /> {t('organisations.portalShares')}
          </label>
          <p id="org-edit-shares-hint" className="muted">{t('organisations.portalSharesHint')}</p>
          <button type="submit" className="button">{t('organisations.save')}</button>
        </form>
        <section className="card">
          <FieldEditor entity="organisation" id={org.id} values={org.custom_fields} path={`/api/v1/organisations/${org.id}`} act={act} />
        </section>
      </div>
      <section aria-labelledby="org-people-title">
        <h2 id="org-people-title">{t('organisations.peopleTitle', { count: org.people.length })}</h2>
        {org.people.length === 0 ? <p className="muted">{t('organisations.noPeople')}</p> : (
          <table>
            <thead><tr><th scope="col">{t('organisations.person')}</th><th scope="col">{t('organisations.email')}</th><th scope="col">{t('organisations.openCases')}</th></tr></thead>
            <tbody>
              {org.people.map((p) => (
                <tr key={p.id}><td>{p.name || <span className="muted">—</span>}</td><td>{p.emails.join(', ')}</td><td>{p.open_cases}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="org-cases-title">
        <h2 id="org-cases-title">{t('organisations.casesTitle')}</h2>
        {org.cases.length === 0 ? <p className="muted">{t('organisations.noCases')}</p> : (
          <table>
            <thead><tr><th scope="col">{t('organisations.case')}</th><th scope="col">{t('organisations.subject')}</th><th scope="col">{t('organisations.person')}</th><th scope="col">{t('organisations.status')}</th><th scope="col">{t('organisations.updated')}</th></tr></thead>
            <tbody>
              {org.cases.map((c) => (
                <tr key={c.id}>
                  <td><a href={caseHref(c.ref)} onClick={onLinkClick}>{c.ref}</a></td>
                  <td>{c.subject}</td>
                  <td>{c.customer_name || <span className="muted">—</span>}</td>
                  <td>{t(`status.${c.status}`)}</td>
                  <td>{formatDateTime(c.updated_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
