import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../shared/api.ts';

export interface ReplyChannelInfo {
  channel: string;
  whatsapp: { window_open: boolean; closes_at: string | null; closed_at: string | null; templates: Array<{ name: string; language: string }> } | null;
}

export type WhatsAppTemplateChoice = { name: string; language: string } | null;

/**
 * Above the reply: where it goes. When the customer last wrote on WhatsApp the reply goes there, and
 * after 24 hours WhatsApp allows only an approved template: the agent picks one (the server refuses
 * free text with whatsapp_window_closed, so this says so before they write).
 */
export function WhatsAppWindow({ caseId, refreshKey, template, onTemplate }: {
  caseId: string;
  refreshKey?: unknown;
  template: WhatsAppTemplateChoice;
  onTemplate: (t: WhatsAppTemplateChoice) => void;
}) {
  const { t, i18n } = useTranslation();
  const [info, setInfo] = useState<ReplyChannelInfo | null>(null);
  useEffect(() => {
    const ac = new AbortController();
    get<ReplyChannelInfo>(`/api/v1/cases/${caseId}/reply-channel`, ac.signal).then(setInfo, () => setInfo(null));
    return () => ac.abort();
  }, [caseId, refreshKey]);
  const wa = info?.whatsapp;
  if (!wa) return null;
  const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeStyle: 'short' }) : '');
  const value = template ? `${template.name}|${template.language}` : '';
  return (
    <div className={`whatsapp-window ${wa.window_open ? 'open' : 'closed'}`} data-testid="whatsapp-window">
      <p className="small">
        {wa.window_open ? t('composer.whatsapp.open', { time: time(wa.closes_at) }) : <strong>{t('composer.whatsapp.closed', { time: time(wa.closed_at) })}</strong>}
      </p>
      {(!wa.window_open || wa.templates.length > 0) && (
        <div className="field">
          <label htmlFor="composer-wa-template">{t('composer.whatsapp.template')}</label>
          <select id="composer-wa-template" value={value} onChange={(e) => {
            const [name, language] = e.target.value.split('|');
            onTemplate(e.target.value ? { name, language } : null);
          }}>
            <option value="">{wa.window_open ? t('composer.whatsapp.freeText') : t('composer.whatsapp.choose')}</option>
            {wa.templates.map((tpl) => <option key={`${tpl.name}|${tpl.language}`} value={`${tpl.name}|${tpl.language}`}>{tpl.name} ({tpl.language})</option>)}
          </select>
          {!wa.window_open && wa.templates.length === 0 && <p className="muted small">{t('composer.whatsapp.noTemplates')}</p>}
        </div>
      )}
    </div>
  );
}
