import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, put } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';
import type { Act } from '../shared/useAction.ts';

export interface ContactPreference {
  kind: 'sales' | 'surveys' | 'announcements';
  allowed: boolean;
  source: 'agent' | 'message' | 'unsubscribe' | 'import' | null;
  case_id: string | null;
  sentence: string | null;
  set_at: string | null;
}

/**
 * What the customer wants to receive besides answers to their own questions, with where each
 * choice came from — the sentence, when they said it in a message — and a button to change it
 * (an agent undoes an opt-out that was read wrongly).
 */
export function ContactPreferences({ customerId, version, act }: { customerId: string; version: string | number; act: Act }) {
  const { t } = useTranslation();
  const [prefs, setPrefs] = useState<ContactPreference[] | null>(null);
  const [own, setOwn] = useState(0);
  useEffect(() => {
    const ac = new AbortController();
    get<{ data: ContactPreference[] }>(`/api/v1/customers/${customerId}/contact-preferences`, ac.signal).then((r) => setPrefs(r.data), () => {});
    return () => ac.abort();
  }, [customerId, version, own]);
  if (!prefs) return null;
  const change = (p: ContactPreference) =>
    void act(async () => {
      await put(`/api/v1/customers/${customerId}/contact-preferences/${p.kind}`, { allowed: !p.allowed });
      setOwn((v) => v + 1);
    }, p.allowed ? t('rights.refusedNow') : t('rights.allowedNow'));
  return (
    <div className="contact-preferences" role="group" aria-labelledby="prefs-title">
      <h3 id="prefs-title">{t('rights.preferences')}</h3>
      <p className="muted small">{t('rights.serviceAlways')}</p>
      <ul className="stack">
        {prefs.map((p) => (
          <li key={p.kind} data-testid={`pref-${p.kind}`}>
            <strong>{t(`rights.kind.${p.kind}`)}</strong>{' '}
            <span className={p.allowed ? 'badge' : 'badge flag'}>{p.allowed ? t('rights.allowed') : t('rights.refused')}</span>
            {p.source && (
              <span className="muted small">
                {' '}
                {t(`rights.source.${p.source}`)}
                {p.set_at ? `, ${formatDateTime(p.set_at)}` : ''}
              </span>
            )}
            {p.sentence && <blockquote className="quote">{p.sentence}</blockquote>}
            <div className="actions">
              <button type="button" className="button" onClick={() => change(p)}>
                {p.allowed ? t('rights.refuse', { kind: t(`rights.kind.${p.kind}`) }) : t('rights.allow', { kind: t(`rights.kind.${p.kind}`) })}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
