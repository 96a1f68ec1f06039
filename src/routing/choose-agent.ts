import type { Tier } from '../cases/status.ts';

export interface RoutingAgent {
  id: string;
  name: string;
  /** the agent's team (routing rules send a case to a team) */
  teamId?: string | null;
  languages: string[];
  skills: string[];
  available: boolean;
  openCases: number;
  maxOpenCases: number;
  tier: Tier;
}

export interface RoutingCase {
  language: string | null;
  topic: string | null;
  tier: Tier;
}

const RANK: Record<Tier, number> = { L1: 1, L2: 2, L3: 3 };

/**
 * The agent to offer a case to, and why: available, below their maximum load, working at the
 * case's tier or higher, not among those who already declined it. Among them: one who speaks the
 * customer's language (when anyone does), who knows the topic, who works at exactly that tier,
 * with the lowest load. Null when nobody can take it now.
 */
export function chooseAgent(agents: readonly RoutingAgent[], c: RoutingCase, exclude: ReadonlySet<string> = new Set()): { agent: RoutingAgent; reason: string } | null {
  let pool = agents.filter((a) => a.available && !exclude.has(a.id) && a.openCases < a.maxOpenCases && RANK[a.tier] >= RANK[c.tier]);
  const speaks = (a: RoutingAgent) => !c.language || a.languages.length === 0 || a.languages.includes(c.language);
  if (pool.some(speaks)) pool = pool.filter(speaks);
  if (!pool.length) return null;
  const topic = c.topic?.toLowerCase() ?? null;
  const knows = (a: RoutingAgent) => topic !== null && a.skills.some((s) => s.toLowerCase() === topic);
  const score = (a: RoutingAgent) => (knows(a) ? 100 : 0) + (a.tier === c.tier ? 10 : 0) - a.openCases / Math.max(1, a.maxOpenCases);
  const agent = [...pool].sort((a, b) => score(b) - score(a) || a.openCases - b.openCases || a.id.localeCompare(b.id))[0];
  const why = [
    c.language && agent.languages.includes(c.language) ? `spreekt ${c.language}` : null,
    knows(agent) ? `kent ${c.topic}` : null,
    `${agent.tier}`,
    `${agent.openCases} van ${agent.maxOpenCases} zaken`,
  ].filter(Boolean);
  return { agent, reason: why.join(', ') };
}

/** Queue order: higher segments first (VIP, gold, …), then the longest waiting. */
export function segmentRank(segment: string | null, priority: readonly string[] = ['vip', 'gold', 'silver']): number {
  const i = segment ? priority.indexOf(segment.toLowerCase()) : -1;
  return i < 0 ? priority.length : i;
}
