import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../shared/api.ts';
import { formatDateTime, formatMoney } from '../shared/format.ts';
import type { Page } from '../shared/types.ts';
import type { Act } from '../shared/useAction.ts';
import { RefundActions } from './RefundActions.tsx';
import type { Finding, Refund } from './types.ts';

/** The refunds on a case, what the ledger found for its customer, and a form to request one. */
export function CaseRefunds({ caseId, customerId, version, act, canPay }: { caseId: string; customerId: string | null; version: number; act: Act; canPay: boolean }) {
  const { t } = useTranslation();
  const [refunds, setRefunds] = useState<Refund[] | null>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  useEffect(() => {
    const ac = new AbortController();
    get<Page<Refund>>(`/api/v1/refunds?case_id=${caseId}`, ac.signal).then((r) => setRefunds(r.data), () => setRefunds([]));
    if (customerId) get<Page<Finding>>(`/api/v1/ledger/findings?status=proposed&customer_id=${customerId}`, ac.signal).then((r) => setFindings(r.data), () => setFindings([]));
    return () => ac.abort();
  }, [caseId, customerId, version]);
  return (
    <section className="card" aria-labelledby="refunds-title">
      <h2 id="refunds-title">{t('refunds.panel')}</h2>
      {findings.length > 0 && (
        <ul className="plain findings">
          {findings.map((f) => (
            <li key={f.id}>
              <span className="badge clock-at_risk">{t(`refunds.findingKind.${f.kind}`)}</span> {t('refunds.proposes', { amount: formatMoney(f.amount_cents, f.currency) })}
              <br />
              <span className="muted small">{f.explanation}</span>
            </li>
          ))}
        </ul>
      )}
      {refunds === null ? (
        <p className="muted">…</p>
      ) : refunds.length === 0 ? (
        <p className="muted">{t('refunds.none')}</p>
      ) : (
        <ul className="plain">
          {refunds.map((r) => (
            <li key={r.id} data-refund={r.id}>
              <span className={`badge refund-${r.state}`}>{t(`refunds.state.${r.state}`)}</span> {formatMoney(r.amount_cents, r.currency)} — {r.reason}
              <br />
              {r.due_at && (r.state === 'requested' || r.state === 'approved') && (
                <span className={r.overdue ? 'error small' : 'muted small'}>
                  {r.overdue ? `${t('refunds.overdue')} · ` : ''}
                  {t('refunds.due', { date: formatDateTime(r.due_at) })}
                </span>
              )}{' '}
              {r.needs_supervisor && r.state === 'requested' && <span className="muted small">{t('refunds.needsSupervisor')}</span>}{' '}
              <RefundActions refund={r} act={act} canPay={canPay} />
            </li>
          ))}
        </ul>
      )}
      <RequestRefund caseId={caseId} act={act} />
    </section>
  );
}

function RequestRefund({ caseId, act }: { caseId: string; act: Act }) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [destination, setDestination] = useState<'original_payment' | 'iban'>('original_payment');
  const [iban, setIban] = useState('');
  const [holder, setHolder] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    // "12,50" or "12.50" → 1250 cents; anything else is sent as it is and the API says what is wrong
    const m = /^\s*(\d+)(?:[.,](\d{1,2}))?\s*$/.exec(amount);
    const cents = m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : Number(amount) * 100;
    const body = { amount_cents: cents, currency: 'EUR', reason: reason.trim(), destination, ...(destination === 'iban' ? { iban, account_holder: holder } : {}) };
    if (await act(() => post(`/api/v1/cases/${caseId}/refunds`, body), t('refunds.requested'))) {
      setAmount('');
      setReason('');
      setIban('');
      setHolder('');
    }
  }
  return (
    <details className="make-promise">
      <summary>{t('refunds.request')}</summary>
      <form onSubmit={submit} className="stack">
        <label htmlFor="refund-amount">{t('refunds.amount')}</label>
        <input id="refund-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} required />
        <label htmlFor="refund-reason">{t('refunds.reason')}</label>
        <input id="refund-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} required />
        <fieldset>
          <legend>{t('refunds.destination')}</legend>
          <label className="check">
            <input type="radio" name="refund-destination" checked={destination === 'original_payment'} onChange={() => setDestination('original_payment')} /> {t('refunds.toOriginal')}
          </label>
          <label className="check">
            <input type="radio" name="refund-destination" checked={destination === 'iban'} onChange={() => setDestination('iban')} /> {t('refunds.toIban')}
          </label>
        </fieldset>
        {destination === 'iban' && (
          <>
            <label htmlFor="refund-iban">{t('refunds.iban')}</label>
            <input id="refund-iban" value={iban} onChange={(e) => setIban(e.target.value)} autoComplete="off" required />
            <label htmlFor="refund-holder">{t('refunds.holder')}</label>
            <input id="refund-holder" value={holder} onChange={(e) => setHolder(e.target.value)} maxLength={70} required />
          </>
        )}
        <button type="submit" className="button">{t('refunds.save')}</button>
      </form>
    </details>
  );
}
