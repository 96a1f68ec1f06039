import { formatters } from '../acknowledgement-text.ts';

/**
 * "We bellen u dinsdag 8 december tussen 10:00 en 10:30": the confirmation of a booked callback, in
 * the customer's language and the account's time zone, with the link to move or cancel it.
 */
export function callbackWhen(start: Date, end: Date, lang: 'nl' | 'en', timeZone: string): string {
  // the formatters are kept per language and zone (building one costs ~100× formatting with it)
  const { day: dayFormat, time } = formatters(lang, timeZone);
  const day = dayFormat.format(start).replace(',', '');
  return lang === 'nl' ? `${day} tussen ${time.format(start)} en ${time.format(end)}` : `${day} between ${time.format(start)} and ${time.format(end)}`;
}

export function callbackConfirmation(o: {
  lang: 'nl' | 'en'; start: Date; end: Date; timeZone: string; ref: string; name: string | null; phone: string; manageUrl: string; team: string;
}): { subject: string; body: string } {
  const when = callbackWhen(o.start, o.end, o.lang, o.timeZone);
  if (o.lang === 'en') {
    return {
      subject: `Callback booked: ${when} [${o.ref}]`,
      body: [o.name ? `Dear ${o.name},` : 'Hello,', '', `We will call you on ${when} at ${o.phone}.`, `Your case number is ${o.ref}.`, '',
        `Need another time, or no call after all? Move or cancel it here: ${o.manageUrl}`, '', 'Kind regards,', o.team].join('\n'),
    };
  }
  return {
    subject: `Terugbelafspraak: ${when} [${o.ref}]`,
    body: [o.name ? `Beste ${o.name},` : 'Beste klant,', '', `We bellen u ${when} op ${o.phone}.`, `Uw dossiernummer is ${o.ref}.`, '',
      `Past het toch niet, of hoeft het niet meer? Verzet of annuleer de afspraak hier: ${o.manageUrl}`, '', 'Met vriendelijke groet,', o.team].join('\n'),
  };
}
