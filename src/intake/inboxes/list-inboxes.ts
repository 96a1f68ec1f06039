import type { Db } from '../../storage/db.ts';
import { INBOX_COLUMNS, type InboxRow, publicInbox } from './store.ts';

export async function listInboxes(db: Db, accountId: string) {
  const rows = await db.query<InboxRow>(`SELECT ${INBOX_COLUMNS} FROM inboxes WHERE account_id = $1 ORDER BY created_at, id`, [accountId]);
  return { data: rows.map(publicInbox) };
}
