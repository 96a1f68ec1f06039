/**
 * What the workspace hears live. A notice is small (PostgreSQL caps a NOTIFY payload at 8,000
 * bytes) and carries ids, never content: the browser fetches what it shows through the API, with
 * its own rights. Every notice names its account; the hub hands it only to that account.
 */
export const LIVE_CHANNEL = 'luister_live';

export type PresenceState = 'viewing' | 'typing' | 'left';

export interface LiveNotice {
  account_id: string;
  /** a webhook event name, or one of the live-only ones: note.created, notification.created, presence */
  event: string;
  at: string;
  case_id?: string;
  /** whom it concerns: the case's owner, the notified agent, the agent present */
  agent_id?: string;
  /** the thing itself when it is not a case (a signal, a problem, a promise) */
  id?: string;
  /** presence only */
  name?: string;
  state?: PresenceState;
  /** status_page.changed only: the page's new version */
  version?: number;
}

type Data = Record<string, unknown> | null | undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** The notice for a webhook event: the ids the workspace needs to decide what to refresh. */
export function liveNotice(accountId: string, event: string, data: unknown, at = new Date()): LiveNotice {
  const d = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const nested = (d.case && typeof d.case === 'object' ? d.case : null) as Data;
  const isCase = event.startsWith('case.');
  const caseId = str(d.case_id) ?? str(nested?.id) ?? (isCase ? str(d.id) : undefined);
  const agentId = str(d.owner_id) ?? str(nested?.owner_id) ?? str(d.agent_id);
  const notice: LiveNotice = { account_id: accountId, event, at: at.toISOString() };
  if (caseId) notice.case_id = caseId;
  if (agentId) notice.agent_id = agentId;
  if (!isCase && str(d.id) && str(d.id) !== caseId) notice.id = str(d.id);
  return notice;
}
