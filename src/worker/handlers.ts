import type { Config } from '../config.ts';
import { ANALYSE_JOB, analyseStoredMessage } from '../listening/analyse-stored-message.ts';
import { deliverWebhook } from '../webhooks/deliver-webhook.ts';
import type { JobHandler } from './runner.ts';

/** Job kind → handler. Later capabilities (mail, reminders, clustering) add their kinds here. */
export function jobHandlers(config: Config): Record<string, JobHandler> {
  return {
    'webhook.deliver': deliverWebhook(config.WEBHOOK_TIMEOUT_MS),
    [ANALYSE_JOB]: analyseStoredMessage,
  };
}
