import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post, query } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';
import { useShortcuts } from '../shared/keys.ts';
import { useAction } from '../shared/useAction.ts';
import { can, type Me, type Page } from '../shared/types.ts';
import type { Announcement, NoticeCheck } from './types.ts';

const KINDS = ['contract_terms', 'price_change', 'rebranding', 'service_change', 'planned_maintenance', 'other'] as const;

/** Announcements: the list with delivery, and a compose form that checks the notice as you type. */
export function Announcements({ me, onHelp }: { me: Me; onHelp: () => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Announcement[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  useEffect(() => {
    const ac = new AbortController();
    get<Page<Announcement>>(`/api/v1/announcements${query({ limit: 100 })}`, ac.signal)
      .then((p) => { setRows(p.data); setError(null); })
      .catch((e) => !ac.signal.aborted && setError(e.message));
    return () => ac.abort();
  }, [version]);
  useShortcuts({ '?': onHelp });
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const { notice, act } = useAction(refresh, t('announcements.scheduled'));

  // the form
  const [kind, setKind] = useState<(typeof KINDS)[number]>('rebranding');
  const [effective, setEffective] = useState('');
  const [audience, setAudience] = useState<'all' | 'tag'>('all');
  const [tag, setTag] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [plain, setPlain] = useState('');
  const [contact, setContact] = useState('');
  const [reason, setReason] = useState('');
  const [check, setCheck] = useState<NoticeCheck | null>(null);
  const audienceBody = audience === 'all' ? { kind: 'all' } : { kind: 'tag', value: tag.trim() };
  const effectiveAt = effective ? new Date(`${effective}T00:00`).toISOString() : null;

  useEffect(() => {
    if (!effectiveAt || (audience === 'tag' && !tag.trim())) return setCheck(null);
    const ac = new AbortController();
    const timer = setTimeout(() => {
      post<NoticeCheck>('/api/v1/announcements/check', { kind, effective_at: effectiveAt, audience: audienceBody }, ac.signal)
        .then(setCheck)
        .catch(() => !ac.signal.aborted && setCheck(null));
    }, 250);
    return () => { clearTimeout(timer); ac.abort(); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, effectiveAt, audience, tag]);

  const verdict = check ? check[check.applies] : null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await act(() => post('/api/v1/announcements', {
      kind, effective_at: effectiveAt, audience: audienceBody, content: { nl: { subject, body, plain } },
      ...(contact.trim() ? { contact_route: contact.trim() } : {}), ...(reason.trim() ? { override_reason: reason.trim() } : {}),
    }));
    if (ok) { setSubject(''); setBody(''); setPlain(''); setReason(''); }
  };

  return (
    <main id="main" className="announcements">
      <h1 ref={titleRef} tabIndex={-1}>{t('announcements.title')}</h1>
      <p className="muted hint">{t('announcements.hint')}</p>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
      {error && <p className="error" role="alert">{t('app.error', { message: error })}</p>}
      {!error && !rows && <p className="muted">{t('app.loading')}</p>}
      {rows && (rows.length ? (
        <table className="cases">
          <caption className="visually-hidden">{t('announcements.caption', { count: rows.length })}</caption>
          <thead><tr>
            <th scope="col">{t('announcements.col.kind')}</th><th scope="col">{t('announcements.col.subject')}</th>
            <th scope="col">{t('announcements.col.effective')}</th><th scope="col">{t('announcements.col.status')}</th>
          </tr></thead>
          <tbody>{rows.map((a) => (
            <tr key={a.id} data-announcement={a.id}>
              <td>{t(`announcements.kind.${a.kind}`)}</td>
              <td>{a.content.nl.subject}{a.override_reason && <div className="small">{t('announcements.overridden', { reason: a.override_reason })}</div>}</td>
              <td><time dateTime={a.effective_at}>{formatDateTime(a.effective_at)}</time></td>
              <td>{t(`announcements.status.${a.status}`)}</td>
            </tr>
          ))}</tbody>
        </table>
      ) : <p className="muted">{t('announcements.none')}</p>)}

      <section aria-labelledby="compose-title">
        <h2 id="compose-title">{t('announcements.compose')}</h2>
        <form onSubmit={submit} className="stack">
          <label htmlFor="a-kind">{t('announcements.field.kind')}</label>
          <select id="a-kind" value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}>
            {KINDS.map((k) => <option key={k} value={k}>{t(`announcements.kind.${k}`)}</option>)}
          </select>
          <label htmlFor="a-effective">{t('announcements.field.effective')}</label>
          <input id="a-effective" type="date" required value={effective} onChange={(e) => setEffective(e.target.value)} aria-describedby="a-check" />
          <label htmlFor="a-audience">{t('announcements.field.audience')}</label>
          <select id="a-audience" value={audience} onChange={(e) => setAudience(e.target.value as 'all' | 'tag')}>
            <option value="all">{t('announcements.audience.all')}</option>
            <option value="tag">{t('announcements.audience.tag')}</option>
          </select>
          {audience === 'tag' && (<>
            <label htmlFor="a-tag">{t('announcements.field.audienceValue')}</label>
            <input id="a-tag" value={tag} onChange={(e) => setTag(e.target.value)} />
          </>)}
          <div id="a-check" aria-live="polite">
            {verdict && <p className={verdict.ok ? 'ok' : 'error'}>{verdict.ok
              ? t('announcements.check.ok', { days: verdict.required_days })
              : t('announcements.check.short', { days: verdict.required_days, date: verdict.earliest_effective_date })}</p>}
            {check?.audience && <p className="muted">{t('announcements.check.counts', check.audience)}</p>}
          </div>
          <label htmlFor="a-subject">{t('announcements.field.subjectNl')}</label>
          <input id="a-subject" required value={subject} onChange={(e) => setSubject(e.target.value)} />
          <label htmlFor="a-body">{t('announcements.field.bodyNl')}</label>
          <textarea id="a-body" required rows={5} value={body} onChange={(e) => setBody(e.target.value)} />
          <label htmlFor="a-plain">{t('announcements.field.plainNl')}</label>
          <textarea id="a-plain" required rows={3} value={plain} onChange={(e) => setPlain(e.target.value)} />
          <label htmlFor="a-contact">{t('announcements.field.contact')}</label>
          <input id="a-contact" value={contact} onChange={(e) => setContact(e.target.value)} />
          {can(me, 'announcements.override_notice') && verdict && !verdict.ok && (<>
            <label htmlFor="a-reason">{t('announcements.field.override')}</label>
            <textarea id="a-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </>)}
          <p><button type="submit" className="button primary">{t('announcements.schedule')}</button></p>
        </form>
      </section>
    </main>
  );
}
