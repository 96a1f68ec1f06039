import { formatWhen } from '../acknowledgement-text.ts';
import { callbackWhen } from '../callback/callback-text.ts';

export interface CallAckInput {
  kind: 'missed' | 'requested';
  language: 'nl' | 'en';
  ref: string;
  phone: string;
  /** the callback window when the caller chose one; else we call back by `dueAt` */
  windowStart: Date | null;
  dueAt: Date;
  timeZone: string;
  name: string | null;
  team: string;
}

/** "dinsdag 8 december tussen 10:00 en 10:30" with a window, else "uiterlijk dinsdag 8 december om 12:00". */
export function callbackPromiseWhen(a: Pick<CallAckInput, 'language' | 'windowStart' | 'dueAt' | 'timeZone'>): string {
  if (a.windowStart) return callbackWhen(a.windowStart, a.dueAt, a.language, a.timeZone);
  const when = formatWhen(a.dueAt, a.language, a.timeZone);
  return a.language === 'nl' ? `uiterlijk ${when}` : `by ${when} at the latest`;
}

/** The one line that says it all (the WhatsApp message, and the heart of the mail). */
function core(a: CallAckInput, when: string): string {
  if (a.language === 'en') {
    const what = a.kind === 'missed' ? 'We missed your call.' : 'We have received your callback request.';
    return `${what} We will call you back ${when} on ${a.phone}. Your case number is ${a.ref}.`;
  }
  const what = a.kind === 'missed' ? 'We hebben uw oproep gemist.' : 'We hebben uw terugbelverzoek ontvangen.';
  return `${what} We bellen u ${when} terug op ${a.phone}. Uw dossiernummer is ${a.ref}.`;
}

/**
 * The acknowledgement of a missed call or a callback request by phone, in the caller's language: the
 * case reference and when we call back ("We bellen u dinsdag 8 december tussen 10:00 en 10:30 terug").
 * `parameters` fill an approved WhatsApp template marked for callbacks: {{1}} the reference, {{2}} when.
 */
export function callAckText(a: CallAckInput): { subject: string; mail: string; whatsapp: string; parameters: string[] } {
  const when = callbackPromiseWhen(a);
  const line = core(a, when);
  const name = a.name?.trim();
  if (a.language === 'en') {
    return {
      subject: `We will call you back [${a.ref}]`,
      mail: [name ? `Dear ${name},` : 'Hello,', '', line, '', 'Anything to add? Just reply to this e-mail: it goes straight to the same case.', '', 'Kind regards,', a.team].join('\n'),
      whatsapp: `${line} — ${a.team}`,
      parameters: [a.ref, when],
    };
  }
  return {
    subject: `We bellen u terug [${a.ref}]`,
    mail: [name ? `Beste ${name},` : 'Beste klant,', '', line, '', 'Wilt u iets aanvullen? Beantwoord dan gewoon deze e-mail: uw reactie komt bij hetzelfde dossier.', '', 'Met vriendelijke groet,', a.team].join('\n'),
    whatsapp: `${line} — ${a.team}`,
    parameters: [a.ref, when],
  };
}
