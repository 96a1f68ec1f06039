import type { Db } from '../storage/db.ts';
import type { Config } from '../config.ts';
import type { InboxRow } from './inboxes/store.ts';
import { isDrop, PIPELINE } from './pipeline/index.ts';
import { checkAttachments } from './store-attachments.ts';
import { storeBatch } from './store-batch.ts';
import { unreadable } from './permanent-failure.ts';
import type { IntakeConfig, PreparedInbound } from './store-inbound.ts';
import type { ChannelAdapter, InboundMessage, IntakeResult } from './types.ts';

export type { IntakeConfig, PreparedInbound };

export interface IntakeTarget {
  accountId: string;
  inbox: InboxRow | null;
  to: string | null;
  envelopeFrom?: string | null;
}

/**
 * The main road for a message from outside, read top to bottom:
 *   a channel adapter turns what arrived into an InboundMessage
 *   → the pipeline steps refine it, or drop it with a reason          (prepareInbound: no database)
 *   → in one transaction (store-batch.ts, possibly shared with other messages): a second delivery
 *     of the same message is recognised; a bounce marks the address; otherwise the customer is
 *     identified, the case found (thread, reference, repeat contact) or opened, the message and its
 *     attachments stored, and the acknowledgement queued                (storeInbound)
 * Returns only after the transaction committed: callers (the SMTP listener's 250, IMAP's \Seen)
 * confirm on that.
 */
export async function receiveInbound<Raw>(db: Db, adapter: ChannelAdapter<Raw>, raw: Raw, target: IntakeTarget, config: IntakeConfig): Promise<IntakeResult> {
  const prepared = await prepareInbound(adapter, raw, target, config);
  if ('outcome' in prepared) return prepared;
  const [result] = await storeBatch(db, [prepared], config);
  if (result instanceof Error) throw result;
  return result;
}

/**
 * Adapter, pipeline and attachment checks: what can be done before the database, or the reason it is
 * dropped. A message that cannot be read throws a PermanentFailure (permanent-failure.ts).
 */
export async function prepareInbound<Raw>(
  adapter: ChannelAdapter<Raw>,
  raw: Raw,
  target: IntakeTarget,
  config: Pick<Config, 'ATTACHMENT_MAX_BYTES'>,
): Promise<PreparedInbound | { outcome: 'dropped'; reason: string }> {
  try {
    let m: InboundMessage = await adapter.toInbound(raw, { ...target, inboxId: target.inbox?.id ?? null });
    for (const step of PIPELINE) {
      const next = await step(m);
      if (isDrop(next)) return { outcome: 'dropped', reason: next.drop };
      m = next;
    }
    return { message: m, inbox: target.inbox, attachments: await checkAttachments(m.attachments, config.ATTACHMENT_MAX_BYTES) };
  } catch (err) {
    // nothing here touches the database: the same bytes fail the same way on every delivery
    throw unreadable(err);
  }
}
