import type { Db } from '../storage/db.ts';
import type { JobRow } from '../storage/jobs.ts';
import { signPayload } from './sign.ts';

/**
 * Job handler: POSTs one delivery. A non-2xx answer or a network error throws, so the worker
 * retries with backoff; the delivery row records every attempt's outcome.
 */
export function deliverWebhook(timeoutMs: number) {
  return async (db: Db, job: JobRow) => {
    const accountId = job.account_id!;
    const deliveryId = String(job.payload.delivery_id);
    const [d] = await db.query<{ id: string; event: string; payload: unknown; url: string; secret: string; active: boolean; status: string }>(
      `SELECT d.id, d.event, d.payload, d.status, w.url, w.secret, w.active FROM webhook_deliveries d
       JOIN webhooks w ON w.account_id = d.account_id AND w.id = d.webhook_id
       WHERE d.account_id = $1 AND d.id = $2`,
      [accountId, deliveryId],
    );
    if (!d || d.status !== 'pending') return;
    if (!d.active) {
      await db.query(`UPDATE webhook_deliveries SET status = 'failed', last_error = 'webhook deactivated' WHERE account_id = $1 AND id = $2`, [accountId, d.id]);
      return;
    }
    const body = JSON.stringify({ id: d.id, ...(d.payload as object) });
    const final = job.attempts >= job.max_attempts;
    let statusCode: number | null = null;
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Luister-Webhooks/1',
          'luister-event': d.event,
          'luister-delivery': d.id,
          'luister-signature': signPayload(d.secret, body, Math.floor(Date.now() / 1000)),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      statusCode = res.status;
      await res.body?.cancel();
      if (res.status < 200 || res.status >= 300) throw new Error(`receiver answered ${res.status}`);
    } catch (err) {
      const message = (err as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (err as Error).message;
      await db.query(
        `UPDATE webhook_deliveries SET attempts = attempts + 1, last_status_code = $3, last_error = $4,
           status = CASE WHEN $5::boolean THEN 'failed' ELSE status END
         WHERE account_id = $1 AND id = $2`,
        [accountId, d.id, statusCode, message, final],
      );
      throw new Error(message);
    }
    await db.query(
      `UPDATE webhook_deliveries SET attempts = attempts + 1, last_status_code = $3, last_error = NULL,
         status = 'delivered', delivered_at = now() WHERE account_id = $1 AND id = $2`,
      [accountId, d.id, statusCode],
    );
  };
}
