import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../shared/api.ts';
import { formatMoney } from '../shared/format.ts';
import type { Page } from '../shared/types.ts';
import type { Act } from '../shared/useAction.ts';
import type { Finding } from './types.ts';

/** What detection found in the ledger, each proposing a refund: approve one by one or all at once, or dismiss. */
export function Findings({ version, act }: { version: number; act: Act }) {
  const { t } = useTranslation();
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [dismissing, setDismissing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  useEffect(() => {
    const ac = new AbortController();
    get<Page<Finding>>('/api/v1/ledger/findings?status=proposed&limit=100', ac.signal).then((r) => setFindings(r.data), () => setFindings([]));
    return () => ac.abort();
  }, [version]);
  const who = (f: Finding) => f.customer_name || t('refunds.unknownCustomer', { ref: f.customer_ref });
  return (
    <section aria-labelledby="findings-title">
      <h2 id="findings-title">{t('refunds.findings')}</h2>
      <p className="muted hint">{t('refunds.findingsHint')}</p>
      {!findings || findings.length === 0 ? (
        <p className="muted">{t('refunds.noFindings')}</p>
      ) : (
        <>
          <button
            type="button"
            className="button"
            onClick={() => act(async () => {
              const r = await post<{ data: { refund_id?: string }[] }>('/api/v1/ledger/findings/approve', { ids: findings.map((f) => f.id) });
              return t('refunds.approvedAll', { count: r.data.filter((x) => x.refund_id).length });
            })}
          >
            {t('refunds.approveAll')}
          </button>
          <ul className="plain">
            {findings.map((f) => (
              <li key={f.id} data-finding={f.id}>
                <span className="badge clock-at_risk">{t(`refunds.findingKind.${f.kind}`)}</span> {formatMoney(f.amount_cents, f.currency)} — {t('refunds.foundFor', { who: who(f) })}
                {f.case_ref ? ` (${f.case_ref})` : ''}
                <br />
                <span className="muted small">{f.explanation}</span>{' '}
                <button type="button" className="button" aria-label={`${t('refunds.approveFinding')}: ${who(f)}`} onClick={() => act(() => post(`/api/v1/ledger/findings/${f.id}/approve`, {}), t('refunds.approved'))}>
                  {t('refunds.approveFinding')}
                </button>{' '}
                {dismissing === f.id ? (
                  <form
                    className="inline-form"
                    onSubmit={async (e) => {
                      e.preventDefault();
                      if (await act(() => post(`/api/v1/ledger/findings/${f.id}/dismiss`, { reason }))) setDismissing(null);
                    }}
                  >
                    <label htmlFor={`dismiss-${f.id}`}>{t('refunds.dismissReason')}</label>
                    <input id={`dismiss-${f.id}`} value={reason} onChange={(e) => setReason(e.target.value)} required autoFocus />
                    <button type="submit" className="button">{t('refunds.dismissFinding')}</button>
                  </form>
                ) : (
                  <button type="button" className="link-button" aria-label={`${t('refunds.dismissFinding')}: ${who(f)}`} onClick={() => { setReason(''); setDismissing(f.id); }}>
                    {t('refunds.dismissFinding')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
