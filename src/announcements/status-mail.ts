import { formatWhen } from '../intake/acknowledgement-text.ts';
import type { IncidentStatus, IncidentTitle, UpdateParts } from './incident-store.ts';
import type { AnnouncementContent } from './store.ts';

type Lang = 'nl' | 'en';
const STATUS: Record<Lang, Record<IncidentStatus, string>> = {
  nl: { investigating: 'We zoeken de oorzaak', identified: 'Oorzaak gevonden', monitoring: 'Opgelost, we houden het in de gaten', resolved: 'Opgelost' },
  en: { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved' },
};
const T = {
  nl: {
    confirmSubject: (page: string) => `Bevestig uw aanmelding voor ${page}`,
    confirm: (page: string, link: string) => `U (of iemand anders) heeft dit adres aangemeld voor berichten van de statuspagina van ${page}.\n\nBevestig dat u ze wilt ontvangen via deze link (u klikt daar op een knop):\n${link}\n\nHeeft u dit niet gedaan? Dan hoeft u niets te doen: zonder bevestiging krijgt u niets van ons.`,
    happened: 'Wat er aan de hand is', doing: 'Wat wij doen', means: 'Wat dit voor u betekent',
    next: (at: string) => `U hoort uiterlijk ${at} weer van ons.`,
    contact: (c: string) => `Vragen? Een medewerker helpt u via ${c}.`,
    maintenance: (from: string, to: string | null) => `Gepland onderhoud vanaf ${from}${to ? ` tot ${to}` : ''}.`,
    unsubscribe: (link: string) => `Geen berichten meer ontvangen? Meld u af met één klik: ${link}`,
  },
  en: {
    confirmSubject: (page: string) => `Confirm your subscription to ${page}`,
    confirm: (page: string, link: string) => `You (or someone else) subscribed this address to updates from the status page of ${page}.\n\nConfirm that you want them at this link (you press a button there):\n${link}\n\nDid not do this? Then do nothing: without confirmation you get nothing from us.`,
    happened: 'What happened', doing: 'What we are doing', means: 'What it means for you',
    next: (at: string) => `You will hear from us again by ${at}.`,
    contact: (c: string) => `Questions? A person helps you at ${c}.`,
    maintenance: (from: string, to: string | null) => `Planned maintenance from ${from}${to ? ` until ${to}` : ''}.`,
    unsubscribe: (link: string) => `No more updates? Unsubscribe with one click: ${link}`,
  },
};

export interface Mail { subject: string; text: string }

/** The double opt-in mail: the confirmation link (it shows a button; confirming is a POST). */
export function confirmationMail(o: { language: Lang; page: string; link: string }): Mail {
  const t = T[o.language];
  return { subject: t.confirmSubject(o.page), text: `${t.confirm(o.page, o.link)}\n` };
}

/** An incident update as a subscriber reads it: the four parts, a human contact, and how to leave. */
export function incidentUpdateMail(o: {
  language: Lang; page: string; title: IncidentTitle; status: IncidentStatus; parts: UpdateParts; nextUpdateAt: Date | null;
  contactRoute: string; timeZone: string; unsubscribe: string;
}): Mail {
  const l = o.language === 'en' && o.parts.en ? 'en' : 'nl';
  const t = T[o.language];
  const p = o.parts[l]!;
  const title = (o.language === 'en' ? o.title.en : undefined) ?? o.title.nl;
  const text = [
    `${STATUS[o.language][o.status]}: ${title}`,
    `${t.happened}:\n${p.happened}`, `${t.doing}:\n${p.doing}`, `${t.means}:\n${p.means}`,
    ...(o.nextUpdateAt ? [t.next(formatWhen(o.nextUpdateAt, o.language, o.timeZone))] : []),
    t.contact(o.contactRoute), '--', t.unsubscribe(o.unsubscribe),
  ].join('\n\n');
  return { subject: `[${o.page}] ${STATUS[o.language][o.status]}: ${title}`, text: `${text}\n` };
}

/** Planned maintenance as a subscriber reads it. */
export function maintenanceMail(o: { language: Lang; page: string; content: AnnouncementContent; startsAt: Date; endsAt: Date | null; contactRoute: string; timeZone: string; unsubscribe: string }): Mail {
  const l = o.language === 'en' && o.content.en ? 'en' : 'nl';
  const c = o.content[l]!;
  const t = T[o.language];
  const when = t.maintenance(formatWhen(o.startsAt, o.language, o.timeZone), o.endsAt ? formatWhen(o.endsAt, o.language, o.timeZone) : null);
  return { subject: `[${o.page}] ${c.subject}`, text: `${[c.body.trim(), when, t.contact(o.contactRoute), '--', t.unsubscribe(o.unsubscribe)].join('\n\n')}\n` };
}
