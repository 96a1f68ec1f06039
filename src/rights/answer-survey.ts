import type { Db } from '../storage/db.ts';
import { AppError } from '../shared/errors.ts';
import { notify, supervisorsOf } from '../promises/notify.ts';
import { findRightsLink } from './rights-links.ts';
import { CHANGE_WINDOW_MS, becameLow, decideSurveyVote, type SurveyKind } from './survey-vote.ts';

export interface SurveyState {
  kind: SurveyKind;
  score: number | null;
  comment: string | null;
  /** whether a POST may still set or change the answer */
  open: boolean;
}
export interface SurveyAnswer { kind: SurveyKind; score: number; changed: boolean }

/** A CSAT of this or lower asks the case owner's supervisor to follow up. */
export const LOW_CSAT = 2;

const notFound = () => new AppError('link_not_found', 'This survey link is not valid', 404);

async function surveyLink(db: Db, token: string) {
  const link = await findRightsLink(db, token);
  if (!link || link.purpose !== 'survey' || !link.survey_id) throw notFound();
  return { accountId: link.account_id, linkId: link.id, surveyId: link.survey_id };
}

/** What the survey page shows (a GET): reads only, so a link scanner or previewer changes nothing. */
export async function surveyState(db: Db, token: string, now = new Date()): Promise<SurveyState> {
  const l = await surveyLink(db, token);
  const [s] = await db.query<{ kind: SurveyKind; score: number | null; comment: string | null; answered_at: Date | null }>(
    'SELECT kind, score, comment, answered_at FROM surveys WHERE account_id = $1 AND id = $2', [l.accountId, l.surveyId]);
  if (!s) throw notFound();
  const open = !s.answered_at || now.getTime() - new Date(s.answered_at).getTime() <= CHANGE_WINDOW_MS;
  return { kind: s.kind, score: s.score, comment: s.comment, open };
}

/**
 * The customer's answer, POSTed from the survey page: one vote per survey. The first records it;
 * another POST within a day of it changes score (and comment, when one is given); later ones are
 * refused (409). A low CSAT tells the supervisors of the case owner, once.
 */
export async function answerSurvey(db: Db, token: string, o: { score: number; comment?: string; now?: Date }): Promise<SurveyAnswer> {
  const l = await surveyLink(db, token);
  const comment = (o.comment ?? '').trim().slice(0, 4000) || null;
  return db.transaction(async (tx) => {
    const [s] = await tx.query<{ kind: SurveyKind; score: number | null; answered_at: Date | null; case_id: string | null; agent_id: string | null }>(
      'SELECT kind, score, answered_at, case_id, agent_id FROM surveys WHERE account_id = $1 AND id = $2 FOR UPDATE', [l.accountId, l.surveyId]);
    if (!s) throw notFound();
    const d = decideSurveyVote({ kind: s.kind, score: o.score, answeredAt: s.answered_at ? new Date(s.answered_at) : null, now: o.now ?? new Date() });
    if (d.action === 'invalid') throw new AppError('invalid_score', `The score is a whole number from ${d.min} to ${d.max}`, 400);
    if (d.action === 'closed') throw new AppError('survey_closed', 'This survey was answered more than a day ago and cannot be changed', 409);
    await tx.query(
      `UPDATE surveys SET score = $3, comment = coalesce($4, comment), status = 'answered', answered_at = coalesce(answered_at, now())
       WHERE account_id = $1 AND id = $2`, [l.accountId, l.surveyId, o.score, comment]);
    await tx.query('UPDATE rights_links SET used_at = coalesce(used_at, now()) WHERE account_id = $1 AND id = $2', [l.accountId, l.linkId]);
    if (s.kind === 'csat' && becameLow(s.score, o.score, LOW_CSAT) && s.case_id && s.agent_id) {
      const [c] = await tx.query<{ ref: string }>('SELECT ref FROM cases WHERE account_id = $1 AND id = $2', [l.accountId, s.case_id]);
      await notify(tx, l.accountId, {
        agentIds: await supervisorsOf(tx, l.accountId, s.agent_id), kind: 'survey.low_rating', caseId: s.case_id,
        body: `Lage tevredenheid (${o.score}/5) op ${c?.ref ?? 'een zaak'}: neem contact op met de klant. · Low satisfaction (${o.score}/5): follow up with the customer.`,
      });
    }
    return { kind: s.kind, score: o.score, changed: d.action === 'change' };
  });
}
