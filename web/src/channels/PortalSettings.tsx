import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, patch } from '../shared/api.ts';
import { useShortcuts } from '../shared/keys.ts';
import { can, type Me } from '../shared/types.ts';
import { useAction } from '../shared/useAction.ts';

interface Settings { enabled: boolean; link_minutes: number; idle_minutes: number; path: string | null; url: string | null; public_url_set: boolean }

const whole = (v: string, min: number, max: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
};

/**
 * The customer portal (admins, channels.manage): on or off, how long a sign-in link works and when an
 * idle customer is signed out. What the server refuses (no public address for the doors, no inbox) is shown.
 */
export function PortalSettings({ me, onHelp }: { me: Me; onHelp: () => void }) {
  const { t } = useTranslation();
  const [s, setS] = useState<Settings | null>(null);
  const [on, setOn] = useState(false);
  const [link, setLink] = useState('15');
  const [idle, setIdle] = useState('30');
  const [version, setVersion] = useState(0);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const admin = can(me, 'channels.manage');
  useShortcuts({ '?': onHelp });
  useEffect(() => titleRef.current?.focus(), []);
  useEffect(() => {
    if (!admin) return;
    const ac = new AbortController();
    get<Settings>('/api/v1/portal/settings', ac.signal).then((r) => {
      setS(r);
      setOn(r.enabled);
      setLink(String(r.link_minutes));
      setIdle(String(r.idle_minutes));
    }, () => {});
    return () => ac.abort();
  }, [admin, version]);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const { notice, act } = useAction(refresh, t('portal.saved'));

  const l = whole(link, 5, 60);
  const i = whole(idle, 5, 240);
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (l === null || i === null) return;
    void act(() => patch('/api/v1/portal/settings', { enabled: on, link_minutes: l, idle_minutes: i }), t('portal.saved'));
  };
  const url = s?.url ?? (s?.path ? `${location.origin}${s.path}` : null);
  return (
    <main id="main" className="settings-index">
      <h1 ref={titleRef} tabIndex={-1}>{t('portal.title')}</h1>
      <p className="muted">{t('portal.intro')}</p>
      {!admin ? <p>{t('portal.adminsOnly')}</p> : s && (
        <form className="card stack" onSubmit={save} aria-labelledby="portal-form-title" noValidate>
          <h2 id="portal-form-title" className="visually-hidden">{t('portal.title')}</h2>
          <p>
            {url ? t('portal.on', { url }) : t('portal.off')}
            {url && <> <a href={url} target="_blank" rel="noreferrer">{t('portal.open')}</a></>}
          </p>
          {!s.public_url_set && <p className="error">{t('portal.noPublicUrl')}</p>}
          <label>
            <input type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} /> {t('portal.enabled')}
          </label>
          <label htmlFor="portal-link">{t('portal.linkMinutes')}</label>
          <input id="portal-link" type="number" min={5} max={60} value={link} onChange={(e) => setLink(e.target.value)}
            aria-invalid={l === null} aria-describedby={l === null ? 'portal-link-error' : undefined} />
          {l === null && <p id="portal-link-error" className="error small">{t('portal.linkRange')}</p>}
          <label htmlFor="portal-idle">{t('portal.idleMinutes')}</label>
          <input id="portal-idle" type="number" min={5} max={240} value={idle} onChange={(e) => setIdle(e.target.value)}
            aria-invalid={i === null} aria-describedby={i === null ? 'portal-idle-error' : undefined} />
          {i === null && <p id="portal-idle-error" className="error small">{t('portal.idleRange')}</p>}
          <p><button type="submit" className="button primary" disabled={l === null || i === null}>{t('portal.save')}</button></p>
          <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
        </form>
      )}
    </main>
  );
}
