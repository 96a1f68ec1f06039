import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { del, patch, put } from '../shared/api.ts';
import type { Act } from '../shared/useAction.ts';

export interface Component { id: string; name_nl: string; name_en: string; description_nl: string | null; description_en: string | null; group_id: string | null; position: number }

/**
 * The components of the status page in page order: each can be moved up or down with its buttons (the
 * focus stays on the moved component), renamed, described in Dutch and English and put in a group in a
 * small form, and removed (asked twice; the focus goes to the next component, or the heading).
 */
export function StatusComponents({ components, act, onChanged }: { components: Component[]; act: Act; onChanged: (c: Component[]) => void }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState({ name_nl: '', name_en: '', description_nl: '', description_en: '', group_id: '' });
  const [removing, setRemoving] = useState<string | null>(null);
  const [moved, setMoved] = useState<{ id: string; dir: 'up' | 'down' } | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const name = (c: Component) => (i18n.language.startsWith('en') ? c.name_en : c.name_nl);
  const isGroup = (c: Component) => components.some((k) => k.group_id === c.id);
  const groupOf = (c: Component) => components.find((k) => k.id === c.group_id);

  // after a move the focus follows the component (to its other button once it reaches the top or bottom)
  useEffect(() => {
    if (!moved || !list.current) return;
    const own = list.current.querySelector<HTMLButtonElement>(`[data-move="${moved.id}-${moved.dir}"]`);
    const other = list.current.querySelector<HTMLButtonElement>(`[data-move="${moved.id}-${moved.dir === 'up' ? 'down' : 'up'}"]`);
    (own && !own.disabled ? own : other)?.focus();
    // once: a later refresh (a colleague's change, a save) must not pull the focus back here
    setMoved(null);
  }, [moved, components]);

  const move = (i: number, dir: 'up' | 'down') => {
    const j = dir === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= components.length) return;
    const next = [...components];
    [next[i], next[j]] = [next[j], next[i]];
    onChanged(next);
    setMoved({ id: components[i].id, dir });
    void act(() => put('/api/v1/status-components/order', { ids: next.map((c) => c.id) }),
      t('statusSettings.moved', { name: name(components[i]), position: j + 1, total: components.length }));
  };
  const edit = (c: Component) => {
    setEditing(c.id);
    setDraft({ name_nl: c.name_nl, name_en: c.name_en, description_nl: c.description_nl ?? '', description_en: c.description_en ?? '', group_id: c.group_id ?? '' });
  };
  const save = async (e: FormEvent, c: Component) => {
    e.preventDefault();
    const body = { name_nl: draft.name_nl, name_en: draft.name_en.trim() || draft.name_nl, description_nl: draft.description_nl.trim() || null, description_en: draft.description_en.trim() || null,
      ...((draft.group_id || null) !== c.group_id ? { group_id: draft.group_id || null } : {}) };
    if (await act(() => patch(`/api/v1/status-components/${c.id}`, body), t('statusSettings.changed'))) {
      setEditing(null);
      requestAnimationFrame(() => list.current?.querySelector<HTMLButtonElement>(`[data-edit="${c.id}"]`)?.focus());
    }
  };

  const remove = async (c: Component, i: number) => {
    const next = components[i + 1] ?? components[i - 1];
    if (await act(() => del(`/api/v1/status-components/${c.id}`), t('statusSettings.removed', { name: name(c) }))) {
      setRemoving(null);
      onChanged(components.filter((k) => k.id !== c.id).map((k) => (k.group_id === c.id ? { ...k, group_id: null } : k)));
      requestAnimationFrame(() => (next ? list.current?.querySelector<HTMLButtonElement>(`[data-edit="${next.id}"]`) : document.getElementById('components'))?.focus());
    }
  };

  return (
    <ol ref={list} className="status-components">
      {components.map((c, i) => (
        <li key={c.id} data-component={c.id}>
          <div className="row">
            <span className="grow">
              <strong>{c.name_nl}</strong>{c.name_en !== c.name_nl ? ` · ${c.name_en}` : ''}
              {(c.description_nl || c.description_en) && <span className="muted small"> — {i18n.language.startsWith('en') ? c.description_en ?? c.description_nl : c.description_nl ?? c.description_en}</span>}
              {groupOf(c) && <span className="badge">{t('statusSettings.inGroup', { group: name(groupOf(c)!) })}</span>}
              {isGroup(c) && <span className="badge">{t('statusSettings.isGroup')}</span>}
            </span>
            <button type="button" className="button" data-move={`${c.id}-up`} disabled={i === 0} onClick={() => move(i, 'up')}>
              <span aria-hidden="true">↑ </span>{t('statusSettings.up')}<span className="visually-hidden"> {name(c)}</span></button>
            <button type="button" className="button" data-move={`${c.id}-down`} disabled={i === components.length - 1} onClick={() => move(i, 'down')}>
              <span aria-hidden="true">↓ </span>{t('statusSettings.down')}<span className="visually-hidden"> {name(c)}</span></button>
            <button type="button" className="button" data-edit={c.id} aria-expanded={editing === c.id} aria-controls={`edit-${c.id}`}
              onClick={() => (editing === c.id ? setEditing(null) : edit(c))}>{t('statusSettings.edit')}<span className="visually-hidden"> {name(c)}</span></button>
            <button type="button" className="button" data-remove={c.id} aria-expanded={removing === c.id} aria-controls={`remove-${c.id}`}
              onClick={() => setRemoving(removing === c.id ? null : c.id)}>{t('statusSettings.remove')}<span className="visually-hidden"> {name(c)}</span></button>
          </div>
          {removing === c.id && (
            <div id={`remove-${c.id}`} role="group" aria-label={t('statusSettings.remove')} onKeyDown={(e) => e.key === 'Escape' && setRemoving(null)}>
              <p>{t('statusSettings.removeConfirm', { name: name(c) })}</p>
              <p>
                <button type="button" className="button danger" autoFocus onClick={() => void remove(c, i)}>{t('statusSettings.removeYes')}</button>{' '}
                <button type="button" className="button" onClick={() => { setRemoving(null); list.current?.querySelector<HTMLButtonElement>(`[data-remove="${c.id}"]`)?.focus(); }}>{t('statusSettings.cancel')}</button>
              </p>
            </div>
          )}
          {editing === c.id && (
            <form id={`edit-${c.id}`} className="stack" onSubmit={(e) => void save(e, c)} onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}>
              <label htmlFor={`e-nl-${c.id}`}>{t('statusSettings.nameNl')}</label>
              <input id={`e-nl-${c.id}`} required maxLength={100} value={draft.name_nl} autoFocus onChange={(e) => setDraft({ ...draft, name_nl: e.target.value })} />
              <label htmlFor={`e-en-${c.id}`}>{t('statusSettings.nameEn')}</label>
              <input id={`e-en-${c.id}`} maxLength={100} value={draft.name_en} onChange={(e) => setDraft({ ...draft, name_en: e.target.value })} />
              <label htmlFor={`e-dnl-${c.id}`}>{t('statusSettings.descriptionNl')}</label>
              <textarea id={`e-dnl-${c.id}`} maxLength={500} rows={2} value={draft.description_nl} onChange={(e) => setDraft({ ...draft, description_nl: e.target.value })} />
              <label htmlFor={`e-den-${c.id}`}>{t('statusSettings.descriptionEn')}</label>
              <textarea id={`e-den-${c.id}`} maxLength={500} rows={2} value={draft.description_en} onChange={(e) => setDraft({ ...draft, description_en: e.target.value })} />
              <label htmlFor={`e-g-${c.id}`}>{t('statusSettings.group')}</label>
              <select id={`e-g-${c.id}`} value={draft.group_id} disabled={isGroup(c)} aria-describedby={`e-gh-${c.id}`} onChange={(e) => setDraft({ ...draft, group_id: e.target.value })}>
                <option value="">{t('statusSettings.noGroup')}</option>
                {/* one level deep: only components that are in no group themselves can take this one */}
                {components.filter((k) => k.id !== c.id && !k.group_id).map((k) => <option key={k.id} value={k.id}>{name(k)}</option>)}
              </select>
              <p id={`e-gh-${c.id}`} className="muted small">{t('statusSettings.groupHelp')}</p>
              <p>
                <button type="submit" className="button primary">{t('statusSettings.save')}</button>{' '}
                <button type="button" className="button" onClick={() => setEditing(null)}>{t('statusSettings.cancel')}</button>
              </p>
            </form>
          )}
        </li>
      ))}
    </ol>
  );
}
