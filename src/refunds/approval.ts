// Who may approve a refund: an agent up to the account's limit, a supervisor above it, and never
// the one who asked for a refund above the limit (four eyes on large amounts).
import type { Actor } from '../shared/actor.ts';
import { can } from '../accounts/permissions.ts';

export type ApprovalDecision = { ok: true; needs: 'agent' | 'supervisor' } | { ok: false; code: string; message: string };

export function decideApproval(
  actor: Actor,
  refund: { amount_cents: number; requested_by: string | null },
  agentLimitCents: number,
): ApprovalDecision {
  if (refund.amount_cents <= agentLimitCents) return { ok: true, needs: 'agent' };
  if (!can(actor, 'refunds.approve_above_limit')) {
    return { ok: false, code: 'above_approval_limit', message: `This refund is above the agent limit (${agentLimitCents} cents): a supervisor approves it` };
  }
  if (actor.type !== 'system' && refund.requested_by !== null && refund.requested_by === actor.agentId) {
    return { ok: false, code: 'own_request_above_limit', message: 'You asked for this refund, and it is above the agent limit: another supervisor approves it' };
  }
  return { ok: true, needs: 'supervisor' };
}
