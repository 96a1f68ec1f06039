import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgents } from '../cases/agents.ts';
import { useCaseRefs } from '../cases/refs.ts';
import { get, post, query } from '../shared/api.ts';
import { endOfToday, formatDateTime, formatDue } from '../shared/format.ts';
import { useShortcuts } from '../shared/keys.ts';
import { useAction } from '../shared/useAction.ts';
import { useCoalesced, useLive } from '../shared/live.ts';
import { caseHref, INCIDENTS, onLinkClick } from '../shared/router.ts';
import { KEEPS } from './keeping.ts';
import { can, type Draft, type KeepingAction, type Me, type Page, type PromiseItem, type PromiseKind } from '../shared/types.ts';



/** Promises due today and the broken ones, with a "kept" action; drafts waiting for a supervisor. */
export function DueToday({ me, onHelp }: { me: Me; onHelp: () => void }) {
  const { t } = useTranslation();
  const [mine, setMine] = useState(false);
  const [due, setDue] = useState<PromiseItem[] | null>(null);
  const [breached, setBreached] = useState<PromiseItem[] | null>(null);
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const agents = useAgents();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const refs = useCaseRefs([...(due ?? []), ...(breached ?? []), ...(drafts ?? [])].flatMap((x) => (x.case_id ? [x.case_id] : [])));

  useEffect(() => titleRef.current?.focus(), []);
  useEffect(() => {
    const ac = new AbortController();
    const owner = mine ? (me.agent?.id ?? undefined) : undefined;
    Promise.all([
      get<Page<PromiseItem>>(`/api/v1/promises${query({ state: 'open', due_before: endOfToday(), owner_id: owner, limit: 100 })}`, ac.signal),
      get<Page<PromiseItem>>(`/api/v1/promises${query({ state: 'breached', owner_id: owner, limit: 100 })}`, ac.signal),
      get<{ data: Draft[] }>('/api/v1/drafts', ac.signal),
    ])
      .then(([d, b, dr]) => {
        setDue(d.data);
        setBreached(b.data);
        setDrafts(dr.data);
        setError(null);
      })
      .catch((e) => !ac.signal.aborted && setError(e.message));
    return () => ac.abort();
  }, [version, mine, me.agent?.id]);
  useShortcuts({ '?': onHelp });
  const reload = useCoalesced(() => setVersion((v) => v + 1), 300);
  useLive((n) => (n.event === 'ready' || n.event.startsWith('promise.')) && reload());

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const { notice, act } = useAction(refresh, t('case.saved'));
  const keep = (p: PromiseItem, action: KeepingAction) => act(() => post(`/api/v1/promises/${p.id}/keep`, { action }), t('promises.kept', { promise: p.description }));

  const table = (rows: PromiseItem[], id: string) => (
    <table className="cases promises">
      <caption className="visually-hidden">{t('promises.caption', { count: rows.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('promises.col.case')}</th>
          <th scope="col">{t('promises.col.promise')}</th>
          <th scope="col">{t('promises.col.owner')}</th>
          <th scope="col">{t('promises.col.due')}</th>
          <th scope="col">{t('promises.col.action')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => {
          const action = p.state === 'open' ? KEEPS[p.kind] : undefined;
          const c = p.case_id ? refs[p.case_id] : undefined;
          return (
            <tr key={p.id} data-promise={p.id} id={`${id}-${p.id}`}>
              <td>
                {p.case_id ? (
                  <>
                    <a href={caseHref(c?.ref ?? p.case_id)} onClick={onLinkClick} className="ref">
                      {c?.ref ?? '…'}
                    </a>
                    {c && <div className="muted small">{c.subject}</div>}
                  </>
                ) : (
                  <a href={INCIDENTS} onClick={onLinkClick} className="ref">
                    {t('promises.incident')}
                  </a>
                )}
              </td>
              <td>
                <span className="badge">{t(`promises.kind.${p.kind}`)}</span> {p.description}
              </td>
              <td>{agents.get(p.owner_id)?.name ?? '…'}</td>
              <td>
                <time dateTime={p.due_at} title={formatDateTime(p.due_at)}>
                  {p.window_start ? `${formatDue(p.window_start)} – ` : ''}
                  {formatDue(p.due_at)}
                </time>
              </td>
              <td>
                {action ? (
                  <button type="button" className="button" aria-label={t('promises.keepLabel', { action: t(`promises.keep.${action}`), promise: p.description })} onClick={() => keep(p, action)}>
                    {t(`promises.keep.${action}`)}
                  </button>
                ) : p.state === 'open' ? (
                  <span className="muted small">{t(p.incident_id ? 'promises.byIncidentUpdate' : 'promises.byReply')}</span>
                ) : (
                  <span className="badge clock-breached">{t('promises.breached')}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );

  return (
    <main id="main" className="due-today">
      <div className="inbox-head">
        <h1 ref={titleRef} tabIndex={-1}>
          {t('promises.title')}
        </h1>
        <label className="check push-end">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} /> {t('promises.mine')}
        </label>
      </div>
      <p className="muted hint">{t('promises.hint')}</p>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}{' '}
          <button type="button" className="button" onClick={() => setVersion((v) => v + 1)}>
            {t('app.retry')}
          </button>
        </p>
      )}
      {!error && !due && <p className="muted">{t('app.loading')}</p>}

      {breached && (
        <section aria-labelledby="breached-title">
          <h2 id="breached-title">{t('promises.breached')}</h2>
          {breached.length ? table(breached, 'breached') : <p className="muted">{t('promises.noBreached')}</p>}
        </section>
      )}
      {due && (
        <section aria-labelledby="due-title">
          <h2 id="due-title">{t('promises.due')}</h2>
          {due.length ? table(due, 'due') : <p className="muted">{t('promises.noDue')}</p>}
        </section>
      )}
      {drafts && (
        <section aria-labelledby="drafts-title">
          <h2 id="drafts-title">{t('promises.drafts')}</h2>
          {!drafts.length && <p className="muted">{t('promises.noDrafts')}</p>}
          {drafts.length > 0 && !can(me, 'drafts.approve') && <p className="muted">{t('promises.onlySupervisors')}</p>}
          <ul className="plain">
            {drafts.map((d) => (
              <DraftCard
                key={d.id}
                draft={d}
                caseRef={refs[d.case_id]?.ref}
                supervisor={can(me, 'drafts.approve')}
                onApprove={() => act(() => post(`/api/v1/drafts/${d.id}/approve`, {}), t('promises.approved'))}
                onDiscard={(reason) => act(() => post(`/api/v1/drafts/${d.id}/discard`, { reason }), t('promises.discarded'))}
              />
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

function DraftCard({
  draft,
  caseRef,
  supervisor,
  onApprove,
  onDiscard,
}: {
  draft: Draft;
  caseRef?: string;
  supervisor: boolean;
  onApprove: () => void;
  onDiscard: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const head = `draft-${draft.id}`;
  function discard(e: FormEvent) {
    e.preventDefault();
    if (reason.trim()) onDiscard(reason.trim());
  }
  return (
    <li>
      <article className="card draft" aria-labelledby={head}>
        <h3 id={head}>
          <a href={caseHref(caseRef ?? draft.case_id)} onClick={onLinkClick} className="ref">
            {caseRef ?? '…'}
          </a>{' '}
          <span className="muted">· {draft.reason}</span>
        </h3>
        <p className="body">{draft.body}</p>
        {draft.proposed_due_at && <p className="muted small">{t('promises.proposed', { date: formatDateTime(draft.proposed_due_at) })}</p>}
        {supervisor && (
          <div className="actions-row">
            <button type="button" className="button primary" onClick={onApprove}>
              {t('promises.approve')}
            </button>
            <form className="inline-form" onSubmit={discard}>
              <label htmlFor={`${head}-reason`}>{t('promises.discardReason')}</label>
              <input id={`${head}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={1000} />
              <button type="submit" className="button">
                {t('promises.discard')}
              </button>
            </form>
          </div>
        )}
      </article>
    </li>
  );
}
