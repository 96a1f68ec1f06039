import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../shared/api.ts';
import { navigate, caseHref } from '../shared/router.ts';
import type { Case, CaseDetail, Page } from '../shared/types.ts';
import type { Act } from '../shared/useAction.ts';

const OPEN = 'new,open,pending_customer,pending_us,solved';

/**
 * Merge with another case of the same customer: pick it from the customer's other cases that are
 * not closed, choose which one stays, confirm. A case merged away sends the agent to the one that stayed.
 */
export function MergeCase({ detail, act }: { detail: CaseDetail; act: Act }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [others, setOthers] = useState<Case[] | null>(null);
  const [other, setOther] = useState('');
  const [keep, setKeep] = useState<'this' | 'other'>('this');
  useEffect(() => {
    if (!open) return;
    const ac = new AbortController();
    get<Page<Case>>(`/api/v1/cases?customer_id=${detail.customer_id}&status=${OPEN}&limit=50`, ac.signal)
      .then((r) => setOthers(r.data.filter((c) => c.id !== detail.id)), () => setOthers([]));
    return () => ac.abort();
  }, [open, detail.id, detail.customer_id]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const chosen = others?.find((c) => c.id === other);
    if (!chosen) return;
    const [from, into] = keep === 'this' ? [chosen, detail] : [detail, chosen];
    const done = await act(() => post(`/api/v1/cases/${from.id}/merge`, { into: into.id }), t('merge.done', { from: from.ref, into: into.ref }));
    if (done && keep === 'other') navigate(caseHref(chosen.ref));
  }
  return (
    <details className="escalate" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('merge.button')}</summary>
      <form onSubmit={submit} className="stack-form">
        {others === null ? (
          <p className="muted small">{t('app.loading')}</p>
        ) : others.length === 0 ? (
          <p className="muted small">{t('merge.none')}</p>
        ) : (
          <>
            <fieldset>
              <legend>{t('merge.which')}</legend>
              {others.map((c) => (
                <label key={c.id} className="block">
                  <input type="radio" name="merge-other" value={c.id} checked={other === c.id} onChange={() => setOther(c.id)} required />{' '}
                  <span className="ref">{c.ref}</span> {c.subject} <span className="muted small">({t(`status.${c.status}`)})</span>
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('merge.keep')}</legend>
              <label className="block">
                <input type="radio" name="merge-keep" value="this" checked={keep === 'this'} onChange={() => setKeep('this')} /> {t('merge.keepThis', { ref: detail.ref })}
              </label>
              <label className="block">
                <input type="radio" name="merge-keep" value="other" checked={keep === 'other'} onChange={() => setKeep('other')} /> {t('merge.keepOther')}
              </label>
            </fieldset>
            <p className="muted small">{t('merge.explain')}</p>
            <button type="submit" className="button" disabled={!other}>
              {t('merge.confirm')}
            </button>
          </>
        )}
      </form>
    </details>
  );
}
