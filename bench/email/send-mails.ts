/**
 * The SMTP senders of bench/email-intake.ts in a process of their own, so that their CPU is not counted as the
 * intake's: `node bin/run-ts.mjs bench/email/send-mails.ts <port> <json GenerateOptions> [concurrency]`.
 * Regenerates the same mails (same seed, same bytes), sends every one over a pooled nodemailer transport,
 * `concurrency` at a time, each waiting for its 250, and writes one JSON line with the outcome to stdout.
 */
import { writeSync } from 'node:fs';
import nodemailer from 'nodemailer';
import { generateMails, type GenerateOptions, type GeneratedMail } from './generate-mails.ts';

export interface SendOutcome {
  seconds: number;
  lat: number[];
  failures: string[];
  responses: { stored: number; duplicate: number; other: number };
}

export async function sendAll(port: number, mails: GeneratedMail[], concurrency: number): Promise<SendOutcome> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: true, maxConnections: concurrency, maxMessages: Infinity,
  });
  const lat: number[] = [];
  const failures: string[] = [];
  const responses = { stored: 0, duplicate: 0, other: 0 };
  let next = 0;
  const t = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < mails.length) {
      const m = mails[next++];
      const t0 = performance.now();
      try {
        const info = await transport.sendMail({ envelope: { from: m.from, to: m.to }, raw: m.raw });
        lat.push(performance.now() - t0);
        if (/already stored/.test(info.response)) responses.duplicate++;
        else if (/Stored/.test(info.response)) responses.stored++;
        else responses.other++;
      } catch (err) {
        failures.push(`${m.messageId}: ${(err as Error).message}`);
      }
    }
  }));
  const seconds = (performance.now() - t) / 1000;
  transport.close();
  return { seconds, lat: lat.sort((a, b) => a - b), failures, responses };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [port, options, conc] = process.argv.slice(2);
  const mails = generateMails(JSON.parse(options) as GenerateOptions);
  // wait for the parent's go (a line on stdin), so generating the mails is not inside its measured span
  writeSync(1, 'READY\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  const out = await sendAll(Number(port), mails, Number(conc ?? 8));
  writeSync(1, `${JSON.stringify(out)}\n`);
  process.exit(0);
}
