import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { invalid, notFound } from '../shared/errors.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { isCurrency } from './money.ts';

export interface TariffRule {
  id: string;
  product: string;
  currency: string;
  fixed_cents: number;
  unit_price_cents: number;
  max_cents: number | null;
  tolerance_cents: number;
  created_at: Date;
}
const COLUMNS = 'id, product, currency, fixed_cents, unit_price_cents::float8 AS unit_price_cents, max_cents, tolerance_cents, created_at';

export async function listTariffRules(db: Db, accountId: string) {
  return { data: await db.query<TariffRule>(`SELECT ${COLUMNS} FROM tariff_rules WHERE account_id = $1 ORDER BY product, currency`, [accountId]) };
}

/** A product's tariff as data: one rule per product and currency (saving again replaces it). */
export async function saveTariffRule(db: Db, actor: Actor, r: Omit<TariffRule, 'id' | 'created_at'>): Promise<TariffRule> {
  requirePermission(actor, 'refunds.manage_ledger', 'Changing tariff rules');
  if (!isCurrency(r.currency)) throw invalid('unknown_currency', `currency: "${r.currency}" is not an ISO 4217 code`);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<TariffRule>(
      `INSERT INTO tariff_rules (account_id, product, currency, fixed_cents, unit_price_cents, max_cents, tolerance_cents) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (account_id, product, currency) DO UPDATE SET fixed_cents = $4, unit_price_cents = $5, max_cents = $6, tolerance_cents = $7
       RETURNING ${COLUMNS}`,
      [actor.accountId, r.product, r.currency, r.fixed_cents, r.unit_price_cents, r.max_cents, r.tolerance_cents],
    );
    await recordAudit(tx, actor, { action: 'tariff_rule.saved', entityType: 'tariff_rule', entityId: row.id, after: r });
    return row;
  });
}

export async function deleteTariffRule(db: Db, actor: Actor, id: string) {
  requirePermission(actor, 'refunds.manage_ledger', 'Changing tariff rules');
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>('DELETE FROM tariff_rules WHERE account_id = $1 AND id = $2 RETURNING id', [actor.accountId, id]);
    if (!row) throw notFound('tariff_rule', id);
    await recordAudit(tx, actor, { action: 'tariff_rule.deleted', entityType: 'tariff_rule', entityId: id });
    return { id, deleted: true };
  });
}
