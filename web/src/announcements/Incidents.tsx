import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post, query } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';
import { useShortcuts } from '../shared/keys.ts';
import { useCoalesced, useLive } from '../shared/live.ts';
import { useAction } from '../shared/useAction.ts';
import { PROBLEMS } from '../shared/router.ts';
import type { Me, Page } from '../shared/types.ts';
import type { Incident, IncidentStatus } from './types.ts';

const STATUSES: IncidentStatus[] = ['investigating', 'identified', 'monitoring', 'resolved'];
const IMPACTS = ['none', 'minor', 'major', 'critical'] as const;

interface UpdateDraft { status: IncidentStatus; happened: string; doing: string; means: string; next: string; contact: string }
const emptyDraft = (status: IncidentStatus = 'investigating'): UpdateDraft => ({ status, happened: '', doing: '', means: '', next: '', contact: '' });
const toBody = (d: UpdateDraft) => ({
  status: d.status, parts: { nl: { happened: d.happened, doing: d.doing, means: d.means } },
  ...(d.status !== 'resolved' && d.next ? { next_update_at: new Date(d.next).toISOString() } : {}), ...(d.contact.trim() ? { contact_route: d.contact.trim() } : {}),
});

function left(ms: number): string {
  const m = Math.max(0, Math.round(ms / 60_000));
  return m >= 60 ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}` : `${m} min`;
}

/** The four parts of an update and when the next one comes: every field required (the server checks too). */
function UpdateFields({ id, d, set }: { id: string; d: UpdateDraft; set: (d: UpdateDraft) => void }) {
  const { t } = useTranslation();
  const field = (k: 'happened' | 'doing' | 'means') => (<>
    <label htmlFor={`${id}-${k}`}>{t(`incidents.field.${k}`)}</label>
    <textarea id={`${id}-${k}`} required rows={2} value={d[k]} onChange={(e) => set({ ...d, [k]: e.target.value })} />
  </>);
  return (<>
    <label htmlFor={`${id}-status`}>{t('incidents.field.status')}</label>
    <select id={`${id}-status`} value={d.status} onChange={(e) => set({ ...d, status: e.target.value as IncidentStatus })}>
      {STATUSES.map((s) => <option key={s} value={s}>{t(`incidents.status.${s}`)}</option>)}
    </select>
    {field('happened')}{field('doing')}{field('means')}
    {d.status !== 'resolved' && (<>
      <label htmlFor={`${id}-next`}>{t('incidents.field.next')}</label>
      <input id={`${id}-next`} type="datetime-local" required value={d.next} onChange={(e) => set({ ...d, next: e.target.value })} />
    </>)}
    <label htmlFor={`${id}-contact`}>{t('incidents.field.contact')}</label>
    <input id={`${id}-contact`} value={d.contact} onChange={(e) => set({ ...d, contact: e.target.value })} />
  </>);
}

/** Open incidents with their promised next update (counting down, or overdue), posting updates, reporting a new one. */
export function Incidents({ onHelp }: { me: Me; onHelp: () => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Incident[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [now, setNow] = useState(Date.now());
  const [drafts, setDrafts] = useState<Record<string, UpdateDraft>>({});
  const [title, setTitle] = useState('');
  const [impact, setImpact] = useState<(typeof IMPACTS)[number]>('major');
  const [first, setFirst] = useState<UpdateDraft>(emptyDraft());
  const [components, setComponents] = useState<{ id: string; name_nl: string }[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  // opened from a problem (/app/incidents?problem=ID): the incident is linked to it
  const [problemId] = useState(() => new URLSearchParams(window.location.search).get('problem'));
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    const ac = new AbortController();
    get<Page<Incident>>(`/api/v1/incidents${query({ open: 'true', limit: 100 })}`, ac.signal)
      .then((p) => { setRows(p.data); setError(null); })
      .catch((e) => !ac.signal.aborted && setError(e.message));
    return () => ac.abort();
  }, [version]);
  useEffect(() => {
    const ac = new AbortController();
    get<{ data: { id: string; name_nl: string }[] }>('/api/v1/status-components', ac.signal).then((r) => setComponents(r.data)).catch(() => undefined);
    return () => ac.abort();
  }, []);
  useShortcuts({ '?': onHelp });
  const reload = useCoalesced(() => setVersion((v) => v + 1), 300);
  useLive((n) => (n.event === 'ready' || n.event.startsWith('incident.')) && reload());
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const { notice, act } = useAction(refresh, t('incidents.posted'));

  const postUpdate = async (e: FormEvent, i: Incident) => {
    e.preventDefault();
    const d = drafts[i.id] ?? emptyDraft(i.status);
    if (await act(() => post(`/api/v1/incidents/${i.id}/updates`, toBody(d)))) setDrafts((x) => ({ ...x, [i.id]: emptyDraft(d.status) }));
  };
  const open = async (e: FormEvent) => {
    e.preventDefault();
    const body = { title: { nl: title }, impact, component_ids: picked, ...(problemId ? { problem_id: problemId } : {}), update: toBody(first) };
    if (await act(() => post('/api/v1/incidents', body), t('incidents.opened'))) {
      setTitle('');
      setPicked([]);
      setFirst(emptyDraft());
    }
  };

  return (
    <main id="main" className="incidents">
      <h1 ref={titleRef} tabIndex={-1}>{t('incidents.title')}</h1>
      <p className="muted hint">{t('incidents.hint')}</p>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
      {error && <p className="error" role="alert">{t('app.error', { message: error })}</p>}
      {!error && !rows && <p className="muted">{t('app.loading')}</p>}
      {rows && !rows.length && <p className="muted">{t('incidents.none')}</p>}
      {rows?.map((i) => {
        const due = i.next_update_at ? new Date(i.next_update_at).getTime() : null;
        const d = drafts[i.id] ?? emptyDraft(i.status);
        return (
          <section key={i.id} aria-labelledby={`inc-${i.id}`} data-incident={i.id}>
            <h2 id={`inc-${i.id}`}>{i.title.nl}</h2>
            {i.problem_id && <p className="small"><a href={`${PROBLEMS}/${i.problem_id}`}>{t('incidents.problem')}</a></p>}
            <p>{t(`incidents.status.${i.status}`)} · {t(`incidents.impact.${i.impact}`)} · {t('incidents.late', { late: i.updates_late, total: i.updates_late + i.updates_on_time })}</p>
            {due !== null && (due <= now
              ? <p className="error">{t('incidents.overdue', { time: formatDateTime(i.next_update_at!) })}</p>
              : <p>{t('incidents.next', { time: formatDateTime(i.next_update_at!), left: left(due - now) })}</p>)}
            <form onSubmit={(e) => postUpdate(e, i)} className="stack">
              <UpdateFields id={`u-${i.id}`} d={d} set={(v) => setDrafts((x) => ({ ...x, [i.id]: v }))} />
              <p><button type="submit" className="button primary">{t('incidents.update')}</button></p>
            </form>
          </section>
        );
      })}
      <section aria-labelledby="open-incident">
        <h2 id="open-incident">{t('incidents.open')}</h2>
        <form onSubmit={open} className="stack">
          <label htmlFor="i-title">{t('incidents.field.title')}</label>
          <input id="i-title" required value={title} onChange={(e) => setTitle(e.target.value)} />
          <label htmlFor="i-impact">{t('incidents.field.impact')}</label>
          <select id="i-impact" value={impact} onChange={(e) => setImpact(e.target.value as (typeof IMPACTS)[number])}>
            {IMPACTS.map((x) => <option key={x} value={x}>{t(`incidents.impact.${x}`)}</option>)}
          </select>
          {components.length > 0 && (
            <fieldset>
              <legend>{t('incidents.field.components')}</legend>
              {components.map((c) => (
                <label key={c.id} className="inline">
                  <input type="checkbox" checked={picked.includes(c.id)} onChange={(e) => setPicked((p) => (e.target.checked ? [...p, c.id] : p.filter((x) => x !== c.id)))} />
                  {' '}{c.name_nl}
                </label>
              ))}
            </fieldset>
          )}
          {problemId && <p className="small">{t('incidents.fromProblem')}</p>}
          <UpdateFields id="first" d={first} set={setFirst} />
          <p><button type="submit" className="button primary">{t('incidents.open')}</button></p>
        </form>
      </section>
    </main>
  );
}
