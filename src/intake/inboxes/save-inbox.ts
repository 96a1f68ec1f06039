import type { Db } from '../../storage/db.ts';
import { type Actor } from '../../shared/actor.ts';
import { requirePermission } from '../../accounts/permissions.ts';
import { recordAudit } from '../../shared/audit.ts';
import { conflict, invalid, isUniqueViolation, notFound } from '../../shared/errors.ts';
import { isMailAddress, splitPlusAddress } from '../channels/email/addresses.ts';
import { queueVerification } from './send-verification.ts';
import { INBOX_COLUMNS, type InboxRow, loadInbox, publicInbox } from './store.ts';

export interface InboxInput {
  address?: string;
  /** the sender name; '' = the account's default (mail-defaults.ts) */
  name?: string;
  team_id?: string | null;
  acknowledge?: boolean;
  /** imap://user@host:143/INBOX or imaps://…; null removes polling */
  imap_url?: string | null;
  imap_password?: string | null;
  imap_move_to?: string | null;
  /** closing lines under every mail sent from this inbox, Dutch and English ('' removes) */
  signature_nl?: string;
  signature_en?: string;
}

/**
 * Adds an inbox (admin): an address mail arrives at, optionally an IMAP mailbox to fetch from.
 * Mail to the address is routed to the account only once it is verified: a verification mail with
 * a code goes to the address now. Any account may add any address (whether another account has it
 * says nothing about this one: the answer is the same), only one can verify it.
 */
export async function createInbox(db: Db, actor: Actor, input: InboxInput & { address: string }) {
  requirePermission(actor, 'inboxes.manage', 'Adding inboxes');
  const address = checkAddress(input.address);
  if (input.imap_url !== undefined && input.imap_url !== null) checkImapUrl(input.imap_url);
  return db.transaction(async (tx) => {
    if (input.team_id) await checkTeam(tx, actor.accountId, input.team_id);
    try {
      const [row] = await tx.query<InboxRow>(
        `INSERT INTO inboxes (account_id, address, name, team_id, acknowledge, imap_url, imap_password, imap_move_to, signature_nl, signature_en)
         VALUES ($1, $2, $3, $4, coalesce($5, true), $6, $7, $8, $9, $10) RETURNING ${INBOX_COLUMNS}`,
        [actor.accountId, address, (input.name ?? '').trim(), input.team_id ?? null, input.acknowledge ?? null, input.imap_url ?? null,
          input.imap_password ?? null, input.imap_move_to ?? null, cleanSignature(input.signature_nl), cleanSignature(input.signature_en)],
      );
      await recordAudit(tx, actor, { action: 'inbox.created', entityType: 'inbox', entityId: row.id, after: publicInbox(row) });
      await queueVerification(tx, actor.accountId, row.id);
      return publicInbox(await loadInbox(tx, actor.accountId, row.id));
    } catch (err) {
      if (isUniqueViolation(err, 'inboxes_account_address')) throw conflict('inbox_address_taken', `${address} is already an inbox of this account`);
      throw err;
    }
  });
}

/** Changes an inbox (admin). Changing the IMAP mailbox starts its UID bookkeeping afresh. */
export async function updateInbox(db: Db, actor: Actor, id: string, input: InboxInput) {
  requirePermission(actor, 'inboxes.manage', 'Changing inboxes');
  if (input.address !== undefined) checkAddress(input.address);
  if (input.imap_url) checkImapUrl(input.imap_url);
  return db.transaction(async (tx) => {
    const before = await loadInbox(tx, actor.accountId, id);
    if (input.team_id) await checkTeam(tx, actor.accountId, input.team_id);
    const next = {
      address: input.address !== undefined ? checkAddress(input.address) : before.address,
      name: input.name?.trim() ?? before.name,
      team_id: input.team_id !== undefined ? input.team_id : before.team_id,
      acknowledge: input.acknowledge ?? before.acknowledge,
      imap_url: input.imap_url !== undefined ? input.imap_url : before.imap_url,
      imap_password: input.imap_password !== undefined ? input.imap_password : before.imap_password,
      imap_move_to: input.imap_move_to !== undefined ? input.imap_move_to : before.imap_move_to,
      signature_nl: input.signature_nl !== undefined ? cleanSignature(input.signature_nl) : before.signature_nl,
      signature_en: input.signature_en !== undefined ? cleanSignature(input.signature_en) : before.signature_en,
    };
    const mailboxChanged = next.imap_url !== before.imap_url;
    // a new address is a new claim: unverified (no mail routed) until it is proved, with a new DNS token
    const addressChanged = next.address !== before.address;
    try {
      const [row] = await tx.query<InboxRow>(
        `UPDATE inboxes SET address = $3, name = $4, team_id = $5, acknowledge = $6, imap_url = $7, imap_password = $8, imap_move_to = $9,
           imap_uidvalidity = CASE WHEN $10::boolean THEN NULL ELSE imap_uidvalidity END,
           imap_last_uid = CASE WHEN $10::boolean THEN 0 ELSE imap_last_uid END,
           imap_error = CASE WHEN $10::boolean THEN NULL ELSE imap_error END,
           verified_at = CASE WHEN $11::boolean THEN NULL ELSE verified_at END,
           verified_by = CASE WHEN $11::boolean THEN NULL ELSE verified_by END,
           verification_code_hash = CASE WHEN $11::boolean THEN NULL ELSE verification_code_hash END,
           verification_expires_at = CASE WHEN $11::boolean THEN NULL ELSE verification_expires_at END,
           verification_attempts = CASE WHEN $11::boolean THEN 0 ELSE verification_attempts END,
           dns_token = CASE WHEN $11::boolean THEN replace(gen_random_uuid()::text, '-', '') ELSE dns_token END,
           signature_nl = $12, signature_en = $13
         WHERE account_id = $1 AND id = $2 RETURNING ${INBOX_COLUMNS}`,
        [actor.accountId, id, next.address, next.name, next.team_id, next.acknowledge, next.imap_url, next.imap_password, next.imap_move_to, mailboxChanged, addressChanged,
          next.signature_nl, next.signature_en],
      );
      await recordAudit(tx, actor, { action: 'inbox.updated', entityType: 'inbox', entityId: id, before: publicInbox(before), after: publicInbox(row) });
      if (!addressChanged) return publicInbox(row);
      await queueVerification(tx, actor.accountId, id);
      return publicInbox(await loadInbox(tx, actor.accountId, id));
    } catch (err) {
      if (isUniqueViolation(err, 'inboxes_account_address')) throw conflict('inbox_address_taken', `${next.address} is already an inbox of this account`);
      throw err;
    }
  });
}

/** A signature as stored: line ends made \n, trailing spaces and blank edges gone; a leading "-- " separator is ours to add. */
/** A signature as typed: Windows line ends, trailing spaces, blank lines around it and a pasted "-- " separator tidied away. */
export function cleanSignature(raw: string | undefined): string {
  const lines = (raw ?? '').replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd());
  while (lines.length && (lines[0] === '' || lines[0] === '--')) lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

async function checkTeam(tx: Db, accountId: string, teamId: string) {
  const [team] = await tx.query('SELECT 1 FROM teams WHERE account_id = $1 AND id = $2', [accountId, teamId]);
  if (!team) throw notFound('team', teamId);
}

function checkAddress(raw: string): string {
  const address = raw.trim().toLowerCase();
  if (!isMailAddress(address)) throw invalid('invalid_address', `"${raw}" is not an e-mail address`);
  if (splitPlusAddress(address).tag) throw invalid('invalid_address', 'An inbox address has no +tag: replies use support+LU-1042@… on their own');
  return address;
}

function checkImapUrl(raw: string): void {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw invalid('invalid_imap_url', `"${raw}" is not a URL; use imaps://user@host:993/INBOX`);
  }
  if (u.protocol !== 'imap:' && u.protocol !== 'imaps:') throw invalid('invalid_imap_url', 'The IMAP URL starts with imaps:// (TLS) or imap://');
  if (!u.username) throw invalid('invalid_imap_url', 'The IMAP URL names the user: imaps://user@host/INBOX');
  if (u.password) throw invalid('invalid_imap_url', 'Give the IMAP password as imap_password, not inside the URL');
}
