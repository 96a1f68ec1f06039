import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../shared/api.ts';
import { useCoalesced, useLive } from '../shared/live.ts';
import { caseHref, navigate } from '../shared/router.ts';
import { Time } from '../shared/Time.tsx';
import type { AppNotification } from '../shared/types.ts';

// the bell rings live; a slow poll covers a stream that is down
const POLL_MS = 120_000;

/** The bell in the header: the unread count, a list to open, each linking to its case. */
export function Notifications({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<AppNotification[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  const load = useCallback(() => {
    get<{ data: AppNotification[] }>('/api/v1/notifications?unread=true&limit=50').then(
      (r) => {
        setItems(r.data);
        setError(null);
      },
      (e) => setError(e.message),
    );
  }, []);
  useEffect(() => {
    load();
    const timer = setInterval(() => document.visibilityState === 'visible' && load(), POLL_MS);
    return () => clearInterval(timer);
  }, [load]);
  const loadSoon = useCoalesced(load, 200);
  useLive((n) => (n.event === 'notification.created' || n.event === 'ready') && loadSoon());
  useEffect(() => {
    if (open) {
      load();
      panel.current?.focus();
    }
  }, [open, load]);

  // Esc or a click outside closes the list; focus goes back to the bell
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      onOpenChange(false);
      button.current?.focus();
    };
    const onClick = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) onOpenChange(false);
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('mousedown', onClick);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open, onOpenChange]);

  async function markRead(n: AppNotification) {
    setItems((list) => list?.filter((x) => x.id !== n.id) ?? null);
    await post(`/api/v1/notifications/${n.id}/read`, {}).catch((e) => setError(e.message));
  }
  async function openCase(e: React.MouseEvent<HTMLAnchorElement>, n: AppNotification) {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    await markRead(n);
    onOpenChange(false);
    navigate(caseHref(n.case_id!));
  }

  const count = items?.length ?? 0;
  return (
    <div className="bell">
      <button
        ref={button}
        type="button"
        className="link-button bell-button"
        aria-expanded={open}
        aria-controls="notifications-panel"
        aria-keyshortcuts="g n"
        onClick={() => onOpenChange(!open)}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" fill="currentColor" />
        </svg>
        <span className="visually-hidden">{count ? t('notifications.unread', { count }) : t('notifications.button')}</span>
        {count > 0 && (
          <span className="count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      {open && (
        <div id="notifications-panel" ref={panel} className="bell-panel card" role="region" aria-labelledby="notifications-title" tabIndex={-1}>
          <h2 id="notifications-title">{t('notifications.title')}</h2>
          {error && <p className="error">{t('app.error', { message: error })}</p>}
          {items && items.length === 0 && <p className="muted">{t('notifications.none')}</p>}
          <ul className="plain">
            {items?.map((n) => (
              <li key={n.id} className="notification">
                <p>{n.body}</p>
                <div className="notification-foot">
                  <span className="muted small">
                    <Time iso={n.created_at} />
                  </span>
                  {n.case_id && (
                    <a href={caseHref(n.case_id)} onClick={(e) => void openCase(e, n)}>
                      {t('notifications.openCase')}
                    </a>
                  )}
                  <button type="button" className="link-button" aria-label={t('notifications.markReadLabel', { body: n.body })} onClick={() => markRead(n)}>
                    {t('notifications.markRead')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
