import { formatWhen } from '../acknowledgement-text.ts';

/**
 * What the widget shows under a new chat: the case reference and when the visitor hears from us at
 * the latest (the first-response target, as the form and the e-mail acknowledgement say), in the
 * visitor's language and the account's time zone.
 */
export function chatAckText(a: { ref: string; answerBy: Date; language: 'nl' | 'en'; timeZone: string }): string {
  const when = formatWhen(a.answerBy, a.language, a.timeZone);
  return a.language === 'en'
    ? `Your question is case ${a.ref}. You will hear from us by ${when} at the latest, sooner if we can.`
    : `Uw vraag heeft nummer ${a.ref}. U hoort uiterlijk ${when} van ons, eerder als het kan.`;
}
