import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit, diff } from '../shared/audit.ts';
import { invalid } from '../shared/errors.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { isValidBIC } from 'ibantools';
import { checkIban } from './destination.ts';

export interface RefundSettings {
  agent_limit_cents: number;
  target_business_days: number;
  double_charge_window_minutes: number;
  debtor_name: string | null;
  debtor_iban: string | null;
  debtor_bic: string | null;
}

export const DEFAULT_REFUND_SETTINGS: RefundSettings = {
  agent_limit_cents: 5000, target_business_days: 5, double_charge_window_minutes: 1440, debtor_name: null, debtor_iban: null, debtor_bic: null,
};

export async function getRefundSettings(db: Db, accountId: string): Promise<RefundSettings> {
  const [row] = await db.query<RefundSettings>(
    'SELECT agent_limit_cents, target_business_days, double_charge_window_minutes, debtor_name, debtor_iban, debtor_bic FROM refund_settings WHERE account_id = $1',
    [accountId],
  );
  return row ?? { ...DEFAULT_REFUND_SETTINGS };
}

/** Changes the refund settings (admin). The paying account's IBAN and BIC are checked; a bad value changes nothing. */
export async function updateRefundSettings(db: Db, actor: Actor, patch: Partial<RefundSettings>): Promise<RefundSettings> {
  requirePermission(actor, 'refunds.settings', 'Changing the refund settings');
  if (patch.debtor_iban) {
    const r = checkIban(patch.debtor_iban);
    if (!r.ok) throw invalid('invalid_iban', `debtor_iban: ${r.reason}`);
    patch = { ...patch, debtor_iban: r.iban };
  }
  if (patch.debtor_bic && !isValidBIC(patch.debtor_bic)) throw invalid('invalid_bic', `debtor_bic: "${patch.debtor_bic}" is not a BIC`);
  return db.transaction(async (tx) => {
    const before = await getRefundSettings(tx, actor.accountId);
    const next = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as RefundSettings;
    await tx.query(
      `INSERT INTO refund_settings (account_id, agent_limit_cents, target_business_days, double_charge_window_minutes, debtor_name, debtor_iban, debtor_bic, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (account_id) DO UPDATE SET agent_limit_cents = $2, target_business_days = $3, double_charge_window_minutes = $4,
         debtor_name = $5, debtor_iban = $6, debtor_bic = $7, updated_at = now()`,
      [actor.accountId, next.agent_limit_cents, next.target_business_days, next.double_charge_window_minutes, next.debtor_name, next.debtor_iban, next.debtor_bic],
    );
    const d = diff(before as unknown as Record<string, unknown>, next as unknown as Record<string, unknown>);
    if (d.changed) await recordAudit(tx, actor, { action: 'refund_settings.updated', entityType: 'account', entityId: actor.accountId, before: d.before, after: d.after });
    return next;
  });
}
