import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../shared/api.ts';
import type { FieldDefinition } from './types.ts';

/**
 * The inbox's custom field filter: a case field and a value (its options, yes/no, or typed) → the
 * list's `field.<key>=value`; one at a time here (the URL takes several). The server checks the value.
 */
export function FieldFilter({ value, onChange }: { value: Record<string, string>; onChange: (v: Record<string, string>) => void }) {
  const { t, i18n } = useTranslation();
  const [defs, setDefs] = useState<FieldDefinition[]>([]);
  const [first] = Object.entries(value);
  const [key, setKey] = useState(first?.[0] ?? '');
  const [text, setText] = useState(first?.[1] ?? '');
  useEffect(() => {
    const ac = new AbortController();
    get<{ data: FieldDefinition[] }>('/api/v1/custom-fields?entity=case', ac.signal).then((r) => setDefs(r.data), () => {});
    return () => ac.abort();
  }, []);
  useEffect(() => {
    setKey(first?.[0] ?? '');
    setText(first?.[1] ?? '');
  }, [first?.[0], first?.[1]]);
  if (!defs.length) return null;
  const def = defs.find((d) => d.key === key);
  const choices = def ? (def.type === 'yes_no' ? ['ja', 'nee'] : def.type === 'one_of' || def.type === 'several_of' ? def.options : null) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange(key && text.trim() ? { [key]: text.trim() } : {});
  };
  return (
    <form className="inline-form field-filter" onSubmit={submit}>
      <label htmlFor="field-filter-key">{t('fieldFilter.field')}</label>
      <select id="field-filter-key" value={key} onChange={(e) => { setKey(e.target.value); setText(''); }}>
        <option value="">{t('fieldFilter.none')}</option>
        {defs.map((d) => <option key={d.key} value={d.key}>{i18n.language.startsWith('nl') ? d.label_nl : d.label_en}</option>)}
      </select>
      {def && (
        <>
          <label htmlFor="field-filter-value">{t('fieldFilter.value')}</label>
          {choices ? (
            <select id="field-filter-value" value={text} onChange={(e) => onChange(e.target.value ? { [key]: e.target.value } : {})}>
              <option value="">—</option>
              {choices.map((o) => <option key={o} value={o}>{def.type === 'yes_no' ? t(`fields.${o === 'ja' ? 'yes' : 'no'}`) : o}</option>)}
            </select>
          ) : (
            <input id="field-filter-value" type={def.type === 'date' ? 'date' : 'text'} value={text} onChange={(e) => setText(e.target.value)} maxLength={200} />
          )}
        </>
      )}
      {Object.keys(value).length > 0 && (
        <button type="button" className="button" onClick={() => onChange({})}>{t('fieldFilter.clear')}</button>
      )}
    </form>
  );
}
