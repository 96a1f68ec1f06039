import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../shared/api.ts';
import type { Act } from '../shared/useAction.ts';
import { MACROS, onLinkClick } from '../shared/router.ts';
import type { Macro, MacroOutcome } from './types.ts';
import type { FieldDefinition } from '../custom-fields/types.ts';
import { fieldLabel, showFieldValue } from './MacroFields.tsx';

/**
 * The case's macro menu (`m`): choose a macro, see what it would change on this case (the server's
 * preview, the same plan the apply follows), apply it. A template reply lands in the composer, unsent.
 */
export function MacroMenu({ caseId, version, act, open, onOpenChange, onReply }: {
  caseId: string; version: number; act: Act; open: boolean; onOpenChange: (open: boolean) => void;
  onReply: (text: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [macros, setMacros] = useState<Macro[] | null>(null);
  const [caseFields, setCaseFields] = useState<FieldDefinition[]>([]);
  const [chosen, setChosen] = useState('');
  const [preview, setPreview] = useState<MacroOutcome | null>(null);
  const select = useRef<HTMLSelectElement>(null);
  const [teams, setTeams] = useState<Map<string, string>>(new Map());
  const teamName = (id: string) => teams.get(id) ?? id;

  useEffect(() => {
    if (!open) return;
    const ac = new AbortController();
    get<{ data: Macro[] }>('/api/v1/macros', ac.signal).then((r) => setMacros(r.data)).catch(() => !ac.signal.aborted && setMacros([]));
    get<{ data: { id: string; name: string }[] }>('/api/v1/teams', ac.signal).then((r) => setTeams(new Map(r.data.map((x) => [x.id, x.name])))).catch(() => undefined);
    get<{ data: FieldDefinition[] }>('/api/v1/custom-fields?entity=case', ac.signal).then((r) => setCaseFields(r.data)).catch(() => undefined);
    requestAnimationFrame(() => select.current?.focus());
    return () => ac.abort();
  }, [open]);

  useEffect(() => {
    setPreview(null);
    if (!chosen) return;
    const ac = new AbortController();
    get<MacroOutcome>(`/api/v1/macros/${chosen}/preview/${caseId}`, ac.signal).then(setPreview).catch(() => undefined);
    return () => ac.abort();
  }, [chosen, caseId, version]);

  const show = (field: string, v: unknown) =>
    field.startsWith('fields.') ? showFieldValue(v, t) : field === 'tags' ? (v as string[]).join(', ') || '—' : field === 'team_id' ? (v ? teamName(String(v)) : '—') : field === 'status' ? t(`status.${v}`) : field === 'priority' ? t(`priority.${v}`) : String(v);

  async function apply() {
    if (!preview) return;
    let reply: string | null = null;
    const ok = await act(async () => {
      const r = await post<MacroOutcome>(`/api/v1/macros/${chosen}/apply/${caseId}`, {});
      reply = r.reply?.text ?? null;
    }, t('macros.applied', { name: preview.macro.name }));
    if (ok) {
      if (reply) onReply(reply);
      setChosen('');
      onOpenChange(false);
    }
  }

  return (
    <details className="macro-menu" open={open} onToggle={(e) => onOpenChange((e.target as HTMLDetailsElement).open)}>
      <summary>
        {t('macros.menu')} <kbd>m</kbd>
      </summary>
      <div className="macro-panel">
        <label htmlFor="macro-choice">{t('macros.choose')}</label>
        <select id="macro-choice" ref={select} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">—</option>
          {(macros ?? []).map((m) => (
            <option key={m.id} value={m.id}>
              {m.name} ({m.shared ? t('macros.shared') : t('macros.personal')})
            </option>
          ))}
        </select>
        {macros && macros.length === 0 && <p className="muted">{t('macros.none')}</p>}
        {preview && (
          <div className="macro-preview" aria-live="polite">
            <h3>{t('macros.preview')}</h3>
            {preview.problems.length > 0 && (
              <div className="error">
                <p>{t('macros.problems')}</p>
                <ul>{preview.problems.map((p) => <li key={p.code + p.message}>{p.message}</li>)}</ul>
              </div>
            )}
            <ul>
              {preview.changes.map((c) => (
                <li key={c.field}>
                  {c.field.startsWith('fields.') ? fieldLabel(caseFields, c.field.slice(7), i18n.language) : t(`macros.field.${c.field}`)}: {t('macros.from', { from: show(c.field, c.from), to: show(c.field, c.to) })}
                </li>
              ))}
              {preview.note && <li>{t('macros.note', { note: preview.note })}</li>}
              {preview.reply && (
                <li>
                  {t('macros.reply')}
                  {preview.reply.blocked && <strong> {t('macros.replyBlocked')}</strong>}
                  <pre className="macro-reply">{preview.reply.text}</pre>
                </li>
              )}
            </ul>
            {!preview.changes.length && !preview.note && !preview.reply && <p className="muted">{t('macros.nothing')}</p>}
            <button type="button" className="button primary" onClick={() => void apply()} disabled={preview.problems.length > 0}>
              {t('macros.apply')}
            </button>
          </div>
        )}
        <p>
          <a href={MACROS} onClick={onLinkClick}>{t('macros.manage')}</a>
        </p>
      </div>
    </details>
  );
}
