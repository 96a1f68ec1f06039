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
  /** null until the account proved it controls the address; only then is mail routed by it */
  verified_at: Date | null;
  verified_by: 'mail' | 'dns' | 'admin' | 'existing' | null;
  verification_code_hash: string | null;
  verification_expires_at: Date | null;
  verification_attempts: number;
  verification_sent_at: Date | null;
  dns_token: string;
  /** closing lines under every mail from this inbox, per language ('' = none; the other language's when one is empty) */
  signature_nl: string;
  signature_en: string;
}

export const INBOX_COLUMNS =
  'id, account_id, address, name, team_id, acknowledge, imap_url, imap_password, imap_move_to, imap_uidvalidity, imap_last_uid, imap_polled_at, imap_error, created_at, ' +
  'verified_at, verified_by, verification_code_hash, verification_expires_at, verification_attempts, verification_sent_at, dns_token, signature_nl, signature_en';

/** The DNS record that proves an inbox's domain: TXT `_luister.<domain>` = `luister-verification=<token>`. */
export function dnsRecord(row: Pick<InboxRow, 'address' | 'dns_token'>) {
  return { type: 'TXT' as const, name: `_luister.${row.address.split('@')[1]}`, value: `luister-verification=${row.dns_token}` };
}

/** What the API shows of an inbox: never the IMAP password, only whether there is one; never the verification code. */
export function publicInbox(row: InboxRow) {
  const {
    account_id: _a, imap_password, imap_uidvalidity: _v, imap_last_uid, verified_at, verified_by, verification_code_hash: _h,
    verification_expires_at, verification_attempts: _n, verification_sent_at, dns_token: _t, ...rest
  } = row;
  return {
    ...rest,
    imap_url: row.imap_url ? redactUrl(row.imap_url) : null,
    imap_has_password: Boolean(imap_password),
    imap_last_uid: Number(imap_last_uid),
    verified: verified_at !== null,
    verification: {
      verified_at,
      verified_by,
      code_sent_at: verification_sent_at,
      code_expires_at: verified_at ? null : verification_expires_at,
      dns_record: verified_at ? null : dnsRecord(row),
    },
  };
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
 * The inbox an address delivers to, in whichever account has it verified (at most one: a unique
 * index). SMTP must route before it knows the account, so this is the one inbox query not scoped
 * to an account. An unverified inbox receives nothing: the mail is refused as for an unknown
 * address, whether or not some account registered it.
 */
export async function inboxForAddress(db: Db, address: string): Promise<InboxRow | null> {
  const [row] = await db.query<InboxRow>(`SELECT ${INBOX_COLUMNS} FROM inboxes WHERE address = $1 AND verified_at IS NOT NULL`, [address.toLowerCase()]);
  return row ?? null;
}

/**
 * An inbox's columns as mail leaves it: its own sender name and signature, else the account's
 * defaults (mail-defaults.ts), else (the name) the account's name. Its own signature wins when it has
 * one in either language, so an inbox never mixes its lines with the account's. The API shows an
 * inbox's own values; the queries that send read these.
 */
const SENDING_COLUMNS = INBOX_COLUMNS.split(', ').filter((c) => !['name', 'signature_nl', 'signature_en'].includes(c)).map((c) => `i.${c}`).join(', ') + `,
  coalesce(nullif(i.name, ''), nullif(d.sender_name, ''), a.name) AS name,
  CASE WHEN i.signature_nl = '' AND i.signature_en = '' THEN coalesce(d.signature_nl, '') ELSE i.signature_nl END AS signature_nl,
  CASE WHEN i.signature_nl = '' AND i.signature_en = '' THEN coalesce(d.signature_en, '') ELSE i.signature_en END AS signature_en`;
const SENDING_FROM = 'inboxes i JOIN accounts a ON a.account_id = i.account_id LEFT JOIN mail_defaults d ON d.account_id = i.account_id';

/** The inbox a case's e-mail goes out through: its own, else the account's first; sender name and signature as sent. */
export async function inboxForCase(db: Db, accountId: string, inboxId: string | null): Promise<InboxRow | null> {
  const [row] = await db.query<InboxRow>(
    `SELECT ${SENDING_COLUMNS} FROM ${SENDING_FROM} WHERE i.account_id = $1 ORDER BY (i.id = $2::uuid) DESC NULLS LAST, i.created_at, i.id LIMIT 1`,
    [accountId, inboxId],
  );
  return row ?? null;
}
