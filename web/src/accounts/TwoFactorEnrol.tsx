import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../shared/api.ts';
import { messageFor } from './TwoFactorSignIn.tsx';

interface Enrolment {
  secret: string;
  otpauth_uri: string;
  qr_code: string;
}

/** The key in groups of four, as authenticator apps show it and people type it. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/**
 * Setting up two-factor sign-in: a QR code and the same key as text, then the first code from the
 * app, then the ten recovery codes, shown once, until the agent says they have saved them.
 */
export function TwoFactorEnrol({ onDone, autoStart = false }: { onDone: () => void; autoStart?: boolean }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const codesRef = useRef<HTMLHeadingElement>(null);

  async function start() {
    setBusy(true);
    setError(null);
    try {
      setEnrolment(await post<Enrolment>('/api/v1/two-factor/enrolment', {}));
    } catch (err) {
      setError(messageFor(err, t));
    } finally {
      setBusy(false);
    }
  }
  useEffect(() => {
    if (autoStart) void start();
  }, []);
  useEffect(() => codesRef.current?.focus(), [codes]);

  async function confirm(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setCodes((await post<{ recovery_codes: string[] }>('/api/v1/two-factor/enrolment/confirm', { code })).recovery_codes);
    } catch (err) {
      setError(messageFor(err, t));
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  if (codes)
    return (
      <section className="card two-factor-codes" aria-labelledby="recovery-title">
        <h2 id="recovery-title" ref={codesRef} tabIndex={-1}>{t('twoFactor.recoveryTitle')}</h2>
        <p>{t('twoFactor.recoveryIntro')}</p>
        <ul className="recovery-codes" aria-label={t('twoFactor.recoveryList')}>
          {codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <button type="button" className="button primary" onClick={onDone}>
          {t('twoFactor.saved')}
        </button>
      </section>
    );

  if (!enrolment)
    return (
      <div className="stack">
        {error && <p className="error" role="alert">{error}</p>}
        <div className="actions-row">
          <button type="button" className="button primary" onClick={start} disabled={busy}>
            {t('twoFactor.start')}
          </button>
        </div>
      </div>
    );

  return (
    <form className="stack two-factor-enrol" onSubmit={confirm}>
      <h2>{t('twoFactor.step1')}</h2>
      <img className="qr-code" src={enrolment.qr_code} alt={t('twoFactor.qrAlt')} width={200} height={200} />
      <p>{t('twoFactor.manual')}</p>
      <p>
        <span className="muted small">{t('twoFactor.manualLabel')}: </span>
        <code className="secret-key" data-secret={enrolment.secret}>{grouped(enrolment.secret)}</code>
      </p>
      <h2>
        <label htmlFor="enrol-code">{t('twoFactor.step2')}</label>
      </h2>
      <input id="enrol-code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,7}" maxLength={7} required value={code} onChange={(e) => setCode(e.target.value)} />
      {error && <p className="error" role="alert">{error}</p>}
      <div className="actions-row">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('twoFactor.busy') : t('twoFactor.confirm')}
        </button>
      </div>
    </form>
  );
}

/** Right after the password, for an agent who must use two-factor and has not set it up: nothing else until done. */
export function TwoFactorRequired({ onDone, onSignOut }: { onDone: () => void; onSignOut: () => void }) {
  const { t } = useTranslation();
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  return (
    <main id="main" className="sign-in">
      <div className="card sign-in-card two-factor-required">
        <p className="brand" aria-hidden="true">Luister</p>
        <h1 ref={titleRef} tabIndex={-1}>{t('twoFactor.requiredTitle')}</h1>
        <p>{t('twoFactor.requiredIntro')}</p>
        <p className="muted">{t('twoFactor.intro')}</p>
        <TwoFactorEnrol onDone={onDone} autoStart />
        <button type="button" className="link-button" onClick={onSignOut}>
          {t('app.signOut')}
        </button>
      </div>
    </main>
  );
}
