import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';
import type { CasePromise, Page, PromiseKind } from '../shared/types.ts';
import { KEEPS, localToIso, PROMISE_KINDS } from './keeping.ts';
import type { Act } from '../shared/useAction.ts';

/** The promises made on this case, soonest due first: keep one when done, or make a new one. */
export function CasePromises({ caseId, version, act }: { caseId: string; version: number; act: Act }) {
  const { t } = useTranslation();
  const [promises, setPromises] = useState<CasePromise[] | null>(null);
  useEffect(() => {
    const ac = new AbortController();
    get<Page<CasePromise>>(`/api/v1/promises?case_id=${caseId}`, ac.signal).then((r) => setPromises(r.data), () => setPromises([]));
    return () => ac.abort();
  }, [caseId, version]);
  return (
    <section className="card" aria-labelledby="promises-title">
      <h2 id="promises-title">{t('case.promises')}</h2>
      {promises === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : promises.length === 0 ? (
        <p className="muted">{t('case.noPromises')}</p>
      ) : (
        <ul className="plain">
          {promises.map((p) => {
            const action = p.state === 'open' ? KEEPS[p.kind as PromiseKind] : undefined;
            return (
              <li key={p.id}>
                <span className={`badge promise-${p.state}`}>{t(`case.promiseState.${p.state}`, { defaultValue: p.state })}</span> {p.description}
                <br />
                <span className="muted">{t('case.due', { date: formatDateTime(p.due_at) })}</span>
                {action && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t('promises.keepLabel', { action: t(`promises.keep.${action}`), promise: p.description })}
                      onClick={() => act(() => post(`/api/v1/promises/${p.id}/keep`, { action }), t('promises.kept', { promise: p.description }))}
                    >
                      {t(`promises.keep.${action}`)}
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <MakePromise caseId={caseId} act={act} />
    </section>
  );
}

/** "I will call you back tomorrow before noon": written down, owned, visible to everyone. */
function MakePromise({ caseId, act }: { caseId: string; act: Act }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<PromiseKind>('callback');
  const [description, setDescription] = useState('');
  const [due, setDue] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!description.trim() || !due) return;
    const ok = await act(() => post(`/api/v1/cases/${caseId}/promises`, { kind, description: description.trim(), due_at: localToIso(due) }), t('case.promiseMade'));
    if (ok) {
      setDescription('');
      setDue('');
    }
  }
  return (
    <details className="make-promise">
      <summary>{t('case.makePromise')}</summary>
      <form onSubmit={submit} className="stack">
        <label htmlFor="promise-kind">{t('case.promiseKind')}</label>
        <select id="promise-kind" value={kind} onChange={(e) => setKind(e.target.value as PromiseKind)}>
          {PROMISE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`promises.kind.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor="promise-text">{t('case.promiseText')}</label>
        <input id="promise-text" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={1000} required />
        <label htmlFor="promise-due">{t('case.promiseDue')}</label>
        <input id="promise-due" type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} required />
        <button type="submit" className="button">
          {t('case.promiseSave')}
        </button>
      </form>
    </details>
  );
}
