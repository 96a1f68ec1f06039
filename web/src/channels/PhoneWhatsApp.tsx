import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, put } from '../shared/api.ts';

interface Connections {
  phone: { enabled: boolean; secret_set: boolean; secret_hint: string | null; callback_minutes: number };
  whatsapp: {
    enabled: boolean; app_secret_set: boolean; app_secret_hint: string | null; verify_token_set: boolean;
    access_token_set: boolean; access_token_hint: string | null; phone_number_id: string | null; templates: Array<{ name: string; language: string; use?: 'callback' }>;
  };
}

/** "case_update nl" per line ⇄ the template list; a third word "callback" marks the one that confirms callbacks to callers */
const templatesText = (ts: Connections['whatsapp']['templates']) => ts.map((x) => `${x.name} ${x.language}${x.use ? ` ${x.use}` : ''}`).join('\n');
const parseTemplates = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
  const [name, language = 'nl', use] = l.split(/\s+/);
  return { name, language, ...(use === 'callback' ? { use } : {}) };
});

/**
 * Phone and WhatsApp on the channels screen (admins): where to point the telephony provider and
 * Meta, the phone signing secret (shown once, when made), and the WhatsApp keys. Secrets are never
 * shown again: a field left empty keeps what is set.
 */
export function PhoneWhatsApp({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [c, setC] = useState<Connections | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [phone, setPhone] = useState({ enabled: false, minutes: '120' });
  const [wa, setWa] = useState({ enabled: false, phone_number_id: '', app_secret: '', verify_token: '', access_token: '', templates: '' });
  const load = (x: Connections) => {
    setC(x);
    setPhone({ enabled: x.phone.enabled, minutes: String(x.phone.callback_minutes) });
    setWa({ enabled: x.whatsapp.enabled, phone_number_id: x.whatsapp.phone_number_id ?? '', app_secret: '', verify_token: '', access_token: '', templates: templatesText(x.whatsapp.templates) });
  };
  useEffect(() => {
    const ac = new AbortController();
    get<Connections>('/api/v1/channels/connections', ac.signal).then(load, (e) => setNotice({ kind: 'error', text: t('app.error', { message: (e as Error).message }) }));
    return () => ac.abort();
  }, [t]);
  const origin = location.origin;
  const phoneUrl = `${origin}/api/public/v1/phone/${encodeURIComponent(slug)}/events`;
  const waUrl = `${origin}/api/public/v1/whatsapp/${encodeURIComponent(slug)}`;

  const savePhone = async (e: FormEvent, rotate = false) => {
    e.preventDefault();
    setNotice(null);
    const minutes = Number(phone.minutes);
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 10080) return setNotice({ kind: 'error', text: t('channels.phoneWa.minutesRange') });
    try {
      const r = await put<Connections & { secret?: string }>('/api/v1/channels/phone', { enabled: phone.enabled, callback_minutes: minutes, ...(rotate ? { rotate_secret: true } : {}) });
      load(r);
      setSecret(r.secret ?? null);
      setNotice({ kind: 'ok', text: t('channels.phoneWa.saved') });
    } catch (err) {
      setNotice({ kind: 'error', text: t('app.error', { message: (err as Error).message }) });
    }
  };
  const saveWa = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    try {
      const body = {
        enabled: wa.enabled, templates: parseTemplates(wa.templates),
        ...(wa.phone_number_id ? { phone_number_id: wa.phone_number_id.trim() } : {}),
        ...(wa.app_secret ? { app_secret: wa.app_secret.trim() } : {}),
        ...(wa.verify_token ? { verify_token: wa.verify_token.trim() } : {}),
        ...(wa.access_token ? { access_token: wa.access_token.trim() } : {}),
      };
      load(await put<Connections>('/api/v1/channels/whatsapp', body));
      setNotice({ kind: 'ok', text: t('channels.phoneWa.saved') });
    } catch (err) {
      setNotice({ kind: 'error', text: t('app.error', { message: (err as Error).message }) });
    }
  };
  const secretField = (k: 'app_secret' | 'verify_token' | 'access_token', set: boolean, hint: string | null) => (
    <div className="field">
      <label htmlFor={`wa-${k}`}>{t(`channels.phoneWa.${k}`)}</label>
      <input id={`wa-${k}`} type="password" autoComplete="off" value={wa[k]} onChange={(e) => setWa({ ...wa, [k]: e.target.value })} aria-describedby={`wa-${k}-hint`} />
      <p id={`wa-${k}-hint`} className="muted small">{set ? t('channels.phoneWa.secretSet', { hint: hint ?? '' }) : t('channels.phoneWa.secretNotSet')}</p>
    </div>
  );

  return (
    <section className="card stack" aria-labelledby="phone-wa-title">
      <h2 id="phone-wa-title">{t('channels.phoneWa.title')}</h2>
      <p className="muted">{t('channels.phoneWa.intro')}</p>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
      {c && (
        <>
          <form className="stack" onSubmit={(e) => savePhone(e)} aria-labelledby="phone-title">
            <h3 id="phone-title">{t('channels.phoneWa.phone')}</h3>
            <p className="small">{t('channels.phoneWa.phoneUrl')} <code>{phoneUrl}</code></p>
            <div className="field checkbox">
              <input id="phone-enabled" type="checkbox" checked={phone.enabled} onChange={(e) => setPhone({ ...phone, enabled: e.target.checked })} />
              <label htmlFor="phone-enabled">{t('channels.phoneWa.phoneEnabled')}</label>
            </div>
            <div className="field">
              <label htmlFor="phone-minutes">{t('channels.phoneWa.callbackMinutes')}</label>
              <input id="phone-minutes" type="text" inputMode="numeric" value={phone.minutes} onChange={(e) => setPhone({ ...phone, minutes: e.target.value })} />
            </div>
            <p className="small">{c.phone.secret_set ? t('channels.phoneWa.secretSet', { hint: c.phone.secret_hint ?? '' }) : t('channels.phoneWa.secretNotSet')}</p>
            {secret && (
              <p className="ok small" data-testid="phone-secret">{t('channels.phoneWa.secretOnce')} <code>{secret}</code></p>
            )}
            <div className="actions-row">
              <button type="submit" className="button">{t('channels.phoneWa.savePhone')}</button>
              <button type="button" className="button" onClick={(e) => savePhone(e, true)}>{t('channels.phoneWa.rotate')}</button>
            </div>
          </form>
          <form className="stack" onSubmit={saveWa} aria-labelledby="wa-title">
            <h3 id="wa-title">{t('channels.phoneWa.whatsapp')}</h3>
            <p className="small">{t('channels.phoneWa.waUrl')} <code>{waUrl}</code></p>
            <div className="field checkbox">
              <input id="wa-enabled" type="checkbox" checked={wa.enabled} onChange={(e) => setWa({ ...wa, enabled: e.target.checked })} />
              <label htmlFor="wa-enabled">{t('channels.phoneWa.waEnabled')}</label>
            </div>
            <div className="field">
              <label htmlFor="wa-phone_number_id">{t('channels.phoneWa.phoneNumberId')}</label>
              <input id="wa-phone_number_id" type="text" inputMode="numeric" value={wa.phone_number_id} onChange={(e) => setWa({ ...wa, phone_number_id: e.target.value })} />
            </div>
            {secretField('app_secret', c.whatsapp.app_secret_set, c.whatsapp.app_secret_hint)}
            {secretField('verify_token', c.whatsapp.verify_token_set, null)}
            {secretField('access_token', c.whatsapp.access_token_set, c.whatsapp.access_token_hint)}
            <div className="field">
              <label htmlFor="wa-templates">{t('channels.phoneWa.templates')}</label>
              <textarea id="wa-templates" rows={3} value={wa.templates} onChange={(e) => setWa({ ...wa, templates: e.target.value })} spellCheck={false} aria-describedby="wa-templates-hint" />
              <p id="wa-templates-hint" className="muted small">{t('channels.phoneWa.templatesHint')}</p>
            </div>
            <div className="actions-row">
              <button type="submit" className="button">{t('channels.phoneWa.saveWa')}</button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
