import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../shared/api.ts';
import { can, type Agent, type CaseDetail, type Me, type Transfer } from '../shared/types.ts';
import type { Act } from '../shared/useAction.ts';

/** Runs an action and shows its outcome (a string the action returns replaces the `ok` text). */
/**
 * A pending transfer: the receiver accepts or declines it here; the sender (or a supervisor)
 * sees who it waits for and can withdraw it.
 */
export function TransferBanner({ detail, me, agents, act }: { detail: CaseDetail; me: Me; agents: Map<string, Agent>; act: Act }) {
  const { t } = useTranslation();
  const pending = detail.pending_transfer;
  if (!pending) return null;
  const name = (id: string | null) => (id ? agents.get(id)?.name : undefined);
  const base = `/api/v1/cases/${detail.id}/transfers/${pending.id}`;
  if (pending.to_agent_id === me.agent?.id) {
    const from = name(pending.from_agent_id) ?? (pending.note?.startsWith('routing:') ? t('case.transfer.routing') : t('case.transfer.someone'));
    return (
      <section className="banner" aria-labelledby="transfer-offer-title">
        <h2 id="transfer-offer-title">{t('case.transfer.offeredToYou', { name: from })}</h2>
        {pending.note && <p className="transfer-note">{pending.note}</p>}
        <div className="actions-row">
          <button type="button" className="button primary" onClick={() => act(() => post(`${base}/accept`, {}), t('case.transfer.accepted'))}>
            {t('case.transfer.accept')}
          </button>
          <button type="button" className="button" onClick={() => act(() => post(`${base}/decline`, {}), t('case.transfer.declined'))}>
            {t('case.transfer.decline')}
          </button>
        </div>
      </section>
    );
  }
  const canWithdraw = pending.from_agent_id === me.agent?.id || can(me, 'cases.assign_others');
  return (
    <div className="banner quiet">
      <p>
        {t('case.transfer.offeredTo', { name: name(pending.to_agent_id) ?? '…', owner: name(detail.owner_id) ?? '…' })}
        {pending.note && <span className="muted"> — {pending.note}</span>}
      </p>
      {canWithdraw && (
        <button type="button" className="button" onClick={() => act(() => post(`${base}/cancel`, {}), t('case.transfer.withdrawn'))}>
          {t('case.transfer.withdraw')}
        </button>
      )}
    </div>
  );
}

/** Offer the case to a colleague (the owner or a supervisor), or let routing pick one (a supervisor). */
export function TransferForm({
  detail,
  me,
  agents,
  act,
  open,
  onOpenChange,
}: {
  detail: CaseDetail;
  me: Me;
  agents: Map<string, Agent>;
  act: Act;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (open) select.current?.focus();
  }, [open]);
  const canOffer = !!detail.owner_id && !detail.pending_transfer && (detail.owner_id === me.agent?.id || can(me, 'cases.assign_others'));
  const canRoute = can(me, 'routing.manage') && !detail.pending_transfer;
  if (!canOffer && !canRoute) return null;
  const colleagues = [...agents.values()].filter((a) => a.id !== detail.owner_id && (a as Agent & { active?: boolean }).active !== false);

  async function offer(e: FormEvent) {
    e.preventDefault();
    if (!to) return;
    const name = agents.get(to)?.name ?? '';
    const done = await act(() => post<Transfer>(`/api/v1/cases/${detail.id}/transfers`, { to_agent_id: to, ...(note.trim() ? { note: note.trim() } : {}) }), t('case.transfer.offered', { name }));
    if (done) {
      setTo('');
      setNote('');
      onOpenChange(false);
    }
  }
  const route = () =>
    act(async () => {
      const r = await post<{ offer: Transfer | null; reason: string }>(`/api/v1/cases/${detail.id}/route`, {});
      return r.offer ? t('case.transfer.routed', { name: agents.get(r.offer.to_agent_id)?.name ?? '…', reason: r.reason }) : t('case.transfer.notRouted', { reason: r.reason });
    });

  return (
    <>
      {canOffer && !open && (
        <button type="button" className="button" onClick={() => onOpenChange(true)} aria-keyshortcuts="t">
          {t('case.transfer.offer')} <kbd>t</kbd>
        </button>
      )}
      {canRoute && (
        <button type="button" className="button" onClick={route}>
          {t('case.transfer.route')}
        </button>
      )}
      {canOffer && open && (
        <form className="card transfer-form" onSubmit={offer} aria-labelledby="transfer-title">
          <h2 id="transfer-title">{t('case.transfer.title')}</h2>
          <label htmlFor="transfer-to">{t('case.transfer.to')}</label>
          <select id="transfer-to" ref={select} value={to} onChange={(e) => setTo(e.target.value)} required>
            <option value="">{t('case.transfer.choose')}</option>
            {colleagues.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <label htmlFor="transfer-note">{t('case.transfer.note')}</label>
          <textarea id="transfer-note" rows={2} value={note} maxLength={5000} onChange={(e) => setNote(e.target.value)} />
          <div className="actions-row">
            <button type="submit" className="button primary">
              {t('case.transfer.send')}
            </button>
            <button type="button" className="button" onClick={() => onOpenChange(false)}>
              {t('case.transfer.cancel')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
