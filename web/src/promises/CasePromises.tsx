import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';
import type { CasePromise, Page } from '../shared/types.ts';

/** The promises made on this case, soonest due first. */
export function CasePromises({ caseId, version }: { caseId: string; version: number }) {
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
          {promises.map((p) => (
            <li key={p.id}>
              <span className={`badge promise-${p.state}`}>{p.state}</span> {p.description}
              <br />
              <span className="muted">{t('case.due', { date: formatDateTime(p.due_at) })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
