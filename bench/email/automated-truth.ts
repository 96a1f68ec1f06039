/**
 * Hand-judged truth for bench/email/automated-recall.ts: which raw messages in ../shared/data/email/ a machine sent
 * as an auto-reply or a bounce. Judged by reading every file that mentions a bounce, a list, an absence or a machine
 * sender (grep over all 190 .eml/.msg/.raw files for Auto-Submitted, X-Auto*, Precedence, List-*, delivery-status,
 * mailer-daemon, postmaster, "out of office", "vacation", "undeliver", "returned mail", "failure notice" …), then
 * the subjects of all of them. Paths are relative to that folder. The suites hold no out-of-office reply at all.
 */
import type { AutomatedKind } from '../../src/intake/channels/email/automated.ts';

export interface TruthEntry {
  file: string;
  kind: AutomatedKind;
  why: string;
}

/** Auto-replies and bounces: the set recall and precision are measured on. */
export const AUTOMATED_TRUTH: TruthEntry[] = [
  {
    file: 'nodemailer-mailparser/test/fixtures/delivery-status.eml',
    kind: 'bounce',
    why: 'Amazon SES DSN: multipart/report; report-type=delivery-status from MAILER-DAEMON, Action: failed, Status: 5.1.1',
  },
  {
    file: 'enmime/testdata/mail/multipart-wo-boundary.raw',
    kind: 'bounce',
    why: 'From Mailer-Daemon@, subject "Delivery Status Notification (Failure)", multipart/report (its boundary is missing)',
  },
  {
    file: 'mime4j/core/src/test/resources/mimetools-testmsgs/badbound.msg',
    kind: 'bounce',
    why: 'From Postmaster@, subject "Mail System Error - Returned Mail", body "This Message was undeliverable …" (1996, no DSN)',
  },
];

/** List traffic, reported beside the main figure (a person wrote these, but to a list, not to us). */
export const BULK_TRUTH: TruthEntry[] = [
  {
    file: 'mime4j/core/src/test/resources/mimetools-testmsgs/jt-0498.msg',
    kind: 'bulk',
    why: 'Majordomo list post: Sender: owner-pc800@, Precedence: list, X-Majordomo',
  },
  {
    file: 'nodemailer-mailparser/test/fixtures/large_text.eml',
    kind: 'bulk',
    why: 'Launchpad bug mail via the ubuntu-bugs Mailman list: List-Id, List-Unsubscribe, Precedence: bulk',
  },
];
