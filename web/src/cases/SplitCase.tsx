import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../shared/api.ts';
import { caseHref, navigate } from '../shared/router.ts';
import type { CaseDetail } from '../shared/types.ts';
import type { Act } from '../shared/useAction.ts';

/**
 * Split messages off into a new case: switches the timeline to choosing (a checkbox per message),
 * then a subject and the button. The new case opens afterwards.
 */
export function SplitCase({ detail, act, selected, onSelecting }: {
  detail: CaseDetail;
  act: Act;
  selected: Set<string> | null;
  onSelecting: (s: Set<string> | null) => void;
}) {
  const { t } = useTranslation();
  const [subject, setSubject] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!selected?.size) return;
    let made: { case: { ref: string } } | null = null;
    const ok = await act(async () => {
      made = await post<{ case: { ref: string } }>(`/api/v1/cases/${detail.id}/split`, { message_ids: [...selected], ...(subject.trim() ? { subject: subject.trim() } : {}) });
      return t('split.done', { ref: made.case.ref });
    });
    if (ok && made) {
      onSelecting(null);
      setSubject('');
      navigate(caseHref((made as { case: { ref: string } }).case.ref));
    }
  }
  if (!selected) {
    return (
      <button type="button" className="button" onClick={() => onSelecting(new Set())}>
        {t('split.button')}
      </button>
    );
  }
  return (
    <form onSubmit={submit} className="inline-form split-form" aria-label={t('split.title')}>
      <p className="muted small" role="status">{t('split.choose', { count: selected.size })}</p>
      <label htmlFor="split-subject">{t('split.subject')}</label>
      <input id="split-subject" value={subject} onChange={(e) => setSubject(e.target.value)} maxLength={500} placeholder={t('split.subjectHint')} />
      <button type="submit" className="button" disabled={!selected.size}>
        {t('split.confirm', { count: selected.size })}
      </button>
      <button type="button" className="button" onClick={() => onSelecting(null)}>
        {t('split.cancel')}
      </button>
    </form>
  );
}
