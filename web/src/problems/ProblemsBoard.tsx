import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgents } from '../cases/agents.ts';
import { get, post } from '../shared/api.ts';
import { formatNumber } from '../shared/format.ts';
import { useShortcuts } from '../shared/keys.ts';
import { useCoalesced, useLive } from '../shared/live.ts';
import { caseHref, navigate, onLinkClick, problemHref } from '../shared/router.ts';
import { Time } from '../shared/Time.tsx';
import { SpikeChart } from './SpikeChart.tsx';
import { can, type Me, type Page } from '../shared/types.ts';
import type { Problem, Signal, SignalEvidence } from './types.ts';
import type { TFunction } from 'i18next';

/** The problems board: open signals with their evidence, and the problems being worked on. */
export function ProblemsBoard({ me, onHelp }: { me: Me; onHelp: () => void }) {
  const { t } = useTranslation();
  const [signals, setSignals] = useState<Signal[] | null>(null);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [version, setVersion] = useState(0);
  const agents = useAgents();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const supervisor = can(me, 'problems.manage');

  useEffect(() => titleRef.current?.focus(), []);
  useEffect(() => {
    const ac = new AbortController();
    Promise.all([
      get<{ data: Signal[] }>('/api/v1/signals?status=open', ac.signal),
      get<Page<Problem>>('/api/v1/problems?limit=50', ac.signal),
    ])
      .then(([s, p]) => {
        setSignals(s.data);
        setProblems(p.data);
        setError(null);
      })
      .catch((e) => !ac.signal.aborted && setError(e.message));
    return () => ac.abort();
  }, [version]);
  useShortcuts({ '?': onHelp });
  // a new signal or a problem someone changed shows up by itself
  const reload = useCoalesced(() => setVersion((v) => v + 1), 300);
  useLive((n) => (n.event === 'ready' || n.event === 'signal.raised' || n.event.startsWith('problem.')) && reload());

  const fail = useCallback((e: unknown) => setNotice({ kind: 'error', text: t('app.error', { message: (e as Error).message }) }), [t]);

  async function makeProblem(signal: Signal, title: string) {
    setNotice(null);
    try {
      const p = await post<Problem>('/api/v1/problems', { title, signal_id: signal.id });
      navigate(problemHref(p.id));
    } catch (e) {
      fail(e);
    }
  }
  async function dismiss(signal: Signal) {
    setNotice(null);
    try {
      await post(`/api/v1/signals/${signal.id}/dismiss`, {});
      setNotice({ kind: 'ok', text: t('problems.dismissed') });
      setVersion((v) => v + 1);
    } catch (e) {
      fail(e);
    }
  }

  return (
    <main id="main" className="board">
      <h1 ref={titleRef} tabIndex={-1}>
        {t('problems.title')}
      </h1>
      <p className="muted hint">{t('problems.hint')}</p>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}{' '}
          <button type="button" className="button" onClick={() => setVersion((v) => v + 1)}>
            {t('app.retry')}
          </button>
        </p>
      )}

      <section aria-labelledby="signals-title" aria-busy={!signals && !error}>
        <h2 id="signals-title">{t('problems.signals')}</h2>
        {!signals && !error && <p className="muted">{t('app.loading')}</p>}
        {signals?.length === 0 && <p className="muted">{t('problems.noSignals')}</p>}
        <ul className="signals">
          {signals?.map((s) => (
            <SignalCard key={s.id} signal={s} supervisor={supervisor} onMake={makeProblem} onDismiss={dismiss} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="problems-title" className="problems">
        <h2 id="problems-title">{t('problems.list')}</h2>
        {problems?.length === 0 && <p className="muted">{t('problems.noProblems')}</p>}
        {problems && problems.length > 0 && (
          <table className="cases">
            <caption className="visually-hidden">{t('problems.caption', { count: problems.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('problems.col.title')}</th>
                <th scope="col">{t('problems.col.status')}</th>
                <th scope="col">{t('problems.col.owner')}</th>
                <th scope="col">{t('problems.col.cases')}</th>
                <th scope="col">{t('problems.col.opened')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p) => (
                <tr key={p.id}>
                  <td>
                    <a href={problemHref(p.id)} onClick={onLinkClick}>
                      {p.title}
                    </a>
                  </td>
                  <td>
                    <span className={`badge problem-${p.status}`}>{t(`problems.status.${p.status}`)}</span>
                  </td>
                  <td>{agents.get(p.owner_id)?.name ?? '…'}</td>
                  <td>{p.confirmed_cases ?? 0}</td>
                  <td>
                    <Time iso={p.created_at} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}

function SignalCard({
  signal,
  supervisor,
  onMake,
  onDismiss,
}: {
  signal: Signal;
  supervisor: boolean;
  onMake: (s: Signal, title: string) => Promise<void>;
  onDismiss: (s: Signal) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(signal.title);
  const [busy, setBusy] = useState(false);
  const e = signal.evidence;
  const head = `signal-${signal.id}`;
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (!title.trim() || busy) return;
    setBusy(true);
    await onMake(signal, title.trim());
    setBusy(false);
  }
  return (
    <li>
    <article className="card signal" aria-labelledby={head}>
      <div className="signal-head">
        <h3 id={head}>{signal.title}</h3>
        <span className="muted small">
          {t('problems.raised')} <Time iso={signal.raised_at} />
        </span>
      </div>
      <div className="signal-body">
        <div>
          <p className="figures-line">
            <strong>{t('problems.figures', { count: e.count, expected: formatNumber(e.expected, 2) })}</strong>
            <span className="muted"> · {whyText(t, e)}</span>
          </p>
          <SpikeChart evidence={e} />
        </div>
        {(signal.example_messages?.length ?? 0) > 0 && (
          <div>
            <h4>{t('problems.examples')}</h4>
            <ul className="examples">
              {signal.example_messages!.slice(0, 3).map((x) => (
                <li key={x.id}>
                  <q>{x.excerpt}</q>{' '}
                  <a href={caseHref(x.case_ref)} onClick={onLinkClick} aria-label={t('problems.openCase', { ref: x.case_ref })} className="small">
                    {x.case_ref}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {supervisor && (
        <div className="signal-actions">
          <form className="inline-form" onSubmit={submit}>
            <label htmlFor={`${head}-title`}>{t('problems.problemTitle')}</label>
            <input id={`${head}-title`} value={title} onChange={(ev) => setTitle(ev.target.value)} required maxLength={300} />
            <button type="submit" className="button primary" disabled={busy}>
              {t('problems.makeProblem')}
            </button>
          </form>
          <button type="button" className="button" onClick={() => onDismiss(signal)}>
            {t('problems.dismiss')}
          </button>
        </div>
      )}
    </article>
    </li>
  );
}

/** Why listening raised the signal, in the agent's language (an old signal without `why` keeps its English reason). */
function whyText(t: TFunction, e: SignalEvidence): string {
  const w = e.why;
  if (!w) return e.reason;
  if (w.kind === 'new_topic') {
    const related = w.related_topics > 1 ? t('problems.why.related', { count: w.related_topics }) : '';
    return t('problems.why.newTopic', { count: w.customers, hours: w.hours, threshold: w.threshold }) + related;
  }
  if (w.kind === 'burst_words') {
    const words = w.words.slice(0, 4).map((x) => t('problems.why.burstWord', { word: x.word, customers: x.customers, expected: formatNumber(x.expected, 1) })).join(', ');
    return t('problems.why.burstWords', { count: w.customers, hours: w.hours, words });
  }
  const key = w.evidence === 'seasonal' && w.season === 'weekday_hour' ? 'seasonalWeekday' : w.evidence;
  return t(`problems.why.spike.${key}`, { count: w.count, expected: formatNumber(w.expected, 1) });
}
