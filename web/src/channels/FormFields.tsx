import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { put } from '../shared/api.ts';
import { addRow, checkRows, keyFromLabel, MAX_OWN, moveRow, ownCount, rowsOf, type FieldRow, type RowErrors, type StoredField } from './form-fields-draft.ts';

type Part = 'nl' | 'en' | 'key' | 'max';

/**
 * The contact form's fields on the channels screen: the standard fields (labels, whether name,
 * phone and subject are required, whether the phone is asked at all) and up to eight fields of the
 * account's own (a line or a long text, a length, required or not), put in order with buttons.
 * Each field says what is wrong with it before a save is tried; a preview shows the page's order.
 */
export function FormFields({ stored, formUrl, onSaved }: { stored: StoredField[]; formUrl: string; onSaved: (fields: StoredField[]) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'nl';
  const [rows, setRows] = useState<FieldRow[]>(() => rowsOf(stored));
  const [errors, setErrors] = useState<RowErrors>({});
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  useEffect(() => {
    if (!focus) return;
    document.getElementById(focus)?.focus();
    setFocus(null);
  }, [focus]);

  const edit = (i: number, patch: Partial<FieldRow>) => {
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setErrors((e) => (e[i] ? { ...e, [i]: {} } : e));
  };
  const move = (i: number, by: -1 | 1) => {
    setRows((rs) => moveRow(rs, i, by));
    setErrors({});
    const to = rows[i + by]?.standard === null ? i + by : i;
    // the moved field keeps the focus on its button, or on the other one when it reached an end
    const edge = rows[to + by]?.standard !== null;
    setFocus(`ff-${edge ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down'}-${to}`);
    setNotice({ kind: 'ok', text: t('channels.fields.moved', { label: label(rows[i]), position: to + 1, total: rows.length }) });
  };
  const add = () => {
    setRows((rs) => addRow(rs));
    setFocus(`ff-nl-${rows.length - 1}`);
  };
  const remove = (i: number) => {
    const name = label(rows[i]);
    setRows((rs) => rs.filter((_, j) => j !== i));
    setErrors({});
    setNotice({ kind: 'ok', text: t('channels.fields.removed', { label: name }) });
    setFocus('ff-add');
  };
  const label = (r: FieldRow) => (lang === 'en' ? r.en : r.nl).trim() || t('channels.fields.unnamed');

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const { fields, errors: found } = checkRows(rows);
    setErrors(found);
    if (!fields) {
      const n = Object.values(found).reduce((s, p) => s + Object.keys(p).length, 0);
      setNotice({ kind: 'error', text: t('channels.fixErrors', { count: n }) });
      const [i, parts] = Object.entries(found)[0];
      setFocus(`ff-${(['nl', 'en', 'key', 'max'] as Part[]).find((p) => parts[p])}-${i}`);
      return;
    }
    try {
      const s = await put<{ form_fields: StoredField[] }>('/api/v1/channels', { form_fields: fields });
      setRows(rowsOf(s.form_fields));
      onSaved(s.form_fields);
      setNotice({ kind: 'ok', text: t('channels.fields.saved') });
    } catch (err) {
      setNotice({ kind: 'error', text: t('app.error', { message: (err as Error).message }) });
    }
  };

  const own = ownCount(rows);
  const input = (i: number, p: Part, r: FieldRow, hint?: string) => {
    const err = errors[i]?.[p];
    const described = [hint && `ff-${p}-${i}-hint`, err && `ff-${p}-${i}-error`].filter(Boolean).join(' ') || undefined;
    const value = p === 'key' ? r.key : p === 'max' ? r.max : r[p];
    return (
      <div className="field">
        <label htmlFor={`ff-${p}-${i}`}>{t(`channels.fields.${p}`)}<span className="visually-hidden"> ({label(r)})</span></label>
        <input id={`ff-${p}-${i}`} type="text" value={value} inputMode={p === 'max' ? 'numeric' : undefined} spellCheck={p === 'nl' || p === 'en'}
          lang={p === 'nl' || p === 'en' ? p : undefined} placeholder={p === 'key' ? keyFromLabel(r.en) : undefined}
          onChange={(e) => edit(i, { [p]: e.target.value })} aria-invalid={err ? true : undefined} aria-describedby={described} />
        {hint && <p id={`ff-${p}-${i}-hint`} className="muted small">{hint}</p>}
        {err && <p id={`ff-${p}-${i}-error`} className="error small">{t(`channels.fields.errors.${err}`)}</p>}
      </div>
    );
  };

  return (
    <section className="card" aria-labelledby="ff-title">
      <h2 id="ff-title">{t('channels.fields.title')}</h2>
      <p className="muted">{t('channels.fields.intro', { max: MAX_OWN })}</p>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
      <form onSubmit={save} noValidate className="stack">
        <ol className="form-fields plain">
          {rows.map((r, i) => {
            const movable = r.standard === null;
            return (
              <li key={i}>
                <fieldset>
                  <legend>{t('channels.fields.legend', { n: i + 1, label: label(r) })} <span className="muted small">{r.standard ? t('channels.fields.standard') : t('channels.fields.own')}</span></legend>
                  {r.standard === 'phone' && (
                    <div className="field checkbox">
                      <input id={`ff-shown-${i}`} type="checkbox" checked={r.shown} onChange={(e) => edit(i, { shown: e.target.checked })} />
                      <label htmlFor={`ff-shown-${i}`}>{t('channels.fields.askPhone')}</label>
                    </div>
                  )}
                  {r.shown && (
                    <>
                      <div className="ff-grid">
                        {input(i, 'nl', r)}
                        {input(i, 'en', r)}
                      </div>
                      {movable && (<div className="ff-grid">
                        <div className="field">
                          <label htmlFor={`ff-kind-${i}`}>{t('channels.fields.kind')}<span className="visually-hidden"> ({label(r)})</span></label>
                          <select id={`ff-kind-${i}`} value={r.kind} onChange={(e) => edit(i, { kind: e.target.value as FieldRow['kind'] })}>
                            <option value="text">{t('channels.fields.kinds.text')}</option>
                            <option value="textarea">{t('channels.fields.kinds.textarea')}</option>
                          </select>
                        </div>
                        {input(i, 'max', r, t('channels.between', { min: 1, max: 2000 }))}
                        {input(i, 'key', r, t('channels.fields.keyHint'))}
                      </div>)}
                      {r.standard === 'email' || r.standard === 'message' ? (
                        <p className="muted small">{t(`channels.fields.kinds.${r.kind}`)} · {t('channels.fields.always')}</p>
                      ) : (
                        <div className="field checkbox">
                          <input id={`ff-required-${i}`} type="checkbox" checked={r.required} onChange={(e) => edit(i, { required: e.target.checked })} />
                          <label htmlFor={`ff-required-${i}`}>{t('channels.fields.required')}<span className="visually-hidden"> ({label(r)})</span></label>
                        </div>
                      )}
                    </>
                  )}
                  {movable && (
                    <div className="actions-row">
                      {rows[i - 1]?.standard === null && <button type="button" id={`ff-up-${i}`} className="button" onClick={() => move(i, -1)}>{t('channels.fields.up')}<span className="visually-hidden"> ({label(r)})</span></button>}
                      {rows[i + 1]?.standard === null && <button type="button" id={`ff-down-${i}`} className="button" onClick={() => move(i, 1)}>{t('channels.fields.down')}<span className="visually-hidden"> ({label(r)})</span></button>}
                      <button type="button" className="button" onClick={() => remove(i)}>{t('channels.fields.remove')}<span className="visually-hidden"> ({label(r)})</span></button>
                    </div>
                  )}
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div className="actions-row">
          <button type="button" id="ff-add" className="button" onClick={own >= MAX_OWN ? undefined : add}
            aria-disabled={own >= MAX_OWN ? true : undefined} aria-describedby={own >= MAX_OWN ? 'ff-full' : undefined}>{t('channels.fields.add')}</button>
          {own >= MAX_OWN && <span id="ff-full" className="muted small">{t('channels.fields.full', { max: MAX_OWN })}</span>}
          <button type="submit" className="button">{t('channels.fields.save')}</button>
        </div>
      </form>
      <h3 id="ff-preview-title">{t('channels.fields.preview')}</h3>
      <ol className="form-preview" aria-labelledby="ff-preview-title" data-testid="form-preview">
        {rows.filter((r) => r.shown).map((r, i) => (
          <li key={i}>{label(r)} <span className="muted small">({t(`channels.fields.kinds.${r.kind}`)}, {r.required ? t('channels.fields.isRequired') : t('channels.fields.optional')})</span></li>
        ))}
      </ol>
      <p><a href={`${formUrl}?lang=nl`} target="_blank" rel="noopener">{t('channels.fields.openNl')}</a> · <a href={`${formUrl}?lang=en`} target="_blank" rel="noopener">{t('channels.fields.openEn')}</a></p>
    </section>
  );
}
