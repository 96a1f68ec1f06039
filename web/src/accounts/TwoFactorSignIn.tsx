import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../shared/api.ts';

/** What the server says when a password is right and a two-factor code must follow. */
export interface TwoFactorChallenge {
  two_factor_required: true;
  challenge_token: string;
  expires_at: string;
}

export const isChallenge = (r: unknown): r is TwoFactorChallenge => typeof r === 'object' && r !== null && 'challenge_token' in r;

/**
 * The second step of signing in: the code from the authenticator app, or (phone lost) a recovery
 * code. The challenge from the password step is kept in memory only, never stored.
 */
export function TwoFactorSignIn({ challenge, onSignedIn, onRestart }: { challenge: TwoFactorChallenge; onSignedIn: () => void; onRestart: (expired: boolean) => void }) {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await post('/api/v1/auth/two-factor', { challenge_token: challenge.challenge_token, ...(recovery ? { recovery_code: value } : { code: value }) });
      onSignedIn();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'challenge_invalid') {
        onRestart(true);
        return;
      }
      setError(messageFor(err, t));
      setValue('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <form className="card sign-in-card" onSubmit={submit} aria-labelledby="two-factor-title">
        <p className="brand" aria-hidden="true">Luister</p>
        <h1 id="two-factor-title">{t('twoFactor.codeTitle')}</h1>
        <p className="muted">{recovery ? t('twoFactor.recoveryCodeIntro') : t('twoFactor.codeIntro')}</p>
        <label htmlFor="two-factor-code">{recovery ? t('twoFactor.recoveryCode') : t('twoFactor.code')}</label>
        {recovery ? (
          <input key="recovery" id="two-factor-code" autoComplete="off" autoCapitalize="none" spellCheck={false} required autoFocus value={value} onChange={(e) => setValue(e.target.value)} />
        ) : (
          <input key="code" id="two-factor-code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,7}" maxLength={7} required autoFocus value={value} onChange={(e) => setValue(e.target.value)} />
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('twoFactor.busy') : t('twoFactor.verify')}
        </button>
        <button type="button" className="link-button" onClick={() => { setRecovery(!recovery); setValue(''); setError(null); }}>
          {recovery ? t('twoFactor.useCode') : t('twoFactor.useRecovery')}
        </button>
        <button type="button" className="link-button" onClick={() => onRestart(false)}>
          {t('twoFactor.back')}
        </button>
      </form>
    </main>
  );
}

/** A refused code in words an agent can act on. */
export function messageFor(err: unknown, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (!(err instanceof ApiError)) return t('app.error', { message: (err as Error).message });
  switch (err.code) {
    case 'two_factor_code_used':
      return t('twoFactor.used');
    case 'invalid_recovery_code':
      return t('twoFactor.recoveryFailed');
    case 'invalid_two_factor_code':
    case 'validation_failed':
      return t('twoFactor.failed');
    case 'too_many_attempts':
      return t('twoFactor.tooMany', { seconds: (err.details as { retry_after_seconds?: number } | undefined)?.retry_after_seconds ?? 60 });
    default:
      return t('app.error', { message: err.message });
  }
}
