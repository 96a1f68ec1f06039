import { useTranslation } from 'react-i18next';
import type { FieldDefinition } from '../custom-fields/types.ts';

/** A draft value: '' leaves the field as it is, CLEAR empties it, else the value as typed or ticked. */
export type FieldDraft = Record<string, string | string[]>;
const CLEAR = '__clear__';

/** The macro's `fields` action from the form: only the fields given a value (or CLEAR: null). A wrong number is sent as typed, so the server names it. */
export function fieldActions(defs: readonly FieldDefinition[], draft: FieldDraft): Record<string, string | number | boolean | string[] | null> {
  const out: Record<string, string | number | boolean | string[] | null> = {};
  for (const d of defs) {
    const v = draft[d.key];
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if (v === CLEAR) out[d.key] = null;
    else if (Array.isArray(v)) out[d.key] = v;
    else if (d.type === 'number') out[d.key] = Number.isFinite(Number(v.replace(',', '.'))) ? Number(v.replace(',', '.')) : v;
    else if (d.type === 'yes_no') out[d.key] = v === 'yes';
    else out[d.key] = v;
  }
  return out;
}

/** A field's label in the workspace's language (its key when the field is gone). */
export const fieldLabel = (defs: readonly FieldDefinition[], key: string, language: string) => {
  const d = defs.find((x) => x.key === key);
  return d ? (language.startsWith('nl') ? d.label_nl : d.label_en) : key;
};

/** A value as a person reads it in a list or a preview. */
export const showFieldValue = (v: unknown, t: (k: string) => string) =>
  v === null || v === undefined ? '—' : typeof v === 'boolean' ? t(v ? 'fields.yes' : 'fields.no') : Array.isArray(v) ? v.join(', ') || '—' : String(v);

/** "Oorzaak: factuur" for the macro list. */
export const formatFieldAction = (defs: readonly FieldDefinition[], key: string, v: unknown, t: (k: string) => string, language: string) =>
  `${fieldLabel(defs, key, language)}: ${v === null ? t('macros.clears') : showFieldValue(v, t)}`;

/** The case's custom fields in the macro form, each "not changed" unless given a value (or emptied). */
export function MacroFields({ defs, value, onChange }: { defs: readonly FieldDefinition[]; value: FieldDraft; onChange: (v: FieldDraft) => void }) {
  const { t, i18n } = useTranslation();
  if (!defs.length) return null;
  const set = (key: string, v: string | string[]) => onChange({ ...value, [key]: v });
  return (
    <fieldset className="macro-fields">
      <legend>{t('macros.fields')}</legend>
      {defs.map((d) => {
        const id = `macro-field-${d.key}`;
        const label = fieldLabel(defs, d.key, i18n.language);
        if (d.type === 'several_of') {
          const chosen = Array.isArray(value[d.key]) ? (value[d.key] as string[]) : [];
          return (
            <fieldset key={d.key} className="field-choices">
              <legend>{label} <span className="muted small">({t('macros.severalHint')})</span></legend>
              {d.options.map((o) => (
                <label key={o} className="inline">
                  <input type="checkbox" checked={chosen.includes(o)} onChange={(e) => set(d.key, e.target.checked ? [...chosen, o] : chosen.filter((x) => x !== o))} /> {o}
                </label>
              ))}
            </fieldset>
          );
        }
        const v = typeof value[d.key] === 'string' ? (value[d.key] as string) : '';
        const choices = d.type === 'yes_no' ? ['yes', 'no'] : d.type === 'one_of' ? d.options : null;
        return (
          <div key={d.key} className="field">
            <label htmlFor={id}>{label}</label>
            {choices ? (
              <select id={id} value={v} onChange={(e) => set(d.key, e.target.value)}>
                <option value="">{t('macros.unchanged')}</option>
                {choices.map((o) => <option key={o} value={o}>{d.type === 'yes_no' ? t(`fields.${o}`) : o}</option>)}
                <option value={CLEAR}>{t('macros.clear')}</option>
              </select>
            ) : (
              <input id={id} type={d.type === 'date' ? 'date' : 'text'} inputMode={d.type === 'number' ? 'decimal' : undefined} value={v === CLEAR ? '' : v}
                maxLength={2000} placeholder={t('macros.unchanged')} onChange={(e) => set(d.key, e.target.value)} />
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
