import { useSyncExternalStore } from 'react';

/** A tiny router over the History API: the workspace has few screens, all under /app/. */
export const BASE = '/app/';
const listeners = new Set<() => void>();
const subscribe = (fn: () => void) => {
  listeners.add(fn);
  window.addEventListener('popstate', fn);
  return () => {
    listeners.delete(fn);
    window.removeEventListener('popstate', fn);
  };
};
const snapshot = () => location.pathname + location.search;

export function navigate(to: string, opts: { replace?: boolean } = {}) {
  if (to === snapshot()) return;
  history[opts.replace ? 'replaceState' : 'pushState'](null, '', to);
  for (const fn of listeners) fn();
}

export type Route =
  | { screen: 'inbox'; params: URLSearchParams }
  | { screen: 'case'; ref: string }
  | { screen: 'problems' }
  | { screen: 'problem'; id: string }
  | { screen: 'promises' }
  | { screen: 'dashboard'; params: URLSearchParams }
  | { screen: 'knowledge'; id: string | null }
  | { screen: 'refunds' }
  | { screen: 'announcements' }
  | { screen: 'incidents' }
  | { screen: 'retention' }
  | { screen: 'status-settings' }
  | { screen: 'channels' }
  | { screen: 'portal' }
  | { screen: 'macros' }
  | { screen: 'sso' }
  | { screen: 'security' }
  | { screen: 'roles' }
  | { screen: 'imports' }
  | { screen: 'settings' }
  | { screen: 'service-rules' }
  | { screen: 'inboxes' }
  | { screen: 'fields' }
  | { screen: 'organisations' }
  | { screen: 'organisation'; id: string };

export function useRoute(): Route {
  const url = useSyncExternalStore(subscribe, snapshot);
  const u = new URL(url, location.origin);
  const m = /^\/app\/cases\/([^/]+)\/?$/.exec(u.pathname);
  if (m) return { screen: 'case', ref: decodeURIComponent(m[1]) };
  const p = /^\/app\/problems(?:\/([^/]+))?\/?$/.exec(u.pathname);
  if (p) return p[1] ? { screen: 'problem', id: decodeURIComponent(p[1]) } : { screen: 'problems' };
  if (/^\/app\/promises\/?$/.test(u.pathname)) return { screen: 'promises' };
  if (/^\/app\/refunds\/?$/.test(u.pathname)) return { screen: 'refunds' };
  if (/^\/app\/announcements\/?$/.test(u.pathname)) return { screen: 'announcements' };
  if (/^\/app\/incidents\/?$/.test(u.pathname)) return { screen: 'incidents' };
  if (/^\/app\/retention\/?$/.test(u.pathname)) return { screen: 'retention' };
  if (/^\/app\/status\/?$/.test(u.pathname)) return { screen: 'status-settings' };
  if (/^\/app\/channels\/?$/.test(u.pathname)) return { screen: 'channels' };
  if (/^\/app\/portal\/?$/.test(u.pathname)) return { screen: 'portal' };
  if (/^\/app\/macros\/?$/.test(u.pathname)) return { screen: 'macros' };
  if (/^\/app\/sso\/?$/.test(u.pathname)) return { screen: 'sso' };
  if (/^\/app\/security\/?$/.test(u.pathname)) return { screen: 'security' };
  if (/^\/app\/roles\/?$/.test(u.pathname)) return { screen: 'roles' };
  if (/^\/app\/imports\/?$/.test(u.pathname)) return { screen: 'imports' };
  if (/^\/app\/settings\/?$/.test(u.pathname)) return { screen: 'settings' };
  if (/^\/app\/service-rules\/?$/.test(u.pathname)) return { screen: 'service-rules' };
  if (/^\/app\/inboxes\/?$/.test(u.pathname)) return { screen: 'inboxes' };
  if (/^\/app\/fields\/?$/.test(u.pathname)) return { screen: 'fields' };
  const o = /^\/app\/organisations(?:\/([^/]+))?\/?$/.exec(u.pathname);
  if (o) return o[1] ? { screen: 'organisation', id: decodeURIComponent(o[1]) } : { screen: 'organisations' };
  if (/^\/app\/dashboard\/?$/.test(u.pathname)) return { screen: 'dashboard', params: u.searchParams };
  const k = /^\/app\/knowledge(?:\/([^/]+))?\/?$/.exec(u.pathname);
  if (k) return { screen: 'knowledge', id: k[1] ? decodeURIComponent(k[1]) : null };
  return { screen: 'inbox', params: u.searchParams };
}

export const caseHref = (ref: string) => `${BASE}cases/${encodeURIComponent(ref)}`;
export const PROBLEMS = `${BASE}problems`;
export const MACROS = `${BASE}macros`;
export const SERVICE_RULES = `${BASE}service-rules`;
export const INBOXES = `${BASE}inboxes`;
export const FIELDS = `${BASE}fields`;
export const ORGANISATIONS = `${BASE}organisations`;
export const organisationHref = (id: string) => `${ORGANISATIONS}/${encodeURIComponent(id)}`;
export const PROMISES = `${BASE}promises`;
export const DASHBOARD = `${BASE}dashboard`;
export const KNOWLEDGE = `${BASE}knowledge`;
export const REFUNDS = `${BASE}refunds`;
export const ANNOUNCEMENTS = `${BASE}announcements`;
export const INCIDENTS = `${BASE}incidents`;
export const RETENTION = `${BASE}retention`;
export const STATUS_SETTINGS = `${BASE}status`;
export const CHANNELS = `${BASE}channels`;
export const PORTAL_SETTINGS = `${BASE}portal`;
export const SETTINGS = `${BASE}settings`;
export const SSO = `${BASE}sso`;
export const SECURITY = `${BASE}security`;
export const ROLES = `${BASE}roles`;
export const IMPORTS = `${BASE}imports`;
export const articleHref = (id: string) => `${KNOWLEDGE}/${encodeURIComponent(id)}`;
export const problemHref = (id: string) => `${PROBLEMS}/${encodeURIComponent(id)}`;

/** A link that navigates inside the app (a plain <a>, so open-in-new-tab and screen readers work). */
export function onLinkClick(e: React.MouseEvent<HTMLAnchorElement>) {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(e.currentTarget.getAttribute('href')!);
}
