import type { Tier } from '../cases/status.ts';
import { type FieldCondition, meetsConditions, type ValuesByEntity } from '../custom-fields/conditions.ts';

/** A routing rule: when a case meets its conditions, this team takes it and/or at least this tier. */
export interface RoutingRule {
  id: string;
  name: string;
  position: number;
  conditions: FieldCondition[];
  team_id: string | null;
  tier: Tier | null;
}

const RANK: Record<Tier, number> = { L1: 1, L2: 2, L3: 3 };

/** Pure: the first rule (by position, then name) whose conditions the case meets; null when none does. */
export function ruleFor(rules: readonly RoutingRule[], values: ValuesByEntity): RoutingRule | null {
  return [...rules].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name)).find((r) => meetsConditions(r.conditions, values)) ?? null;
}

/** The tier a case is routed at under a rule: the rule's when higher than the case's own (a rule never lowers it). */
export function routedTier(caseTier: Tier, rule: RoutingRule | null): Tier {
  return rule?.tier && RANK[rule.tier] > RANK[caseTier] ? rule.tier : caseTier;
}
