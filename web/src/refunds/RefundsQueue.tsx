import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post, query } from '../shared/api.ts';
import { formatDateTime, formatMoney } from '../shared/format.ts';
import { useShortcuts } from '../shared/keys.ts';
import { useCoalesced, useLive } from '../shared/live.ts';
import { caseHref, onLinkClick } from '../shared/router.ts';
import { can, isSupervisor, type Me, type Page } from '../shared/types.ts';
import { useAction } from '../shared/useAction.ts';
import { Findings } from './Findings.tsx';
import { RefundActions } from './RefundActions.tsx';
import { QUEUES, type Batch, type Refund, type RefundQueue } from './types.ts';

/** The refunds queue: one list per stage (awaiting a supervisor, approved, in a SEPA file, overdue, paid), findings and SEPA files. */
export function RefundsQueue({ me, onHelp }: { me: Me; onHelp: () => void }) {
  const { t } = useTranslation();
  const supervisor = isSupervisor(me);
  const [queue, setQueue] = useState<RefundQueue>(supervisor ? 'awaiting_approval' : 'requested');
  const [rows, setRows] = useState<Refund[] | null>(null);
  const [batches, setBatches] = useState<Batch[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  useEffect(() => {
    const ac = new AbortController();
    Promise.all([get<Page<Refund>>(`/api/v1/refunds${query({ queue, limit: 100 })}`, ac.signal), get<{ data: Batch[] }>('/api/v1/refund-batches', ac.signal)])
      .then(([r, b]) => {
        setRows(r.data);
        setBatches(b.data);
        setError(null);
      })
      .catch((e) => !ac.signal.aborted && setError(e.message));
    return () => ac.abort();
  }, [queue, version]);
  useShortcuts({ '?': onHelp });
  const reload = useCoalesced(() => setVersion((v) => v + 1), 300);
  useLive((n) => (n.event === 'ready' || n.event.startsWith('refund.') || n.event === 'charge.finding') && reload());
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const { notice, act } = useAction(refresh, t('case.saved'));

  return (
    <main id="main" className="refunds">
      <div className="inbox-head">
        <h1 ref={titleRef} tabIndex={-1}>
          {t('refunds.title')}
        </h1>
      </div>
      <p className="muted hint">{t('refunds.hint')}</p>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      <nav aria-label={t('refunds.queueLabel')} className="tabs">
        {QUEUES.map((q) => (
          <button key={q} type="button" className={q === queue ? 'button' : 'link-button'} aria-pressed={q === queue} onClick={() => setQueue(q)}>
            {t(`refunds.queue.${q}`)}
          </button>
        ))}
      </nav>
      {rows === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{t('refunds.empty')}</p>
      ) : (
        <table className="cases refunds-table">
          <caption className="visually-hidden">{t('refunds.caption', { count: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('refunds.col.case')}</th>
              <th scope="col">{t('refunds.col.customer')}</th>
              <th scope="col">{t('refunds.col.amount')}</th>
              <th scope="col">{t('refunds.col.reason')}</th>
              <th scope="col">{t('refunds.col.due')}</th>
              <th scope="col">{t('refunds.col.state')}</th>
              <th scope="col">{t('refunds.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-refund={r.id}>
                <td>
                  <a href={caseHref(r.case_ref)} onClick={onLinkClick} className="ref">
                    {r.case_ref}
                  </a>
                </td>
                <td>{r.customer_name}</td>
                <td>{formatMoney(r.amount_cents, r.currency)}</td>
                <td>{r.reason}</td>
                <td>{r.due_at ? <time dateTime={r.due_at}>{formatDateTime(r.due_at)}</time> : ''}{r.overdue && <span className="badge clock-breached"> {t('refunds.overdue')}</span>}</td>
                <td>{t(`refunds.state.${r.state}`)}</td>
                <td>
                  <RefundActions refund={r} act={act} canPay={can(me, 'refunds.pay')} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {can(me, 'refunds.manage_ledger') && <Findings version={version} act={act} />}
      {supervisor && (
        <section aria-labelledby="batches-title">
          <h2 id="batches-title">{t('refunds.batches')}</h2>
          <button type="button" className="button" onClick={() => act(() => post('/api/v1/refund-batches', {}), t('refunds.exported'))}>
            {t('refunds.export')}
          </button>
          {batches.length === 0 ? (
            <p className="muted">{t('refunds.noBatches')}</p>
          ) : (
            <ul className="plain">
              {batches.map((b) => (
                <li key={b.id}>
                  <a href={`/api/v1/refund-batches/${b.id}/xml`} download>
                    {t('refunds.download', { id: b.message_id })}
                  </a>{' '}
                  — {t('refunds.batchLine', { count: b.refund_count, total: formatMoney(b.total_cents, 'EUR') })} · {t(`refunds.batchState.${b.status}`)}{' '}
                  {b.status === 'exported' && (
                    <button type="button" className="link-button" onClick={() => act(() => post(`/api/v1/refund-batches/${b.id}/paid`, {}), t('refunds.markedPaid'))}>
                      {t('refunds.batchPaid')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </main>
  );
}
