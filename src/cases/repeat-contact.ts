import type { CaseStatus } from './status.ts';

export const REPEAT_WINDOW_DAYS = 14;

export interface CaseCandidate {
  id: string;
  status: CaseStatus;
  subject_key: string;
  customer_id: string;
  last_contact_at: Date;
}

/**
 * Which existing case a new message from this customer belongs to, if any.
 * A case reference wins when it names one of the customer's cases that is not closed
 * (a solved case is reopened by it). Otherwise the most recent unsolved case on the same
 * subject with contact in the last 14 days. Null: open a new case.
 */
export function chooseCaseForMessage(input: {
  customerId: string;
  subjectKey: string;
  referenced: CaseCandidate | null;
  openCases: CaseCandidate[];
  now: Date;
}): CaseCandidate | null {
  const { referenced } = input;
  if (referenced && referenced.customer_id === input.customerId && referenced.status !== 'closed') return referenced;
  if (!input.subjectKey) return null;
  const since = input.now.getTime() - REPEAT_WINDOW_DAYS * 86_400_000;
  const matches = input.openCases
    .filter((c) => c.customer_id === input.customerId)
    .filter((c) => c.status !== 'solved' && c.status !== 'closed')
    .filter((c) => c.subject_key === input.subjectKey && c.last_contact_at.getTime() >= since)
    .sort((a, b) => b.last_contact_at.getTime() - a.last_contact_at.getTime());
  return matches[0] ?? null;
}
