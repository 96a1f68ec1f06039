import type { FieldValues } from '../custom-fields/fields.ts';
import type { Db } from '../storage/db.ts';
import { isUuid } from '../shared/ids.ts';
import { notFound } from '../shared/errors.ts';
import type { CaseStatus, ChannelKind, Priority, Tier } from './status.ts';
import { findCaseNumber } from './subject.ts';

export interface CaseRow {
  id: string;
  ref: string;
  subject: string;
  subject_key: string;
  status: CaseStatus;
  priority: Priority;
  tier: Tier;
  topic: string | null;
  language: string | null;
  channel: ChannelKind;
  customer_id: string;
  owner_id: string | null;
  team_id: string | null;
  transfer_count: number;
  contact_count: number;
  created_at: Date;
  updated_at: Date;
  last_contact_at: Date;
  solved_at: Date | null;
  closed_at: Date | null;
  /** custom field values by key (src/custom-fields/) */
  custom_fields: FieldValues;
  /** a merged case: the case it went into (src/cases/merge-cases.ts); it is closed */
  merged_into_id: string | null;
}

export const CASE_COLUMNS = `id, ref, subject, subject_key, status, priority, tier, topic, language, channel,
  customer_id, owner_id, team_id, transfer_count, contact_count, created_at, updated_at, last_contact_at, solved_at, closed_at, custom_fields, merged_into_id`;

/** A case by its id or its reference (LU-1042), in this account only. */
export async function loadCase(db: Db, accountId: string, idOrRef: string, forUpdate = false): Promise<CaseRow> {
  const lock = forUpdate ? ' FOR UPDATE' : '';
  let rows: CaseRow[] = [];
  if (isUuid(idOrRef)) {
    rows = await db.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE account_id = $1 AND id = $2${lock}`, [accountId, idOrRef]);
  } else {
    const n = /^LU-\d{1,15}$/i.test(idOrRef) ? findCaseNumber(idOrRef) : null;
    if (n !== null) {
      rows = await db.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE account_id = $1 AND number = $2${lock}`, [accountId, n]);
    }
  }
  if (!rows[0]) throw notFound('case', idOrRef);
  return rows[0];
}

/** The case as the API shows it (the internal matching key stays inside). */
export function publicCase(c: CaseRow) {
  const { subject_key: _, ...rest } = c;
  return rest;
}
