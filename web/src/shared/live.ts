import { useEffect, useRef, useSyncExternalStore } from 'react';
import { get } from './api.ts';

/** A change the server announces (ids only; the screens fetch what they show). */
export interface LiveNotice {
  event: string;
  at: string;
  case_id?: string;
  agent_id?: string;
  id?: string;
  name?: string;
  state?: 'viewing' | 'typing' | 'left';
}

export type LiveState = 'connecting' | 'live' | 'offline';

// EventSource only delivers named events it was asked for
const EVENTS = [
  'case.created', 'case.updated', 'message.created', 'case.transferred', 'case.escalated', 'signal.raised', 'problem.opened',
  'problem.updated', 'promise.made', 'promise.due_soon', 'promise.breached', 'promise.kept', 'sla.at_risk', 'note.created',
  'notification.created', 'presence', 'refund.requested', 'refund.approved', 'refund.paid', 'refund.rejected', 'charge.finding',
  'status_page.changed', 'incident.opened', 'incident.updated', 'incident.update_overdue', 'announcement.scheduled', 'announcement.sent',
  'announcement.progress',
];
/** Sent on every (re)connection: what was missed while away is fetched again. */
export const READY: LiveNotice = { event: 'ready', at: '' };

const handlers = new Set<(n: LiveNotice) => void>();
const stateListeners = new Set<() => void>();
let source: EventSource | null = null;
let state: LiveState = 'offline';
let retry: ReturnType<typeof setTimeout> | null = null;

const setState = (s: LiveState) => {
  if (s === state) return;
  state = s;
  for (const fn of stateListeners) fn();
};
const dispatch = (n: LiveNotice) => {
  for (const fn of handlers) fn(n);
};

/** Opens the one stream of this tab (after sign-in). The browser reconnects by itself after a network error. */
export function startLive() {
  if (source || typeof EventSource === 'undefined') return;
  setState('connecting');
  const es = new EventSource('/api/v1/live');
  source = es;
  es.addEventListener('ready', () => {
    setState('live');
    dispatch(READY);
  });
  for (const name of EVENTS) es.addEventListener(name, (e) => dispatch(JSON.parse((e as MessageEvent).data) as LiveNotice));
  es.onerror = () => {
    if (es.readyState === EventSource.CONNECTING) return setState('connecting');
    // closed for good (e.g. 401): ask the API whether we are still signed in (a 401 shows sign-in), then try again
    setState('offline');
    stopLive();
    retry = setTimeout(() => {
      retry = null;
      get('/api/v1/me').then(startLive, () => {});
    }, 10_000);
  };
}

export function stopLive() {
  if (retry) clearTimeout(retry);
  retry = null;
  source?.close();
  source = null;
  setState('offline');
}

export function useLiveState(): LiveState {
  return useSyncExternalStore(
    (fn) => {
      stateListeners.add(fn);
      return () => stateListeners.delete(fn);
    },
    () => state,
  );
}

/**
 * Calls fn for every live notice while the component is mounted. The latest fn is used, so it
 * may close over fresh state without re-subscribing.
 */
export function useLive(fn: (n: LiveNotice) => void) {
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(() => {
    const h = (n: LiveNotice) => latest.current(n);
    handlers.add(h);
    return () => {
      handlers.delete(h);
    };
  }, []);
}

/**
 * A function that runs fn once, ms after the first of a burst of calls; calls meanwhile join that
 * run (fn reads fresh state when it runs). Unlike a debounce it never starves: a steady stream of
 * notices still refreshes the screen every ms.
 */
export function useCoalesced(fn: () => void, ms = 400): () => void {
  const latest = useRef(fn);
  latest.current = fn;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const ref = useRef(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, ms);
  });
  return ref.current;
}

/** Case events the lists and the case view refresh on. */
export const isCaseChange = (n: LiveNotice) =>
  n.event === 'ready' || n.event.startsWith('case.') || n.event === 'message.created' || n.event === 'note.created' || n.event === 'sla.at_risk';
