import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, patch } from '../shared/api.ts';
import type { FieldValues } from '../shared/types.ts';
import type { Act } from '../shared/useAction.ts';
import type { FieldDefinition, FieldEntity } from './types.ts';

type Draft = Record<string, string | string[]>;

/** The form's text for a stored value ('' for none). */
const toDraft = (def: FieldDefinition, v: FieldValues[string] | undefined): string | string[] => {
  if (def.type === 'several_of') return Array.isArray(v) ? v : [];
  if (v === undefined) return '';
  if (def.type === 'yes_no') return v ? 'yes' : 'no';
  return String(v);
};

/** What the API gets for a form value (null clears); the server checks the type again. */
const fromDraft = (def: FieldDefinition, d: string | string[]): FieldValues[string] | null => {
  if (Array.isArray(d)) return d.length ? d : null;
  if (d.trim() === '') return null;
  if (def.type === 'number') {
    // not a number: sent as typed, so the server's message names the field
    const n = Number(d.replace(',', '.'));
    return Number.isFinite(n) ? n : d;
  }
  if (def.type === 'yes_no') return d === 'yes';
  return d;
};

/**
 * The custom fields of a case, customer or organisation, as one small form: each field with the
 * input of its type; Save sends only what changed (PATCH ... { custom_fields }). A wrong value
 * comes back as the server's message naming the field.
 */
export function FieldEditor({ entity, id, values, path, act }: { entity: FieldEntity; id: string; values: FieldValues; path: string; act: Act }) {
  const { t, i18n } = useTranslation();
  const [defs, setDefs] = useState<FieldDefinition[] | null>(null);
  const [draft, setDraft] = useState<Draft>({});
  useEffect(() => {
    const ac = new AbortController();
    get<{ data: FieldDefinition[] }>(`/api/v1/custom-fields?entity=${entity}`, ac.signal).then((r) => setDefs(r.data)).catch(() => setDefs([]));
    return () => ac.abort();
  }, [entity]);
  const stored = JSON.stringify(values);
  useEffect(() => {
    if (defs) setDraft(Object.fromEntries(defs.map((d) => [d.key, toDraft(d, values[d.key])])));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [defs, stored]);
  if (!defs || defs.length === 0) return null;

  const label = (d: FieldDefinition) => (i18n.language.startsWith('nl') ? d.label_nl : d.label_en);
  const fid = (d: FieldDefinition) => `${entity}-field-${d.key}`;
  const set = (key: string, v: string | string[]) => setDraft((x) => ({ ...x, [key]: v }));
  async function save(e: FormEvent) {
    e.preventDefault();
    const change: Record<string, unknown> = {};
    for (const d of defs!) {
      const next = fromDraft(d, draft[d.key] ?? '');
      if (JSON.stringify(next) !== JSON.stringify(values[d.key] ?? null)) change[d.key] = next;
    }
    if (Object.keys(change).length) await act(() => patch(path, { custom_fields: change }), t('fields.saved'));
  }
  return (
    <form className="custom-fields" onSubmit={save} aria-labelledby={`${entity}-${id}-fields-title`}>
      <h3 id={`${entity}-${id}-fields-title`}>{t('fields.title')}</h3>
      {defs.map((d) => {
        const required = d.required_on_solve ? <span className="muted"> ({t('fields.requiredOnSolve')})</span> : null;
        if (d.type === 'several_of') {
          const chosen = (draft[d.key] as string[] | undefined) ?? [];
          return (
            <fieldset key={d.key} className="field-choices">
              <legend>{label(d)}{required}</legend>
              {d.options.map((o) => (
                <label key={o} className="inline">
                  <input type="checkbox" checked={chosen.includes(o)} onChange={(e) => set(d.key, e.target.checked ? [...chosen, o] : chosen.filter((x) => x !== o))} /> {o}
                </label>
              ))}
            </fieldset>
          );
        }
        const value = (draft[d.key] as string | undefined) ?? '';
        return (
          <div key={d.key} className="field">
            <label htmlFor={fid(d)}>{label(d)}{required}</label>
            {d.type === 'one_of' || d.type === 'yes_no' ? (
              <select id={fid(d)} value={value} onChange={(e) => set(d.key, e.target.value)}>
                <option value="">{t('fields.empty')}</option>
                {(d.type === 'yes_no' ? ['yes', 'no'] : d.options).map((o) => (
                  <option key={o} value={o}>{d.type === 'yes_no' ? t(`fields.${o}`) : o}</option>
                ))}
              </select>
            ) : (
              <input id={fid(d)} type={d.type === 'number' ? 'text' : d.type === 'date' ? 'date' : 'text'} inputMode={d.type === 'number' ? 'decimal' : undefined}
                value={value} maxLength={2000} onChange={(e) => set(d.key, e.target.value)} />
            )}
          </div>
        );
      })}
      <button type="submit" className="button">{t('fields.save')}</button>
    </form>
  );
}
