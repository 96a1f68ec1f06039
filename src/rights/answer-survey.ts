import type { Db } from '../storage/db.ts';
import { AppError } from '../shared/errors.ts';
import { notify, supervisorsOf } from '../promises/notify.ts';
import { findRightsLink } from './rights-links.ts';

export interface SurveyAnswer { kind: 'csat' | 'nps'; score: number; already: boolean }

/** A CSAT of this or lower asks the case owner's supervisor to follow up. */
export const LOW_CSAT = 2;

/**
 * One click on a score in the mail records it — once: a second click (or a link scanner after the
 * customer) changes nothing. A low CSAT tells the supervisors of the case owner, with the case.
 */
export async function answerSurvey(db: Db, token: string, score: number): Promise<SurveyAnswer> {
  const link = await findRightsLink(db, token);
  if (!link || link.purpose !== 'survey' || !link.survey_id) throw new AppError('link_not_found', 'This survey link is not valid', 404);
  return db.transaction(async (tx) => {
    const [s] = await tx.query<{ kind: 'csat' | 'nps'; score: number | null; case_id: string | null; agent_id: string | null }>(
      'SELECT kind, score, case_id, agent_id FROM surveys WHERE account_id = $1 AND id = $2 FOR UPDATE', [link.account_id, link.survey_id]);
    if (!s) throw new AppError('link_not_found', 'This survey link is not valid', 404);
    if (s.score !== null) return { kind: s.kind, score: s.score, already: true };
    const max = s.kind === 'csat' ? 5 : 10;
    const min = s.kind === 'csat' ? 1 : 0;
    if (!Number.isInteger(score) || score < min || score > max) throw new AppError('invalid_score', `The score is a whole number from ${min} to ${max}`, 400);
    await tx.query(`UPDATE surveys SET score = $3, status = 'answered', answered_at = now() WHERE account_id = $1 AND id = $2`, [link.account_id, link.survey_id, score]);
    await tx.query('UPDATE rights_links SET used_at = now() WHERE account_id = $1 AND id = $2', [link.account_id, link.id]);
    if (s.kind === 'csat' && score <= LOW_CSAT && s.case_id && s.agent_id) {
      const [c] = await tx.query<{ ref: string }>('SELECT ref FROM cases WHERE account_id = $1 AND id = $2', [link.account_id, s.case_id]);
      await notify(tx, link.account_id, {
        agentIds: await supervisorsOf(tx, link.account_id, s.agent_id), kind: 'survey.low_rating', caseId: s.case_id,
        body: `Lage tevredenheid (${score}/5) op ${c?.ref ?? 'een zaak'}: neem contact op met de klant. · Low satisfaction (${score}/5): follow up with the customer.`,
      });
    }
    return { kind: s.kind, score, already: false };
  });
}

/** The optional comment after the score: once, on an answered survey. */
export async function commentOnSurvey(db: Db, token: string, comment: string): Promise<void> {
  const link = await findRightsLink(db, token);
  if (!link || link.purpose !== 'survey' || !link.survey_id) throw new AppError('link_not_found', 'This survey link is not valid', 404);
  const text = comment.trim().slice(0, 4000);
  if (!text) return;
  const rows = await db.query(
    `UPDATE surveys SET comment = $3 WHERE account_id = $1 AND id = $2 AND score IS NOT NULL AND comment IS NULL RETURNING id`,
    [link.account_id, link.survey_id, text]);
  if (!rows.length) throw new AppError('comment_not_allowed', 'A comment is given once, after the score', 409);
}
