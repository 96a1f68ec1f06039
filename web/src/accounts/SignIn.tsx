import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../shared/api.ts';
import { SsoButtons } from './SsoButtons.tsx';
import { isChallenge, TwoFactorSignIn, type TwoFactorChallenge } from './TwoFactorSignIn.tsx';

/** Sign in with e-mail and password; the server sets an HTTP-only session cookie. */
export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [challenge, setChallenge] = useState<TwoFactorChallenge | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const signedIn = await post<unknown>('/api/v1/auth/login', { email, password });
      // two-factor sign-in: the password was right, the code comes next
      if (isChallenge(signedIn)) return setChallenge(signedIn);
      onSignedIn();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'password_sign_in_off') setError(t('sso.passwordOff'));
      else setError(err instanceof ApiError && err.status < 500 ? t('signIn.failed') : t('app.error', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  if (challenge) return <TwoFactorSignIn challenge={challenge} onSignedIn={onSignedIn} onRestart={(expired) => { setChallenge(null); setPassword(''); setError(expired ? t('twoFactor.expired') : null); }} />;

  return (
    <main id="main" className="sign-in">
      <form className="card sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <p className="brand" aria-hidden="true">Luister</p>
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        <SsoButtons />
        <label htmlFor="email">{t('signIn.email')}</label>
        <input id="email" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor="password">{t('signIn.password')}</label>
        <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
