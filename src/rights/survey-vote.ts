/**
 * Whether a POSTed survey answer counts. One vote per survey: the first answer records; the same
 * customer may change it (a mis-tap on the wrong score) for a while after answering; after that it
 * stays. A GET never reaches here — link scanners and previewers only see the page. Pure.
 */
export type SurveyKind = 'csat' | 'nps';

/** How long after the first answer a new POST may still change the score and comment. */
export const CHANGE_WINDOW_MS = 24 * 3_600_000;

export const scoreRange = (kind: SurveyKind) => (kind === 'csat' ? { min: 1, max: 5 } : { min: 0, max: 10 });

export type VoteDecision =
  | { action: 'record' }
  | { action: 'change' }
  | { action: 'closed' }
  | { action: 'invalid'; min: number; max: number };

export function decideSurveyVote(o: { kind: SurveyKind; score: number; answeredAt: Date | null; now: Date }): VoteDecision {
  const { min, max } = scoreRange(o.kind);
  if (!Number.isInteger(o.score) || o.score < min || o.score > max) return { action: 'invalid', min, max };
  if (!o.answeredAt) return { action: 'record' };
  return o.now.getTime() - o.answeredAt.getTime() <= CHANGE_WINDOW_MS ? { action: 'change' } : { action: 'closed' };
}

/** Whether a change of score newly reaches "low" (so the supervisor hears once, not on every re-vote). */
export const becameLow = (previous: number | null, score: number, low: number) => score <= low && (previous === null || previous > low);
