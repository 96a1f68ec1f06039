import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../shared/api.ts';

interface Button {
  account_id: string;
  account_name: string;
  label: string;
  start_url: string;
}

/**
 * "Sign in with …" for each account that set up single sign-on: a plain link (a full-page
 * navigation to the identity provider), so it works from the keyboard and without script state.
 */
export function SsoButtons() {
  const { t } = useTranslation();
  const [buttons, setButtons] = useState<Button[]>([]);
  useEffect(() => {
    const ac = new AbortController();
    get<{ data: Button[] }>('/api/v1/auth/sso', ac.signal).then((r) => setButtons(r.data), () => {});
    return () => ac.abort();
  }, []);
  if (!buttons.length) return null;
  const several = new Set(buttons.map((b) => b.label)).size < buttons.length;
  return (
    <div className="sso-buttons stack">
      {buttons.map((b) => (
        <a key={b.account_id} className="button primary" href={b.start_url}>
          {t('sso.signInWith', { label: several ? `${b.label} (${b.account_name})` : b.label })}
        </a>
      ))}
      <p className="muted small">{t('sso.or')}</p>
    </div>
  );
}
