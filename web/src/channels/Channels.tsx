import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, get, put } from '../shared/api.ts';
import { useShortcuts } from '../shared/keys.ts';
import type { Me } from '../shared/types.ts';
import { PhoneWhatsApp } from './PhoneWhatsApp.tsx';
import { CallbackRota } from './CallbackRota.tsx';
import { FormFields } from './FormFields.tsx';
import type { StoredField } from './form-fields-draft.ts';
import { BlockList } from '../spam/BlockList.tsx';
import { can } from '../shared/types.ts';
import { checkDraft, snippet, type DoorsDraft, type DraftErrors } from './validate.ts';

interface Settings {
  slug: string;
  allowed_origins: string[];
  form_enabled: boolean;
  form_fields: StoredField[];
  min_fill_seconds: number;
  submissions_per_hour: number;
  callback_enabled: boolean;
  callback_slot_minutes: number;
  callback_capacity: number;
  callback_days_ahead: number;
  chat_enabled: boolean;
  chat_bot_enabled: boolean;
}

const EMPTY: DoorsDraft = {
  slug: '', origins: '', form_enabled: true, min_fill_seconds: '3', submissions_per_hour: '10',
  callback_enabled: true, callback_slot_minutes: '30', callback_capacity: '1', callback_days_ahead: '10', chat_enabled: true, chat_bot_enabled: false,
};

const draftOf = (s: Settings): DoorsDraft => ({
  slug: s.slug, origins: s.allowed_origins.join('\n'), form_enabled: s.form_enabled, min_fill_seconds: String(s.min_fill_seconds),
  submissions_per_hour: String(s.submissions_per_hour), callback_enabled: s.callback_enabled, callback_slot_minutes: String(s.callback_slot_minutes),
  callback_capacity: String(s.callback_capacity), callback_days_ahead: String(s.callback_days_ahead), chat_enabled: s.chat_enabled,
  chat_bot_enabled: s.chat_bot_enabled,
});

/**
 * The public doors (admins): the address of the contact form and callback page, the websites that
 * may embed them and load the chat widget, callback slots, and the one script tag to paste. Each
 * field says what is wrong with it before a save is tried; what the server refuses is shown too.
 */
export function Channels({ me, onHelp }: { me: Me; onHelp: () => void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<Settings | null | undefined>(undefined);
  const [draft, setDraft] = useState<DoorsDraft>(EMPTY);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const firstError = useRef<HTMLDivElement>(null);
  const admin = can(me, 'channels.manage');
  useEffect(() => titleRef.current?.focus(), []);
  useShortcuts({ '?': onHelp });
  useEffect(() => {
    if (!admin) return;
    const ac = new AbortController();
    get<{ settings: Settings | null }>('/api/v1/channels', ac.signal).then((r) => {
      setSaved(r.settings);
      setDraft(r.settings ? draftOf(r.settings) : EMPTY);
    }, (e) => setNotice({ kind: 'error', text: t('app.error', { message: (e as Error).message }) }));
    return () => ac.abort();
  }, [admin, t]);

  const set = useCallback(<K extends keyof DoorsDraft>(k: K, v: DoorsDraft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setErrors((e) => (e[k] ? { ...e, [k]: undefined } : e));
  }, []);

  if (!admin)
    return (
      <main id="main">
        <h1 ref={titleRef} tabIndex={-1}>{t('channels.title')}</h1>
        <p>{t('channels.adminsOnly')}</p>
        <CallbackRota me={me} />
        {can(me, 'senders.block') && <BlockList />}
      </main>
    );

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const { patch, errors: found } = checkDraft(draft);
    setErrors(found);
    if (!patch) {
      setNotice({ kind: 'error', text: t('channels.fixErrors', { count: Object.keys(found).length }) });
      // the first field with an error gets the focus, so a keyboard user lands where the fix is
      requestAnimationFrame(() => firstError.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    try {
      const s = await put<Settings>('/api/v1/channels', patch);
      setSaved(s);
      setDraft(draftOf(s));
      setNotice({ kind: 'ok', text: t('channels.saved') });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'channel_slug_taken') setErrors({ slug: { key: 'slugTaken', values: { slug: patch.slug } } });
      setNotice({ kind: 'error', text: t('app.error', { message: (err as Error).message }) });
    }
  };
  const copy = () => {
    if (!saved) return;
    void navigator.clipboard?.writeText(snippet(location.origin, saved.slug)).then(() => setCopied(true), () => {});
  };

  const errorOf = (k: keyof DoorsDraft) => errors[k] && t(`channels.errors.${errors[k].key}`, errors[k].values);
  const describe = (k: keyof DoorsDraft, hint?: string) => [hint, errors[k] ? `channels-${k}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const fieldError = (k: keyof DoorsDraft) =>
    errors[k] ? <p id={`channels-${k}-error`} className="error small">{errorOf(k)}</p> : null;
  const number = (k: 'min_fill_seconds' | 'submissions_per_hour' | 'callback_capacity' | 'callback_days_ahead', min: number, max: number) => (
    <div className="field">
      <label htmlFor={`channels-${k}`}>{t(`channels.${k}`)}</label>
      <input id={`channels-${k}`} type="text" inputMode="numeric" value={draft[k]} onChange={(e) => set(k, e.target.value)}
        aria-invalid={errors[k] ? true : undefined} aria-describedby={describe(k, `channels-${k}-hint`)} />
      <p id={`channels-${k}-hint`} className="muted small">{t('channels.between', { min, max })}</p>
      {fieldError(k)}
    </div>
  );
  const toggle = (k: 'form_enabled' | 'callback_enabled' | 'chat_enabled' | 'chat_bot_enabled', hint?: string) => (
    <div className="field checkbox">
      <input id={`channels-${k}`} type="checkbox" checked={draft[k]} onChange={(e) => set(k, e.target.checked)}
        aria-describedby={hint ? `channels-${k}-hint` : undefined} />
      <label htmlFor={`channels-${k}`}>{t(`channels.${k}`)}</label>
      {hint && <p id={`channels-${k}-hint`} className="muted small">{hint}</p>}
    </div>
  );
  const origin = location.origin;
  const formUrl = saved ? `${origin}/contact/${encodeURIComponent(saved.slug)}` : '';

  return (
    <main id="main" className="channels">
      <h1 ref={titleRef} tabIndex={-1}>{t('channels.title')}</h1>
      <p className="muted">{t('channels.intro')}</p>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
      {saved === undefined ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <>
          {saved && (
            <section className="card" aria-labelledby="channels-embed-title">
              <h2 id="channels-embed-title">{t('channels.embed')}</h2>
              <p>{t('channels.snippetIntro')}</p>
              <pre className="embed-code" tabIndex={0} aria-label={t('channels.snippetLabel')}><code data-testid="widget-snippet">{snippet(origin, saved.slug)}</code></pre>
              <div className="actions-row">
                <button type="button" className="button" onClick={copy}>{copied ? t('channels.copied') : t('channels.copy')}</button>
              </div>
              <ul>
                <li><a href={formUrl} target="_blank" rel="noopener">{t('channels.formLink')}</a> <span className="muted small">{formUrl}</span></li>
                <li><a href={`${formUrl}/callback`} target="_blank" rel="noopener">{t('channels.callbackLink')}</a> <span className="muted small">{formUrl}/callback</span></li>
              </ul>
              {!saved.chat_enabled && <p className="muted">{t('channels.chatOff')}</p>}
            </section>
          )}
          <form className="card stack" onSubmit={save} noValidate aria-labelledby="channels-settings-title">
            <h2 id="channels-settings-title">{saved ? t('channels.settings') : t('channels.setUp')}</h2>
            <div className="stack" ref={firstError}>
              <div className="field">
                <label htmlFor="channels-slug">{t('channels.slug')}</label>
                <input id="channels-slug" type="text" value={draft.slug} onChange={(e) => set('slug', e.target.value)} autoComplete="off" spellCheck={false}
                  aria-invalid={errors.slug ? true : undefined} aria-describedby={describe('slug', 'channels-slug-hint')} />
                <p id="channels-slug-hint" className="muted small">{t('channels.slugHint', { origin })}</p>
                {fieldError('slug')}
              </div>
              <div className="field">
                <label htmlFor="channels-origins">{t('channels.origins')}</label>
                <textarea id="channels-origins" rows={3} value={draft.origins} onChange={(e) => set('origins', e.target.value)} spellCheck={false}
                  aria-invalid={errors.origins ? true : undefined} aria-describedby={describe('origins', 'channels-origins-hint')} />
                <p id="channels-origins-hint" className="muted small">{t('channels.originsHint')}</p>
                {fieldError('origins')}
              </div>
              <fieldset>
                <legend>{t('channels.form')}</legend>
                {toggle('form_enabled')}
                {number('min_fill_seconds', 0, 600)}
                {number('submissions_per_hour', 1, 1000)}
              </fieldset>
              <fieldset>
                <legend>{t('channels.callback')}</legend>
                {toggle('callback_enabled')}
                <div className="field">
                  <label htmlFor="channels-callback_slot_minutes">{t('channels.callback_slot_minutes')}</label>
                  <select id="channels-callback_slot_minutes" value={draft.callback_slot_minutes} onChange={(e) => set('callback_slot_minutes', e.target.value)}>
                    {[15, 20, 30, 60].map((m) => <option key={m} value={m}>{t('channels.minutes', { count: m })}</option>)}
                  </select>
                  {fieldError('callback_slot_minutes')}
                </div>
                {number('callback_capacity', 1, 100)}
                {number('callback_days_ahead', 1, 60)}
              </fieldset>
              <fieldset>
                <legend>{t('channels.chat')}</legend>
                {toggle('chat_enabled')}
                {toggle('chat_bot_enabled', t('channels.chatBotHint'))}
              </fieldset>
            </div>
            <div className="actions-row">
              <button type="submit" className="button">{saved ? t('channels.save') : t('channels.create')}</button>
            </div>
          </form>
          {saved && <FormFields stored={saved.form_fields} formUrl={formUrl} onSaved={(form_fields) => setSaved({ ...saved, form_fields })} />}
          {saved && <CallbackRota me={me} />}
          {saved && <PhoneWhatsApp slug={saved.slug} />}
          <BlockList />
        </>
      )}
    </main>
  );
}
