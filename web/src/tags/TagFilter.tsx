import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The inbox's tag filter: cases carrying every tag typed (comma-separated). */
export function TagFilter({ value, onChange }: { value: string | null; onChange: (tag: string | null) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  function submit(e: FormEvent) {
    e.preventDefault();
    onChange(text.trim() || null);
  }
  return (
    <form className="inline-form tag-filter" onSubmit={submit}>
      <label htmlFor="tag-filter">{t('tags.filter')}</label>
      <input id="tag-filter" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('tags.filterPlaceholder')} maxLength={200} />
      {value && (
        <button type="button" className="button" onClick={() => onChange(null)}>
          {t('tags.clearFilter')}
        </button>
      )}
    </form>
  );
}
