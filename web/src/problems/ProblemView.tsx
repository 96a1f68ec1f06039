import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgents } from '../cases/agents.ts';
import { get, patch, post, put } from '../shared/api.ts';
import { useShortcuts } from '../shared/keys.ts';
import { caseHref, navigate, onLinkClick, PROBLEMS } from '../shared/router.ts';
import { Time } from '../shared/Time.tsx';
import {
  isSupervisor,
  PROBLEM_STATUSES,
  type BulkOutcome,
  type CaseDetail,
  type LinkedCase,
  type Me,
  type ProblemDetail,
  type ProblemStatus,
} from '../shared/types.ts';
import { firstName, formatAmount, renderPreview, TEMPLATE_VARIABLES } from './template.ts';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

/** One problem: status, owner and root cause, its linked cases to confirm, and a bulk reply or note to all of them. */
export function ProblemView({ me, id, onHelp }: { me: Me; id: string; onHelp: () => void }) {
  const { t } = useTranslation();
  const [p, setP] = useState<ProblemDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<Notice>(null);
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
  useEffect(() => {
    if (p && !focused.current) {
      focused.current = true;
      titleRef.current?.focus();
    }
  }, [p]);
  useShortcuts({ Escape: () => navigate(PROBLEMS), '?': onHelp });

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  async function act(fn: () => Promise<unknown>, ok = t('problem.saved')) {
    setNotice(null);
    try {
      await fn();
      setNotice({ kind: 'ok', text: ok });
      refresh();
      return true;
    } catch (e) {
      setNotice({ kind: 'error', text: t('app.error', { message: (e as Error).message }) });
      return false;
    }
  }

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

  const supervisor = isSupervisor(me);
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
                  {t('problem.confirmAll', { count: suggested.length })}
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
const amounts = new Map<string, Promise<string | undefined>>();
function amountOf(caseId: string): Promise<string | undefined> {
  let a = amounts.get(caseId);
  if (!a) {
    a = get<CaseDetail>(`/api/v1/cases/${caseId}`).then(
      (d) => {
        const inbound = d.timeline.filter((e) => e.kind === 'message' && e.type === 'inbound' && e.analysis?.money.length);
        const m = inbound.length ? (inbound[inbound.length - 1] as { analysis: { money: { cents: number; currency: string }[] } }).analysis.money[0] : null;
        return m ? formatAmount(m.cents, m.currency, d.language) : undefined;
      },
      () => undefined,
    );
    amounts.set(caseId, a);
  }
  return a;
}

function BulkReply({ me, problemId, confirmed, onDone }: { me: Me; problemId: string; confirmed: LinkedCase[]; onDone: (o: BulkOutcome[]) => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [solve, setSolve] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [previewId, setPreviewId] = useState('');
  const [amount, setAmount] = useState<string | undefined>(undefined);
  const target = confirmed.find((c) => c.case_id === previewId) ?? confirmed[0];

  useEffect(() => {
    let live = true;
    setAmount(undefined);
    if (target) void amountOf(target.case_id).then((a) => live && setAmount(a));
    return () => {
      live = false;
    };
  }, [target?.case_id]);

  const preview = useMemo(() => {
    if (!target || !body.trim()) return null;
    return renderPreview(body, {
      'customer.first_name': firstName(target.customer_name),
      'customer.name': target.customer_name,
      'case.ref': target.ref,
      'case.subject': target.subject,
      amount,
      'agent.name': me.agent?.name,
    });
  }, [body, target, amount, me.agent?.name]);

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!body.trim() || busy || !confirmed.length) return;
    setBusy(true);
    setError(null);
    try {
      const r = await post<{ data: BulkOutcome[] }>(`/api/v1/problems/${problemId}/reply`, { body, solve });
      onDone(r.data);
      if (r.data.every((o) => o.outcome === 'sent')) setBody('');
    } catch (err) {
      setError(t('app.error', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card bulk" aria-labelledby="bulk-reply-title">
      <h2 id="bulk-reply-title">{t('problem.reply')}</h2>
      {!confirmed.length && <p className="muted">{t('problem.noConfirmed')}</p>}
      <form onSubmit={send} className="stack">
        <label htmlFor="bulk-reply">{t('problem.replyLabel')}</label>
        <p className="muted small" id="bulk-reply-help">
          {t('problem.variables', { list: TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(', ') })}
        </p>
        <textarea id="bulk-reply" rows={8} value={body} onChange={(e) => setBody(e.target.value)} aria-describedby="bulk-reply-help" />
        <label className="check">
          <input type="checkbox" checked={solve} onChange={(e) => setSolve(e.target.checked)} /> {t('problem.solve')}
        </label>
        {preview && target && (
          <div className="preview">
            <div className="preview-head">
              <h3 id="preview-title">{t('problem.preview')}</h3>
              {confirmed.length > 1 && (
                <>
                  <label htmlFor="preview-for">{t('problem.previewFor')}</label>
                  <select id="preview-for" value={target.case_id} onChange={(e) => setPreviewId(e.target.value)}>
                    {confirmed.map((c) => (
                      <option key={c.case_id} value={c.case_id}>
                        {c.ref} · {c.customer_name}
                      </option>
                    ))}
                  </select>
                </>
              )}
            </div>
            <p className="body preview-text" data-testid="preview">
              {preview.pieces.map((x, i) =>
                'text' in x ? (
                  <span key={i}>{x.text}</span>
                ) : x.value === null ? (
                  <mark key={i} className="missing">{`{{${x.variable}}}`}</mark>
                ) : (
                  <mark key={i} className="filled" title={`{{${x.variable}}}`}>
                    {x.value}
                  </mark>
                ),
              )}
            </p>
            {preview.missing.length > 0 && (
              <p className="error small">{t('problem.missing', { list: preview.missing.map((v) => `{{${v}}}`).join(', ') })}</p>
            )}
          </div>
        )}
        <div role="status">{error && <p className="error">{error}</p>}</div>
        <div>
          <button type="submit" className="button primary" disabled={busy || !confirmed.length || !body.trim()}>
            {busy ? t('problem.sending') : t('problem.send', { count: confirmed.length })}
          </button>
        </div>
      </form>
    </section>
  );
}

function BulkNote({ problemId, confirmed, onDone }: { problemId: string; confirmed: LinkedCase[]; onDone: (o: BulkOutcome[]) => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function add(e: FormEvent) {
    e.preventDefault();
    if (!body.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await post<{ data: BulkOutcome[] }>(`/api/v1/problems/${problemId}/note`, { body });
      setBody('');
      onDone(r.data);
    } catch (err) {
      setError(t('app.error', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card bulk" aria-labelledby="bulk-note-title">
      <h2 id="bulk-note-title">{t('problem.note')}</h2>
      <form onSubmit={add} className="stack">
        <label htmlFor="bulk-note">{t('problem.noteLabel')}</label>
        <textarea id="bulk-note" className="note" rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
        <div role="status">{error && <p className="error">{error}</p>}</div>
        <div>
          <button type="submit" className="button" disabled={busy || !confirmed.length || !body.trim()}>
            {t('problem.addNote')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Outcomes({ outcomes }: { outcomes: BulkOutcome[] }) {
  const { t } = useTranslation();
  const ok = outcomes.filter((o) => o.outcome === 'sent' || o.outcome === 'noted').length;
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), [outcomes]);
  return (
    <section className="card outcomes" aria-labelledby="outcomes-title">
      <h2 id="outcomes-title" ref={ref} tabIndex={-1}>
        {t('problem.outcomes')}
      </h2>
      <p role="status">{t('problem.summary', { ok, bad: outcomes.length - ok })}</p>
      <ul className="plain">
        {outcomes.map((o) => (
          <li key={o.case_id} data-ref={o.ref}>
            <a href={caseHref(o.ref)} onClick={onLinkClick} className="ref">
              {o.ref}
            </a>{' '}
            <span className={`badge outcome-${o.outcome}`}>{t(`problem.outcome.${o.outcome}`)}</span>
            {o.error && <span className="muted"> — {o.error.message}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
