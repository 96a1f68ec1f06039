import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldEditor } from '../custom-fields/FieldEditor.tsx';
import { CustomerCard } from '../customers/CustomerCard.tsx';
import { Suggestions } from '../knowledge/Suggestions.tsx';
import { CasePromises } from '../promises/CasePromises.tsx';
import { CaseRefunds } from '../refunds/CaseRefunds.tsx';
import { SlaClocks } from '../promises/SlaClocks.tsx';
import { Composer, type ComposerMode } from '../replies/Composer.tsx';
import { get, patch, post } from '../shared/api.ts';
import { useShortcuts } from '../shared/keys.ts';
import { useAction } from '../shared/useAction.ts';
import { useCoalesced, useLive } from '../shared/live.ts';
import { BASE, navigate, onLinkClick } from '../shared/router.ts';
import { CASE_STATUSES, can, type CaseDetail, type CaseStatus, type Me } from '../shared/types.ts';

type Priority = CaseDetail['priority'];
const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];
import { MacroMenu } from '../macros/MacroMenu.tsx';
import { TagEditor } from '../tags/TagEditor.tsx';
import { useAgents } from './agents.ts';
import { Collision } from './Collision.tsx';
import { Escalate } from './Escalate.tsx';
import { MarkSpam } from '../spam/MarkSpam.tsx';
import { usePresence } from './usePresence.ts';
import { Timeline } from './Timeline.tsx';
import { TransferBanner, TransferForm } from './Transfer.tsx';
import { Followers, toggleFollow } from './Followers.tsx';
import { MergeCase } from './MergeCase.tsx';
import { SplitCase } from './SplitCase.tsx';
import { caseHref } from '../shared/router.ts';

/** One case: its timeline, the customer, promises and clocks, and the composer. */
export function CaseView({ me, caseRef, onHelp }: { me: Me; caseRef: string; onHelp: () => void }) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [priority, setPriority] = useState<Priority | ''>('');
  const [focus, setFocus] = useState<{ mode: ComposerMode; at: number } | null>(null);
  const [transferOpen, setTransferOpen] = useState(false);
  const [macroOpen, setMacroOpen] = useState(false);
  const [draft, setDraft] = useState<{ text: string; at: number } | null>(null);
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const agents = useAgents();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const focused = useRef(false);
  const [typing, setTyping] = useState(false);
  const [answeredBy, setAnsweredBy] = useState<string | null>(null);
  const known = useRef<Set<string> | null>(null);
  const shown = useRef<{ status: CaseStatus; priority: Priority } | null>(null);
  const others = usePresence(detail?.id, me.agent?.id, typing);

  useEffect(() => {
    const ac = new AbortController();
    get<CaseDetail>(`/api/v1/cases/${encodeURIComponent(caseRef)}`, ac.signal)
      .then((d) => {
        // a reply a colleague sent while this case was open: say so before anyone answers twice
        const replies = d.timeline.filter((e) => e.kind === 'message' && e.type === 'outbound');
        const theirs = known.current ? replies.find((e) => !known.current!.has(String(e.id)) && e.kind === 'message' && e.author_agent_id && e.author_agent_id !== me.agent?.id) : undefined;
        if (theirs && theirs.kind === 'message') setAnsweredBy(agents.get(theirs.author_agent_id!)?.name ?? t('presence.colleague'));
        known.current = new Set(replies.map((e) => String(e.id)));
        setDetail(d);
        // a live refresh must not undo a choice being made: a select follows the server only while untouched
        const before = shown.current;
        setStatus((cur) => (cur === '' || cur === before?.status ? (d.status as CaseStatus) : cur));
        setPriority((cur) => (cur === '' || cur === before?.priority ? d.priority : cur));
        shown.current = { status: d.status as CaseStatus, priority: d.priority };
        setError(null);
      })
      .catch((e) => !ac.signal.aborted && setError(e.message));
    return () => ac.abort();
  }, [caseRef, version]);

  // another case: nothing is being chosen there
  useEffect(() => setPicked(null), [caseRef]);

  useEffect(() => {
    if (detail && !focused.current) {
      focused.current = true;
      titleRef.current?.focus();
    }
  }, [detail]);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  // live: anything that happens to this case (a message, a note, a status, a transfer) shows without reloading
  const refreshSoon = useCoalesced(refresh, 250);
  useLive((n) => (n.event === 'ready' || (n.case_id === detail?.id && n.event !== 'presence')) && refreshSoon());
  const agentName = (id: string | null) => (id ? (id === me.agent?.id ? `${agents.get(id)?.name ?? ''} (${t('case.you')})` : agents.get(id)?.name ?? null) : null);

  const { notice, act } = useAction(refresh, t('case.saved'));
  const myId = me.agent?.id;
  const canAssign = !!detail && !detail.owner_id && !!myId;
  const assign = () => act(() => post(`/api/v1/cases/${detail!.id}/assign`, { agent_id: myId }));

  useShortcuts({
    Escape: () => navigate(BASE),
    r: () => setFocus({ mode: 'reply', at: Date.now() }),
    n: () => setFocus({ mode: 'note', at: Date.now() }),
    a: () => (canAssign ? void assign() : false),
    t: () => (detail && !detail.pending_transfer && detail.owner_id ? setTransferOpen(true) : false),
    m: () => setMacroOpen(true),
    f: () => (detail && myId && !detail.merged_into ? void toggleFollow(act, detail.id, myId, (detail.followers ?? []).some((x) => x.agent_id === myId), t) : false),
    '?': onHelp,
  });

  if (error)
    return (
      <main id="main" className="case">
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
        <a href={BASE} onClick={onLinkClick}>
          {t('case.back')}
        </a>
      </main>
    );
  if (!detail)
    return (
      <main id="main" className="case" aria-busy="true">
        <p className="muted">{t('app.loading')}</p>
      </main>
    );

  return (
    <main id="main" className="case">
      <p>
        <a href={BASE} onClick={onLinkClick}>
          ← {t('case.back')}
        </a>
      </p>
      <header className="case-head">
        <h1 ref={titleRef} tabIndex={-1}>
          <span className="ref">{detail.ref}</span> {detail.subject}
        </h1>
        <dl className="facts inline">
          <div>
            <dt>{t('inbox.col.status')}</dt>
            <dd>
              <span className={`badge status-${detail.status}`}>{t(`status.${detail.status}`)}</span>
            </dd>
          </div>
          <div>
            <dt>{t('case.owner')}</dt>
            <dd>{agentName(detail.owner_id) ?? t('case.noOwner')}</dd>
          </div>
          <div>
            <dt>{t('case.priority')}</dt>
            <dd>{t(`priority.${detail.priority}`)}</dd>
          </div>
          <div>
            <dt>{t('case.tier')}</dt>
            <dd>{detail.tier}</dd>
          </div>
          <div>
            <dt>{t('case.channel')}</dt>
            <dd>{t(`channel.${detail.channel}`, { defaultValue: detail.channel })}</dd>
          </div>
          <div>
            <dt>{t('case.contacts')}</dt>
            <dd>{detail.contact_count}</dd>
          </div>
          {detail.transfer_count > 0 && (
            <div>
              <dt>{t('case.transfers')}</dt>
              <dd>{detail.transfer_count}</dd>
            </div>
          )}
        </dl>
        {detail.merged_into && (
          <p className="banner quiet" role="status">
            {t('merge.mergedInto')}{' '}
            <a href={caseHref(detail.merged_into.ref)} onClick={onLinkClick}>
              <span className="ref">{detail.merged_into.ref}</span> {detail.merged_into.subject}
            </a>
          </p>
        )}
        <div className="case-actions">
          {canAssign && (
            <button type="button" className="button" onClick={assign}>
              {t('case.assignToMe')} <kbd>a</kbd>
            </button>
          )}
          <TransferForm detail={detail} me={me} agents={agents} act={act} open={transferOpen} onOpenChange={setTransferOpen} />
          <Escalate detail={detail} act={act} />
          {detail.status !== 'closed' && <MarkSpam detail={detail} act={act} />}
          {detail.status !== 'closed' && <MergeCase detail={detail} act={act} />}
          {detail.status !== 'closed' && <SplitCase detail={detail} act={act} selected={picked} onSelecting={setPicked} />}
          <MacroMenu caseId={detail.id} version={version} act={act} open={macroOpen} onOpenChange={setMacroOpen} onReply={(text) => setDraft({ text, at: Date.now() })} />
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              const change = { ...(status && status !== detail.status ? { status } : {}), ...(priority && priority !== detail.priority ? { priority } : {}) };
              if (Object.keys(change).length) void act(() => patch(`/api/v1/cases/${detail.id}`, change));
            }}
          >
            <label htmlFor="case-status">{t('case.changeStatus')}</label>
            <select id="case-status" value={status} onChange={(e) => setStatus(e.target.value as CaseStatus)}>
              {CASE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
            <label htmlFor="case-priority">{t('case.priority')}</label>
            <select id="case-priority" value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`priority.${p}`)}
                </option>
              ))}
            </select>
            <button type="submit" className="button">
              {t('case.save')}
            </button>
          </form>
        </div>
        <Followers detail={detail} myId={myId} act={act} />
        <TagEditor id="case-tags" path={`/api/v1/cases/${detail.id}/tags`} tags={detail.tags ?? []} act={act} />
        <div className="case-fields">
          <FieldEditor entity="case" id={detail.id} values={detail.custom_fields ?? {}} path={`/api/v1/cases/${detail.id}`} act={act} />
        </div>
        <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
        <TransferBanner detail={detail} me={me} agents={agents} act={act} />
        <Collision others={others} answeredBy={answeredBy} />
      </header>

      <div className="case-body">
        <div className="case-main">
          <Timeline detail={detail} agentName={agentName}
            picking={picked && { ids: picked, toggle: (id) => setPicked((cur) => { const n = new Set(cur); if (n.has(id)) n.delete(id); else n.add(id); return n; }) }} />
          <div className="compose-row">
            <Composer caseId={detail.id} myId={me.agent?.id} focus={focus} draft={draft} onSent={refresh} onTyping={setTyping} />
            <Suggestions caseId={detail.id} version={version} />
          </div>
        </div>
        <aside className="case-side" aria-label={t('case.customer')}>
          <CustomerCard customer={detail.customer} caseId={detail.id} act={act} rights={{ export: can(me, 'customers.export'), erase: can(me, 'customers.erase') }} />
          <SlaClocks caseId={detail.id} version={version} />
          <CasePromises caseId={detail.id} version={version} act={act} />
          <CaseRefunds caseId={detail.id} customerId={detail.customer?.id ?? null} version={version} act={act} canPay={can(me, 'refunds.pay')} />
        </aside>
      </div>
    </main>
  );
}
