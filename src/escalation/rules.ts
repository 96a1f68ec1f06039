import type { Tier } from '../cases/status.ts';

/** What the escalation rules look at: facts about one open case, gathered by case-facts.ts. */
export interface EscalationFacts {
  tier: Tier;
  status: string;
  contactCount: number;
  reopenedCount: number;
  maxAnger: number | null;
  maxReputationRisk: number;
  segment: string | null;
  vulnerable: boolean;
  media: boolean;
  breachedPromises: number;
  /** business minutes since the case was opened */
  businessMinutesOpen: number;
}

export interface EscalationReason {
  rule: string;
  to: Tier;
  reason: string;
}

export interface EscalationOptions {
  vipSegments: readonly string[];
  angerThreshold: number;
  maxBusinessMinutesAtL1: number;
}

export const DEFAULT_ESCALATION: EscalationOptions = { vipSegments: ['gold', 'vip'], angerThreshold: 0.7, maxBusinessMinutesAtL1: 2 * 8 * 60 };

type Rule = (f: EscalationFacts, o: EscalationOptions) => EscalationReason | null;

/** One rule per reason, each a plain function that says why (in Dutch, for the agents who read it). */
export const RULES: readonly Rule[] = [
  (f) => (f.contactCount >= 3 ? { rule: 'repeat_contacts', to: 'L2', reason: `${f.contactCount} contacten zonder oplossing` } : null),
  (f) => (f.reopenedCount > 0 ? { rule: 'reopened', to: 'L2', reason: `heropend na "opgelost" (${f.reopenedCount}×)` } : null),
  (f, o) => (f.maxAnger !== null && f.maxAnger >= o.angerThreshold ? { rule: 'high_anger', to: 'L2', reason: `zeer boze klant (boosheid ${f.maxAnger.toFixed(2)})` } : null),
  (f, o) => (f.segment && o.vipSegments.includes(f.segment.toLowerCase()) ? { rule: 'vip_segment', to: 'L2', reason: `klantsegment ${f.segment}` } : null),
  (f) => (f.maxReputationRisk >= 2 || f.media ? { rule: 'reputation_risk', to: 'L3', reason: f.media ? 'klant is bekend bij de media' : 'dreigt met media, toezichthouder of advocaat' } : null),
  (f) => (f.maxReputationRisk === 1 ? { rule: 'reputation_risk', to: 'L2', reason: 'noemt sociale media of een klachteninstantie' } : null),
  (f) => (f.vulnerable ? { rule: 'vulnerable_customer', to: 'L2', reason: 'kwetsbare klant' } : null),
  (f) => (f.breachedPromises > 0 ? { rule: 'broken_promise', to: 'L2', reason: `${f.breachedPromises} belofte(n) niet nagekomen` } : null),
  (f, o) => (f.tier === 'L1' && f.businessMinutesOpen > o.maxBusinessMinutesAtL1
    ? { rule: 'too_long_at_l1', to: 'L2', reason: `al ${Math.round(f.businessMinutesOpen / 60)} werkuren in de eerste lijn` } : null),
];

const RANK: Record<Tier, number> = { L1: 1, L2: 2, L3: 3 };

/**
 * Which tier a case belongs in and why: every rule that fires, and the highest tier among them.
 * Null when the case is where it should be (a case never moves down by rule).
 */
export function decideEscalation(f: EscalationFacts, o: EscalationOptions = DEFAULT_ESCALATION): { to: Tier; reasons: EscalationReason[] } | null {
  if (f.status === 'solved' || f.status === 'closed') return null;
  const reasons = RULES.map((r) => r(f, o)).filter((r): r is EscalationReason => r !== null);
  if (!reasons.length) return null;
  const to = reasons.reduce<Tier>((t, r) => (RANK[r.to] > RANK[t] ? r.to : t), 'L1');
  return RANK[to] > RANK[f.tier] ? { to, reasons: reasons.filter((r) => RANK[r.to] > RANK[f.tier]) } : null;
}
