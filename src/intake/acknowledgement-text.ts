/**
 * The acknowledgement a customer gets when their message opened a case: in their language, with
 * the case reference, when they will hear from us, and signed by a named team — never "noreply".
 */
export interface AcknowledgementInput {
  language: string | null;
  customerName: string | null;
  ref: string;
  subject: string;
  answerBy: Date;
  team: string;
  timeZone?: string;
  /** the customer portal's address, when the account has it on: the mail says they can follow the case there */
  portalUrl?: string | null;
}

export function acknowledgementText(a: AcknowledgementInput): { subject: string; body: string; language: 'nl' | 'en' } {
  const language = a.language === 'en' ? 'en' : 'nl';
  const when = formatWhen(a.answerBy, language, a.timeZone ?? 'Europe/Amsterdam');
  const name = a.customerName?.trim();
  if (language === 'en') {
    return {
      language,
      subject: `Re: ${a.subject} [${a.ref}]`,
      body: [
        name ? `Dear ${name},` : 'Hello,',
        '',
        `Thank you for your message. We have received it and it is now case ${a.ref}.`,
        `You will hear from us by ${when} at the latest — sooner if we can.`,
        '',
        'Anything to add? Just reply to this e-mail: it goes straight to the same case, so you never have to tell your story twice.',
        ...(a.portalUrl ? ['', `You can also follow your case and reply online: ${a.portalUrl}`] : []),
        '',
        'Kind regards,',
        a.team,
      ].join('\n'),
    };
  }
  return {
    language,
    subject: `Re: ${a.subject} [${a.ref}]`,
    body: [
      name ? `Beste ${name},` : 'Beste klant,',
      '',
      `Dank u voor uw bericht. We hebben het ontvangen onder nummer ${a.ref}.`,
      `U hoort uiterlijk ${when} van ons, en eerder als het kan.`,
      '',
      'Wilt u iets aanvullen? Beantwoord dan gewoon deze e-mail: uw reactie komt bij hetzelfde dossier, zodat u uw verhaal nooit twee keer hoeft te vertellen.',
      ...(a.portalUrl ? ['', `U kunt uw dossier ook online volgen en erop reageren: ${a.portalUrl}`] : []),
      '',
      'Met vriendelijke groet,',
      a.team,
    ].join('\n'),
  };
}

/** "dinsdag 25 november om 14:30" / "Tuesday 25 November at 14:30", in the account's time zone. */
export function formatWhen(at: Date, language: 'nl' | 'en', timeZone: string): string {
  const { day: dayFormat, time: timeFormat } = formatters(language, timeZone);
  const day = dayFormat.format(at);
  const time = timeFormat.format(at);
  return language === 'nl' ? `${day} om ${time}` : `${day.replace(',', '')} at ${time}`;
}

// building an Intl.DateTimeFormat costs ~100× formatting with one: keep them per language and zone
const FORMATTERS = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();
export function formatters(language: 'nl' | 'en', timeZone: string) {
  const key = `${language}|${timeZone}`;
  let f = FORMATTERS.get(key);
  if (!f) {
    const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
    f = {
      day: new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone }),
      time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }),
    };
    FORMATTERS.set(key, f);
  }
  return f;
}

export type AcknowledgeDecision = { send: true } | { send: false; reason: string };

/**
 * Whether to acknowledge a received message. Never to a machine (auto-reply, bounce, mailing
 * list: that is how mail loops start), never to a role or machine address (postmaster,
 * mailer-daemon, noreply, a list's -request/-owner/-bounces: role-address.ts) whatever the mail
 * says, never to ourselves, never to a bouncing address, only for a new case, and at most
 * `perHour` to one sender in an hour.
 */
export function shouldAcknowledge(i: {
  inboxAcknowledges: boolean;
  createdCase: boolean;
  automated: string | null;
  /** the sender's role when it is a role or machine address (roleAddressKind), else null */
  senderRole?: string | null;
  senderIsInbox: boolean;
  bouncing: boolean;
  sentLastHour: number;
  perHour: number;
}): AcknowledgeDecision {
  if (!i.inboxAcknowledges) return { send: false, reason: 'acknowledgements are off for this inbox' };
  if (i.automated) return { send: false, reason: `sent by a machine (${i.automated}): no reply, no loop` };
  if (i.senderRole) return { send: false, reason: `sent from a ${i.senderRole} address: no reply, no loop` };
  if (i.senderIsInbox) return { send: false, reason: 'sent from one of our own inboxes' };
  if (!i.createdCase) return { send: false, reason: 'joined an existing case' };
  if (i.bouncing) return { send: false, reason: 'mail to this address bounces' };
  if (i.sentLastHour >= i.perHour) return { send: false, reason: `already ${i.sentLastHour} acknowledgements to this sender in the last hour` };
  return { send: true };
}
