import { CSS, type Lang } from './status-page.ts';

const T = {
  nl: {
    check: ['Kijk in uw mail', 'Als dit adres nog niet was aangemeld, krijgt u een mail met een link om uw aanmelding te bevestigen. Zonder bevestiging ontvangt u niets.'],
    confirm: ['Aanmelding bevestigen', 'Wilt u berichten van deze statuspagina ontvangen?', 'Ja, aanmelden'],
    confirmed: ['Aangemeld', 'U krijgt voortaan een mail bij storingen en gepland onderhoud. In elke mail kunt u zich met één klik afmelden.'],
    leave: ['Afmelden', 'Wilt u geen berichten van deze statuspagina meer ontvangen?', 'Afmelden'],
    left: ['Afgemeld', 'U ontvangt geen berichten van deze statuspagina meer.'],
    invalid: ['Link ongeldig', 'Deze link is niet (meer) geldig.'],
    bad_email: ['Geen geldig e-mailadres', 'Ga terug en vul een e-mailadres in.'],
    too_many_ip: ['Te veel aanmeldingen', 'Vanaf uw verbinding zijn het afgelopen uur te veel aanmeldingen gedaan. Probeer het over {n} minuten opnieuw.'],
    too_many_email: ['Al genoeg mails gestuurd', 'Naar dit adres zijn het afgelopen etmaal al drie bevestigingsmails gestuurd. Kijk in uw mail (ook bij ongewenste mail), of probeer het over {n} uur opnieuw.'],
    back: 'Terug naar de statuspagina',
  },
  en: {
    check: ['Check your mail', 'If this address was not subscribed yet, you get a mail with a link to confirm. Without confirmation you receive nothing.'],
    confirm: ['Confirm subscription', 'Do you want updates from this status page?', 'Yes, subscribe'],
    confirmed: ['Subscribed', 'You will get a mail for incidents and planned maintenance. Every mail has a one-click unsubscribe.'],
    leave: ['Unsubscribe', 'Stop receiving updates from this status page?', 'Unsubscribe'],
    left: ['Unsubscribed', 'You no longer receive updates from this status page.'],
    invalid: ['Link not valid', 'This link is not valid (any more).'],
    bad_email: ['Not a valid e-mail address', 'Go back and fill in an e-mail address.'],
    too_many_ip: ['Too many subscriptions', 'Too many subscriptions came from your connection in the past hour. Please try again in {n} minutes.'],
    too_many_email: ['Enough mails sent', 'This address has been sent three confirmation mails in the past day. Look in your mailbox (and its spam folder), or try again in {n} hours.'],
    back: 'Back to the status page',
  },
} as const;

export type SubscribePage = 'check' | 'confirm' | 'confirmed' | 'leave' | 'left' | 'invalid' | 'bad_email' | 'too_many_ip' | 'too_many_email';

/** The small pages around subscribing: no script, a button that POSTs where something changes. `n` fills in a number (minutes, hours). */
export function subscribePageHtml(page: SubscribePage, lang: Lang, slug: string, n = 0): string {
  const t = T[lang];
  const [title, template, button] = t[page] as readonly string[];
  const text = template.replace('{n}', String(n));
  const form = button ? `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${button}</button></form>` : '';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${title}</title><style>${CSS}</style></head>
<body><main id="main"><h1>${title}</h1><p>${text}</p>${form}<p><a href="/status/${slug}?lang=${lang}">${t.back}</a></p></main></body></html>`;
}
