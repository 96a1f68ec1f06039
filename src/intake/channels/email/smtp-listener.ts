import { readFileSync } from 'node:fs';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type pino from 'pino';
import type { Db } from '../../../storage/db.ts';
import type { Config } from '../../../config.ts';
import { inboxForAddress, type InboxRow } from '../../inboxes/store.ts';
import type { IntakeResult } from '../../types.ts';
import { PermanentFailure, permanentDatabaseFailure } from '../../permanent-failure.ts';
import { isMailAddress, splitPlusAddress } from './addresses.ts';

type SmtpConfig = Pick<Config, 'SMTP_PORT' | 'SMTP_HOST' | 'SMTP_MAX_BYTES' | 'SMTP_MAX_RECIPIENTS' | 'SMTP_TLS_KEY' | 'SMTP_TLS_CERT'
  | 'SMTP_MAX_CONNECTIONS' | 'SMTP_MAX_CONNECTIONS_PER_IP' | 'SMTP_IDLE_TIMEOUT_SECONDS'
  | 'ACK_PER_SENDER_PER_HOUR' | 'FIRST_RESPONSE_HOURS' | 'ATTACHMENT_MAX_BYTES'>;

/** An SMTP reply with its code: smtp-server sends `responseCode` and the message. */
function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

interface Envelope {
  recipients: { address: string; inbox: InboxRow }[];
  attempts: number;
}

/**
 * Luister's own mail server for inbound mail (point a domain's MX, or a forward, at it). It
 * answers 250 only after every copy of the message is committed to the database; a temporary
 * failure (the database is down) answers 451 so the sending server tries again later, a message
 * that can never be stored (permanent-failure.ts) 552 or 554 with the reason. Unknown recipients
 * get 550, malformed addresses 553, mail over the size limit 552, too many recipients 452 and then
 * 554. Connections are capped in total and per client address (421 past the cap) and closed when
 * idle, so idle clients cannot use up the process's file descriptors (and with them HTTP).
 * Internationalised addresses (SMTPUTF8, RFC 6531) are accepted.
 */
export async function startSmtpListener(db: Db, config: SmtpConfig, log: pino.Logger, opts: { port?: number } = {}) {
  const envelopes = new Map<string, Envelope>();
  const envelopeOf = (s: SMTPServerSession) => {
    let e = envelopes.get(s.id);
    if (!e) envelopes.set(s.id, (e = { recipients: [], attempts: 0 }));
    return e;
  };
  let store: Promise<Store> | null = null;
  const inboxOf = cachedInboxLookup(db);
  const tls = config.SMTP_TLS_KEY && config.SMTP_TLS_CERT
    ? { key: readFileSync(config.SMTP_TLS_KEY), cert: readFileSync(config.SMTP_TLS_CERT) }
    : null;

  /** open sessions per client address, for SMTP_MAX_CONNECTIONS_PER_IP; a session counts once it passed onConnect */
  const perIp = new Map<string, number>();
  const counted = new Set<string>();

  const server = new SMTPServer({
    name: 'luister',
    banner: 'Luister ESMTP',
    size: config.SMTP_MAX_BYTES,
    authOptional: true,
    disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(tls ?? {}),
    logger: false,
    hideSMTPUTF8: false, // RFC 6531: jdöe@mächine.example may send and be written to
    maxClients: config.SMTP_MAX_CONNECTIONS, // smtp-server answers 421 past it
    socketTimeout: config.SMTP_IDLE_TIMEOUT_SECONDS * 1000,
    closeTimeout: 10_000,

    onConnect(session, cb) {
      const ip = session.remoteAddress;
      const open = perIp.get(ip) ?? 0;
      if (open >= config.SMTP_MAX_CONNECTIONS_PER_IP) {
        return cb(smtpError(421, `4.7.0 Too many connections from ${ip}: at most ${config.SMTP_MAX_CONNECTIONS_PER_IP}, try again later`));
      }
      perIp.set(ip, open + 1);
      counted.add(session.id);
      cb();
    },

    onMailFrom(address, session, cb) {
      envelopes.set(session.id, { recipients: [], attempts: 0 });
      // the null sender (<>) is how bounces arrive: allowed
      if (address.address && !isMailAddress(address.address)) return cb(smtpError(553, `5.1.7 Malformed sender address <${address.address}>`));
      cb();
    },

    onRcptTo(address, session, cb) {
      const e = envelopeOf(session);
      e.attempts++;
      if (e.attempts > config.SMTP_MAX_RECIPIENTS) {
        return cb(smtpError(452, `4.5.3 Too many recipients: at most ${config.SMTP_MAX_RECIPIENTS} per message`));
      }
      if (!isMailAddress(address.address)) return cb(smtpError(553, `5.1.3 Malformed recipient address <${address.address}>`));
      inboxOf(splitPlusAddress(address.address).base).then(
        (inbox) => {
          if (!inbox) return cb(smtpError(550, `5.1.1 <${address.address}>: no such inbox here`));
          e.recipients.push({ address: address.address.toLowerCase(), inbox });
          cb();
        },
        (err) => {
          log.error({ err: (err as Error).message }, 'smtp: inbox lookup failed');
          cb(smtpError(451, '4.3.0 Temporary failure, please try again later'));
        },
      );
    },

    onData(stream, session, cb) {
      const e = envelopeOf(session);
      readMessage(stream, config.SMTP_MAX_BYTES).then(async (raw) => {
        if (stream.sizeExceeded || raw === null) {
          return cb(smtpError(552, `5.3.4 Message too big: at most ${Math.round(config.SMTP_MAX_BYTES / 1_048_576)} MB`));
        }
        if (e.attempts > config.SMTP_MAX_RECIPIENTS) {
          return cb(smtpError(554, `5.5.3 Message refused: ${e.attempts} recipients, at most ${config.SMTP_MAX_RECIPIENTS}`));
        }
        if (raw.length === 0 || raw.toString('latin1').trim() === '') return cb(smtpError(554, '5.6.0 Empty message refused'));
        try {
          store ??= loadStore(db, config);
          const results = await deliver(await store, raw, e, session.envelope.mailFrom ? session.envelope.mailFrom.address : null);
          if (results.length && results.every((r) => r.outcome === 'dropped' && r.blocked)) {
            // a blocked sender (src/spam/): accepted and dropped, so the sender learns nothing and no bounce goes back
            log.info({ reason: results[0].outcome === 'dropped' ? results[0].reason : '' }, 'smtp: blocked sender dropped');
            return cb(null, '2.0.0 Accepted');
          }
          const dropped = results.find((r) => r.outcome === 'dropped' && !r.blocked);
          if (dropped && dropped.outcome === 'dropped' && results.every((r) => r.outcome === 'dropped')) {
            log.info({ reason: dropped.reason }, 'smtp: message refused');
            return cb(smtpError(550, `5.6.0 Message refused: ${dropped.reason}`));
          }
          cb(null, `2.0.0 Stored (${results.map(describe).join(', ')})`);
        } catch (err) {
          const permanent = err instanceof PermanentFailure ? err : permanentDatabaseFailure(err);
          if (permanent) {
            log.info({ reason: permanent.message }, 'smtp: message refused for good');
            return cb(smtpError(permanent.smtpCode, `${permanent.status} ${permanent.message}`));
          }
          log.error({ err: (err as Error).message }, 'smtp: could not store the message');
          cb(smtpError(451, '4.3.0 Temporary failure storing the message, please try again later'));
        } finally {
          envelopes.delete(session.id);
        }
      }, (err) => cb(err as Error));
    },

    onClose(session) {
      envelopes.delete(session.id);
      if (!counted.delete(session.id)) return;
      const left = (perIp.get(session.remoteAddress) ?? 1) - 1;
      if (left > 0) perIp.set(session.remoteAddress, left);
      else perIp.delete(session.remoteAddress);
    },
  });
  server.on('error', (err) => log.warn({ err: err.message }, 'smtp: connection error'));

  const port = opts.port ?? config.SMTP_PORT;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, config.SMTP_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * How long a recipient's inbox, once found, is used without asking the database again: a busy
 * listener saves a statement a mail (every mail names its inbox). Whether it still takes mail
 * (not removed, same address, verified) is checked again in the transaction that stores the mail,
 * in the intake's lookup statement (lookup-inbound.ts): a mail for an inbox that stopped taking
 * mail is refused (550) and nothing is stored. Its name and acknowledgement setting may be up to
 * this old. An address not found is never remembered, so a new or just verified inbox takes mail at once.
 */
export const INBOX_CACHE_MS = 5_000;

function cachedInboxLookup(db: Db) {
  const known = new Map<string, { inbox: InboxRow; until: number }>();
  return async (address: string): Promise<InboxRow | null> => {
    const key = address.toLowerCase();
    const hit = known.get(key);
    const now = Date.now();
    if (hit && hit.until > now) return hit.inbox;
    const inbox = await inboxForAddress(db, key);
    if (inbox) {
      if (known.size > 10_000) known.clear();
      known.set(key, { inbox, until: now + INBOX_CACHE_MS });
    } else known.delete(key);
    return inbox;
  };
}

type Store = (raw: Buffer, target: { accountId: string; inbox: InboxRow; to: string; envelopeFrom: string | null }) => Promise<IntakeResult>;

/**
 * The intake road, loaded with the first mail, not at start (an idle server stays small): each mail
 * is parsed and refined as it arrives, then stored in a transaction it may share with the mails of
 * other sessions that arrive at the same time (group-commit.ts).
 */
async function loadStore(db: Db, config: SmtpConfig): Promise<Store> {
  const [{ prepareInbound }, { emailAdapter }, { groupCommit }] = await Promise.all([
    import('../../receive-message.ts'), import('./parse-email.ts'), import('../../group-commit.ts'),
  ]);
  const committer = groupCommit(db, config);
  return async (raw, target) => {
    const prepared = await prepareInbound(emailAdapter, raw, target, config);
    // the inbox may come from the lookup cache: the transaction checks it still takes mail
    return 'outcome' in prepared ? prepared : committer.store({ ...prepared, recheckInbox: true });
  };
}

/** One copy per account the message is addressed to (two inboxes of one account: stored once), all committed before the 250. */
async function deliver(store: Store, raw: Buffer, e: Envelope, envelopeFrom: string | null): Promise<IntakeResult[]> {
  const perAccount = new Map<string, { address: string; inbox: InboxRow }>();
  for (const r of e.recipients) if (!perAccount.has(r.inbox.account_id)) perAccount.set(r.inbox.account_id, r);
  return Promise.all([...perAccount].map(([accountId, r]) => store(raw, { accountId, inbox: r.inbox, to: r.address, envelopeFrom })));
}

const describe = (r: IntakeResult) =>
  r.outcome === 'stored' ? r.caseRef : r.outcome === 'duplicate' ? 'already stored' : r.outcome === 'bounce_recorded' ? 'bounce recorded' : 'refused';

/** The whole DATA stream, or null once it passes the limit (the rest is read and thrown away). */
function readMessage(stream: SMTPServerDataStream, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    stream.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}
