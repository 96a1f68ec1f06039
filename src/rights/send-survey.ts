import { mailTransport } from '../shared/mail-transport.ts';
import type { Db } from '../storage/db.ts';
import type { JobRow } from '../storage/jobs.ts';
import { inboxForCase } from '../intake/inboxes/store.ts';
import { mayContact } from './may-contact.ts';
import { createRightsLink, unsubscribeHeaders, unsubscribeUrl } from './rights-links.ts';
import { surveyMail } from './survey-mail.ts';

/**
 * Job handler: sends one survey mail. Consent is asked again at sending (the customer may have
 * said no since it was queued); the mail carries one-click unsubscribe from surveys (RFC 8058).
 * Without SMTP_RELAY_URL the job fails and is retried; without PUBLIC_URL there is no link to
 * give, so the survey is marked failed.
 */
export function sendSurveyJob(relayUrl: string | undefined, publicUrl: string | undefined) {
  return async (db: Db, job: JobRow): Promise<void> => {
    const accountId = job.account_id!;
    const surveyId = String(job.payload.survey_id);
    const [s] = await db.query<{ id: string; kind: 'csat' | 'nps'; customer_id: string; case_id: string | null; status: string; ref: string | null; inbox_id: string | null; language: string | null; company: string }>(
      `SELECT s.id, s.kind, s.customer_id, s.case_id, s.status, c.ref, c.inbox_id, coalesce(c.language, cu.language) AS language, a.name AS company
       FROM surveys s JOIN accounts a ON a.account_id = s.account_id JOIN customers cu ON cu.account_id = s.account_id AND cu.id = s.customer_id
       LEFT JOIN cases c ON c.account_id = s.account_id AND c.id = s.case_id
       WHERE s.account_id = $1 AND s.id = $2`, [accountId, surveyId]);
    if (!s || s.status !== 'queued') return;
    const setStatus = (status: string) => db.query(`UPDATE surveys SET status = $3, sent_at = CASE WHEN $3 = 'sent' THEN now() ELSE sent_at END WHERE account_id = $1 AND id = $2`, [accountId, s.id, status]);
    if (!(await mayContact(db, accountId, s.customer_id, 'survey')).allowed) return void (await setStatus('skipped'));
    if (!publicUrl) return void (await setStatus('failed'));
    if (!relayUrl) throw new Error('SMTP_RELAY_URL is not set: surveys wait until it is');
    const [to] = await db.query<{ value: string }>(
      `SELECT value FROM customer_identities WHERE account_id = $1 AND customer_id = $2 AND kind = 'email' AND bouncing_since IS NULL ORDER BY created_at DESC LIMIT 1`,
      [accountId, s.customer_id]);
    const inbox = await inboxForCase(db, accountId, s.inbox_id);
    if (!to || !inbox) return void (await setStatus('failed'));
    const surveyToken = await createRightsLink(db, accountId, { customerId: s.customer_id, purpose: 'survey', surveyId: s.id });
    const stopToken = await createRightsLink(db, accountId, { customerId: s.customer_id, purpose: 'unsubscribe', kind: 'surveys' });
    const mail = surveyMail({
      kind: s.kind, language: s.language?.startsWith('en') ? 'en' : 'nl', link: `${publicUrl.replace(/\/+$/, '')}/s/${surveyToken}`,
      unsubscribe: unsubscribeUrl(publicUrl, stopToken), caseRef: s.ref, company: s.company,
    });
    await mailTransport(relayUrl).sendMail({
      from: { name: inbox.name, address: inbox.address }, to: to.value, subject: mail.subject, text: mail.text,
      headers: { ...unsubscribeHeaders(publicUrl, stopToken), 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All', Precedence: 'bulk' },
    });
    await db.query('UPDATE surveys SET status = $3, sent_at = now(), to_address = $4 WHERE account_id = $1 AND id = $2', [accountId, s.id, 'sent', to.value]);
  };
}
