import { appendChatEntry } from '../intake/chat/chat-entries.ts';
import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { AppError } from '../shared/errors.ts';
import { guessLanguage } from '../text/language.ts';
import { emitEvent } from '../webhooks/events.ts';
import { checkReply } from '../replies/check-reply.ts';
import { recordReply } from '../replies/mantra-index.ts';
import type { Finding } from '../replies/types.ts';
import { insertMessage, type MessageRow } from './insert-message.ts';
import { CASE_COLUMNS, type CaseRow, loadCase, publicCase } from './store.ts';
import { outboundEmailFields, queueSend } from '../intake/channels/email/outbound.ts';
import { promisesOnReply } from '../promises/promises-on-reply.ts';
import { liveNotice } from '../live/notice.ts';
import { publishLive } from '../live/publish.ts';
import { notifyMentions } from './notify-mentions.ts';
import { notify } from '../promises/notify.ts';
import { checkWhatsAppReply, replyChannel } from '../intake/whatsapp/reply-target.ts';
import { queueWhatsApp, type WhatsAppTemplateUse } from '../intake/whatsapp/queue-whatsapp.ts';

export interface AddMessageOptions {
  type: 'outbound' | 'note';
  body: string;
  language?: string;
  /** overrides the complaint guess from the customer's last message (for the apology check) */
  isComplaint?: boolean;
  /** the clock promises in the reply are computed from (injectable for tests) */
  now?: Date;
  /** a reply on WhatsApp outside the 24-hour window must be an approved template */
  whatsappTemplate?: WhatsAppTemplateUse;
}

/**
 * An agent's reply to the customer or an internal note. A reply goes through the reply checker
 * first: a blocking finding stops it (nothing is written), warnings are kept on the message.
 * A reply to a `new` case triages it: the replying agent becomes the owner when there is none yet.
 */
export async function addMessage(db: Db, actor: Actor, caseIdOrRef: string, opts: AddMessageOptions): Promise<MessageRow> {
  return db.transaction(async (tx) => {
    const c = await loadCase(tx, actor.accountId, caseIdOrRef, true);
    if (c.status === 'closed' && opts.type === 'outbound') {
      throw new AppError('case_closed', `Case ${c.ref} is closed; open a new case to write to the customer`, 409);
    }
    let findings: Finding[] | null = null;
    if (opts.type === 'outbound') {
      const check = await checkReply(tx, actor.accountId, c, opts.body, { isComplaint: opts.isComplaint });
      if (check.blocked) {
        throw new AppError('reply_blocked', `The reply was not sent: ${check.findings.filter((f) => f.severity === 'block').map((f) => f.message).join(' ')}`, 422, check.findings);
      }
      findings = check.findings;
    }
    const language = opts.language ?? (opts.type === 'outbound' ? c.language : null) ?? guessLanguage(opts.body);
    // a reply goes where the customer last wrote from: WhatsApp (within its service window), else the case's channel
    const wa = opts.type === 'outbound' ? (await replyChannel(tx, actor.accountId, c, opts.now)).whatsapp : null;
    const template = wa ? checkWhatsAppReply(wa, opts.whatsappTemplate) : null;
    // a reply on an e-mail case goes out as mail: threaded, from the case's inbox, sent by the job worker
    const email = wa
      ? { to: wa.to, deliveryStatus: 'queued' as const }
      : opts.type === 'outbound' && c.channel === 'email' ? await outboundEmailFields(tx, actor.accountId, c) : undefined;
    const message = await insertMessage(tx, actor, {
      caseId: c.id,
      type: opts.type,
      channel: opts.type === 'note' ? 'internal' : wa ? 'whatsapp' : c.channel,
      body: opts.body,
      language,
      findings,
      email,
    });
    if (wa) await queueWhatsApp(tx, actor.accountId, message.id, wa.to, template);
    else if (message.delivery_status === 'queued') await queueSend(tx, actor.accountId, message.id);
    // a reply on a chat case is numbered into the chat, so the visitor's widget receives it (and resumes after it)
    if (message.channel === 'chat') await appendChatEntry(tx, actor.accountId, c.id, message.id);
    if (opts.type === 'note') {
      // a note has no webhook event (it is internal) but colleagues on the case see it live
      await publishLive(tx, liveNotice(actor.accountId, 'note.created', message));
      await notifyMentions(tx, actor, c, message);
    }
    // the case's followers hear of a reply or note by someone else
    await notify(tx, actor.accountId, {
      agentIds: [], followers: true, except: actor.agentId, kind: opts.type === 'note' ? 'case.note' : 'case.reply', caseId: c.id,
      body: `${c.ref}: ${opts.type === 'note' ? 'interne notitie' : 'antwoord aan de klant'} — ${opts.body.slice(0, 160)}`,
    });
    if (opts.type === 'outbound') {
      await recordReply(tx, actor.accountId, message.id, c.customer_id, opts.body);
      // the reply keeps answer promises, tells of broken ones, and registers the commitments it makes
      await promisesOnReply(tx, actor, { id: c.id, owner_id: c.owner_id ?? actor.agentId, language: c.language }, message, opts.now);
      // the first reply triages a new case: the agent who answers is accountable
      const takeOwnership = c.status === 'new' && !c.owner_id && actor.agentId;
      const [after] = await tx.query<CaseRow>(
        `UPDATE cases SET updated_at = now(),
           owner_id = CASE WHEN $3::boolean THEN $4::uuid ELSE owner_id END,
           status = CASE WHEN $3::boolean OR status IN ('open', 'pending_us') THEN 'pending_customer' ELSE status END
         WHERE account_id = $1 AND id = $2 RETURNING ${CASE_COLUMNS}`,
        [actor.accountId, c.id, Boolean(takeOwnership), actor.agentId],
      );
      if (after.status !== c.status || after.owner_id !== c.owner_id) {
        await emitEvent(tx, actor.accountId, 'case.updated', publicCase(after));
      }
    }
    return message;
  });
}
