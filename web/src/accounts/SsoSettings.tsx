import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { del, get, put } from '../shared/api.ts';
import { useShortcuts } from '../shared/keys.ts';
import { can, type Me } from '../shared/types.ts';

type Role = 'agent' | 'supervisor' | 'admin';
interface SsoView {
  enabled: boolean;
  label: string | null;
  discovery_url: string | null;
  client_id: string | null;
  client_secret_set: boolean;
  auto_create_role: Role | null;
  password_sign_in: boolean;
  redirect_uri: string;
}
interface Draft {
  label: string;
  discovery_url: string;
  client_id: string;
  client_secret: string;
  auto_create_role: Role | '';
  password_sign_in: boolean;
}
const draftOf = (v: SsoView): Draft => ({
  label: v.label ?? '', discovery_url: v.discovery_url ?? '', client_id: v.client_id ?? '', client_secret: '',
  auto_create_role: v.auto_create_role ?? '', password_sign_in: v.password_sign_in,
});

/**
 * Single sign-on with OpenID Connect (admins): the provider's discovery URL, client id and secret
 * (stored encrypted, never shown again), who is created on first sign-in, and whether password
 * sign-in stays on. Shows the redirect URI to register at the provider.
 */
export function SsoSettings({ me, onHelp }: { me: Me; onHelp: () => void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<SsoView | undefined>(undefined);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [missing, setMissing] = useState<Set<keyof Draft>>(new Set());
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [confirmOff, setConfirmOff] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const admin = can(me, 'sso.manage');
  useEffect(() => titleRef.current?.focus(), []);
  useShortcuts({ '?': onHelp });
  useEffect(() => {
    if (!admin) return;
    const ac = new AbortController();
    get<SsoView>('/api/v1/sso', ac.signal).then((v) => {
      setSaved(v);
      setDraft(draftOf(v));
    }, (e) => setNotice({ kind: 'error', text: t('app.error', { message: (e as Error).message }) }));
    return () => ac.abort();
  }, [admin, t]);

  if (!admin)
    return (
      <main id="main">
        <h1 ref={titleRef} tabIndex={-1}>{t('sso.title')}</h1>
        <p>{t('sso.adminsOnly')}</p>
      </main>
    );

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft((d) => (d ? { ...d, [k]: v } : d));
    setMissing((m) => (m.has(k) ? new Set([...m].filter((x) => x !== k)) : m));
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft || !saved) return;
    setNotice(null);
    const need: (keyof Draft)[] = ['label', 'discovery_url', 'client_id', ...(saved.client_secret_set ? [] : ['client_secret' as const])];
    const empty = new Set(need.filter((k) => !String(draft[k]).trim()));
    setMissing(empty);
    if (empty.size) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    try {
      const v = await put<SsoView>('/api/v1/sso', {
        label: draft.label, discovery_url: draft.discovery_url, client_id: draft.client_id,
        ...(draft.client_secret ? { client_secret: draft.client_secret } : {}),
        auto_create_role: draft.auto_create_role || null, password_sign_in: draft.password_sign_in,
      });
      setSaved(v);
      setDraft(draftOf(v));
      setNotice({ kind: 'ok', text: t('sso.saved') });
    } catch (err) {
      setNotice({ kind: 'error', text: t('app.error', { message: (err as Error).message }) });
    }
  };

  const turnOff = async () => {
    setConfirmOff(false);
    try {
      const v = await del<SsoView>('/api/v1/sso');
      setSaved(v);
      setDraft(draftOf(v));
      setNotice({ kind: 'ok', text: t('sso.turnedOff') });
    } catch (err) {
      setNotice({ kind: 'error', text: t('app.error', { message: (err as Error).message }) });
    }
  };

  const text = (k: 'label' | 'discovery_url' | 'client_id', labelKey: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`sso-${k}`}>{t(labelKey)}</label>
      <input id={`sso-${k}`} type={k === 'discovery_url' ? 'url' : 'text'} value={draft![k]} onChange={(e) => set(k, e.target.value)} autoComplete="off" spellCheck={false}
        aria-invalid={missing.has(k) ? true : undefined} aria-describedby={[hint ? `sso-${k}-hint` : '', missing.has(k) ? `sso-${k}-error` : ''].filter(Boolean).join(' ') || undefined} />
      {hint && <p id={`sso-${k}-hint`} className="muted small">{t(hint)}</p>}
      {missing.has(k) && <p id={`sso-${k}-error`} className="error small">{t('sso.required')}</p>}
    </div>
  );

  return (
    <main id="main" className="sso-settings">
      <h1 ref={titleRef} tabIndex={-1}>{t('sso.title')}</h1>
      <p className="muted">{t('sso.intro')}</p>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
      {!saved || !draft ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <>
          <section className="card" aria-labelledby="sso-status-title">
            <h2 id="sso-status-title">{t('sso.status')}</h2>
            <p data-testid="sso-status">{saved.enabled ? t('sso.on') : t('sso.off')}</p>
            <p>{t('sso.redirectUri')}: <code data-testid="sso-redirect-uri">{saved.redirect_uri}</code></p>
            {saved.enabled && (
              <div className="actions-row">
                {confirmOff ? (
                  <>
                    <span>{t('sso.confirmOff')}</span>
                    <button type="button" className="button danger" onClick={turnOff}>{t('sso.turnOff')}</button>
                    <button type="button" className="button" onClick={() => setConfirmOff(false)}>{t('sso.cancel')}</button>
                  </>
                ) : (
                  <button type="button" className="button" onClick={() => setConfirmOff(true)}>{t('sso.turnOff')}</button>
                )}
              </div>
            )}
          </section>
          <form ref={formRef} className="card stack" onSubmit={save} noValidate aria-labelledby="sso-settings-title">
            <h2 id="sso-settings-title">{t('sso.title')}</h2>
            {text('label', 'sso.label', 'sso.labelHint')}
            {text('discovery_url', 'sso.discoveryUrl', 'sso.discoveryUrlHint')}
            {text('client_id', 'sso.clientId')}
            <div className="field">
              <label htmlFor="sso-client_secret">{t('sso.clientSecret')}</label>
              <input id="sso-client_secret" type="password" value={draft.client_secret} onChange={(e) => set('client_secret', e.target.value)} autoComplete="new-password"
                aria-invalid={missing.has('client_secret') ? true : undefined} aria-describedby={`sso-client_secret-hint${missing.has('client_secret') ? ' sso-client_secret-error' : ''}`} />
              <p id="sso-client_secret-hint" className="muted small">{saved.client_secret_set ? t('sso.clientSecretKeep') : t('sso.clientSecretNew')}</p>
              {missing.has('client_secret') && <p id="sso-client_secret-error" className="error small">{t('sso.required')}</p>}
            </div>
            <div className="field">
              <label htmlFor="sso-auto_create_role">{t('sso.autoCreate')}</label>
              <select id="sso-auto_create_role" value={draft.auto_create_role} onChange={(e) => set('auto_create_role', e.target.value as Draft['auto_create_role'])}>
                <option value="">{t('sso.autoCreateOff')}</option>
                {(['agent', 'supervisor', 'admin'] as const).map((r) => <option key={r} value={r}>{t('sso.autoCreateRole', { role: t(`sso.roles.${r}`) })}</option>)}
              </select>
            </div>
            <div className="field checkbox">
              <input id="sso-password_sign_in" type="checkbox" checked={draft.password_sign_in} onChange={(e) => set('password_sign_in', e.target.checked)} aria-describedby="sso-password_sign_in-hint" />
              <label htmlFor="sso-password_sign_in">{t('sso.passwordSignIn')}</label>
              <p id="sso-password_sign_in-hint" className="muted small">{t('sso.passwordSignInHint')}</p>
            </div>
            <div className="actions-row">
              <button type="submit" className="button">{t('sso.save')}</button>
            </div>
          </form>
        </>
      )}
    </main>
  );
}
