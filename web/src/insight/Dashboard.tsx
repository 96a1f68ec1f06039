import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, query } from '../shared/api.ts';
import { formatCents, formatNumber, formatPercent } from '../shared/format.ts';
import { useShortcuts } from '../shared/keys.ts';
import { useCoalesced, useLive } from '../shared/live.ts';
import { DASHBOARD, navigate } from '../shared/router.ts';
import { can, type Me } from '../shared/types.ts';
import { ChannelMix } from './ChannelMix.tsx';
import { RefundMonths } from './RefundMonths.tsx';
import { HourlyCost } from './HourlyCost.tsx';
import { TopicChart } from './TopicChart.tsx';
import { SurveyFigures } from '../rights/SurveyFigures.tsx';
import { AutoCloseSettings } from '../cases/AutoCloseSettings.tsx';
import type { Dashboard as Data } from './types.ts';

const PERIODS = [7, 14, 30, 90] as const;

/** The day in numbers: what customers contact us about, and how well we keep our word. */
export function Dashboard({ me, params, onHelp }: { me: Me; params: URLSearchParams; onHelp: () => void }) {
  const { t } = useTranslation();
  const days = PERIODS.find((p) => String(p) === params.get('days')) ?? 14;
  const [d, setD] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  useEffect(() => {
    const ac = new AbortController();
    get<Data>(`/api/v1/insight/dashboard${query({ days })}`, ac.signal)
      .then((r) => {
        setD(r);
        setError(null);
      })
      .catch((e) => !ac.signal.aborted && setError(e.message));
    return () => ac.abort();
  }, [days, version]);
  useShortcuts({ '?': onHelp });
  // new contacts and signals move the numbers: refresh, at most every 15 s (a busy account never hammers it)
  const reload = useCoalesced(() => setVersion((v) => v + 1), 15_000);
  useLive((n) => (n.event === 'case.created' || n.event === 'message.created' || n.event === 'signal.raised') && reload());

  const pct = (f: number | null) => (f === null ? '—' : formatPercent(f));
  return (
    <main id="main" className="dashboard">
      <div className="inbox-head">
        <h1 ref={titleRef} tabIndex={-1}>
          {t('dashboard.title')}
        </h1>
        <div className="field inline-field">
          <label htmlFor="period">{t('dashboard.period')}</label>
          <select id="period" value={days} onChange={(e) => navigate(`${DASHBOARD}${query({ days: e.target.value })}`)}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t('dashboard.lastDays', { count: p })}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {!d && !error && <p className="muted">{t('app.loading')}</p>}
      {d && (
        <>
          <ul className="kpis" aria-label={t('dashboard.figures')}>
            <Kpi label={t('dashboard.contacts')} value={formatNumber(d.contacts.total, 0)} note={t('dashboard.opened', { count: d.cases.opened })} />
            <Kpi label={t('dashboard.backlog')} value={formatNumber(d.cases.backlog, 0)} note={t('dashboard.backlogNote')} />
            <Kpi
              label={t('dashboard.repeat')}
              value={pct(d.cases.repeat_contact_rate)}
              note={`${t('dashboard.repeatCases', { count: d.cases.repeat_contact_cases })}; ${t('dashboard.repeatCustomers', { count: d.cases.customers_with_several_cases })}`}
            />
            <Kpi
              label={t('dashboard.fcr')}
              value={pct(d.cases.first_contact_resolution_rate)}
              note={`${t('dashboard.fcrNote', { count: d.cases.resolved, first: d.cases.first_contact_resolved })}; ${t('dashboard.contactsPerResolved', { n: d.cases.contacts_per_resolved_case === null ? '—' : formatNumber(d.cases.contacts_per_resolved_case, 2) })}`}
            />
            <Kpi
              label={t('dashboard.sla')}
              value={d.sla.policies ? pct(d.sla.met_rate) : '—'}
              note={
                d.sla.policies
                  ? `${t('dashboard.slaBreached', { count: d.sla.cases_breached })}; ${t('dashboard.slaMedian', { minutes: d.sla.first_response_median_minutes === null ? '—' : formatNumber(d.sla.first_response_median_minutes, 0) })}`
                  : t('dashboard.noSla')
              }
            />
            <Kpi label={t('dashboard.promises')} value={pct(d.promises.kept_rate)} note={t('dashboard.promisesNote', { kept: d.promises.kept_on_time, broken: d.promises.broken, open: d.promises.open })} />
            <Kpi label={t('dashboard.transfers')} value={d.cases.transfers_per_case === null ? '—' : formatNumber(d.cases.transfers_per_case, 2)} note={t('dashboard.transfersNote')} />
            <Kpi
              label={t('dashboard.cost')}
              value={d.cost.cost_per_contact_cents === null ? '—' : formatCents(d.cost.cost_per_contact_cents)}
              note={t('dashboard.costNote', { hours: formatNumber(d.cost.handled_hours, 1), rate: formatCents(d.cost.hourly_cost_cents) })}
            />
            <Kpi
              label={t('dashboard.refunds')}
              value={d.refunds.median_hours_to_paid === null ? '—' : t('dashboard.refundHours', { hours: formatNumber(d.refunds.median_hours_to_paid, 1) })}
              note={`${t('dashboard.refundsNote', { paid: d.refunds.paid, amount: formatCents(d.refunds.paid_cents), requested: d.refunds.requested })}${
                d.refunds.median_hours_charge_to_paid === null ? '' : `; ${t('dashboard.refundsFromCharge', { hours: formatNumber(d.refunds.median_hours_charge_to_paid, 1) })}`
              }${
                d.refunds.median_hours_complaint_to_paid === null ? '' : `; ${t('dashboard.refundsFromComplaint', { hours: formatNumber(d.refunds.median_hours_complaint_to_paid, 1) })}`
              }${
                d.refunds.waiting ? `; ${t('dashboard.refundsWaiting', { count: d.refunds.waiting, hours: formatNumber(d.refunds.oldest_waiting_hours ?? 0, 0) })}` : ''
              }`}
            />
          </ul>
          <section className="card" aria-labelledby="topics-title">
            <h2 id="topics-title">{t('dashboard.perTopic')}</h2>
            <TopicChart d={d} />
          </section>
          {d.refunds.by_month.length > 0 && <RefundMonths months={d.refunds.by_month} />}
          <section className="card" aria-labelledby="channels-title">
            <h2 id="channels-title">{t('dashboard.channelMix')}</h2>
            <ChannelMix channels={d.channels} />
          </section>
          <SurveyFigures days={days} canExport={can(me, 'insight.export')} />
          {can(me, 'cases.close_others') && <AutoCloseSettings />}
          {can(me, 'insight.settings') && <HourlyCost cents={d.cost.hourly_cost_cents} onSaved={() => setVersion((v) => v + 1)} />}
        </>
      )}
    </main>
  );
}

function Kpi({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <li className="kpi card">
      <span className="kpi-label">{label}</span>
      <strong className="kpi-value">{value}</strong>
      <span className="muted small">{note}</span>
    </li>
  );
}
