import type { Config } from '../config.ts';
import type { Db } from '../storage/db.ts';
import { pruneJobs, type JobRow } from '../storage/jobs.ts';
import { deliverWebhook } from '../webhooks/deliver-webhook.ts';
import type { JobHandler } from './runner.ts';
import { scheduleNext } from './schedules.ts';

/**
 * Loads a handler's module on its first job: listening brings a language model (~70 MB) that an
 * idle server, or a worker that only delivers webhooks, should not carry.
 */
function lazy(load: () => Promise<JobHandler>): JobHandler {
  let handler: Promise<JobHandler> | null = null;
  return async (db: Db, job: JobRow) => (await (handler ??= load()))(db, job);
}

/** Job kind → handler. Later capabilities add their kinds here. */
export function jobHandlers(config: Config): Record<string, JobHandler> {
  const slaSweep = lazy(async () => {
    const { sweepSla } = await import('../promises/sweep-sla.ts');
    const { sweepEscalations } = await import('../escalation/escalate-case.ts');
    return async (db: Db) => {
      const now = new Date();
      await sweepSla(db, { now });
      // the escalation rules over every open case (contacts, anger, reputation, VIP, too long at L1 …)
      const accounts = await db.query<{ account_id: string }>(`SELECT DISTINCT account_id FROM cases WHERE status NOT IN ('solved', 'closed')`);
      for (const a of accounts) await sweepEscalations(db, a.account_id, now);
      await scheduleNext(db, 'sla.sweep');
    };
  });
  const imapPoll = lazy(async () => (await import('../intake/channels/email/imap-poll.ts')).imapPollJob(config));
  return {
    'webhook.deliver': deliverWebhook(config.WEBHOOK_TIMEOUT_MS),
    'whatsapp.send': lazy(async () => (await import('../intake/whatsapp/send-whatsapp.ts')).sendWhatsAppJob(config.WHATSAPP_API_URL)),
    'email.send': lazy(async () => (await import('../intake/channels/email/send-email.ts')).sendEmailJob(config.SMTP_RELAY_URL)),
    'inbox.verification': lazy(async () => (await import('../intake/inboxes/send-verification.ts')).sendVerificationJob(config.SMTP_RELAY_URL, config.PUBLIC_URL)),
    'promises.sweep': lazy(async () => {
      const { sweepPromises } = await import('../promises/sweep-promises.ts');
      return async (db: Db) => {
        await sweepPromises(db, { now: new Date() });
        await scheduleNext(db, 'promises.sweep');
      };
    }),
    // service levels and the escalation rules, over open cases (loaded only when there are any)
    'sla.sweep': async (db: Db, job: JobRow) => {
      const [any] = await db.query(`SELECT 1 FROM cases WHERE status NOT IN ('solved', 'closed') LIMIT 1`);
      if (!any) return scheduleNext(db, 'sla.sweep');
      return slaSweep(db, job);
    },
    'announcement.send': lazy(async () => (await import('../announcements/send-announcement.ts')).sendAnnouncementJob(config.SMTP_RELAY_URL, undefined, config.PUBLIC_URL)),
    'status.confirm': lazy(async () => (await import('../announcements/status-notices.ts')).sendConfirmationJob(config.SMTP_RELAY_URL, config.PUBLIC_URL)),
    'portal.link': lazy(async () => (await import('../portal/send-link.ts')).sendLinkJob(config.SMTP_RELAY_URL, config.PUBLIC_URL)),
    'status.notify': lazy(async () => (await import('../announcements/status-notices.ts')).notifySubscribersJob(config.SMTP_RELAY_URL, config.PUBLIC_URL)),
    'incidents.sweep': lazy(async () => {
      const { sweepIncidents } = await import('../announcements/sweep-incidents.ts');
      return async (db: Db) => {
        await sweepIncidents(db, { now: new Date() });
        await scheduleNext(db, 'incidents.sweep');
      };
    }),
    'problems.auto_open': lazy(async () => (await import('../problems/auto-open-problem.ts')).autoOpenProblem),
    'promises.reconcile': lazy(async () => {
      const { reconcilePromises } = await import('../promises/sweep-promises.ts');
      return async (db: Db) => {
        await reconcilePromises(db, { now: new Date() });
        await scheduleNext(db, 'promises.reconcile');
      };
    }),
    'promise.remind': lazy(async () => (await import('../promises/follow-up.ts')).remindOwner),
    'promise.breached': lazy(async () => (await import('../promises/follow-up.ts')).handleBreach),
    // IMAP (imapflow, mailparser …) is loaded only once an inbox has a mailbox to poll
    'email.imap_poll': async (db: Db, job: JobRow) => {
      const [any] = await db.query('SELECT 1 FROM inboxes WHERE imap_url IS NOT NULL LIMIT 1');
      if (!any) return scheduleNext(db, 'email.imap_poll', new Date(), new Date(Date.now() + config.IMAP_POLL_SECONDS * 1000));
      return imapPoll(db, job);
    },
    'message.analyse': lazy(async () => (await import('../listening/analyse-stored-message.ts')).analyseStoredMessage),
    'topics.upkeep': lazy(async () => (await import('../listening/analyse-stored-message.ts')).runTopicUpkeep),
    'survey.send': lazy(async () => (await import('../rights/send-survey.ts')).sendSurveyJob(config.SMTP_RELAY_URL, config.PUBLIC_URL)),
    'retention.sweep': lazy(async () => {
      const { sweepRetention } = await import('../rights/run-retention.ts');
      return async (db: Db) => {
        const [any] = await db.query('SELECT 1 FROM retention_rules WHERE enabled LIMIT 1');
        if (any) await sweepRetention(db);
        await scheduleNext(db, 'retention.sweep');
      };
    }),
    'nps.sweep': lazy(async () => {
      const { sweepNps } = await import('../rights/sweep-nps.ts');
      return async (db: Db) => {
        await sweepNps(db);
        await scheduleNext(db, 'nps.sweep');
      };
    }),
    'autoclose.sweep': lazy(async () => {
      const { sweepAutoClose } = await import('../autoclose/sweep-autoclose.ts');
      return async (db: Db) => {
        const [any] = await db.query('SELECT 1 FROM autoclose_settings WHERE enabled LIMIT 1');
        if (any) {
          const r = await sweepAutoClose(db);
          for (const f of r.failed) console.warn(`autoclose: case ${f.caseId} left as it is: ${f.error}`);
        }
        await scheduleNext(db, 'autoclose.sweep');
      };
    }),
    // the jobs table keeps what waits and runs plus a few days of history, not every job ever run
    'jobs.prune': async (db: Db) => {
      await pruneJobs(db, { doneDays: config.JOB_RETENTION_DAYS, failedDays: config.JOB_FAILED_RETENTION_DAYS });
      await scheduleNext(db, 'jobs.prune');
    },
    'topics.sweep': lazy(async () => {
      const { sweepTopics } = await import('../listening/sweep-topics.ts');
      return async (db: Db) => {
        // every account with live topics; then the next run, an hour on
        const accounts = await db.query<{ account_id: string }>('SELECT DISTINCT account_id FROM topics WHERE retired_at IS NULL');
        for (const a of accounts) await sweepTopics(db, a.account_id);
        await scheduleNext(db, 'topics.sweep');
      };
    }),
  };
}
