import { formatWhen } from '../intake/acknowledgement-text.ts';
import type { PromiseKind } from './store.ts';

const WHAT_NL: Record<PromiseKind, string> = {
  callback: 'u terug te bellen',
  appointment_window: 'langs te komen',
  answer_by: 'u antwoord te geven',
  refund_by: 'uw geld terug te storten',
  next_update_by: 'u op de hoogte te houden',
  custom: 'het volgende te doen',
};
const WHAT_EN: Record<PromiseKind, string> = {
  callback: 'call you back',
  appointment_window: 'visit you',
  answer_by: 'give you an answer',
  refund_by: 'refund your money',
  next_update_by: 'keep you updated',
  custom: 'do the following',
};

/**
 * The message a customer gets when we broke a promise: what we promised and when, that we did
 * not, an apology, the new time, and a named person — never a mantra.
 */
export function apologyText(a: {
  language: string | null;
  customerName: string | null;
  kind: PromiseKind;
  description: string;
  dueAt: Date;
  newDueAt: Date;
  signer: string;
  timeZone: string;
}): string {
  const en = a.language === 'en';
  const lang = en ? 'en' : 'nl';
  const was = formatWhen(a.dueAt, lang, a.timeZone);
  const next = formatWhen(a.newDueAt, lang, a.timeZone);
  const name = a.customerName?.trim();
  if (en) {
    return [
      name ? `Dear ${name},` : 'Hello,',
      '',
      `We promised to ${WHAT_EN[a.kind]} by ${was} (${a.description}). We did not keep that promise, and we are sorry.`,
      `We will do it by ${next} at the latest, and I am following it up myself.`,
      '',
      'Kind regards,',
      a.signer,
    ].join('\n');
  }
  return [
    name ? `Beste ${name},` : 'Beste klant,',
    '',
    `We hadden u beloofd ${WHAT_NL[a.kind]} vóór ${was} (${a.description}). Die belofte zijn we niet nagekomen, en dat spijt ons. Onze excuses.`,
    `We doen het uiterlijk ${next}, en ik houd het zelf in de gaten.`,
    '',
    'Met vriendelijke groet,',
    a.signer,
  ].join('\n');
}
