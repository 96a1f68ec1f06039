import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { notFound } from '../shared/errors.ts';
import type { PreferenceKind, PreferenceSource } from './contact-decision.ts';
import { PREFERENCE_COLUMNS, type ContactPreferenceRow } from './list-contact-preferences.ts';

export interface SetContactPreferenceOptions {
  customerId: string;
  kind: PreferenceKind;
  allowed: boolean;
  source: PreferenceSource;
  /** source 'message': where the customer said it */
  messageId?: string | null;
  caseId?: string | null;
  sentence?: string | null;
}

/**
 * Sets one preference with where it came from and when, in the caller's transaction, and audits
 * it. The audit row carries the kind, the choice, the source and the message id — never the
 * sentence: personal text stays out of the append-only log, so an erasure can remove it.
 * `sales` is mirrored in customers.sales_opt_out, which older paths read.
 */
export async function setContactPreference(tx: Db, actor: Actor, o: SetContactPreferenceOptions): Promise<ContactPreferenceRow> {
  const [customer] = await tx.query<{ id: string }>('SELECT id FROM customers WHERE account_id = $1 AND id = $2 AND erased_at IS NULL FOR UPDATE', [actor.accountId, o.customerId]);
  if (!customer) throw notFound('customer', o.customerId);
  const [before] = await tx.query<ContactPreferenceRow>(
    `SELECT ${PREFERENCE_COLUMNS} FROM contact_preferences WHERE account_id = $1 AND customer_id = $2 AND kind = $3`,
    [actor.accountId, o.customerId, o.kind],
  );
  const [row] = await tx.query<ContactPreferenceRow>(
    `INSERT INTO contact_preferences (account_id, customer_id, kind, allowed, source, message_id, case_id, sentence, set_by, set_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, left($8, 2000), $9, clock_timestamp())
     ON CONFLICT (account_id, customer_id, kind) DO UPDATE SET allowed = EXCLUDED.allowed, source = EXCLUDED.source,
       message_id = EXCLUDED.message_id, case_id = EXCLUDED.case_id, sentence = EXCLUDED.sentence, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at
     RETURNING ${PREFERENCE_COLUMNS}`,
    [actor.accountId, o.customerId, o.kind, o.allowed, o.source, o.messageId ?? null, o.caseId ?? null, o.sentence ?? null, actor.agentId ?? actor.id],
  );
  if (o.kind === 'sales') {
    await tx.query('UPDATE customers SET sales_opt_out = $3, updated_at = now() WHERE account_id = $1 AND id = $2', [actor.accountId, o.customerId, !o.allowed]);
  }
  await recordAudit(tx, actor, {
    action: o.allowed ? 'customer.contact_allowed' : 'customer.contact_refused',
    entityType: 'customer',
    entityId: o.customerId,
    before: before ? { kind: before.kind, allowed: before.allowed, source: before.source } : null,
    after: { kind: o.kind, allowed: o.allowed, source: o.source, message_id: o.messageId ?? null, case_id: o.caseId ?? null },
  });
  return row;
}
