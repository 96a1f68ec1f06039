import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, patch } from '../shared/api.ts';
import { useShortcuts } from '../shared/keys.ts';
import { can, type Me } from '../shared/types.ts';
import { useAction } from '../shared/useAction.ts';
import { type MailDefaults, MailDefaultsForm, senderNameOf, signatureOf } from './MailDefaultsForm.tsx';

interface Inbox { id: string; address: string; name: string; verified: boolean; acknowledge: boolean; signature_nl: string; signature_en: string }

/**
 * The e-mail inboxes (admins): per inbox the sender name customers see on every mail from it, and
 * the signature under replies and acknowledgements, in Dutch and in English (the one of the
 * customer's language is used, else the other); above them the account's defaults for an inbox that
 * leaves its own empty. Adding and verifying inboxes stays in the API and CLI.
 */
export function InboxSenders({ me, onHelp }: { me: Me; onHelp: () => void }) {
  const { t } = useTranslation();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [inboxes, setInboxes] = useState<Inbox[] | null>(null);
  const [defaults, setDefaults] = useState<MailDefaults | null>(null);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const { notice, act } = useAction(refresh, t('inboxes.saved'));
  useShortcuts({ '?': onHelp });
  useEffect(() => titleRef.current?.focus(), []);
  useEffect(() => {
    const ac = new AbortController();
    get<{ data: Inbox[] }>('/api/v1/inboxes', ac.signal).then((r) => setInboxes(r.data), () => setInboxes([]));
    get<MailDefaults>('/api/v1/settings/mail', ac.signal).then(setDefaults, () => setDefaults(null));
    return () => ac.abort();
  }, [version]);
  const may = can(me, 'inboxes.manage');

  return (
    <main id="main" className="inbox-senders">
      <h1 ref={titleRef} tabIndex={-1}>{t('inboxes.title')}</h1>
      <p className="muted">{t('inboxes.intro')}</p>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
      {/* keyed by the values as loaded: a form starts over when the server's answer after a save arrives, not before */}
      {defaults && <MailDefaultsForm key={JSON.stringify(defaults)} defaults={defaults} may={may} act={act} />}
      {inboxes?.length === 0 && <p className="muted">{t('inboxes.none')}</p>}
      {inboxes?.map((i) => <InboxForm key={JSON.stringify(i)} inbox={i} defaults={defaults} may={may} act={act} />)}
    </main>
  );
}

function InboxForm({ inbox, defaults, may, act }: { inbox: Inbox; defaults: MailDefaults | null; may: boolean; act: ReturnType<typeof useAction>['act'] }) {
  const { t } = useTranslation();
  const [name, setName] = useState(inbox.name);
  const [nl, setNl] = useState(inbox.signature_nl);
  const [en, setEn] = useState(inbox.signature_en);
  const id = `inbox-${inbox.id}`;
  const save = (e: FormEvent) => {
    e.preventDefault();
    void act(() => patch(`/api/v1/inboxes/${inbox.id}`, { name, signature_nl: nl, signature_en: en }), t('inboxes.savedNamed', { address: inbox.address }));
  };
  return (
    <form className="card stack" onSubmit={save} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{inbox.address}</h2>
      <p className="muted small">{inbox.verified ? t('inboxes.verified') : t('inboxes.unverified')}</p>
      <label htmlFor={`${id}-name`}>{t('inboxes.name')}</label>
      <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} disabled={!may} aria-describedby={`${id}-name-hint`} />
      <p id={`${id}-name-hint`} className="muted small">{t('inboxes.nameHint', { name: senderNameOf(name, defaults) || '…', address: inbox.address })}</p>
      <label htmlFor={`${id}-nl`}>{t('inboxes.signatureNl')}</label>
      <textarea id={`${id}-nl`} value={nl} onChange={(e) => setNl(e.target.value)} rows={3} maxLength={2000} disabled={!may} />
      <label htmlFor={`${id}-en`}>{t('inboxes.signatureEn')}</label>
      <textarea id={`${id}-en`} value={en} onChange={(e) => setEn(e.target.value)} rows={3} maxLength={2000} disabled={!may} aria-describedby={`${id}-sig-hint`} />
      <p id={`${id}-sig-hint`} className="muted small">{t('inboxes.signatureHint')}</p>
      {!nl && !en && defaults && (defaults.signature_nl || defaults.signature_en) && <p className="muted small">{t('inboxes.usesDefault')}</p>}
      {signatureOf({ signature_nl: nl, signature_en: en }, defaults) && (
        <figure className="signature-preview">
          <figcaption className="muted small">{t('inboxes.preview')}</figcaption>
          <pre>{`…\n\n-- \n${signatureOf({ signature_nl: nl, signature_en: en }, defaults)}`}</pre>
        </figure>
      )}
      {may && <button type="submit" className="button primary">{t('inboxes.save')}</button>}
    </form>
  );
}
