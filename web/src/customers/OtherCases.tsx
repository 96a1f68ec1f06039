import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../shared/api.ts';
import { caseHref, onLinkClick } from '../shared/router.ts';
import { Time } from '../shared/Time.tsx';
import type { Case, Page } from '../shared/types.ts';

/** The customer's other cases, newest first: the story so far, one click away. */
export function OtherCases({ customerId, caseId }: { customerId: string; caseId: string }) {
  const { t } = useTranslation();
  const [cases, setCases] = useState<Case[] | null>(null);
  useEffect(() => {
    const ac = new AbortController();
    get<Page<Case>>(`/api/v1/cases?customer_id=${customerId}&limit=11`, ac.signal).then((r) => setCases(r.data.filter((c) => c.id !== caseId).slice(0, 10)), () => setCases([]));
    return () => ac.abort();
  }, [customerId, caseId]);
  return (
    <>
      <h3>{t('case.otherCases')}</h3>
      {cases === null ? (
        <p className="muted small">{t('app.loading')}</p>
      ) : cases.length === 0 ? (
        <p className="muted small">{t('case.noOtherCases')}</p>
      ) : (
        <ul className="plain other-cases">
          {cases.map((c) => (
            <li key={c.id}>
              <a href={caseHref(c.ref)} onClick={onLinkClick}>
                <span className="ref">{c.ref}</span> {c.subject}
              </a>{' '}
              <span className={`badge status-${c.status}`}>{t(`status.${c.status}`)}</span> <span className="muted small"><Time iso={c.created_at} /></span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
