import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../shared/api.ts';
import type { Act } from '../shared/useAction.ts';
import type { Refund } from './types.ts';

/** Approve, reject (with a reason the customer is told), or mark paid: what fits the refund's state. */
export function RefundActions({ refund, act, canPay }: { refund: Refund; act: Act; canPay: boolean }) {
  const { t } = useTranslation();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const label = `${refund.case_ref} ${refund.customer_name}`;
  if (refund.state === 'paid' || refund.state === 'rejected') return null;
  if (rejecting) {
    return (
      <form
        className="inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (reason.trim() && (await act(() => post(`/api/v1/refunds/${refund.id}/reject`, { reason: reason.trim() }), t('refunds.rejected')))) setRejecting(false);
        }}
      >
        <label htmlFor={`reject-${refund.id}`}>{t('refunds.rejectReason')}</label>
        <input id={`reject-${refund.id}`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} required autoFocus />
        <button type="submit" className="button">{t('refunds.reject')}</button>
      </form>
    );
  }
  return (
    <span className="actions">
      {refund.state === 'requested' && (
        <button type="button" className="button" aria-label={`${t('refunds.approve')}: ${label}`} onClick={() => act(() => post(`/api/v1/refunds/${refund.id}/approve`, {}), t('refunds.approved'))}>
          {t('refunds.approve')}
        </button>
      )}{' '}
      {refund.state === 'approved' && !refund.batch_id && refund.destination === 'original_payment' && canPay && (
        <button type="button" className="button" aria-label={`${t('refunds.markPaid')}: ${label}`} onClick={() => act(() => post(`/api/v1/refunds/${refund.id}/paid`, {}), t('refunds.markedPaid'))}>
          {t('refunds.markPaid')}
        </button>
      )}{' '}
      {!refund.batch_id && (
        <button type="button" className="link-button" aria-label={`${t('refunds.reject')}: ${label}`} onClick={() => setRejecting(true)}>
          {t('refunds.reject')}
        </button>
      )}
    </span>
  );
}
