/**
 * The soak's mail: the customers' mail providers (a sink SMTP server that Luister's workers send acknowledgements and
 * replies to, through SMTP_RELAY_URL), the automated mail those providers send back (bounces and out-of-office
 * replies to what Luister sent), and the senders that deliver over SMTP to the servers' own listeners.
 */
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';

export interface Outbound { messageId: string; to: string; subject: string; headers: string }
export interface Delivery {
  kind: MailKind;
  messageId: string;
  server: number;
  /** epoch ms: when it was due, when it was handed to the SMTP client, when the 250 (or the error) came */
  due: number;
  sent: number;
  done: number;
  /** the 250's text, or the error */
  response: string;
  ok: boolean;
}
export type MailKind = 'customer' | 'bounce' | 'auto_reply';

const headerOf = (head: string, name: string) => new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head)?.[1].replace(/\r?\n[ \t]+/g, ' ').trim() ?? '';

/** What Luister sends out lands here; the last `keep` mails are kept (their headers) for bounces and auto-replies. */
export async function startSink(keep = 5000) {
  const recent: Outbound[] = [];
  let received = 0;
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['AUTH', 'STARTTLS'], logger: false, maxClients: 200,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        const end = raw.search(/\r?\n\r?\n/);
        const headers = end < 0 ? raw : raw.slice(0, end);
        received++;
        const messageId = headerOf(headers, 'Message-ID').replace(/^<|>$/g, '');
        const to = session.envelope.rcptTo[0]?.address ?? '';
        if (messageId && to) {
          recent.push({ messageId, to, subject: headerOf(headers, 'Subject'), headers });
          if (recent.length > keep) recent.splice(0, recent.length - keep);
        }
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`,
    get received() {
      return received;
    },
    /** takes one mail Luister sent (at random among the recent ones) to answer automatically, or null */
    take(r: () => number): Outbound | null {
      if (!recent.length) return null;
      const i = Math.floor(r() * recent.length);
      return recent.splice(i, 1)[0];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const rfc2822 = (d: Date) => d.toUTCString().replace('GMT', '+0000');
let serial = 0;
const uniq = () => `${Date.now().toString(36)}.${(++serial).toString(36)}.${process.pid}`;

/** A delivery-status report (RFC 3464) for a mail Luister sent: Postfix in English or Exchange in Dutch, permanent. */
export function bounceFor(o: Outbound, inbox: string, r: () => number): { raw: Buffer; messageId: string; from: string } {
  const domain = o.to.split('@')[1] ?? 'example.test';
  const messageId = `${uniq()}@mx.${domain}`;
  const boundary = `=_report_${uniq()}`;
  const dutch = r() < 0.5;
  const at = new Date();
  const human = dutch
    ? `Uw bericht heeft enkele of alle geadresseerden niet bereikt.\r\n\r\nOnderwerp: ${o.subject}\r\nVerzonden op: ${rfc2822(at)}\r\n\r\n`
      + `De volgende geadresseerden zijn onbereikbaar:\r\n\r\n     ${o.to}\r\n     Het e-mailadres bestaat niet. Controleer het adres en probeer het opnieuw.\r\n`
    : `This is the mail system at host mx.${domain}.\r\n\r\nI'm sorry to have to inform you that your message could not\r\nbe delivered to one or more recipients. It's attached below.\r\n\r\n`
      + `<${o.to}>: host mx.${domain} said: 550 5.1.1 <${o.to}>: Recipient address\r\n    rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)\r\n`;
  const raw = [
    `Return-Path: <>`,
    `Date: ${rfc2822(at)}`,
    dutch ? `From: postmaster@${domain}` : `From: MAILER-DAEMON@mx.${domain} (Mail Delivery System)`,
    `To: <${inbox}>`,
    dutch ? `Subject: Onbestelbaar: ${o.subject}` : 'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: <${messageId}>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    human,
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    `Reporting-MTA: dns; mx.${domain}`,
    `Arrival-Date: ${rfc2822(at)}`,
    '',
    `Final-Recipient: rfc822; ${o.to}`,
    `Original-Recipient: rfc822;${o.to}`,
    'Action: failed',
    'Status: 5.1.1',
    `Diagnostic-Code: smtp; 550 5.1.1 <${o.to}>: Recipient address rejected: User unknown`,
    '',
    `--${boundary}`,
    'Content-Type: text/rfc822-headers',
    '',
    o.headers.replace(/\r?\n/g, '\r\n'),
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return { raw: Buffer.from(raw, 'utf8'), messageId, from: '' };
}

/** An out-of-office reply from the customer to a mail Luister sent them (RFC 3834 headers, threaded to it). */
export function autoReplyFor(o: Outbound, inbox: string, r: () => number): { raw: Buffer; messageId: string; from: string } {
  const domain = o.to.split('@')[1] ?? 'example.test';
  const messageId = `${uniq()}@${domain}`;
  const dutch = r() < 0.65;
  const back = new Date(Date.now() + (3 + Math.floor(r() * 14)) * 86_400_000);
  const date = back.toISOString().slice(0, 10).split('-').reverse().join('-');
  const body = dutch
    ? `Beste afzender,\r\n\r\nBedankt voor uw bericht. Ik ben afwezig tot en met ${date} en lees mijn e-mail in die periode niet.\r\n`
      + `Uw bericht wordt niet doorgestuurd. Voor dringende zaken kunt u bellen met 020-1234567.\r\n\r\nMet vriendelijke groet`
    : `Hello,\r\n\r\nThank you for your email. I am out of the office until ${date} with no access to email.\r\n`
      + `Your message will not be forwarded. For urgent matters please call +44 20 7946 0000.\r\n\r\nKind regards`;
  const raw = [
    `Date: ${rfc2822(new Date())}`,
    `From: <${o.to}>`,
    `To: <${inbox}>`,
    `Subject: ${dutch ? 'Automatisch antwoord' : 'Automatic reply'}: ${o.subject}`,
    `Message-ID: <${messageId}>`,
    `In-Reply-To: <${o.messageId}>`,
    `References: <${o.messageId}>`,
    'Auto-Submitted: auto-replied',
    'X-Auto-Response-Suppress: All',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
    '',
  ].join('\r\n');
  return { raw: Buffer.from(raw, 'utf8'), messageId, from: o.to };
}

/** One pooled nodemailer transport per server's SMTP listener; `send` resolves when the 250 (or the error) came. */
export function senders(ports: number[], connections: number) {
  const transports = ports.map((port) => nodemailer.createTransport({
    host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: true, maxConnections: connections, maxMessages: Infinity,
  }));
  return {
    async send(server: number, kind: MailKind, m: { raw: Buffer; messageId: string; from: string; to: string }, due: number): Promise<Delivery> {
      const sent = performance.timeOrigin + performance.now();
      try {
        const info = await transports[server].sendMail({ envelope: { from: m.from, to: m.to }, raw: m.raw });
        return { kind, messageId: m.messageId, server, due, sent, done: performance.timeOrigin + performance.now(), response: info.response, ok: true };
      } catch (err) {
        return { kind, messageId: m.messageId, server, due, sent, done: performance.timeOrigin + performance.now(), response: (err as Error).message, ok: false };
      }
    },
    close: () => transports.forEach((t) => t.close()),
  };
}
