import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, del, get, put } from '../shared/api.ts';
import { useLive } from '../shared/live.ts';
import { can, type Me } from '../shared/types.ts';

interface Line {
  agent_id: string;
  name: string;
  email: string;
  hours: { hours_text: string; absences_text: string; updated_at: string } | null;
}

// the server's refusals that a person can fix in the field they typed
const KNOWN = new Set(['hours_unreadable', 'hours_unknown_day', 'calendar_invalid_time', 'calendar_interval_ends_before_start', 'calendar_overlapping_intervals',
  'absence_unreadable', 'absence_invalid_date', 'absence_ends_before_start', 'absences_too_many']);

/**
 * The callback rota on the channels screen: when each agent takes callbacks ("ma-vr 09:00-12:00") and
 * the days they are away. Once anyone has hours, the callback page offers only slots someone on the rota
 * covers, as many per slot as agents on duty. Agents change their own line; supervisors everyone's.
 */
export function CallbackRota({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'nl';
  const [lines, setLines] = useState<Line[] | null>(null);
  const [drafts, setDrafts] = useState<Record<string, { hours: string; away: string }>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useLive((n) => n.event === 'ready' && reload());
  useEffect(() => {
    const ac = new AbortController();
    get<{ data: Line[] }>(`/api/v1/callback-rota?lang=${lang}`, ac.signal).then((r) => {
      setLines(r.data);
      setDrafts(Object.fromEntries(r.data.map((l) => [l.agent_id, { hours: l.hours?.hours_text ?? '', away: l.hours?.absences_text ?? '' }])));
    }, (e) => !ac.signal.aborted && setNotice({ kind: 'error', text: t('app.error', { message: (e as Error).message }) }));
    return () => ac.abort();
  }, [lang, version, t]);

  const mayEdit = (l: Line) => l.agent_id === me.agent?.id || can(me, 'routing.manage');
  const draftOf = (id: string) => drafts[id] ?? { hours: '', away: '' };
  const edit = (id: string, k: 'hours' | 'away', v: string) => {
    setDrafts((d) => ({ ...d, [id]: { ...draftOf(id), [k]: v } }));
    setErrors((e) => ({ ...e, [id]: '' }));
  };
  const run = async (l: Line, fn: () => Promise<unknown>, ok: string) => {
    setNotice(null);
    try {
      await fn();
      setErrors((e) => ({ ...e, [l.agent_id]: '' }));
      setNotice({ kind: 'ok', text: ok });
      reload();
    } catch (err) {
      const code = err instanceof ApiError ? err.code : '';
      const text = KNOWN.has(code) ? t(`rota.errors.${code}`, { message: (err as Error).message }) : t('app.error', { message: (err as Error).message });
      setErrors((e) => ({ ...e, [l.agent_id]: text }));
      setNotice({ kind: 'error', text: t('rota.notSaved', { name: l.name }) });
      requestAnimationFrame(() => document.getElementById(`rota-hours-${l.agent_id}`)?.focus());
    }
  };
  const save = (e: FormEvent, l: Line) => {
    e.preventDefault();
    const d = draftOf(l.agent_id);
    void run(l, () => put(`/api/v1/agents/${l.agent_id}/callback-hours?lang=${lang}`, { hours_text: d.hours, absences_text: d.away }), t('rota.saved', { name: l.name }));
  };
  const clear = (l: Line) => void run(l, () => del(`/api/v1/agents/${l.agent_id}/callback-hours`), t('rota.cleared', { name: l.name }));

  const onRota = lines?.filter((l) => l.hours).length ?? 0;
  return (
    <section className="card" aria-labelledby="rota-title">
      <h2 id="rota-title">{t('rota.title')}</h2>
      <p className="muted">{onRota ? t('rota.introOn', { count: onRota }) : t('rota.introOff')}</p>
      <p id="rota-format" className="muted small">{t('rota.format')}</p>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
      {!lines ? <p className="muted">{t('app.loading')}</p> : (
        <ul className="rota plain">
          {lines.map((l) => {
            const d = draftOf(l.agent_id), err = errors[l.agent_id];
            const described = ['rota-format', err ? `rota-error-${l.agent_id}` : ''].filter(Boolean).join(' ');
            return (
              <li key={l.agent_id}>
                <form onSubmit={(e) => save(e, l)} aria-label={t('rota.lineOf', { name: l.name })}>
                  <strong className="grow">{l.name} {!l.hours && <span className="muted small">{t('rota.notOnRota')}</span>}</strong>
                  <label htmlFor={`rota-hours-${l.agent_id}`}>{t('rota.hours')}<span className="visually-hidden"> {l.name}</span></label>
                  <input id={`rota-hours-${l.agent_id}`} value={d.hours} readOnly={!mayEdit(l)} placeholder={lang === 'en' ? 'mon-fri 09:00-12:00' : 'ma-vr 09:00-12:00'}
                    aria-invalid={err ? true : undefined} aria-describedby={described} onChange={(e) => edit(l.agent_id, 'hours', e.target.value)} />
                  <label htmlFor={`rota-away-${l.agent_id}`}>{t('rota.away')}<span className="visually-hidden"> {l.name}</span></label>
                  <input id={`rota-away-${l.agent_id}`} value={d.away} readOnly={!mayEdit(l)} placeholder="2027-07-19..2027-08-06"
                    aria-describedby={described} onChange={(e) => edit(l.agent_id, 'away', e.target.value)} />
                  {mayEdit(l) && <button type="submit" className="button">{t('rota.save')}<span className="visually-hidden"> {l.name}</span></button>}
                  {mayEdit(l) && l.hours && (
                    <button type="button" className="button" onClick={() => clear(l)}>{t('rota.clear')}<span className="visually-hidden"> {l.name}</span></button>
                  )}
                  {err && <p id={`rota-error-${l.agent_id}`} className="error small">{err}</p>}
                </form>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
