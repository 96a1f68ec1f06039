import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post, query } from '../shared/api.ts';
import type { Act } from '../shared/useAction.ts';
import { can, type Me, type Page } from '../shared/types.ts';
import type { NoticeCheck } from './types.ts';

const KINDS = ['contract_terms', 'price_change', 'rebranding', 'service_change', 'planned_maintenance', 'other'] as const;
const AUDIENCES = ['all', 'segment', 'tag', 'problem', 'list'] as const;
type AudienceKind = (typeof AUDIENCES)[number];
interface Texts { subject: string; body: string; plain: string }
const noTexts: Texts = { subject: '', body: '', plain: '' };

/**
 * Compose an announcement: the notice is checked as you type (the earliest allowed date when too short),
 * the audience previewed with its counts (how many, how many vulnerable, who is skipped and why).
 */
export function ComposeAnnouncement({ me, act }: { me: Me; act: Act }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('rebranding');
  const [purpose, setPurpose] = useState<'service' | 'marketing'>('service');
  const [effective, setEffective] = useState('');
  const [audience, setAudience] = useState<AudienceKind>('all');
  const [value, setValue] = useState('');
  const [csv, setCsv] = useState<string | null>(null);
  const [problems, setProblems] = useState<{ id: string; title: string }[]>([]);
  const [nl, setNl] = useState<Texts>(noTexts);
  const [en, setEn] = useState<Texts>(noTexts);
  const [contact, setContact] = useState('');
  const [reason, setReason] = useState('');
  const [check, setCheck] = useState<NoticeCheck | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);

  useEffect(() => {
    if (audience !== 'problem' || problems.length) return;
    const ac = new AbortController();
    get<Page<{ id: string; title: string; status: string }>>(`/api/v1/problems${query({ limit: 100 })}`, ac.signal)
      .then((p) => setProblems(p.data.filter((x) => x.status !== 'resolved')))
      .catch(() => undefined);
    return () => ac.abort();
  }, [audience, problems.length]);

  const audienceBody = audience === 'all' ? { kind: 'all' }
    : audience === 'list' ? (csv ? { kind: 'list', csv } : null)
    : value.trim() ? { kind: audience, value: value.trim() } : null;
  const effectiveAt = effective ? new Date(`${effective}T00:00`).toISOString() : null;
  const audienceKey = JSON.stringify(audienceBody);

  useEffect(() => {
    if (!effectiveAt || !audienceBody) { setCheck(null); setCheckError(null); return; }
    const ac = new AbortController();
    const timer = setTimeout(() => {
      post<NoticeCheck>('/api/v1/announcements/check', { kind, purpose, effective_at: effectiveAt, audience: audienceBody }, ac.signal)
        .then((c) => { setCheck(c); setCheckError(null); })
        .catch((e) => { if (!ac.signal.aborted) { setCheck(null); setCheckError((e as Error).message); } });
    }, 250);
    return () => { clearTimeout(timer); ac.abort(); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, purpose, effectiveAt, audienceKey]);

  const verdict = check ? check[check.applies] : null;
  const english = Boolean(en.subject.trim() || en.body.trim() || en.plain.trim());
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await act(() => post('/api/v1/announcements', {
      kind, purpose, effective_at: effectiveAt, audience: audienceBody, content: { nl, ...(english ? { en } : {}) },
      ...(contact.trim() ? { contact_route: contact.trim() } : {}), ...(reason.trim() ? { override_reason: reason.trim() } : {}),
    }));
    if (ok) { setNl(noTexts); setEn(noTexts); setReason(''); }
  };
  const texts = (lang: 'nl' | 'en', v: Texts, set: (v: Texts) => void, required: boolean) => (['subject', 'body', 'plain'] as const).map((k) => (
    <div key={`${lang}-${k}`} className="stack">
      <label htmlFor={`a-${k}-${lang}`}>{t(`announcements.field.${k}`, { language: t(`announcements.language.${lang}`) })}</label>
      {k === 'subject'
        ? <input id={`a-${k}-${lang}`} required={required} value={v[k]} onChange={(e) => set({ ...v, [k]: e.target.value })} />
        : <textarea id={`a-${k}-${lang}`} required={required} rows={k === 'body' ? 5 : 3} value={v[k]} onChange={(e) => set({ ...v, [k]: e.target.value })} />}
    </div>
  ));
  const reasons = check?.audience && Object.entries(check.audience.skipped_by_reason ?? {})
    .map(([r, n]) => t('announcements.skip.line', { count: n, reason: t(`announcements.skip.${r}`) })).join('; ');

  return (
    <section aria-labelledby="compose-title">
      <h2 id="compose-title">{t('announcements.compose')}</h2>
      <form onSubmit={submit} className="stack">
        <label htmlFor="a-kind">{t('announcements.field.kind')}</label>
        <select id="a-kind" value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}>
          {KINDS.map((k) => <option key={k} value={k}>{t(`announcements.kind.${k}`)}</option>)}
        </select>
        <label htmlFor="a-purpose">{t('announcements.field.purpose')}</label>
        <select id="a-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value as 'service' | 'marketing')} aria-describedby="a-purpose-help">
          <option value="service">{t('announcements.purpose.service')}</option>
          <option value="marketing">{t('announcements.purpose.marketing')}</option>
        </select>
        <p id="a-purpose-help" className="muted small">{t(`announcements.purposeHelp.${purpose}`)}</p>
        <label htmlFor="a-effective">{t('announcements.field.effective')}</label>
        <input id="a-effective" type="date" required value={effective} onChange={(e) => setEffective(e.target.value)} aria-describedby="a-check" />
        <label htmlFor="a-audience">{t('announcements.field.audience')}</label>
        <select id="a-audience" value={audience} onChange={(e) => { setAudience(e.target.value as AudienceKind); setValue(''); }}>
          {AUDIENCES.map((a) => <option key={a} value={a}>{t(`announcements.audience.${a}`)}</option>)}
        </select>
        {(audience === 'segment' || audience === 'tag') && (<>
          <label htmlFor="a-value">{t(`announcements.field.${audience}`)}</label>
          <input id="a-value" value={value} onChange={(e) => setValue(e.target.value)} aria-describedby="a-check" />
        </>)}
        {audience === 'problem' && (<>
          <label htmlFor="a-value">{t('announcements.field.problem')}</label>
          <select id="a-value" value={value} onChange={(e) => setValue(e.target.value)}>
            <option value="">{t('announcements.field.chooseProblem')}</option>
            {problems.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
          </select>
        </>)}
        {audience === 'list' && (<>
          <label htmlFor="a-csv">{t('announcements.field.csv')}</label>
          <input id="a-csv" type="file" accept=".csv,text/csv,text/plain" onChange={async (e) => setCsv((await e.target.files?.[0]?.text()) || null)} />
        </>)}
        <div id="a-check" aria-live="polite">
          {verdict && <p className={verdict.ok ? 'ok' : 'error'}>{verdict.ok
            ? t('announcements.check.ok', { days: verdict.required_days })
            : t('announcements.check.short', { days: verdict.required_days, date: verdict.earliest_effective_date })}</p>}
          {check?.audience && <p className="muted">{t('announcements.check.counts', { count: check.audience.total, vulnerable: check.audience.vulnerable, skipped: check.audience.skipped })}{reasons ? ` (${reasons})` : ''}</p>}
          {checkError && <p className="error">{checkError}</p>}
        </div>
        {texts('nl', nl, setNl, true)}
        <fieldset className="stack">
          <legend>{t('announcements.english')}</legend>
          {texts('en', en, setEn, english)}
        </fieldset>
        <label htmlFor="a-contact">{t('announcements.field.contact')}</label>
        <input id="a-contact" value={contact} onChange={(e) => setContact(e.target.value)} />
        {can(me, 'announcements.override_notice') && verdict && !verdict.ok && (<>
          <label htmlFor="a-reason">{t('announcements.field.override')}</label>
          <textarea id="a-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </>)}
        <p><button type="submit" className="button primary">{t('announcements.schedule')}</button></p>
      </form>
    </section>
  );
}
