import { promises as dns } from 'node:dns';
import type { Db } from '../../storage/db.ts';
import { type Actor } from '../../shared/actor.ts';
import { requirePermission } from '../../accounts/permissions.ts';
import { recordAudit } from '../../shared/audit.ts';
import { AppError, conflict, invalid, isUniqueViolation } from '../../shared/errors.ts';
import { queueVerification, RESEND_AFTER_MS } from './send-verification.ts';
import { dnsRecord, INBOX_COLUMNS, type InboxRow, loadInbox, publicInbox } from './store.ts';
import { codeMatches, MAX_CODE_ATTEMPTS } from './verification-code.ts';

/**
 * Proof that an account controls an inbox address, before mail to it is routed to the account:
 * the code from the verification mail, a DNS TXT record on the address's domain, or an
 * installation admin's word (`luister inbox verify`). At most one account has an address verified.
 */
export type ResolveTxt = (name: string) => Promise<string[][]>;

const alreadyElsewhere = () =>
  conflict('inbox_address_verified_elsewhere', 'This address already receives mail in another Luister account; the administrator of this Luister installation can move it');

async function markVerified(tx: Db, actor: Actor, inbox: InboxRow, by: 'mail' | 'dns' | 'admin') {
  try {
    const [row] = await tx.query<InboxRow>(
      `UPDATE inboxes SET verified_at = now(), verified_by = $3, verification_code_hash = NULL, verification_expires_at = NULL, verification_attempts = 0
       WHERE account_id = $1 AND id = $2 RETURNING ${INBOX_COLUMNS}`,
      [inbox.account_id, inbox.id, by],
    );
    await recordAudit(tx, actor, { action: 'inbox.verified', entityType: 'inbox', entityId: inbox.id, after: { address: row.address, verified_by: by } });
    return publicInbox(row);
  } catch (err) {
    // the proof is good, but another account has it verified already: only an installation admin decides
    if (isUniqueViolation(err, 'inboxes_address_verified')) throw alreadyElsewhere();
    throw err;
  }
}

async function loadForVerification(tx: Db, actor: Actor, id: string): Promise<InboxRow> {
  requirePermission(actor, 'inboxes.manage', 'Verifying inboxes');
  const [row] = await tx.query<InboxRow>(`SELECT ${INBOX_COLUMNS} FROM inboxes WHERE account_id = $1 AND id = $2 FOR UPDATE`, [actor.accountId, id]);
  if (!row) await loadInbox(tx, actor.accountId, id); // throws inbox_not_found
  if (row.verified_at) throw conflict('inbox_already_verified', `${row.address} is verified already`);
  return row;
}

/** Sends the verification mail (again); at most once a minute per inbox. */
export async function sendInboxVerification(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const row = await loadForVerification(tx, actor, id);
    const wait = row.verification_sent_at ? row.verification_sent_at.getTime() + RESEND_AFTER_MS - Date.now() : 0;
    if (wait > 0) throw new AppError('verification_recently_sent', `A verification mail went to ${row.address} just now; ask again in ${Math.ceil(wait / 1000)} s`, 429);
    await queueVerification(tx, actor.accountId, id);
    return publicInbox(await loadInbox(tx, actor.accountId, id));
  });
}

/** Confirms the inbox with the code from the verification mail. */
export async function confirmInboxCode(db: Db, actor: Actor, id: string, code: string) {
  const outcome = await db.transaction(async (tx) => {
    const row = await loadForVerification(tx, actor, id);
    if (!row.verification_code_hash || !row.verification_expires_at || row.verification_expires_at.getTime() < Date.now()) {
      return { error: invalid('verification_code_expired', 'There is no valid code for this inbox (none was sent yet, or it expired or was used up): ask for a new verification mail') };
    }
    if (!codeMatches(code, row.verification_code_hash)) {
      const attempts = row.verification_attempts + 1;
      // too many wrong tries void the code: guessing is pointless
      await tx.query(
        `UPDATE inboxes SET verification_attempts = $3::int,
           verification_code_hash = CASE WHEN $3::int >= $4::int THEN NULL ELSE verification_code_hash END
         WHERE account_id = $1 AND id = $2`,
        [actor.accountId, id, attempts, MAX_CODE_ATTEMPTS],
      );
      const left = MAX_CODE_ATTEMPTS - attempts;
      return { error: invalid('verification_code_wrong', left > 0 ? `That is not the code in the verification mail (${left} tries left)` : 'That is not the code; it is void now: ask for a new verification mail') };
    }
    return { inbox: await markVerified(tx, actor, row, 'mail') };
  });
  // the wrong try is counted (committed) before the error goes out
  if ('error' in outcome) throw outcome.error;
  return outcome.inbox;
}

/** Confirms the inbox by the TXT record `_luister.<domain>` = `luister-verification=<token>`. */
export async function verifyInboxByDns(db: Db, actor: Actor, id: string, resolveTxt: ResolveTxt = (n) => dns.resolveTxt(n)) {
  requirePermission(actor, 'inboxes.manage', 'Verifying inboxes');
  const peek = await loadInbox(db, actor.accountId, id);
  if (peek.verified_at) throw conflict('inbox_already_verified', `${peek.address} is verified already`);
  const record = dnsRecord(peek);
  let found: string[] = [];
  try {
    found = (await resolveTxt(record.name)).map((chunks) => chunks.join(''));
  } catch {
    found = []; // no such name, or the resolver failed: the record is not there (yet)
  }
  if (!found.some((v) => v.trim() === record.value)) {
    throw invalid('dns_record_not_found', `No TXT record ${record.name} with the value ${record.value} was found (DNS changes can take a while to show)`);
  }
  return db.transaction(async (tx) => {
    const row = await loadForVerification(tx, actor, id);
    if (row.address !== peek.address || row.dns_token !== peek.dns_token) throw conflict('inbox_changed', 'The inbox changed meanwhile; try again');
    return markVerified(tx, actor, row, 'dns');
  });
}

/**
 * `luister inbox verify ADDRESS [--account ID]`: the installation admin vouches for the address.
 * Whoever runs the CLI has the whole database, so this one looks across accounts.
 */
export async function markInboxVerified(db: Db, address: string, accountId?: string) {
  return db.transaction(async (tx) => {
    const rows = await tx.query<InboxRow>(
      `SELECT ${INBOX_COLUMNS} FROM inboxes WHERE address = $1 AND ($2::uuid IS NULL OR account_id = $2::uuid) ORDER BY created_at FOR UPDATE`,
      [address.trim().toLowerCase(), accountId ?? null],
    );
    if (!rows.length) throw new AppError('inbox_not_found', `No inbox has the address ${address}${accountId ? ' in that account' : ''}`, 404);
    const verified = rows.find((r) => r.verified_at);
    if (verified) throw conflict('inbox_already_verified', `${verified.address} is verified already, in account ${verified.account_id}`);
    if (rows.length > 1) {
      throw new AppError('account_required', `${rows.length} accounts have an inbox ${rows[0].address}: give --account (${rows.map((r) => r.account_id).join(', ')})`, 400);
    }
    const actor: Actor = { accountId: rows[0].account_id, type: 'system', id: null, role: 'admin', agentId: null };
    return markVerified(tx, actor, rows[0], 'admin');
  });
}
