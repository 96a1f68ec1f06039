import { useTranslation } from 'react-i18next';
import type { FieldDefinition, FieldEntity } from './types.ts';

/** equals one value, one of several, or has any value at all */
export type ConditionOp = 'equals' | 'one_of' | 'is_set';

/** A condition as the API holds it (routing rules, service levels). */
export interface FieldCondition {
  entity: FieldEntity;
  key: string;
  op: ConditionOp;
  /** null for is_set */
  value: string | number | boolean | (string | number | boolean)[] | null;
}

/** One row of the form: the field (entity.key), how it is compared, and what was typed or ticked. */
export interface ConditionDraft {
  field: string;
  op: ConditionOp;
  text: string;
  chosen: string[];
}

export const emptyCondition = (): ConditionDraft => ({ field: '', op: 'equals', text: '', chosen: [] });

const isChoice = (d: FieldDefinition) => d.type === 'one_of' || d.type === 'several_of';
const defOf = (defs: readonly FieldDefinition[], field: string) => defs.find((d) => `${d.entity}.${d.key}` === field);

/** A typed value as the API takes it; a value that is not of the type is sent as typed, so the server's message names it. */
function typed(d: FieldDefinition, raw: string): string | number | boolean {
  const s = raw.trim();
  if (d.type === 'number') {
    const n = Number(s.replace(',', '.'));
    return s !== '' && Number.isFinite(n) ? n : s;
  }
  if (d.type === 'yes_no') return s === 'yes' ? true : s === 'no' ? false : s;
  return s;
}

/** The API's conditions for the rows that name a field. */
export function toConditions(defs: readonly FieldDefinition[], drafts: readonly ConditionDraft[]): FieldCondition[] {
  return drafts.flatMap((c): FieldCondition[] => {
    const d = defOf(defs, c.field);
    if (!d) return [];
    if (c.op === 'is_set') return [{ entity: d.entity, key: d.key, op: 'is_set', value: null }];
    const value: FieldCondition['value'] = isChoice(d)
      ? (c.op === 'equals' ? (c.chosen[0] ?? '') : c.chosen)
      : c.op === 'one_of' ? c.text.split(/[;\n]/).map((x) => typed(d, x)).filter((x) => x !== '') : typed(d, c.text);
    return [{ entity: d.entity, key: d.key, op: c.op, value }];
  });
}

/** A condition as a short sentence for a list: "Zaak · Contract is zakelijk", "Klant · VIP is ja". */
export function describeCondition(c: FieldCondition, defs: readonly FieldDefinition[], t: (k: string, o?: Record<string, unknown>) => string, nl: boolean): string {
  const d = defs.find((x) => x.entity === c.entity && x.key === c.key);
  const label = d ? (nl ? d.label_nl : d.label_en) : c.key;
  const word = (v: unknown) => (typeof v === 'boolean' ? t(`fields.${v ? 'yes' : 'no'}`) : String(v));
  const field = `${t(`conditions.entity.${c.entity}`)} · ${label}`;
  if (c.op === 'is_set') return t('conditions.isSetSentence', { field });
  const values = Array.isArray(c.value) ? c.value.map(word).join(t('conditions.or')) : word(c.value);
  return t(c.op === 'equals' ? 'conditions.isSentence' : 'conditions.oneOfSentence', { field, values });
}

/**
 * The custom field conditions of a rule: per row a field (of the case, the customer or their
 * organisation), "is", "is one of" or "is filled in" (no value then), and a value in the field's own input (options to tick for a
 * list, yes/no for yes/no, a date, a number, text). The server checks each against its type again.
 */
export function ConditionsEditor({ id, defs, value, onChange }: { id: string; defs: readonly FieldDefinition[]; value: ConditionDraft[]; onChange: (v: ConditionDraft[]) => void }) {
  const { t, i18n } = useTranslation();
  const nl = i18n.language.startsWith('nl');
  const set = (i: number, patch: Partial<ConditionDraft>) => onChange(value.map((c, n) => (n === i ? { ...c, ...patch } : c)));
  if (!defs.length) return <p className="muted small">{t('conditions.noFields')}</p>;
  return (
    <fieldset className="conditions">
      <legend>{t('conditions.title')}</legend>
      {value.map((c, i) => {
        const d = defOf(defs, c.field);
        const rid = `${id}-${i}`;
        return (
          <div key={i} className="condition-row" role="group" aria-label={t('conditions.row', { n: i + 1 })}>
            <label htmlFor={`${rid}-field`}>{t('conditions.field')}</label>
            <select id={`${rid}-field`} value={c.field} onChange={(e) => set(i, { field: e.target.value, op: 'equals', text: '', chosen: [] })}>
              <option value="">{t('conditions.chooseField')}</option>
              {(['case', 'customer', 'organisation'] as const).map((entity) => {
                const of = defs.filter((x) => x.entity === entity);
                return of.length ? (
                  <optgroup key={entity} label={t(`conditions.entity.${entity}`)}>
                    {of.map((x) => <option key={x.key} value={`${x.entity}.${x.key}`}>{nl ? x.label_nl : x.label_en}</option>)}
                  </optgroup>
                ) : null;
              })}
            </select>
            {d && (
              <>
                <label htmlFor={`${rid}-op`}>{t('conditions.op')}</label>
                <select id={`${rid}-op`} value={c.op} onChange={(e) => set(i, { op: e.target.value as ConditionDraft['op'], chosen: [] })}>
                  <option value="equals">{d.type === 'several_of' ? t('conditions.has') : t('conditions.equals')}</option>
                  {d.type !== 'yes_no' && <option value="one_of">{d.type === 'several_of' ? t('conditions.hasAny') : t('conditions.oneOf')}</option>}
                  <option value="is_set">{t('conditions.isSet')}</option>
                </select>
                {c.op === 'is_set' ? null : isChoice(d) && c.op === 'equals' ? (
                  <>
                    <label htmlFor={`${rid}-value`}>{t('conditions.value')}</label>
                    <select id={`${rid}-value`} value={c.chosen[0] ?? ''} onChange={(e) => set(i, { chosen: e.target.value ? [e.target.value] : [] })}>
                      <option value="">{t('conditions.chooseValue')}</option>
                      {d.options.map((o) => <option key={o} value={o}>{o}</option>)}
                    </select>
                  </>
                ) : isChoice(d) ? (
                  <fieldset className="field-choices">
                    <legend>{t('conditions.values')}</legend>
                    {d.options.map((o) => (
                      <label key={o} className="inline">
                        <input type="checkbox" checked={c.chosen.includes(o)} onChange={(e) => set(i, { chosen: e.target.checked ? [...c.chosen, o] : c.chosen.filter((x) => x !== o) })} /> {o}
                      </label>
                    ))}
                  </fieldset>
                ) : d.type === 'yes_no' ? (
                  <>
                    <label htmlFor={`${rid}-value`}>{t('conditions.value')}</label>
                    <select id={`${rid}-value`} value={c.text} onChange={(e) => set(i, { text: e.target.value })}>
                      <option value="">{t('conditions.chooseValue')}</option>
                      <option value="yes">{t('fields.yes')}</option>
                      <option value="no">{t('fields.no')}</option>
                    </select>
                  </>
                ) : (
                  <>
                    <label htmlFor={`${rid}-value`}>{c.op === 'one_of' ? t('conditions.valuesHint') : t('conditions.value')}</label>
                    <input id={`${rid}-value`} type={d.type === 'date' && c.op === 'equals' ? 'date' : 'text'} inputMode={d.type === 'number' ? 'decimal' : undefined}
                      value={c.text} maxLength={2000} onChange={(e) => set(i, { text: e.target.value })} />
                  </>
                )}
              </>
            )}
            <button type="button" className="button" onClick={() => onChange(value.filter((_, n) => n !== i))} aria-label={t('conditions.removeRow', { n: i + 1 })}>
              {t('conditions.remove')}
            </button>
          </div>
        );
      })}
      {value.length < 10 && (
        <button type="button" className="button" onClick={() => onChange([...value, emptyCondition()])}>{t('conditions.add')}</button>
      )}
    </fieldset>
  );
}
