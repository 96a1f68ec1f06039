import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, query } from '../shared/api.ts';
import { useShortcuts } from '../shared/keys.ts';
import { isCaseChange, useCoalesced, useLive } from '../shared/live.ts';
import { BASE, caseHref, navigate, onLinkClick } from '../shared/router.ts';
import { SearchBox } from '../shared/SearchBox.tsx';
import { CASE_STATUSES, type Case, type CaseClocks, type CaseStatus, type Me, type Page, type SearchHit } from '../shared/types.ts';
import { CaseRow, type Row } from './CaseRow.tsx';
import { useCustomerNames } from './customers.ts';
import { isSlaQueue, queuesFor, queueUrl, type Queue } from './queues.ts';
import { SearchHits } from './SearchHits.tsx';
import { TagFilter } from '../tags/TagFilter.tsx';
import { FieldFilter } from '../custom-fields/FieldFilter.tsx';
import { TopicFilter } from './TopicFilter.tsx';

/**
 * The queues, the search, and the cases: live (a case that arrives or changes appears without
 * reloading, marked as new until the list is opened again), keyboard first (j/k, Enter, /).
 */
export function Inbox({ me, params, onHelp }: { me: Me; params: URLSearchParams; onHelp: () => void }) {
  const { t } = useTranslation();
  const queues = queuesFor(me);
  const queue = (queues as readonly string[]).includes(params.get('queue') ?? '') ? (params.get('queue') as Queue) : 'open';
  const status = (CASE_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as CaseStatus) : null;
  const topic = params.get('topic');
  const tag = params.get('tag');
  // custom field filters: field.<key>=value, passed on to the list as they are
  const fields = Object.fromEntries([...params].filter(([k]) => k.startsWith('field.')).map(([k, v]) => [k.slice(6), v]));
  const fieldsKey = JSON.stringify(fields);
  const q = params.get('q') ?? '';

  const [rows, setRows] = useState<Row[] | null>(null);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState(-1);
  const [reload, setReload] = useState(0);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [announce, setAnnounce] = useState('');
  const tableRef = useRef<HTMLTableSectionElement & HTMLOListElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  // how many pages "more" added beyond the first (a live refresh keeps them)
  const pagesLoaded = useRef(0);
  // case lists carry the name; only rows without one (other queues, nameless customers) ask per customer
  const names = useCustomerNames((rows ?? []).flatMap((r) => (r.case && !r.case.customer_name ? [r.case.customer_id] : [])));

  useEffect(() => titleRef.current?.focus(), []);

  useEffect(() => {
    const ac = new AbortController();
    setError(null);
    setSelected(-1);
    setFresh(new Set());
    pagesLoaded.current = 0;
    if (q) {
      setRows(null);
      get<Page<SearchHit>>(`/api/v1/search${query({ q, limit: 50 })}`, ac.signal)
        .then((r) => setHits(r.data))
        .catch((e) => !ac.signal.aborted && setError(e.message));
    } else {
      setHits(null);
      setRows(null);
      loadQueue(null, ac.signal)
        .then((r) => {
          setRows(r.rows);
          setCursor(r.cursor);
        })
        .catch((e) => !ac.signal.aborted && setError(e.message));
    }
    return () => ac.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queue, status, topic, tag, fieldsKey, q, reload]);

  async function loadQueue(from: string | null, signal?: AbortSignal): Promise<{ rows: Row[]; cursor: string | null }> {
    const url = queueUrl(queue, me, status, from, topic, tag, fields);
    if (isSlaQueue(queue)) {
      const r = await get<{ data: CaseClocks[] }>(url, signal);
      return { rows: r.data.map((c) => ({ id: c.case_id, ref: c.ref, subject: c.subject, sla: c })), cursor: null };
    }
    const r = await get<Page<Case>>(url, signal);
    return { rows: r.data.map((c) => ({ id: c.id, ref: c.ref, subject: c.subject, case: c })), cursor: r.next_cursor };
  }

  // live: the first page again, quietly (no "loading", the selection stays), at most once a second however busy;
  // rows loaded with "more" stay below
  const refreshQuietly = useCoalesced(() => {
    if (q || !rows) return;
    loadQueue(null)
      .then((r) => {
        const before = new Set(rows.map((x) => x.id));
        const arrived = r.rows.filter((x) => !before.has(x.id)).map((x) => x.id);
        const firstPage = new Set(r.rows.map((x) => x.id));
        if (!pagesLoaded.current) {
          setRows(r.rows);
          setCursor(r.cursor);
        } else {
          // rows of the pages loaded with "more" stay, including those the arrivals pushed off the first page
          setRows((prev) => [...r.rows, ...(prev ?? []).slice(Math.max(0, r.rows.length - arrived.length)).filter((x) => !firstPage.has(x.id))]);
        }
        if (arrived.length) {
          setFresh((f) => new Set([...f, ...arrived]));
          setAnnounce(t('inbox.arrived', { count: arrived.length }));
        }
      })
      .catch(() => {});
  }, 1000);
  useLive((n) => isCaseChange(n) && refreshQuietly());

  async function more() {
    try {
      const r = await loadQueue(cursor);
      pagesLoaded.current++;
      setRows((prev) => [...(prev ?? []), ...r.rows]);
      setCursor(r.cursor);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const refs = hits ? hits.filter((h) => h.case_ref).map((h) => h.case_ref!) : (rows ?? []).map((r) => r.ref);
  const move = (by: number) => {
    if (!refs.length) return;
    const next = Math.max(0, Math.min(refs.length - 1, selected + by));
    setSelected(next);
    tableRef.current?.querySelectorAll<HTMLAnchorElement>('a[data-row]')[next]?.focus();
  };
  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    // Enter on a link or button (a queue, "load more") keeps its own meaning
    Enter: (e) => {
      const on = e.target instanceof HTMLElement ? e.target.closest('a, button') : null;
      if ((on && !on.hasAttribute('data-row')) || selected < 0 || !refs[selected]) return false;
      navigate(caseHref(refs[selected]));
    },
    '/': () => searchRef.current?.focus(),
    '?': onHelp,
  });

  const to = (p: { queue?: Queue; status?: string | null; topic?: string | null; tag?: string | null; fields?: Record<string, string> }) =>
    `${BASE}${query({
      queue: p.queue ?? queue, status: p.status === undefined ? status : p.status, topic: p.topic === undefined ? topic : p.topic, tag: p.tag === undefined ? tag : p.tag,
      ...Object.fromEntries(Object.entries(p.fields ?? fields).map(([k, v]) => [`field.${k}`, v])),
    })}`;

  return (
    <main id="main" className="inbox">
      <div className="inbox-head">
        <h1 ref={titleRef} tabIndex={-1}>
          {t('inbox.title')}
        </h1>
        <SearchBox id="search" ref={searchRef} value={q} placeholder={t('inbox.searchPlaceholder')} onSearch={(v) => navigate(`${BASE}${query({ q: v })}`)} />
      </div>
      <p className="muted hint">{t('inbox.hint')}</p>

      <div className="inbox-body">
        <nav aria-label={t('inbox.queues')} className="queues">
          <ul>
            {queues.map((name) => (
              <li key={name}>
                <a href={to({ queue: name, status: null, topic: null })} onClick={onLinkClick} aria-current={!q && name === queue ? 'page' : undefined}>
                  {t(`inbox.queue.${name}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>

        <section className="list" aria-busy={!rows && !hits && !error}>
          <p className="visually-hidden" role="status">
            {announce}
          </p>
          {!isSlaQueue(queue) && !q && (
            <div className="filters">
              {queue !== 'unassigned' && (
                <div className="field">
                  <label htmlFor="status-filter">{t('inbox.status')}</label>
                  <select id="status-filter" value={status ?? ''} onChange={(e) => navigate(to({ status: e.target.value || null }))}>
                    <option value="">{t('inbox.anyStatus')}</option>
                    {CASE_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {t(`status.${s}`)}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <TopicFilter value={topic} onChange={(id) => navigate(to({ topic: id }))} />
              <TagFilter value={tag} onChange={(x) => navigate(to({ tag: x }))} />
              <FieldFilter value={fields} onChange={(x) => navigate(to({ fields: x }))} />
            </div>
          )}

          {error && (
            <p className="error" role="alert">
              {t('app.error', { message: error })}{' '}
              <button type="button" className="button" onClick={() => setReload((n) => n + 1)}>
                {t('app.retry')}
              </button>
            </p>
          )}
          {!error && !rows && !hits && <p className="muted">{t('app.loading')}</p>}
          {hits && <SearchHits q={q} hits={hits} selectedRef={refs[selected]} listRef={tableRef} />}
          {rows && rows.length === 0 && <p>{t('inbox.empty')}</p>}
          {rows && rows.length > 0 && (
            <table className="cases">
              <caption className="visually-hidden">{t('inbox.caption', { count: rows.length, queue: t(`inbox.queue.${queue}`) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('inbox.col.ref')}</th>
                  <th scope="col">{t('inbox.col.subject')}</th>
                  {isSlaQueue(queue) ? (
                    <>
                      <th scope="col">{t('inbox.col.clock')}</th>
                      <th scope="col">{t('inbox.col.due')}</th>
                    </>
                  ) : (
                    <>
                      <th scope="col">{t('inbox.col.customer')}</th>
                      <th scope="col">{t('inbox.col.status')}</th>
                      <th scope="col">{t('inbox.col.tier')}</th>
                      <th scope="col">{t('inbox.col.lastContact')}</th>
                    </>
                  )}
                </tr>
              </thead>
              <tbody ref={tableRef}>
                {rows.map((r, i) => (
                  <CaseRow
                    key={r.id}
                    row={r}
                    selected={i === selected}
                    fresh={fresh.has(r.id)}
                    customer={r.case ? r.case.customer_name || names[r.case.customer_id] : undefined}
                    onFocus={() => setSelected(i)}
                  />
                ))}
              </tbody>
            </table>
          )}
          {rows && cursor && (
            <button type="button" className="button" onClick={more}>
              {t('inbox.more')}
            </button>
          )}
        </section>
      </div>
    </main>
  );
}
