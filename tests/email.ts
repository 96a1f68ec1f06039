import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Db } from '../src/storage/db.ts';
import { claimJobs, completeJob, failJob } from '../src/storage/jobs.ts';
import type { JobHandler } from '../src/worker/runner.ts';

/**
 * A real SMTP server standing in for the customers' mail providers: whatever Luister sends
 * (through SMTP_RELAY_URL) lands in `received`, parsed.
 */
export async function startMailbox() {
  const received: { envelope: { from: string; to: string[] }; raw: Buffer; mail: ParsedMail }[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    // Luister's outbound transport keeps a pooled connection open for the next mail: at the end of a test it is cut
    // after 200 ms, not smtp-server's 30 s (every mail of the test has arrived by then)
    closeTimeout: 200,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        received.push({
          envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) },
          raw,
          mail: await simpleParser(raw),
        });
        for (const w of waiters.splice(0)) w();
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** waits until `n` mails have arrived (or fails after `ms`) */
    async waitFor(n: number, ms = 10_000) {
      const until = Date.now() + ms;
      while (received.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} mails, got ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Sends a mail to Luister's SMTP listener like a customer's mail provider would. */
export function smtpClient(port: number) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: false });
  return {
    send: (mail: SendMailOptions) => transport.sendMail(mail),
    sendRaw: (from: string, to: string | string[], raw: string | Buffer) =>
      transport.sendMail({ envelope: { from, to }, raw }),
    close: () => transport.close(),
  };
}

/** Runs the due jobs of these kinds for one account, once, as the worker would. */
export async function runJobs(db: Db, handlers: Record<string, JobHandler>, accountId: string, kinds: string[]): Promise<number> {
  const jobs = await claimJobs(db, 'test', 100, { kinds, accountIds: [accountId] });
  for (const job of jobs) {
    try {
      await handlers[job.kind](db, job);
      await completeJob(db, job.id);
    } catch (err) {
      await failJob(db, job, (err as Error).message);
    }
  }
  return jobs.length;
}
