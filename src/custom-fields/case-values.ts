import type { Db } from '../storage/db.ts';
import type { FieldValues } from './fields.ts';
import type { ValuesByEntity } from './conditions.ts';

/** The custom field values a case is judged by: its own, its customer's and their organisation's (if any). */
export async function caseFieldValues(db: Db, accountId: string, caseId: string): Promise<ValuesByEntity & { organisation_name: string | null }> {
  const [row] = await db.query<{ c: FieldValues; cu: FieldValues | null; o: FieldValues | null; organisation_name: string | null }>(
    `SELECT c.custom_fields AS c, cu.custom_fields AS cu, o.custom_fields AS o, o.name AS organisation_name
     FROM cases c
     LEFT JOIN customers cu ON cu.account_id = c.account_id AND cu.id = c.customer_id
     LEFT JOIN organisations o ON o.account_id = cu.account_id AND o.id = cu.organisation_id
     WHERE c.account_id = $1 AND c.id = $2`,
    [accountId, caseId],
  );
  return { case: row?.c ?? {}, customer: row?.cu ?? null, organisation: row?.o ?? null, organisation_name: row?.organisation_name ?? null };
}
