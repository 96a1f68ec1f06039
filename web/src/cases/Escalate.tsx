import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../shared/api.ts';
import type { CaseDetail } from '../shared/types.ts';
import type { Act } from '../shared/useAction.ts';

/** Up a line (L1 → L2 → L3) with a reason; the next line gets a generated brief, so the customer never tells the story twice. */
export function Escalate({ detail, act }: { detail: CaseDetail; act: Act }) {
  const { t } = useTranslation();
  const tiers = (['L2', 'L3'] as const).filter((x) => x > detail.tier);
  const [to, setTo] = useState<'L2' | 'L3'>(tiers[0] ?? 'L3');
  const [reason, setReason] = useState('');
  if (!tiers.length) return null;
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) return;
    if (await act(() => post(`/api/v1/cases/${detail.id}/escalate`, { to, reason: reason.trim() }), t('case.escalated', { tier: to }))) setReason('');
  }
  return (
    <details className="escalate">
      <summary>{t('case.escalate')}</summary>
      <form onSubmit={submit} className="inline-form">
        <label htmlFor="escalate-to">{t('case.escalateTo')}</label>
        <select id="escalate-to" value={to} onChange={(e) => setTo(e.target.value as 'L2' | 'L3')}>
          {tiers.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
        <label htmlFor="escalate-reason">{t('case.escalateReason')}</label>
        <input id="escalate-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} required />
        <button type="submit" className="button">
          {t('case.escalateSend')}
        </button>
      </form>
    </details>
  );
}
