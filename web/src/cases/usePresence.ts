import { useEffect, useRef, useState } from 'react';
import { useLive } from '../shared/live.ts';

export interface Presence {
  agent_id: string;
  name: string;
  state: 'viewing' | 'typing';
  at: string;
}

const BEAT_MS = 15_000;
// a colleague whose heartbeats stopped (closed laptop) disappears after this long
const STALE_MS = 45_000;

/** A heartbeat (no idempotency key: it is idempotent by nature, and would otherwise store one per beat). */
async function sendPresence(caseId: string, state: 'viewing' | 'typing' | 'left', keepalive = false): Promise<Presence[] | null> {
  const res = await fetch(`/api/v1/cases/${encodeURIComponent(caseId)}/presence`, {
    method: 'POST', keepalive, credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ state }),
  });
  return res.ok ? ((await res.json()) as { data: Presence[] }).data : null;
}

/**
 * Tells the server this agent is on the case (viewing, or typing when `typing`), every 15 s and
 * at once on a change, and that they left when the view closes. Returns the colleagues on the
 * same case, kept current by the live stream.
 */
export function usePresence(caseId: string | undefined, myId: string | undefined, typing: boolean): Presence[] {
  const [others, setOthers] = useState<Map<string, Presence & { seen: number }>>(new Map());
  const state: 'typing' | 'viewing' = typing ? 'typing' : 'viewing';
  const latest = useRef(state);
  latest.current = state;

  const replace = (list: Presence[]) => setOthers(new Map(list.map((p) => [p.agent_id, { ...p, seen: Date.now() }])));

  useEffect(() => {
    if (!caseId || !myId) return;
    let gone = false;
    const beat = () =>
      sendPresence(caseId, latest.current)
        .then((list) => !gone && list && replace(list))
        .catch(() => {});
    void beat();
    const timer = setInterval(beat, BEAT_MS);
    // keepalive: the request survives closing the tab or leaving the page (which unmounts nothing)
    const leave = () => void sendPresence(caseId, 'left', true).catch(() => {});
    window.addEventListener('pagehide', leave);
    return () => {
      gone = true;
      clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [caseId, myId]);

  // a change of state is told at once (the heartbeat repeats it)
  const told = useRef(state);
  useEffect(() => {
    if (!caseId || !myId || told.current === state) return;
    told.current = state;
    sendPresence(caseId, state).catch(() => {});
  }, [state, caseId, myId]);

  useLive((n) => {
    if (n.event !== 'presence' || n.case_id !== caseId || !n.agent_id || n.agent_id === myId) return;
    setOthers((prev) => {
      const next = new Map(prev);
      if (n.state === 'left') next.delete(n.agent_id!);
      else next.set(n.agent_id!, { agent_id: n.agent_id!, name: n.name ?? '', state: n.state === 'typing' ? 'typing' : 'viewing', at: n.at, seen: Date.now() });
      return next;
    });
  });

  const now = Date.now();
  return [...others.values()].filter((p) => now - p.seen < STALE_MS).sort((a, b) => (a.state === b.state ? a.name.localeCompare(b.name) : a.state === 'typing' ? -1 : 1));
}
