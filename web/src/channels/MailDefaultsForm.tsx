import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { patch } from '../shared/api.ts';
import type { useAction } from '../shared/useAction.ts';

/** The account's sender name and signature for inboxes without their own (GET/PATCH /api/v1/settings/mail). */
export interface MailDefaults { sender_name: string; signature_nl: string; signature_en: string; account_name: string }

/** The sender name customers see for an inbox: its own, else the account's default, else the account's name. */
export const senderNameOf = (inboxName: string, d: MailDefaults | null) => inboxName.trim() || d?.sender_name || d?.account_name || '';

/** The signature under a mail in the language shown: the inbox's own when it has one in either language, else the account's. */
export function signatureOf(inbox: { signature_nl: string; signature_en: string }, d: MailDefaults | null): string {
  const own = inbox.signature_nl || inbox.signature_en ? inbox : d;
  return (own?.signature_nl || own?.signature_en || '').trim();
}

/** Admins set the defaults; others see them. */
export function MailDefaultsForm({ defaults, may, act }: { defaults: MailDefaults; may: boolean; act: ReturnType<typeof useAction>['act'] }) {
  const { t } = useTranslation();
  const [name, setName] = useState(defaults.sender_name);
  const [nl, setNl] = useState(defaults.signature_nl);
  const [en, setEn] = useState(defaults.signature_en);
  const save = (e: FormEvent) => {
    e.preventDefault();
    void act(() => patch('/api/v1/settings/mail', { sender_name: name, signature_nl: nl, signature_en: en }), t('inboxes.defaultsSaved'));
  };
  return (
    <form className="card stack" onSubmit={save} aria-labelledby="mail-defaults-title">
      <h2 id="mail-defaults-title">{t('inboxes.defaultsTitle')}</h2>
      <p className="muted small">{t('inboxes.defaultsIntro')}</p>
      <label htmlFor="mail-defaults-name">{t('inboxes.defaultName')}</label>
      <input id="mail-defaults-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} disabled={!may} aria-describedby="mail-defaults-name-hint" />
      <p id="mail-defaults-name-hint" className="muted small">{t('inboxes.defaultNameHint', { name: defaults.account_name })}</p>
      <label htmlFor="mail-defaults-nl">{t('inboxes.defaultSignatureNl')}</label>
      <textarea id="mail-defaults-nl" value={nl} onChange={(e) => setNl(e.target.value)} rows={3} maxLength={2000} disabled={!may} />
      <label htmlFor="mail-defaults-en">{t('inboxes.defaultSignatureEn')}</label>
      <textarea id="mail-defaults-en" value={en} onChange={(e) => setEn(e.target.value)} rows={3} maxLength={2000} disabled={!may} />
      {may && <button type="submit" className="button primary">{t('inboxes.defaultsSave')}</button>}
    </form>
  );
}
