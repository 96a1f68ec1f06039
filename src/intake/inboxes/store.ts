import type { Db } from '../../storage/db.ts';
import { notFound } from '../../shared/errors.ts';

export interface InboxRow {
  id: string;
  account_id: string;
  address: string;
  name: string;
  team_id: string | null;
  acknowledge: boolean;
  imap_url: string | null;
  imap_password: string | null;
  imap_move_to: string | null;
  /** bigint columns: a string on pg, a number on PGlite */
  imap_uidvalidity: string | number | null;
  imap_last_uid: string | number;
  imap_polled_at: Date | null;
  imap_error: string | null;
  created_at: Date;
}

export const INBOX_COLUMNS =
  'id, account_id, address, name, team_id, acknowledge, imap_url, imap_password, imap_move_to, imap_uidvalidity, imap_last_uid, imap_polled_at, imap_error, created_at';

/** What the API shows of an inbox: never the IMAP password, only whether there is one. */
export function publicInbox(row: InboxRow) {
  const { account_id: _a, imap_password, imap_uidvalidity: _v, imap_last_uid, ...rest } = row;
  return { ...rest, imap_url: row.imap_url ? redactUrl(row.imap_url) : null, imap_has_password: Boolean(imap_password), imap_last_uid: Number(imap_last_uid) };
}

/** imaps://user:secret@host/INBOX → imaps://user@host/INBOX: a password never leaves through the API or a log. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}

export async function loadInbox(db: Db, accountId: string, id: string): Promise<InboxRow> {
  const [row] = await db.query<InboxRow>(`SELECT ${INBOX_COLUMNS} FROM inboxes WHERE account_id = $1 AND id = $2`, [accountId, id]);
  if (!row) throw notFound('inbox', id);
  return row;
}

/**
 * The inbox an address delivers to, in whichever account has it. SMTP must route before it
 * knows the account, so this is the one inbox query not scoped to an account.
 */
export async function inboxForAddress(db: Db, address: string): Promise<InboxRow | null> {
  const [row] = await db.query<InboxRow>(`SELECT ${INBOX_COLUMNS} FROM inboxes WHERE address = $1`, [address.toLowerCase()]);
  return row ?? null;
}

/** The inbox a case's e-mail goes out through: its own, else the account's first. */
export async function inboxForCase(db: Db, accountId: string, inboxId: string | null): Promise<InboxRow | null> {
  const [row] = await db.query<InboxRow>(
    `SELECT ${INBOX_COLUMNS} FROM inboxes WHERE account_id = $1 ORDER BY (id = $2::uuid) DESC NULLS LAST, created_at, id LIMIT 1`,
    [accountId, inboxId],
  );
  return row ?? null;
}
