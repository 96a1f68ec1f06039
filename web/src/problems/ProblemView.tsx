import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgents } from '../cases/agents.ts';
import { get, patch, put } from '../shared/api.ts';
import { useShortcuts } from '../shared/keys.ts';
import { useAction } from '../shared/useAction.ts';
import { useCoalesced, useLive } from '../shared/live.ts';
import { caseHref, INCIDENTS, navigate, onLinkClick, PROBLEMS } from '../shared/router.ts';
import { Time } from '../shared/Time.tsx';
import { can, type Me } from '../shared/types.ts';
import { PROBLEM_STATUSES, type BulkOutcome, type LinkedCase, type ProblemDetail, type ProblemStatus } from './types.ts';
import { BulkNote, BulkReply, Outcomes } from './BulkActions.tsx';


/** One problem: status, owner and root cause, its linked cases to confirm, and a bulk reply or note to all of them. */
export function ProblemView({ me, id, onHelp }: { me: Me; id: string; onHelp: () => void }) {
  const { t } = useTranslation();
  const [p, setP] = useState<ProblemDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [outcomes, setOutcomes] = useState<BulkOutcome[] | null>(null);
  const agents = useAgents();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const focused = useRef(false);

  useEffect(() => {
    const ac = new AbortController();
    get<ProblemDetail>(`/api/v1/problems/${encodeURIComponent(id)}`, ac.signal)
      .then((d) => {
        setP(d);
        setError(null);
      })
      .catch((e) => !ac.signal.aborted && setError(e.message));
    return () => ac.abort();
  }, [id, version]);
  // the problem and its linked cases stay current: a colleague's change, a new similar case
  const reload = useCoalesced(() => setVersion((v) => v + 1), 300);
  useLive((n) => (n.event === 'ready' || (n.event === 'problem.updated' && n.id === id) || n.event === 'case.created') && reload());
  useEffect(() => {
    if (p && !focused.current) {
      focused.current = true;
      titleRef.current?.focus();
    }
  }, [p]);
  useShortcuts({ Escape: () => navigate(PROBLEMS), '?': onHelp });

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const { notice, act } = useAction(refresh, t('problem.saved'));

  if (error)
    return (
      <main id="main">
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
        <a href={PROBLEMS} onClick={onLinkClick}>
          {t('problem.back')}
        </a>
      </main>
    );
  if (!p)
    return (
      <main id="main" aria-busy="true">
        <p className="muted">{t('app.loading')}</p>
      </main>
    );

  const supervisor = can(me, 'problems.manage');
  const canEdit = supervisor || p.owner_id === me.agent?.id;
  const suggested = p.cases.filter((c) => c.state === 'suggested');
  const confirmed = p.cases.filter((c) => c.state === 'confirmed');
  const link = (c: LinkedCase, state: 'confirmed' | 'removed') => act(() => put(`/api/v1/problems/${p.id}/cases/${c.case_id}`, { state }));
  const confirmAll = () =>
    act(async () => {
      for (const c of suggested) await put(`/api/v1/problems/${p.id}/cases/${c.case_id}`, { state: 'confirmed' });
    });

  return (
    <main id="main" className="problem">
      <p>
        <a href={PROBLEMS} onClick={onLinkClick}>
          ← {t('problem.back')}
        </a>
      </p>
      <header className="case-head">
        <h1 ref={titleRef} tabIndex={-1}>
          {p.title}
        </h1>
        <dl className="facts inline">
          <div>
            <dt>{t('problem.status')}</dt>
            <dd>
              <span className={`badge problem-${p.status}`}>{t(`problems.status.${p.status}`)}</span>
            </dd>
          </div>
          <div>
            <dt>{t('problem.owner')}</dt>
            <dd>{agents.get(p.owner_id)?.name ?? '…'}</dd>
          </div>
          <div>
            <dt>{t('problem.affected')}</dt>
            <dd>{p.affected_customers}</dd>
          </div>
          <div>
            <dt>{t('problem.opened')}</dt>
            <dd>
              <Time iso={p.created_at} />
            </dd>
          </div>
        </dl>
        <p>
          <strong>{t('problem.rootCause')}:</strong> {p.root_cause ?? <span className="muted">{t('problem.noRootCause')}</span>}
        </p>
        <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
      </header>

      <div className="problem-body">
        <div className="problem-main">
          <section aria-labelledby="incidents-title">
            <h2 id="incidents-title">{t('problem.incidents')}</h2>
            {p.incidents.length === 0 ? <p className="muted">{t('problem.noIncidents')}</p> : (
              <ul>{p.incidents.map((i) => (
                <li key={i.id} data-incident={i.id}>
                  <a href={INCIDENTS} onClick={onLinkClick}>{i.title.nl}</a> — {t(`incidents.status.${i.status}`)}
                  {i.next_update_at && <> · {t('problem.incidentNext')} <Time iso={i.next_update_at} /></>}
                </li>
              ))}</ul>
            )}
            {can(me, 'incidents.open') && <p><a className="button" href={`${INCIDENTS}?problem=${encodeURIComponent(p.id)}`}>{t('problem.openIncident')}</a></p>}
          </section>
          <section aria-labelledby="linked-title">
            <h2 id="linked-title">{t('problem.cases')}</h2>
            {p.cases.length === 0 ? (
              <p className="muted">{t('problem.noCases')}</p>
            ) : (
              <table className="cases">
                <caption className="visually-hidden">{t('problem.casesCaption', { count: p.cases.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('problem.col.ref')}</th>
                    <th scope="col">{t('problem.col.subject')}</th>
                    <th scope="col">{t('problem.col.customer')}</th>
                    <th scope="col">{t('problem.col.status')}</th>
                    <th scope="col">{t('problem.col.link')}</th>
                    <th scope="col">{t('problem.col.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.cases.map((c) => (
                    <tr key={c.case_id}>
                      <td>
                        <a href={caseHref(c.ref)} onClick={onLinkClick} className="ref">
                          {c.ref}
                        </a>
                      </td>
                      <td>{c.subject}</td>
                      <td>{c.customer_name}</td>
                      <td>
                        <span className={`badge status-${c.status}`}>{t(`status.${c.status}`)}</span>
                      </td>
                      <td>
                        <span className={`badge link-${c.state}`}>{t(`problem.link.${c.state}`)}</span>
                        {c.state === 'suggested' && c.reason && <span className="muted small reason"> {t(`problem.why.${c.reason.why}`, { words: (c.reason.words ?? []).map((w) => `“${w}”`).join(', ') })}</span>}
                      </td>
                      <td className="row-actions">
                        {c.state === 'suggested' && (
                          <button type="button" className="button" aria-label={t('problem.confirmLabel', { ref: c.ref })} onClick={() => link(c, 'confirmed')}>
                            {t('problem.confirm')}
                          </button>
                        )}
                        <button type="button" className="button" aria-label={t('problem.removeLabel', { ref: c.ref })} onClick={() => link(c, 'removed')}>
                          {t('problem.remove')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {suggested.length > 1 && (
              <p>
                <button type="button" className="button" onClick={confirmAll}>
                  {t('problem.confirmAll', { n: suggested.length })}
                </button>
              </p>
            )}
          </section>

          {supervisor && <BulkReply me={me} problemId={p.id} confirmed={confirmed} onDone={(o) => (setOutcomes(o), refresh())} />}
          <BulkNote problemId={p.id} confirmed={confirmed} onDone={(o) => (setOutcomes(o), refresh())} />
          {outcomes && <Outcomes outcomes={outcomes} />}
        </div>

        {canEdit && (
          <aside className="problem-side">
            <EditProblem problem={p} agents={[...agents.values()]} onSave={(body) => act(() => patch(`/api/v1/problems/${p.id}`, body))} />
          </aside>
        )}
      </div>
    </main>
  );
}

function EditProblem({
  problem,
  agents,
  onSave,
}: {
  problem: ProblemDetail;
  agents: { id: string; name: string }[];
  onSave: (body: { status?: ProblemStatus; owner_id?: string; root_cause?: string | null }) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState(problem.status);
  const [owner, setOwner] = useState(problem.owner_id);
  const [cause, setCause] = useState(problem.root_cause ?? '');
  function submit(e: FormEvent) {
    e.preventDefault();
    const body: { status?: ProblemStatus; owner_id?: string; root_cause?: string | null } = {};
    if (status !== problem.status) body.status = status;
    if (owner !== problem.owner_id) body.owner_id = owner;
    if (cause.trim() !== (problem.root_cause ?? '')) body.root_cause = cause.trim() || null;
    if (Object.keys(body).length) void onSave(body);
  }
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="edit-title">
      <h2 id="edit-title">{t('problem.edit')}</h2>
      <label htmlFor="problem-status">{t('problem.status')}</label>
      <select id="problem-status" value={status} onChange={(e) => setStatus(e.target.value as ProblemStatus)}>
        {PROBLEM_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`problems.status.${s}`)}
          </option>
        ))}
      </select>
      <label htmlFor="problem-owner">{t('problem.owner')}</label>
      <select id="problem-owner" value={owner} onChange={(e) => setOwner(e.target.value)}>
        {agents.length === 0 && <option value={owner}>…</option>}
        {agents.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <label htmlFor="problem-cause">{t('problem.rootCause')}</label>
      <textarea id="problem-cause" rows={3} value={cause} onChange={(e) => setCause(e.target.value)} maxLength={5000} />
      <button type="submit" className="button primary">
        {t('problem.save')}
      </button>
    </form>
  );
}

// the amount each customer mentioned, for the preview of {{amount}}
