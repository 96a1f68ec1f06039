import { useTranslation } from 'react-i18next';
import { Marked } from '../shared/Marked.tsx';
import { BASE, caseHref, onLinkClick } from '../shared/router.ts';
import type { SearchHit } from '../shared/types.ts';

/** Search results with the matched words highlighted; j/k move over the ones that open a case. */
export function SearchHits({ q, hits, selectedRef, listRef }: { q: string; hits: SearchHit[]; selectedRef: string | undefined; listRef: React.Ref<HTMLOListElement> }) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t('inbox.results', { q })}</h2>
      {hits.length === 0 ? (
        <p>{t('inbox.noResults', { q })}</p>
      ) : (
        <ol className="hits" ref={listRef}>
          {hits.map((h) => (
            <li key={`${h.type}:${h.id}`} className={h.case_ref && h.case_ref === selectedRef ? 'selected' : undefined}>
              {h.case_ref ? (
                <a data-row href={caseHref(h.case_ref)} onClick={onLinkClick}>
                  <span className="ref">{h.case_ref}</span> {h.title}
                </a>
              ) : (
                <strong>{h.title}</strong>
              )}
              <p className="snippet">
                <Marked snippet={h.snippet} />
              </p>
            </li>
          ))}
        </ol>
      )}
      <a href={BASE} onClick={onLinkClick}>
        {t('inbox.clearSearch')}
      </a>
    </>
  );
}
