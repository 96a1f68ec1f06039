import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../shared/api.ts';
import type { Act } from '../shared/useAction.ts';

/** A case's or customer's tags: each with its remove button, and a field to add one (Enter adds). */
export function TagEditor({ path, tags, act, id }: { path: string; tags: string[]; act: Act; id: string }) {
  const { t } = useTranslation();
  const [tag, setTag] = useState('');
  async function add(e: FormEvent) {
    e.preventDefault();
    if (!tag.trim()) return;
    if (await act(() => post(path, { add: [tag] }), t('tags.added'))) setTag('');
  }
  return (
    <div className="tags" role="group" aria-labelledby={`${id}-title`}>
      <span id={`${id}-title`} className="muted">{t('tags.title')}:</span>{' '}
      {tags.length === 0 && <span className="muted">{t('tags.none')}</span>}
      <ul className="tag-list">
        {tags.map((x) => (
          <li key={x} className="badge tag">
            {x}{' '}
            <button type="button" className="link-button" aria-label={t('tags.remove', { tag: x })} onClick={() => void act(() => post(path, { remove: [x] }), t('tags.removed'))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={add}>
        <label htmlFor={`${id}-add`} className="visually-hidden">{t('tags.add')}</label>
        <input id={`${id}-add`} value={tag} onChange={(e) => setTag(e.target.value)} maxLength={64} placeholder={t('tags.add')} title={t('tags.hint')} />
        <button type="submit" className="button">{t('tags.addButton')}</button>
      </form>
    </div>
  );
}
