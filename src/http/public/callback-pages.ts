import type { Slot } from '../../intake/callback/callback-slots.ts';
import { callbackWhen } from '../../intake/callback/callback-text.ts';
import { escapeHtml as e } from './html.ts';
import { type Lang, publicPage } from './contact-form-pages.ts';

/**
 * Callback booking pages: instead of a queue, the customer picks a time from the desk's real free
 * slots (a radio group per day), and can move or cancel it later through their own link.
 */
const T = {
  nl: {
    title: 'Bel mij terug',
    lead: 'Kies een moment waarop een medewerker u belt. Geen wachtrij: u wordt gebeld.',
    phone: 'Uw telefoonnummer', name: 'Uw naam', email: 'Uw e-mailadres (voor de bevestiging)', note: 'Waar gaat het over?',
    required: 'verplicht', slots: 'Kies een moment', none: 'Er zijn de komende dagen geen vrije momenten. Stuur ons liever een bericht.',
    book: 'Afspraak maken', problem: 'Controleer het formulier',
    booked: 'Uw terugbelafspraak staat', confirm: (when: string, phone: string) => `We bellen u <strong>${when}</strong> op ${phone}.`,
    ref: (ref: string) => `Uw dossiernummer is <strong>${ref}</strong>.`, manage: 'Verzetten of annuleren',
    manageTitle: 'Uw terugbelafspraak', cancel: 'Afspraak annuleren', move: 'Verzetten naar dit moment', cancelled: 'Deze afspraak is geannuleerd.',
    other: 'Ander moment kiezen',
  },
  en: {
    title: 'Call me back',
    lead: 'Choose when a person calls you. No queue: we call you.',
    phone: 'Your phone number', name: 'Your name', email: 'Your email address (for the confirmation)', note: 'What is it about?',
    required: 'required', slots: 'Choose a time', none: 'There are no free times in the coming days. Please send us a message instead.',
    book: 'Book the call', problem: 'Please check the form',
    booked: 'Your callback is booked', confirm: (when: string, phone: string) => `We will call you on <strong>${when}</strong> at ${phone}.`,
    ref: (ref: string) => `Your case number is <strong>${ref}</strong>.`, manage: 'Move or cancel',
    manageTitle: 'Your callback', cancel: 'Cancel the call', move: 'Move to this time', cancelled: 'This callback was cancelled.',
    other: 'Choose another time',
  },
} as const;

export const callbackPath = (slug: string, lang: Lang, rest = '') => `/contact/${encodeURIComponent(slug)}/callback${rest}?lang=${lang}`;

function slotPicker(slots: readonly Slot[], lang: Lang, timeZone: string, chosen?: string): string {
  const days = new Map<string, Slot[]>();
  const dayFormat = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone });
  const timeFormat = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
  for (const s of slots) {
    const d = dayFormat.format(s.start);
    days.set(d, [...(days.get(d) ?? []), s]);
  }
  let i = 0;
  return [...days].map(([day, list]) => `<fieldset><legend>${e(day)}</legend>
${list.map((s) => {
    const id = `slot-${++i}`;
    const v = s.start.toISOString();
    return `<span class="slot"><input type="radio" name="slot" id="${id}" value="${v}"${chosen === v ? ' checked' : ''} required><label for="${id}">${timeFormat.format(s.start)}–${timeFormat.format(s.end)}</label></span>`;
  }).join('\n')}
</fieldset>`).join('\n');
}

const STYLE = `<style>fieldset{border:1px solid #c9d1d9;margin:.75rem 0;padding:.5rem 1rem}legend{font-weight:700}
.slot{display:inline-flex;gap:.35rem;align-items:center;margin:.25rem 1rem .25rem 0}.slot label{display:inline;font-weight:400;margin:0}
.slot input{width:auto}</style>`;

export function bookingPage(o: {
  slug: string; name: string; lang: Lang; slots: readonly Slot[]; timeZone: string; token: string;
  values?: Record<string, string>; problem?: string;
}): string {
  const t = T[o.lang];
  const v = o.values ?? {};
  const field = (key: string, label: string, type: string, req: boolean, auto?: string) =>
    `<label for="f-${key}">${label}${req ? ` <span class="req">(${t.required})</span>` : ''}</label>
<input id="f-${key}" name="${key}" type="${type}" maxlength="${key === 'email' ? 254 : 200}"${req ? ' required aria-required="true"' : ''}${auto ? ` autocomplete="${auto}"` : ''} value="${e(v[key] ?? '')}">`;
  const main = `${STYLE}<h1>${t.title}</h1>
<p>${t.lead}</p>
${o.problem ? `<div class="summary" role="alert"><h2>${t.problem}</h2><p>${e(o.problem)}</p></div>` : ''}
${o.slots.length ? `<form method="post" action="${e(callbackPath(o.slug, o.lang))}">
<input type="hidden" name="t" value="${e(o.token)}">
<input type="hidden" name="lang" value="${o.lang}">
<div class="hp" aria-hidden="true"><label for="f-website">Website</label><input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>
${field('phone', t.phone, 'tel', true, 'tel')}
${field('name', t.name, 'text', false, 'name')}
${field('email', t.email, 'email', false, 'email')}
<label for="f-note">${t.note}</label>
<textarea id="f-note" name="note" maxlength="2000">${e(v.note ?? '')}</textarea>
<h2>${t.slots}</h2>
${slotPicker(o.slots, o.lang, o.timeZone, v.slot)}
<button type="submit">${t.book}</button>
</form>` : `<p>${t.none}</p>`}`;
  return publicPage({ lang: o.lang, title: t.title, name: o.name, slug: o.slug, main });
}

export function bookedPage(o: { slug: string; name: string; lang: Lang; start: Date; end: Date; timeZone: string; phone: string; ref: string; managePath: string }): string {
  const t = T[o.lang];
  const main = `<h1>${t.booked}</h1>
<div role="status"><p>${t.confirm(e(callbackWhen(o.start, o.end, o.lang, o.timeZone)), e(o.phone))}</p><p>${t.ref(e(o.ref))}</p></div>
<p><a href="${e(o.managePath)}">${t.manage}</a></p>`;
  return publicPage({ lang: o.lang, title: t.booked, name: o.name, slug: o.slug, main });
}

export function managePage(o: {
  slug: string; name: string; lang: Lang; secret: string; state: string; start: Date; end: Date; timeZone: string; phone: string; ref: string; slots: readonly Slot[]; problem?: string;
}): string {
  const t = T[o.lang];
  const action = (rest: string) => e(callbackPath(o.slug, o.lang, `/${o.secret}${rest}`));
  const main = o.state === 'cancelled'
    ? `<h1>${t.manageTitle}</h1>\n<p role="status">${t.cancelled}</p>\n<p><a href="${e(callbackPath(o.slug, o.lang))}">${t.title}</a></p>`
    : `${STYLE}<h1>${t.manageTitle}</h1>
${o.problem ? `<div class="summary" role="alert"><p>${e(o.problem)}</p></div>` : ''}
<div role="status"><p>${t.confirm(e(callbackWhen(o.start, o.end, o.lang, o.timeZone)), e(o.phone))}</p><p>${t.ref(e(o.ref))}</p></div>
<form method="post" action="${action('/cancel')}"><button type="submit">${t.cancel}</button></form>
<h2>${t.other}</h2>
<form method="post" action="${action('/move')}">
${slotPicker(o.slots, o.lang, o.timeZone)}
<button type="submit">${t.move}</button>
</form>`;
  return publicPage({ lang: o.lang, title: t.manageTitle, name: o.name, slug: o.slug, main });
}
