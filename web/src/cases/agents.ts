import { useEffect, useState } from 'react';
import { get } from '../shared/api.ts';
import type { Agent } from '../shared/types.ts';

let agents: Promise<Agent[]> | null = null;

/** The account's agents (for names on the timeline), loaded once. */
export function useAgents(): Map<string, Agent> {
  const [map, setMap] = useState(new Map<string, Agent>());
  useEffect(() => {
    agents ??= get<{ data: Agent[] }>('/api/v1/agents').then((r) => r.data, () => []);
    let live = true;
    agents.then((list) => live && setMap(new Map(list.map((a) => [a.id, a]))));
    return () => {
      live = false;
    };
  }, []);
  return map;
}

/** After signing out: another account may sign in next. */
export const forgetAgents = () => {
  agents = null;
};
