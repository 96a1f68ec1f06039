import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '../shared/format.ts';
import { Time } from '../shared/Time.tsx';
import type { Analysis, CaseDetail, EventEntry, MessageEntry } from '../shared/types.ts';

/** Choosing messages (to split them off): the chosen ids and how to change them. */
export interface Picking { ids: Set<string>; toggle: (id: string) => void }

/** Everything that happened on the case, oldest first: messages, notes and audit events. */
export function Timeline({ detail, agentName, picking }: { detail: CaseDetail; agentName: (id: string | null) => string | null; picking?: Picking | null }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="timeline-title" className="timeline-section">
      <h2 id="timeline-title">{t('case.timeline')}</h2>
      <ol className="timeline">
        {detail.timeline.map((e) =>
          e.kind === 'message' ? (
            <li key={`m${e.id}`} className={`entry message ${e.type}${picking?.ids.has(e.id) ? ' picked' : ''}`}>
              {picking && (
                <label className="pick">
                  <input type="checkbox" checked={picking.ids.has(e.id)} onChange={() => picking.toggle(e.id)} /> {t('split.pick', { when: new Date(e.created_at).toLocaleString() })}
                </label>
              )}
              <Message m={e} who={e.type === 'inbound' ? detail.customer?.name || t('case.from.inbound') : agentName(e.author_agent_id)} />
            </li>
          ) : (
            <li key={`e${e.id}`} className="entry event">
              <Event e={e} who={agentName(e.actor_id) ?? t(`case.actor.${e.actor_type}`, { defaultValue: t('case.actor.agent') })} />
            </li>
          ),
        )}
      </ol>
    </section>
  );
}

function Message({ m, who }: { m: MessageEntry; who: string | null }) {
  const { t } = useTranslation();
  const warnings = m.findings?.length ?? 0;
  return (
    <article aria-label={`${t(`case.from.${m.type}`)} ${who ?? ''}`}>
      <header>
        <strong>{t(`case.from.${m.type}`)}</strong>
        {who && <span> · {who}</span>}
        <span className="muted">
          {' · '}
          <Time iso={m.created_at} exact /> · {t(`channel.${m.channel}`, { defaultValue: m.channel })}
          {m.automated && ` · ${t('case.automated')}`}
          {m.delivery_status && ` · ${t(`case.delivery.${m.delivery_status}`)}`}
        </span>
      </header>
      <p className="body">{m.body}</p>
      {m.analysis && <AnalysisChips a={m.analysis} />}
      {warnings > 0 && <p className="muted small">{t('case.sentWithWarnings', { count: warnings })}</p>}
      {m.attachments.length > 0 && (
        <ul className="attachments">
          {m.attachments.map((a) => (
            <li key={a.id}>
              <a href={`/api/v1/attachments/${a.id}`} download>
                {a.filename}
              </a>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

function AnalysisChips({ a }: { a: Analysis }) {
  const { t } = useTranslation();
  const chips: string[] = [];
  if (a.sentiment !== null) chips.push(t('case.sentiment', { value: formatNumber(a.sentiment) }));
  if (a.anger !== null && a.anger > 0) chips.push(t('case.anger', { value: formatNumber(a.anger) }));
  for (const i of a.intents) chips.push(t(`case.intent.${i}`, { defaultValue: i }));
  for (const m of a.money) chips.push(formatMoney(m.cents, m.currency));
  if (a.reputation_risk > 0) chips.push(t('case.risk', { value: a.reputation_risk }));
  if (!chips.length) return null;
  return (
    <ul className="chips" aria-label={t('case.analysis')}>
      {chips.map((c, i) => (
        <li key={i} className="chip">
          {c}
        </li>
      ))}
    </ul>
  );
}

function Event({ e, who }: { e: EventEntry; who: string }) {
  const { t } = useTranslation();
  // actions hold dots, so they are looked up in the object; an action without a text yet shows as "Gebeurtenis", never as its code
  const names = t('case.events', { returnObjects: true }) as Record<string, string>;
  return (
    <p className="muted small">
      <span data-action={e.action}>{names[e.action] ?? t('case.event')}</span>
      {e.case_ref && <span> ({t('merge.fromCase', { ref: e.case_ref })})</span>} · {who} · <Time iso={e.created_at} exact />
    </p>
  );
}
