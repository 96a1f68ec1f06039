import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, patch, post } from '../shared/api.ts';
import { useShortcuts } from '../shared/keys.ts';
import { useAction, type Act } from '../shared/useAction.ts';
import type { Me } from '../shared/types.ts';
import { useCoalesced, useLive } from '../shared/live.ts';
import { StatusComponents, type Component } from './StatusComponents.tsx';
interface Settings { status_slug: string | null; status_name: string | null; contact_route: string | null }

/** The public status page's settings (address, name, the contact route every update names) and its components. */
export function StatusSettings({ onHelp }: { me: Me; onHelp: () => void }) {
  const { t } = useTranslation();
  const [components, setComponents] = useState<Component[] | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [form, setForm] = useState({ slug: '', name: '', contact: '' });
  const [nameNl, setNameNl] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  // the components' own writes (a move shows at once, before the server has it): a load that began
  // before or during one would put the old order back, and moving the list under the keyboard's focus
  // loses the focus; such a load keeps its settings and leaves the components to the load after the write
  const writes = useRef({ pending: 0, seq: 0 });
  useEffect(() => {
    const ac = new AbortController();
    const seq = writes.current.seq;
    Promise.all([get<{ data: Component[] }>('/api/v1/status-components', ac.signal), get<Settings>('/api/v1/settings/announcements', ac.signal)])
      .then(([c, s]) => {
        if (writes.current.pending === 0 && writes.current.seq === seq) setComponents(c.data);
        setSettings(s);
        setForm({ slug: s.status_slug ?? '', name: s.status_name ?? '', contact: s.contact_route ?? '' });
        setError(null);
      })
      .catch((e) => !ac.signal.aborted && setError(e.message));
    return () => ac.abort();
  }, [version]);
  useShortcuts({ '?': onHelp });
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  // a colleague's change (components, settings, an incident) shows here too
  const reload = useCoalesced(refresh);
  useLive((n) => (n.event === 'ready' || n.event === 'status_page.changed') && reload());
  const { notice, act } = useAction(refresh, t('statusSettings.saved'));
  const componentsAct = useCallback<Act>(async (fn, ok) => {
    writes.current.pending++;
    writes.current.seq++;
    try {
      return await act(fn, ok);
    } finally {
      writes.current.pending--;
      writes.current.seq++;
      refresh(); // after a failed write too: the server's order replaces the one shown
    }
  }, [act, refresh]);
  const changeComponents = useCallback((c: Component[]) => {
    writes.current.seq++;
    setComponents(c);
  }, []);

  const save = (e: FormEvent) => {
    e.preventDefault();
    void act(() => patch('/api/v1/settings/announcements', { status_slug: form.slug.trim() || null, status_name: form.name.trim() || null, contact_route: form.contact.trim() || null }));
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (await act(() => post('/api/v1/status-components', { name_nl: nameNl, ...(nameEn.trim() ? { name_en: nameEn } : {}) }), t('statusSettings.added'))) {
      setNameNl('');
      setNameEn('');
    }
  };

  return (
    <main id="main" className="status-settings">
      <h1 ref={titleRef} tabIndex={-1}>{t('statusSettings.title')}</h1>
      <p className="muted hint">{t('statusSettings.hint')}</p>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
      {error && <p className="error" role="alert">{t('app.error', { message: error })}</p>}
      {!error && !settings && <p className="muted">{t('app.loading')}</p>}
      {settings && (
        <section aria-labelledby="page-settings">
          <h2 id="page-settings">{t('statusSettings.page')}</h2>
          {settings.status_slug && (
            <p>
              <a href={`/status/${settings.status_slug}`} target="_blank" rel="noopener">{t('statusSettings.open', { address: `/status/${settings.status_slug}` })}</a>
            </p>
          )}
          <form onSubmit={save} className="stack">
            <label htmlFor="s-slug">{t('statusSettings.slug')}</label>
            <input id="s-slug" value={form.slug} pattern="[a-z0-9][a-z0-9\-]{1,62}" aria-describedby="s-slug-help" onChange={(e) => setForm({ ...form, slug: e.target.value })} />
            <p id="s-slug-help" className="muted small">{t('statusSettings.slugHelp')}</p>
            <label htmlFor="s-name">{t('statusSettings.name')}</label>
            <input id="s-name" value={form.name} maxLength={100} onChange={(e) => setForm({ ...form, name: e.target.value })} />
            <label htmlFor="s-contact">{t('statusSettings.contact')}</label>
            <input id="s-contact" value={form.contact} maxLength={200} onChange={(e) => setForm({ ...form, contact: e.target.value })} />
            <p><button type="submit" className="button primary">{t('statusSettings.save')}</button></p>
          </form>
        </section>
      )}
      <section aria-labelledby="components">
        <h2 id="components" tabIndex={-1}>{t('statusSettings.components')}</h2>
        {components && !components.length && <p className="muted">{t('statusSettings.noComponents')}</p>}
        {components && components.length > 0 && (
          <StatusComponents components={components} act={componentsAct} onChanged={changeComponents} />
        )}
        <h3>{t('statusSettings.addTitle')}</h3>
        <form onSubmit={add} className="stack">
          <label htmlFor="c-nl">{t('statusSettings.nameNl')}</label>
          <input id="c-nl" required maxLength={100} value={nameNl} onChange={(e) => setNameNl(e.target.value)} />
          <label htmlFor="c-en">{t('statusSettings.nameEn')}</label>
          <input id="c-en" maxLength={100} value={nameEn} onChange={(e) => setNameEn(e.target.value)} />
          <p><button type="submit" className="button primary">{t('statusSettings.add')}</button></p>
        </form>
      </section>
    </main>
  );
}
