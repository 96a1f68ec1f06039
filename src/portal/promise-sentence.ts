import { callbackWhen } from '../intake/callback/callback-text.ts';
import { formatWhen } from '../intake/acknowledgement-text.ts';
import type { PortalPromise } from './get-case.ts';

/**
 * A promise as the customer reads it, in their language and the account's time zone: "We bellen u
 * dinsdag 8 december tussen 10:00 en 10:30", "U hoort uiterlijk vrijdag 11 december om 17:00 van ons".
 * Built from the promise's kind and times, never from the agent's description (that may be internal
 * wording); what we wrote in a reply is shown beside it by the page. Pure.
 */
export function promiseSentence(p: Pick<PortalPromise, 'kind' | 'window_start' | 'due_at'>, lang: 'nl' | 'en', timeZone: string): string {
  const window = p.window_start ? callbackWhen(p.window_start, p.due_at, lang, timeZone) : null;
  const by = formatWhen(p.due_at, lang, timeZone);
  const nl = lang === 'nl';
  switch (p.kind) {
    case 'callback':
      return window ? (nl ? `We bellen u ${window}` : `We will call you on ${window}`) : nl ? `We bellen u uiterlijk ${by}` : `We will call you by ${by}`;
    case 'appointment_window':
      return window ? (nl ? `Afspraak: ${window}` : `Appointment: ${window}`) : nl ? `Afspraak: uiterlijk ${by}` : `Appointment: by ${by}`;
    case 'answer_by':
      return nl ? `U hoort uiterlijk ${by} van ons` : `You will hear from us by ${by}`;
    case 'refund_by':
      return nl ? `We betalen u uiterlijk ${by} terug` : `We will refund you by ${by}`;
    case 'next_update_by':
      return nl ? `U krijgt uiterlijk ${by} een nieuwe stand van zaken` : `You will get an update by ${by}`;
    case 'custom':
      return window ? (nl ? `Afgesproken: ${window}` : `Agreed: ${window}`) : nl ? `Afgesproken: uiterlijk ${by}` : `Agreed: by ${by}`;
  }
}
