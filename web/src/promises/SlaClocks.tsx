import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../shared/api.ts';
import { Time } from '../shared/Time.tsx';
import type { CaseClocks } from '../shared/types.ts';

/** The case's service-level clocks: first response, next response, resolution. */
export function SlaClocks({ caseId, version }: { caseId: string; version: number }) {
  const { t } = useTranslation();
  const [sla, setSla] = useState<CaseClocks | null | undefined>(undefined);
  useEffect(() => {
    const ac = new AbortController();
    get<CaseClocks | null>(`/api/v1/cases/${caseId}/sla`, ac.signal).then((r) => setSla(r ?? null), () => setSla(null));
    return () => ac.abort();
  }, [caseId, version]);
  const clocks = sla?.clocks ?? [];
  return (
    <section className="card" aria-labelledby="sla-title">
      <h2 id="sla-title">{t('case.sla')}</h2>
      {sla === undefined ? (
        <p className="muted">{t('app.loading')}</p>
      ) : clocks.length === 0 ? (
        <p className="muted">{t('case.noSla')}</p>
      ) : (
        <ul className="plain clocks">
          {sla?.policy && <li className="muted">{sla.policy.name}</li>}
          {clocks.map((k) => (
            <li key={k.target}>
              {t(`case.clock.${k.target}`)} <span className={`badge clock-${k.state}`}>{t(`case.clockState.${k.state}`)}</span>
              {k.due_at && k.state !== 'met' && (
                <>
                  {' '}
                  <Time iso={k.due_at} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
