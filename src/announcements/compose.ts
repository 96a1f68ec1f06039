import type { AnnouncementContent } from './store.ts';

const CONTACT = {
  nl: (c: string) => `Vragen? U bereikt een medewerker van ons via ${c}. Daar helpt een mens u verder.`,
  en: (c: string) => `Questions? You can reach one of our people at ${c}. A person will help you.`,
};
const UNSUBSCRIBE = {
  nl: (u: string) => `Liever geen berichten zoals dit meer? Afmelden met één klik: ${u}`,
  en: (u: string) => `Rather not receive messages like this? Unsubscribe in one click: ${u}`,
};
const EFFECTIVE = {
  nl: (d: string) => `Deze verandering gaat in op ${d}.`,
  en: (d: string) => `This change takes effect on ${d}.`,
};

export function formatDay(at: Date, language: 'nl' | 'en', timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone }).format(at);
}

/**
 * The mail one customer gets: their language (Dutch when there is no English text), the plain-language
 * version for vulnerable customers, the date the change takes effect, and always a way to reach a
 * person — a letter without one (the book club's) cannot be composed.
 */
export function composeAnnouncement(o: {
  content: AnnouncementContent; language: 'nl' | 'en'; vulnerable: boolean; contactRoute: string; effectiveAt: Date; timeZone: string;
  /** a marketing announcement's one-click unsubscribe link */
  unsubscribe?: string;
}): { subject: string; text: string; language: 'nl' | 'en' } {
  const language = o.language === 'en' && o.content.en ? 'en' : 'nl';
  const c = o.content[language]!;
  const body = o.vulnerable ? c.plain : c.body;
  const parts = [body.trim(), EFFECTIVE[language](formatDay(o.effectiveAt, language, o.timeZone)), CONTACT[language](o.contactRoute.trim())];
  if (o.unsubscribe) parts.push(UNSUBSCRIBE[language](o.unsubscribe));
  const text = parts.join('\n\n');
  return { subject: c.subject, text: `${text}\n`, language };
}
