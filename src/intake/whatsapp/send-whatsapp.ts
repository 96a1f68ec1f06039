import type { Db } from '../../storage/db.ts';
import type { JobRow } from '../../storage/jobs.ts';
import { getConnections } from '../doors/connections.ts';
import type { WhatsAppTemplateUse } from './queue-whatsapp.ts';

interface Outbox {
  message_id: string;
  idempotency_key: string;
  to_wa_id: string;
  template: WhatsAppTemplateUse | null;
  body: string;
}

/** Errors before a request could reach the API: nothing was sent, so trying again cannot send twice. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The request body of the Graph API's POST /<phone number id>/messages: free text, or an approved template. */
export function graphMessage(o: Outbox): Record<string, unknown> {
  const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to: o.to_wa_id, biz_opaque_callback_data: o.idempotency_key };
  if (!o.template) return { ...base, type: 'text', text: { body: o.body, preview_url: false } };
  const params = o.template.parameters ?? [];
  return { ...base, type: 'template', template: { name: o.template.name, language: { code: o.template.language },
    ...(params.length ? { components: [{ type: 'body', parameters: params.map((text) => ({ type: 'text', text })) }] } : {}) } };
}

/**
 * Job `whatsapp.send`: sends one stored outbound message through the Graph API
 * (WHATSAPP_API_URL/<phone number id>/messages). It is never sent twice: the outbox row is claimed
 * (queued → sending) in one statement before the request, so a doubled job finds nothing to do, and
 * marked sent with Meta's message id after. A refusal with an HTTP answer (5xx, 429) or a failure to
 * connect puts it back and the job is retried with backoff; a 4xx (a closed service window, a template
 * Meta does not know) fails it at once with Meta's reason. An answer that never came (a timeout after
 * the request went out) fails it too, rather than risk a second copy: the agent sees why.
 */
export function sendWhatsAppJob(apiUrl: string, timeoutMs = 15_000) {
  return async (db: Db, job: JobRow): Promise<void> => {
    const accountId = job.account_id!;
    const messageId = String(job.payload.message_id);
    const [o] = await db.query<Outbox>(
      `UPDATE whatsapp_outbound w SET state = 'sending', claimed_at = now()
       FROM messages m WHERE w.account_id = $1 AND w.message_id = $2 AND w.state = 'queued' AND m.account_id = w.account_id AND m.id = w.message_id
       RETURNING w.message_id, w.idempotency_key, w.to_wa_id, w.template, m.body`,
      [accountId, messageId],
    );
    if (!o) return; // sent, being sent, or given up: never twice
    const fail = async (reason: string, retry: boolean) => {
      const last = !retry || job.attempts >= job.max_attempts;
      await db.query(`UPDATE whatsapp_outbound SET state = $3, last_error = $4 WHERE account_id = $1 AND message_id = $2`,
        [accountId, messageId, last ? 'failed' : 'queued', reason.slice(0, 500)]);
      await db.query(`UPDATE messages SET delivery_error = $3, delivery_status = CASE WHEN $4::boolean THEN 'failed' ELSE delivery_status END WHERE account_id = $1 AND id = $2`,
        [accountId, messageId, reason.slice(0, 500), last]);
      if (!last) throw new Error(reason);
    };
    const conn = await getConnections(db, accountId);
    if (!conn?.whatsapp_enabled || !conn.whatsapp_access_token || !conn.whatsapp_phone_number_id) {
      return fail('WhatsApp is not connected (or switched off) for this account', true);
    }
    let res: Response;
    try {
      res = await fetch(`${apiUrl.replace(/\/+$/, '')}/${conn.whatsapp_phone_number_id}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${conn.whatsapp_access_token}`, 'content-type': 'application/json', 'idempotency-key': o.idempotency_key },
        body: JSON.stringify(graphMessage(o)),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const code = (err as { cause?: { code?: string } }).cause?.code ?? '';
      if (NOT_SENT.has(code)) return fail(`could not reach the WhatsApp API (${code})`, true);
      return fail(`no answer from the WhatsApp API (${(err as Error).message}); not sent again, so it is never sent twice: check WhatsApp and resend if needed`, false);
    }
    const text = await res.text();
    if (!res.ok) {
      let reason = text.slice(0, 300);
      try {
        const e = JSON.parse(text).error;
        if (e?.message) reason = `${e.message}${e.code ? ` (${e.code})` : ''}`;
      } catch {
        // not JSON: the text as it came
      }
      return fail(`WhatsApp API answered ${res.status}: ${reason}`, res.status >= 500 || res.status === 429);
    }
    let wamid: string | null = null;
    try {
      wamid = JSON.parse(text).messages?.[0]?.id ?? null;
    } catch {
      // sent all the same: a 2xx is Meta's acceptance
    }
    await db.query(`UPDATE whatsapp_outbound SET state = 'sent', wamid = $3, last_error = NULL WHERE account_id = $1 AND message_id = $2`, [accountId, messageId, wamid]);
    await db.query(`UPDATE messages SET delivery_status = 'sent', sent_at = now(), delivery_error = NULL WHERE account_id = $1 AND id = $2`, [accountId, messageId]);
  };
}
