/**
 * Did a machine write this inbound e-mail? Auto-replies (out-of-office, vacation responders, read receipts),
 * bounces (delivery status notifications, mailer-daemon texts) and bulk (mailing lists, newsletters), so that
 * intake does not answer a machine, does not reopen a case for it, and can flag an address that bounces.
 * Pure: looks only at the parsed mail. Bounce evidence wins over auto-reply evidence (a Postfix DSN also
 * carries `Auto-Submitted: auto-replied`), and auto-reply over bulk (vacation(1) sends `Precedence: bulk`).
 */
import type { ParsedMail } from 'mailparser';
import { DAEMON_NAME, FAILURE_WORDING, listError, mtaTemplate, REPLY_OR_FORWARD } from './bounce-text.ts';
import { roleAddressKind } from './role-address.ts';

export type AutomatedKind = 'auto_reply' | 'bounce' | 'bulk';

export interface AutomatedVerdict {
  /** null: a person wrote it. */
  kind: AutomatedKind | null;
  /** Which rule fired, for the audit trail, e.g. 'Auto-Submitted: auto-replied'. */
  reason: string | null;
  /** Bounces only: the failed (or delayed) recipient addresses, lower-case. */
  bouncedRecipients: string[];
  /** Bounces only: the enhanced status code, e.g. '5.1.1', when the bounce states one. */
  bounceStatus: string | null;
  /** Bounces only: true unless the delivery is merely delayed (Action: delayed, status 4.x.x). */
  permanent: boolean;
}

const PERSON: AutomatedVerdict = { kind: null, reason: null, bouncedRecipients: [], bounceStatus: null, permanent: false };

// A subject phrase counts only at the very start of the subject (an "[EXT]"-style tag aside) and only when followed
// by a formulaic separator, so "Afwezig bij bezorging" or "Automatic reply does not work" stay human. A Re:/Fwd:/AW:
// before the phrase means a person answered or forwarded a machine's mail — typically a customer replying to our
// own "Automatisch antwoord: we hebben uw vraag ontvangen" — so such a subject does not count on its own.
const SEP = String.raw`(?:\]|\s*$|\s*[:：(\-–—]|\s+(?:until|till|from|for|tot|van|t\/m|bis|vom|du|jusqu\S*)\b)`;
const TAG = String.raw`^\s*(?:\[(?:ext|extern|external|externer?)\]\s*)?\[?\s*`;
const subjectRule = (phrases: string[]) => new RegExp(`${TAG}(${phrases.join('|')})${SEP}`, 'i');

const AUTO_REPLY_SUBJECT = subjectRule([
  'afwezigheidsassistent', 'afwezigheidsmelding', 'automatisch antwoord', 'automatisch bericht', 'afwezig',
  'out of (?:the )?office', 'auto[- ]?reply', 'auto[- ]?response', 'automatic reply', 'automatic response',
  'vacation reply', 'abwesenheitsnotiz', 'automatische abwesenheitsnotiz', 'abwesenheit', 'automatische antwort',
  'r[ée]ponse automatique', "message d'absence", 'absente?', 'absence',
]);
const BOUNCE_SUBJECT = subjectRule([
  'undelivered mail returned to sender', 'undelivered mail', 'delivery status notification', 'mail delivery failed',
  'mail delivery failure', 'failure notice', 'returned mail', 'mail system error', 'warning: could not send message',
  'delayed mail', 'delivery failure', 'delivery_failure', 'delivery notification', 'undeliverable mail',
  'undeliverable message', 'nondeliverable mail', 'non-?delivery (?:report|notification)', 'message delivery failure',
  'delivery has failed', 'permanent delivery failure', 'notice: mail delivery status', 'bounce',
  'majordomo results', 'rejected posting', 'your message could not be (?:delivered|posted)', 'could not deliver message',
]);
// Exchange/Outlook NDR subjects that a webshop customer may also write about a parcel ("Niet bezorgd: bestelling
// 4411", "Unzustellbar: Paket"): they count only with machine evidence beside them (see classifyAutomated).
const PARCEL_BOUNCE_SUBJECT = subjectRule([
  'undeliverable', 'onbestelbaar', 'niet bezorgd', 'niet afgeleverd', 'unzustellbar', 'nicht zustellbar',
  'non remis', 'non distribuable', 'message not delivered', 'message not sent', 'message rejected', 'non recapitabile',
  'no se puede entregar',
]);
// A bounce that says it will retry is transient, whatever else it says.
const DELAY = /\b(?:delay(?:ed)?|vertraagd|verzögert|retard[ée]?|still being retried|will (?:continue to )?retry|could not send message for past)\b/i;
// First-person out-of-office wording at the start of the body; only ever counted together with
// X-Auto-Response-Suppress, never alone ("I was out of office last week" is a customer, and is past tense anyway).
const OOO_OPENING = /^(?:(?:beste|dear|hallo|hello|hi|geachte|sehr geehrte)[^\n]{0,60}\n+)?\s*(?:i am|i'm) (?:currently |now )?(?:out of (?:the )?office|away|on (?:vacation|holiday|leave))|^\s*(?:(?:beste|geachte)[^\n]{0,60}\n+)?ik ben (?:momenteel |op dit moment |tot (?:en met )?[^\n.]{1,30} )?(?:afwezig|niet aanwezig|met vakantie|op vakantie)|^\s*ich bin (?:derzeit |zurzeit |bis [^\n.]{1,30} )?(?:abwesend|nicht im büro|im urlaub)|^\s*je suis (?:actuellement )?(?:absente?|en congé)/i;
// Where a text bounce starts quoting the original message; addresses after it are not the failed recipients.
const ORIGINAL = /^[ \t]*-{2,}[^\n]*(?:copy of|original message|message follows|undelivered message|oorspronkelijk bericht|ursprüngliche nachricht|originalnachricht|message d'origine)|^[ \t]*original message headers:|^(?:Received|Return-Path|Message-ID):/im;
const ADDRESS = /[a-z0-9._%+'=-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;
const STATUS = /\b([245])\.\d{1,3}\.\d{1,3}\b/;
const DAEMON = /^(?:mailer-daemon|postmaster)$/i;

/** Raw values of a top-level header, unfolded and trimmed (undecoded, which is what the flag headers need). */
function headerValues(mail: ParsedMail, name: string): string[] {
  return (mail.headerLines ?? [])
    .filter((h) => h.key === name)
    .map((h) => h.line.slice(h.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim());
}
const header = (mail: ParsedMail, name: string): string | null => headerValues(mail, name)[0] ?? null;

function contentType(mail: ParsedMail): { value: string; reportType: string } {
  const ct = mail.headers.get('content-type');
  if (ct && typeof ct === 'object' && 'value' in ct && 'params' in ct) {
    const params = ct.params as Record<string, string | undefined>;
    return { value: String(ct.value).toLowerCase(), reportType: (params['report-type'] ?? '').toLowerCase() };
  }
  return { value: '', reportType: '' };
}

interface DsnRecipient { addresses: string[]; action: string | null; status: string | null }

/** Per-recipient blocks of a message/delivery-status body (RFC 3464): blank-line separated, one Final-Recipient each. */
function parseDsn(text: string): DsnRecipient[] {
  const out: DsnRecipient[] = [];
  for (const block of text.split(/\r?\n[ \t]*\r?\n/)) {
    const field = (name: string) => block.match(new RegExp(`^${name}[ \\t]*:[ \\t]*(?:[\\w-]+[ \\t]*;)?[ \\t]*(.+)$`, 'im'))?.[1].trim() ?? null;
    const final = field('Final-Recipient');
    if (!final) continue;
    // Original-Recipient is the address we sent to (before forwarding/aliases); Final-Recipient the one that failed.
    const addresses = [field('Original-Recipient'), final].flatMap((a) => (a ? (a.match(ADDRESS) ?? []) : []));
    out.push({ addresses, action: field('Action')?.toLowerCase() ?? null, status: field('Status')?.match(STATUS)?.[0] ?? null });
  }
  return out;
}

const unique = (xs: string[]) => [...new Set(xs.map((x) => x.toLowerCase()))];

function bounceDetails(mail: ParsedMail, reason: string): AutomatedVerdict {
  // mailparser inlines message/delivery-status into `text` by default and keeps it as an attachment with
  // `keepDeliveryStatus: true`; read both.
  const dsnParts = mail.attachments
    .filter((a) => /^message\/(?:global-)?delivery-status$/i.test(a.contentType))
    .map((a) => a.content.toString('utf8'));
  const text = (mail.text ?? '').slice(0, 50_000); // a DSN or a bounce text says what it has to say early
  const dsn = parseDsn([...dsnParts, text].join('\n\n'));
  const failed = dsn.filter((r) => r.action !== 'delivered' && r.action !== 'relayed' && r.action !== 'expanded');
  let recipients = unique(failed.flatMap((r) => r.addresses));
  let status = failed.find((r) => r.status?.startsWith('5'))?.status ?? failed.find((r) => r.status)?.status ?? null;
  let permanent: boolean;
  if (failed.length) {
    permanent = failed.some((r) => r.action === 'failed' || (r.action !== 'delayed' && r.status?.startsWith('5')));
  } else {
    // No DSN: X-Failed-Recipients (Exim), else the addresses the bounce text names before it quotes the original.
    const own = new Set(
      [mail.from, mail.to, mail.cc].flatMap((a) => (Array.isArray(a) ? a : a ? [a] : [])).flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase())),
    );
    const xFailed = headerValues(mail, 'x-failed-recipients').join(',').match(ADDRESS) ?? [];
    // a report may name the failed mail's Message-ID (id@host looks like an address): not a recipient
    const head = text.split(ORIGINAL)[0].replace(/^[ \t]*(?:message-id|in-reply-to|references)[ \t]*:.*$/gim, '');
    const fromText = (head.match(ADDRESS) ?? []).filter((a) => !own.has(a.toLowerCase()) && !DAEMON.test(a.split('@')[0]));
    recipients = unique(xFailed.length ? xFailed : fromText);
    status = head.match(STATUS)?.[0] ?? text.match(STATUS)?.[0] ?? null;
    permanent = status ? status.startsWith('5') : !DELAY.test(`${mail.subject ?? ''}\n${head}`);
  }
  if (dsn.length && !failed.length) permanent = false; // a success report (NOTIFY=SUCCESS) is no failure
  return { kind: 'bounce', reason, bouncedRecipients: recipients, bounceStatus: status, permanent };
}

export function classifyAutomated(mail: ParsedMail): AutomatedVerdict {
  const subject = (mail.subject ?? '').trim();
  const sender = mail.from?.value[0]?.address ?? '';
  const ct = contentType(mail);
  const nullSender = headerValues(mail, 'return-path').some((v) => /^<\s*>$/.test(v));
  const text = mail.text ?? '';

  // Bounces. RFC 3464 DSN: multipart/report; report-type=delivery-status, or its message/delivery-status part.
  if (ct.value === 'multipart/report' && ct.reportType === 'delivery-status') return bounceDetails(mail, 'DSN multipart/report (delivery-status)');
  if (mail.attachments.some((a) => /^message\/(?:global-)?delivery-status$/i.test(a.contentType))) return bounceDetails(mail, 'DSN part message/delivery-status');
  // Exim names the failed addresses in X-Failed-Recipients.
  const xFailed = header(mail, 'x-failed-recipients');
  if (xFailed) return bounceDetails(mail, `X-Failed-Recipients: ${xFailed}`);
  // MAILER-DAEMON never is a person. postmaster@ may be one, so it needs bounce wording or a null sender too.
  const role = roleAddressKind(sender);
  if (role === 'mail daemon') return bounceDetails(mail, `sender ${sender}`);
  // The fixed opening of a product's plain-text bounce (Domino, IMail, James, Exchange, carriers …), unless a
  // person forwards or answers one from their own address.
  const personForwards = REPLY_OR_FORWARD.test(subject) && !role && !nullSender;
  const template = personForwards ? null : mtaTemplate(text);
  if (template) return bounceDetails(mail, `${template} bounce text`);
  const bounceSubject = subject.match(BOUNCE_SUBJECT);
  if (bounceSubject) return bounceDetails(mail, `subject "${bounceSubject[1]}"`);
  // A list manager's error reply: from the list's robot or role address, or in a list manager's words.
  const listRefusal = personForwards ? null : listError(text);
  const opening = text.slice(0, 3000);
  if (listRefusal && (role || nullSender)) return bounceDetails(mail, `${listRefusal} error reply from ${sender || 'the null sender'}`);
  if (role === 'list manager' && FAILURE_WORDING.test(`${subject}\n${opening}`)) return bounceDetails(mail, `list manager ${sender} reports a failure`);
  // The ambiguous NDR subjects and a postmaster@ sender (who may be a person) need a null sender, an
  // Auto-Submitted header, a list manager's words, or bounce wording with an SMTP status code in the body.
  const autoSubmitted = (header(mail, 'auto-submitted') ?? '').split(';')[0].trim().toLowerCase(); // drop parameters
  const isAutoSubmitted = autoSubmitted !== '' && autoSubmitted !== 'no';
  const backing = nullSender ? 'Return-Path: <>'
    : isAutoSubmitted ? `Auto-Submitted: ${autoSubmitted}`
    : listRefusal ? `${listRefusal} wording`
    : FAILURE_WORDING.test(opening) && STATUS.test(opening) ? 'bounce wording' : null;
  const parcelSubject = subject.match(PARCEL_BOUNCE_SUBJECT);
  const machineRole = role !== null && role !== 'no-reply'; // a shop's noreply@ may well write "Niet bezorgd: …" about a parcel
  if (parcelSubject && (backing || machineRole)) return bounceDetails(mail, `subject "${parcelSubject[1]}" with ${backing ?? `a ${role} sender`}`);
  const daemonName = DAEMON_NAME.test(mail.from?.value[0]?.name?.trim() ?? '');
  if ((role === 'postmaster' || daemonName) && backing) return bounceDetails(mail, `sender ${sender} with ${backing}`);

  const verdict = (kind: AutomatedKind, reason: string): AutomatedVerdict => ({ ...PERSON, kind, reason });
  // Auto-replies. RFC 3834: any Auto-Submitted value but "no" (auto-replied, auto-generated, auto-notified).
  if (isAutoSubmitted) return verdict('auto_reply', `Auto-Submitted: ${autoSubmitted}`);
  // Non-standard markers of autoresponders (X-Autoreply: yes, X-Autorespond, X-Autoresponder).
  for (const name of ['x-autoreply', 'x-autorespond', 'x-autoresponder']) {
    const v = header(mail, name);
    if (v !== null && !/^(?:no|false|0)$/i.test(v)) return verdict('auto_reply', `${name.replace(/^x-a/, 'X-A')}: ${v}`);
  }
  const precedence = (header(mail, 'precedence') ?? '').toLowerCase();
  if (precedence === 'auto_reply') return verdict('auto_reply', 'Precedence: auto_reply');
  // Other machine reports: read receipts (disposition-notification), abuse feedback (feedback-report).
  if (ct.value === 'multipart/report') return verdict('auto_reply', `multipart/report (${ct.reportType || 'no report-type'})`);
  const autoSubject = subject.match(AUTO_REPLY_SUBJECT);
  if (autoSubject) return verdict('auto_reply', `subject "${autoSubject[1]}"`);
  // A null reverse-path is only ever used for DSNs, read receipts and auto-replies (RFC 5321 §4.5.5, RFC 3834 §3.3).
  if (nullSender) return verdict('auto_reply', 'Return-Path: <> (null sender)');
  // Exchange sets X-Auto-Response-Suppress on its own out-of-office replies but also on ordinary mail (meeting
  // requests, mail from some applications): only together with an out-of-office opening in the body.
  const xars = header(mail, 'x-auto-response-suppress');
  if (xars && /\b(?:oof|all|autoreply)\b/i.test(xars) && OOO_OPENING.test(text.trimStart())) {
    return verdict('auto_reply', `X-Auto-Response-Suppress: ${xars} with out-of-office wording`);
  }

  // Bulk: list traffic and newsletters (RFC 2369/2919 list headers, Precedence: bulk|list|junk).
  if (/^(?:bulk|list|junk)$/.test(precedence)) return verdict('bulk', `Precedence: ${precedence}`);
  if (header(mail, 'list-id') !== null) return verdict('bulk', `List-Id: ${header(mail, 'list-id')}`);
  if (header(mail, 'list-unsubscribe') !== null) return verdict('bulk', 'List-Unsubscribe');
  return PERSON;
}
