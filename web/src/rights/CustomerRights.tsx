import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../shared/api.ts';
import type { Act } from '../shared/useAction.ts';

/**
 * GDPR on the customer card: export (customers.export: supervisors and admins) and erasure
 * (customers.erase: admins), which asks for a reason and a second confirmation; open promises ask for a
 * third, explicit override
 * (the count of each is shown, and the confirmation must be given again). A custom role may grant either.
 */
export interface RightsAllowed { export: boolean; erase: boolean }
export function CustomerRights({ customerId, allowed, act }: { customerId: string; allowed: RightsAllowed; act: Act }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [sure, setSure] = useState(false);
  const [needsOverride, setNeedsOverride] = useState<{ open_promises: number; open_refunds: number } | null>(null);
  const id = useId();
  if (!allowed.export && !allowed.erase) return null;
  const erase = () =>
    void act(async () => {
      try {
        await post(`/api/v1/customers/${customerId}/erase`, { reason, override: needsOverride !== null });
        setOpen(false);
      } catch (e) {
        if (e instanceof ApiError && e.code === 'erasure_needs_override') {
          // a new, explicit confirmation that names what would lapse
          setNeedsOverride(e.details as { open_promises: number; open_refunds: number });
          setSure(false);
        }
        throw e;
      }
    }, t('rights.erased'));
  return (
    <div className="customer-rights" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('rights.gdpr')}</h3>
      <div className="actions">
        {allowed.export && (
          <a className="button" href={`/api/v1/customers/${customerId}/export`} download>
            {t('rights.export')}
          </a>
        )}
        {allowed.erase && !open && (
          <button type="button" className="button danger" onClick={() => setOpen(true)}>
            {t('rights.erase')}
          </button>
        )}
      </div>
      {allowed.erase && open && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim() && sure) erase();
          }}
        >
          <p className="small">{t('rights.eraseWarning')}</p>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('rights.reason')}</label>
            <textarea id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={1000} rows={2} />
          </div>
          <div className="field">
            <input id={`${id}-sure`} type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} />{' '}
            <label htmlFor={`${id}-sure`}>{needsOverride ? t('rights.sureOverride', { promises: t('rights.openPromises', { count: needsOverride.open_promises }), refunds: t('rights.openRefunds', { count: needsOverride.open_refunds }) }) : t('rights.sure')}</label>
          </div>
          <div className="actions">
            <button type="submit" className="button danger" disabled={!reason.trim() || !sure}>
              {t('rights.eraseNow')}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('rights.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
