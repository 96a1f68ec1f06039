import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { del, get, post } from '../shared/api.ts';
import { useShortcuts } from '../shared/keys.ts';
import { CASE_STATUSES, can, type Me } from '../shared/types.ts';
import { useAction } from '../shared/useAction.ts';
import type { Macro, MacroActions } from './types.ts';
import type { FieldDefinition } from '../custom-fields/types.ts';
import { MacroFields, fieldActions, formatFieldAction } from './MacroFields.tsx';

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
const TIERS = ['L1', 'L2', 'L3'] as const;
const EMPTY = { name: '', shared: false, status: '', priority: '', tier: '', team_id: '', tags_add: '', tags_remove: '', note: '', template_id: '' };
const list = (v: string) => v.split(',').map((x) => x.trim()).filter(Boolean);

/** The macros you may use (shared and your own), and a form to make one; supervisors may share. */
export function MacroList({ me, onHelp }: { me: Me; onHelp: () => void }) {
  const { t, i18n } = useTranslation();
  const [macros, setMacros] = useState<Macro[]>([]);
  const [teams, setTeams] = useState<{ id: string; name: string }[]>([]);
  const [templates, setTemplates] = useState<{ id: string; name: string }[]>([]);
  const [version, setVersion] = useState(0);
  const [form, setForm] = useState(EMPTY);
  const [caseFields, setCaseFields] = useState<FieldDefinition[]>([]);
  const [fieldDraft, setFieldDraft] = useState<Record<string, string | string[]>>({});
  const titleRef = useRef<HTMLHeadingElement>(null);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const { notice, act } = useAction(refresh, t('macros.saved'));
  useShortcuts({ '?': onHelp });

  useEffect(() => titleRef.current?.focus(), []);
  useEffect(() => {
    const ac = new AbortController();
    get<{ data: Macro[] }>('/api/v1/macros', ac.signal).then((r) => setMacros(r.data)).catch(() => undefined);
    get<{ data: { id: string; name: string }[] }>('/api/v1/teams', ac.signal).then((r) => setTeams(r.data)).catch(() => undefined);
    get<{ data: { id: string; name: string }[] }>('/api/v1/templates', ac.signal).then((r) => setTemplates(r.data)).catch(() => undefined);
    get<{ data: FieldDefinition[] }>('/api/v1/custom-fields?entity=case', ac.signal).then((r) => setCaseFields(r.data)).catch(() => undefined);
    return () => ac.abort();
  }, [version]);

  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  async function save(e: FormEvent) {
    e.preventDefault();
    const actions: MacroActions = {};
    if (form.status) actions.status = form.status;
    if (form.priority) actions.priority = form.priority;
    if (form.tier) actions.tier = form.tier;
    const fields = fieldActions(caseFields, fieldDraft);
    if (Object.keys(fields).length) actions.fields = fields;
    if (form.team_id) actions.team_id = form.team_id;
    if (list(form.tags_add).length) actions.tags_add = list(form.tags_add);
    if (list(form.tags_remove).length) actions.tags_remove = list(form.tags_remove);
    if (form.note.trim()) actions.note = form.note.trim();
    if (form.template_id) actions.template_id = form.template_id;
    if (await act(() => post('/api/v1/macros', { name: form.name, shared: form.shared, actions }))) {
      setForm(EMPTY);
      setFieldDraft({});
    }
  }
  const does = (a: MacroActions) =>
    [
      a.status && `${t('macros.field.status')}: ${t(`status.${a.status}`)}`,
      a.priority && `${t('macros.field.priority')}: ${t(`priority.${a.priority}`)}`,
      a.tier && `${t('macros.field.tier')}: ${a.tier}`,
      ...Object.entries(a.fields ?? {}).map(([k, v]) => formatFieldAction(caseFields, k, v, t, i18n.language)),
      a.team_id && `${t('macros.field.team_id')}: ${teams.find((x) => x.id === a.team_id)?.name ?? a.team_id}`,
      a.tags_add?.length && `+${a.tags_add.join(', +')}`,
      a.tags_remove?.length && `−${a.tags_remove.join(', −')}`,
      a.note && t('macros.note', { note: a.note }),
      a.template_id && `${t('macros.template')}: ${templates.find((x) => x.id === a.template_id)?.name ?? a.template_id}`,
    ].filter(Boolean).join(' · ');
  const mayDelete = (m: Macro) => (m.shared ? can(me, 'macros.share') : m.owner_id === me.agent?.id);

  return (
    <main id="main" className="macros">
      <h1 ref={titleRef} tabIndex={-1}>{t('macros.title')}</h1>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
      {macros.length === 0 ? (
        <p className="muted">{t('macros.none')}</p>
      ) : (
        <table>
          <thead>
            <tr><th scope="col">{t('macros.name')}</th><th scope="col">{t('macros.kind')}</th><th scope="col">{t('macros.does')}</th><th scope="col"><span className="visually-hidden">{t('macros.delete')}</span></th></tr>
          </thead>
          <tbody>
            {macros.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>{m.shared ? t('macros.shared') : t('macros.personal')}</td>
                <td>{does(m.actions)}</td>
                <td>
                  {mayDelete(m) && (
                    <button type="button" className="button" aria-label={t('macros.deleteNamed', { name: m.name })} onClick={() => void act(() => del(`/api/v1/macros/${m.id}`), t('macros.deleted'))}>
                      {t('macros.delete')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('macros.create')}</h2>
      <form className="stack" onSubmit={save}>
        <label htmlFor="macro-name">{t('macros.name')}</label>
        <input id="macro-name" value={form.name} onChange={set('name')} required maxLength={200} />
        {can(me, 'macros.share') && (
          <label>
            <input type="checkbox" checked={form.shared} onChange={(e) => setForm((f) => ({ ...f, shared: e.target.checked }))} /> {t('macros.sharedLabel')}
          </label>
        )}
        <label htmlFor="macro-status">{t('macros.status')}</label>
        <select id="macro-status" value={form.status} onChange={set('status')}>
          <option value="">{t('macros.unchanged')}</option>
          {CASE_STATUSES.filter((s) => s !== 'new').map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </select>
        <label htmlFor="macro-priority">{t('macros.priority')}</label>
        <select id="macro-priority" value={form.priority} onChange={set('priority')}>
          <option value="">{t('macros.unchanged')}</option>
          {PRIORITIES.map((p) => <option key={p} value={p}>{t(`priority.${p}`)}</option>)}
        </select>
        <label htmlFor="macro-tier">{t('macros.tier')}</label>
        <select id="macro-tier" value={form.tier} onChange={set('tier')}>
          <option value="">{t('macros.unchanged')}</option>
          {TIERS.map((x) => <option key={x} value={x}>{x}</option>)}
        </select>
        <label htmlFor="macro-team">{t('macros.team')}</label>
        <select id="macro-team" value={form.team_id} onChange={set('team_id')}>
          <option value="">{t('macros.unchanged')}</option>
          {teams.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
        </select>
        <MacroFields defs={caseFields} value={fieldDraft} onChange={setFieldDraft} />
        <label htmlFor="macro-tags-add">{t('macros.tagsAdd')}</label>
        <input id="macro-tags-add" value={form.tags_add} onChange={set('tags_add')} />
        <label htmlFor="macro-tags-remove">{t('macros.tagsRemove')}</label>
        <input id="macro-tags-remove" value={form.tags_remove} onChange={set('tags_remove')} />
        <label htmlFor="macro-note">{t('macros.noteLabel')}</label>
        <textarea id="macro-note" value={form.note} onChange={set('note')} rows={3} />
        <label htmlFor="macro-template">{t('macros.template')}</label>
        <select id="macro-template" value={form.template_id} onChange={set('template_id')}>
          <option value="">{t('macros.unchanged')}</option>
          {templates.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
        </select>
        <button type="submit" className="button primary">{t('macros.save')}</button>
      </form>
    </main>
  );
}
