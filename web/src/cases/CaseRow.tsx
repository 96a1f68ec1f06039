import { useTranslation } from 'react-i18next';
import { caseHref, onLinkClick } from '../shared/router.ts';
import { Time } from '../shared/Time.tsx';
import type { Case, CaseClocks } from '../shared/types.ts';

/** One row of a queue: a case, or an SLA entry (at risk / breached) with its most urgent clock. */
export interface Row {
  id: string;
  ref: string;
  subject: string;
  case?: Case;
  sla?: CaseClocks;
}

/** A row of the inbox; `fresh` marks one that arrived live since the list was shown. */
export function CaseRow({ row, selected, fresh, customer, onFocus }: { row: Row; selected: boolean; fresh: boolean; customer?: string; onFocus: () => void }) {
  const { t } = useTranslation();
  const c = row.case;
  // the most urgent clock first: breached, then at risk
  const clock = row.sla?.clocks.find((k) => k.state === 'breached') ?? row.sla?.clocks.find((k) => k.state === 'at_risk');
  return (
    <tr className={[selected && 'selected', fresh && 'fresh'].filter(Boolean).join(' ') || undefined}>
      <td>
        <a data-row href={caseHref(row.ref)} onClick={onLinkClick} onFocus={onFocus} className="ref">
          {row.ref}
        </a>
        {fresh && <span className="badge fresh-badge">{t('inbox.fresh')}</span>}
      </td>
      <td className="subject">
        {row.subject}
        {c?.tags?.map((x) => (
          <span key={x} className="badge tag">
            {x}
          </span>
        ))}
      </td>
      {c ? (
        <>
          <td>{customer ?? '…'}</td>
          <td>
            <span className={`badge status-${c.status}`}>{t(`status.${c.status}`)}</span>
          </td>
          <td>{c.tier}</td>
          <td>
            <Time iso={c.last_contact_at} />
          </td>
        </>
      ) : (
        <>
          <td>{clock ? <span className={`badge clock-${clock.state}`}>{`${t(`case.clock.${clock.target}`)}: ${t(`case.clockState.${clock.state}`)}`}</span> : '—'}</td>
          <td>{clock?.due_at ? <Time iso={clock.due_at} /> : '—'}</td>
        </>
      )}
    </tr>
  );
}
