import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { del, get, post } from '../shared/api.ts';
import { useShortcuts } from '../shared/keys.ts';
import { can, type Me } from '../shared/types.ts';
import { useAction } from '../shared/useAction.ts';
import type { FieldDefinition, FieldEntity, FieldType } from './types.ts';

const ENTITIES: FieldEntity[] = ['case', 'customer', 'organisation'];
const TYPES: FieldType[] = ['text', 'number', 'date', 'yes_no', 'one_of', 'several_of'];
const EMPTY = { entity: 'case' as FieldEntity, key: '', label_nl: '', label_en: '', type: 'text' as FieldType, options: '', required_on_solve: false };

/**
 * The account's custom fields (admins make and delete them): per kind — case, customer,
 * organisation — each field's key, labels, type, options and whether a case needs it to be solved.
 * The server checks everything again (a key in use, options for a list, required only on cases).
 */
export function FieldDefinitions({ me, onHelp }: { me: Me; onHelp: () => void }) {
  const { t, i18n } = useTranslation();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [fields, setFields] = useState<FieldDefinition[]>([]);
  const [form, setForm] = useState(EMPTY);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const { notice, act } = useAction(refresh, t('fieldDefs.saved'));
  useShortcuts({ '?': onHelp });
  useEffect(() => titleRef.current?.focus(), []);
  useEffect(() => {
    const ac = new AbortController();
    get<{ data: FieldDefinition[] }>('/api/v1/custom-fields', ac.signal).then((r) => setFields(r.data), () => {});
    return () => ac.abort();
  }, [version]);
  const may = can(me, 'custom_fields.manage');
  const choice = form.type === 'one_of' || form.type === 'several_of';
  async function save(e: FormEvent) {
    e.preventDefault();
    const body = {
      entity: form.entity, key: form.key.trim(), label_nl: form.label_nl, label_en: form.label_en || form.label_nl, type: form.type,
      ...(choice ? { options: form.options.split(',').map((o) => o.trim()).filter(Boolean) } : {}),
      ...(form.entity === 'case' && form.required_on_solve ? { required_on_solve: true } : {}),
    };
    if (await act(() => post('/api/v1/custom-fields', body), t('fieldDefs.saved'))) setForm(EMPTY);
  }

  return (
    <main id="main" className="field-definitions">
      <h1 ref={titleRef} tabIndex={-1}>{t('fieldDefs.title')}</h1>
      <p className="muted">{t('fieldDefs.intro')}</p>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
      {ENTITIES.map((entity) => {
        const of = fields.filter((f) => f.entity === entity);
        return (
          <section key={entity} aria-labelledby={`fields-${entity}`}>
            <h2 id={`fields-${entity}`}>{t(`conditions.entity.${entity}`)}</h2>
            {of.length === 0 ? <p className="muted">{t('fieldDefs.none')}</p> : (
              <table>
                <thead><tr><th scope="col">{t('fieldDefs.label')}</th><th scope="col">{t('fieldDefs.key')}</th><th scope="col">{t('fieldDefs.type')}</th><th scope="col">{t('fieldDefs.options')}</th>{may && <th scope="col"><span className="visually-hidden">{t('fieldDefs.delete')}</span></th>}</tr></thead>
                <tbody>
                  {of.map((f) => (
                    <tr key={f.id}>
                      <td>{i18n.language.startsWith('nl') ? f.label_nl : f.label_en}{f.required_on_solve && <span className="muted"> ({t('fields.requiredOnSolve')})</span>}</td>
                      <td><code>{f.key}</code></td>
                      <td>{t(`fieldDefs.types.${f.type}`)}</td>
                      <td>{f.options.join(', ')}</td>
                      {may && <td><button type="button" className="button" aria-label={t('fieldDefs.deleteNamed', { key: f.key })} onClick={() => void act(() => del(`/api/v1/custom-fields/${f.id}`), t('fieldDefs.deleted'))}>{t('fieldDefs.delete')}</button></td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
      {may && (
        <form className="stack card" onSubmit={save} aria-labelledby="field-new">
          <h2 id="field-new">{t('fieldDefs.new')}</h2>
          <label htmlFor="field-entity">{t('fieldDefs.entity')}</label>
          <select id="field-entity" value={form.entity} onChange={(e) => setForm({ ...form, entity: e.target.value as FieldEntity })}>
            {ENTITIES.map((x) => <option key={x} value={x}>{t(`conditions.entity.${x}`)}</option>)}
          </select>
          <label htmlFor="field-key">{t('fieldDefs.key')}</label>
          <input id="field-key" value={form.key} onChange={(e) => setForm({ ...form, key: e.target.value })} required maxLength={40} pattern="[a-z][a-z0-9_]*" aria-describedby="field-key-hint" />
          <p id="field-key-hint" className="muted small">{t('fieldDefs.keyHint')}</p>
          <label htmlFor="field-label-nl">{t('fieldDefs.labelNl')}</label>
          <input id="field-label-nl" value={form.label_nl} onChange={(e) => setForm({ ...form, label_nl: e.target.value })} required maxLength={100} />
          <label htmlFor="field-label-en">{t('fieldDefs.labelEn')}</label>
          <input id="field-label-en" value={form.label_en} onChange={(e) => setForm({ ...form, label_en: e.target.value })} maxLength={100} />
          <label htmlFor="field-type">{t('fieldDefs.type')}</label>
          <select id="field-type" value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value as FieldType })}>
            {TYPES.map((x) => <option key={x} value={x}>{t(`fieldDefs.types.${x}`)}</option>)}
          </select>
          {choice && (
            <>
              <label htmlFor="field-options">{t('fieldDefs.optionsLabel')}</label>
              <input id="field-options" value={form.options} onChange={(e) => setForm({ ...form, options: e.target.value })} required />
            </>
          )}
          {form.entity === 'case' && (
            <label className="check">
              <input type="checkbox" checked={form.required_on_solve} onChange={(e) => setForm({ ...form, required_on_solve: e.target.checked })} /> {t('fieldDefs.requiredLabel')}
            </label>
          )}
          <button type="submit" className="button primary">{t('fieldDefs.save')}</button>
        </form>
      )}
    </main>
  );
}
