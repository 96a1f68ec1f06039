import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../shared/api.ts';
import { Marked } from '../shared/Marked.tsx';
import type { Suggestions as SuggestionList } from '../shared/types.ts';

/** Articles that may answer the customer's latest message. */
export function Suggestions({ caseId, version }: { caseId: string; version: number }) {
  const { t } = useTranslation();
  const [list, setList] = useState<SuggestionList['data'] | null>(null);
  useEffect(() => {
    const ac = new AbortController();
    get<SuggestionList>(`/api/v1/cases/${caseId}/suggestions`, ac.signal).then((r) => setList(r.data), () => setList([]));
    return () => ac.abort();
  }, [caseId, version]);
  return (
    <section className="card suggestions" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t('case.suggestions')}</h2>
      {list === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : list.length === 0 ? (
        <p className="muted">{t('case.noSuggestions')}</p>
      ) : (
        <ul className="plain">
          {list.map((a) => (
            <li key={a.id}>
              <strong>{a.title}</strong>
              <p className="snippet">
                <Marked snippet={a.snippet} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
