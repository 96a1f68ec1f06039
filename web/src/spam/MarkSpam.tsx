import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../shared/api.ts';
import type { CaseDetail } from '../shared/types.ts';
import type { Act } from '../shared/useAction.ts';

/** Spam: blocks the sender's address (or the whole domain), closes the case and takes it out of the inbox. */
export function MarkSpam({ detail, act }: { detail: CaseDetail; act: Act }) {
  const { t } = useTranslation();
  const [block, setBlock] = useState<'address' | 'domain'>('address');
  async function submit(e: FormEvent) {
    e.preventDefault();
    await act(() => post(`/api/v1/cases/${detail.id}/spam`, { block }), t('spam.marked'));
  }
  return (
    <details className="escalate">
      <summary>{t('spam.button')}</summary>
      <form onSubmit={submit} className="inline-form">
        <fieldset>
          <legend>{t('spam.block')}</legend>
          <label>
            <input type="radio" name="spam-block" value="address" checked={block === 'address'} onChange={() => setBlock('address')} /> {t('spam.blockAddress')}
          </label>
          <label>
            <input type="radio" name="spam-block" value="domain" checked={block === 'domain'} onChange={() => setBlock('domain')} /> {t('spam.blockDomain')}
          </label>
        </fieldset>
        <button type="submit" className="button">{t('spam.confirm')}</button>
      </form>
    </details>
  );
}
