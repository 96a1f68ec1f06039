import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, query } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';
import { useShortcuts } from '../shared/keys.ts';
import { useCoalesced, useLive } from '../shared/live.ts';
import { useAction } from '../shared/useAction.ts';
import type { Me, Page } from '../shared/types.ts';
import { ComposeAnnouncement } from './ComposeAnnouncement.tsx';
import type { Announcement } from './types.ts';

/** Send progress: how many of the recipients had it, and what came back. */
function Progress({ a }: { a: Announcement }) {
  const { t } = useTranslation();
  const d = a.delivery;
  const done = d.sent + d.bounced + d.replied + d.skipped;
  const label = t('announcements.progress', { done: d.sent + d.replied, total: d.total });
  return (
    <div className="small">
      <progress max={d.total || 1} value={done} aria-label={label} /> {label}
      {(d.bounced > 0 || d.replied > 0 || d.skipped > 0) && <div>{t('announcements.feedback', d)}</div>}
      {d.vulnerable > 0 && <div className="muted">{t('announcements.vulnerableFirst', { count: d.vulnerable })}</div>}
    </div>
  );
}

/** Announcements: the list with delivery, and a compose form that checks the notice as you type. */
export function Announcements({ me, onHelp }: { me: Me; onHelp: () => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Announcement[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  useEffect(() => {
    const ac = new AbortController();
    get<Page<Announcement>>(`/api/v1/announcements${query({ limit: 100 })}`, ac.signal)
      .then((p) => { setRows(p.data); setError(null); })
      .catch((e) => !ac.signal.aborted && setError(e.message));
    return () => ac.abort();
  }, [version]);
  useShortcuts({ '?': onHelp });
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  // live: a new announcement, each batch sent, the last one
  const reload = useCoalesced(refresh, 500);
  useLive((n) => (n.event === 'ready' || n.event.startsWith('announcement.')) && reload());
  const { notice, act } = useAction(refresh, t('announcements.scheduled'));

  return (
    <main id="main" className="announcements">
      <h1 ref={titleRef} tabIndex={-1}>{t('announcements.title')}</h1>
      <p className="muted hint">{t('announcements.hint')}</p>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
      {error && <p className="error" role="alert">{t('app.error', { message: error })}</p>}
      {!error && !rows && <p className="muted">{t('app.loading')}</p>}
      {rows && (rows.length ? (
        <table className="cases">
          <caption className="visually-hidden">{t('announcements.caption', { count: rows.length })}</caption>
          <thead><tr>
            <th scope="col">{t('announcements.col.kind')}</th><th scope="col">{t('announcements.col.subject')}</th>
            <th scope="col">{t('announcements.col.effective')}</th><th scope="col">{t('announcements.col.status')}</th>
            <th scope="col">{t('announcements.col.delivery')}</th>
          </tr></thead>
          <tbody>{rows.map((a) => (
            <tr key={a.id} data-announcement={a.id}>
              <td>{t(`announcements.kind.${a.kind}`)}</td>
              <td>{a.content.nl.subject}{a.override_reason && <div className="small">{t('announcements.overridden', { reason: a.override_reason, name: a.override_by_name ?? '' })}</div>}</td>
              <td><time dateTime={a.effective_at}>{formatDateTime(a.effective_at)}</time></td>
              <td>{t(`announcements.status.${a.status}`)}</td>
              <td><Progress a={a} /></td>
            </tr>
          ))}</tbody>
        </table>
      ) : <p className="muted">{t('announcements.none')}</p>)}

      <ComposeAnnouncement me={me} act={act} />
    </main>
  );
}
