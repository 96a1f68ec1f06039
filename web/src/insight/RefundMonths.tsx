import { useTranslation } from 'react-i18next';
import { formatNumber } from '../shared/format.ts';
import type { Dashboard } from './types.ts';

/** Time to refund per month: refunds paid, and the median hours from the request, the charge and the first complaint. */
export function RefundMonths({ months }: { months: Dashboard['refunds']['by_month'] }) {
  const { t } = useTranslation();
  const hours = (h: number | null) => (h === null ? '—' : formatNumber(h, 1));
  return (
    <section className="card" aria-labelledby="refund-months-title">
      <h2 id="refund-months-title">{t('dashboard.refundMonths')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.refundMonth')}</th>
            <th scope="col">{t('dashboard.refundMonthPaid')}</th>
            <th scope="col">{t('dashboard.refundMonthRequest')}</th>
            <th scope="col">{t('dashboard.refundMonthCharge')}</th>
            <th scope="col">{t('dashboard.refundMonthComplaint')}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{m.month}</th>
              <td>{formatNumber(m.paid, 0)}</td>
              <td>{hours(m.median_hours_to_paid)}</td>
              <td>{hours(m.median_hours_charge_to_paid)}</td>
              <td>{hours(m.median_hours_complaint_to_paid)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
