import type { FormField } from '../../intake/form/form-fields.ts';
import { formatWhen } from '../../intake/acknowledgement-text.ts';
import { PUBLIC_CSS } from './help-centre-pages.ts';
import { escapeHtml as e } from './html.ts';

/**
 * The public contact form's pages: server-rendered HTML without script, so it works in any browser
 * and in an iframe on the company's site. Labels on every field, required fields said in words,
 * errors listed at the top (focus goes there: role=alert) and beside each field (aria-describedby).
 */
export type Lang = 'nl' | 'en';

const T = {
  nl: {
    title: 'Contact',
    lead: 'Stel uw vraag of vertel wat er mis ging. Een medewerker leest het en antwoordt u persoonlijk.',
    callback: 'Liever gebeld worden? Kies een moment waarop wij u bellen.',
    required: 'verplicht',
    send: 'Versturen',
    other: { lang: 'en', label: 'English' },
    languageNav: 'Taal',
    honeypot: 'Laat dit veld leeg',
    fixTitle: 'Controleer het formulier',
    problem: {
      required: 'Vul dit veld in.',
      too_long: 'Dit is te lang.',
      invalid_email: 'Dit is geen geldig e-mailadres.',
      invalid_phone: 'Dit is geen geldig telefoonnummer.',
      too_fast: 'Het formulier werd erg snel verstuurd. Controleer uw gegevens en verstuur het opnieuw.',
      expired: 'Dit formulier stond te lang open. Verstuur het opnieuw.',
    },
    thanksTitle: 'Bedankt, we hebben uw bericht',
    thanks: (ref: string) => `Uw bericht is ontvangen onder nummer <strong>${ref}</strong>.`,
    when: (when: string) => `U hoort uiterlijk <strong>${when}</strong> van ons, en eerder als het kan.`,
    mailed: 'U krijgt dit ook per e-mail. Wilt u iets aanvullen? Beantwoord dan die e-mail: het komt bij hetzelfde dossier.',
    again: 'Nog een bericht sturen',
    refusedTitle: 'Bericht niet verstuurd',
    refused: 'Dit bericht kon niet worden aangenomen. Laad het formulier opnieuw en probeer het nog eens, of mail ons.',
    throttledTitle: 'Even geduld',
    throttled: (min: number) => `Er zijn vanaf uw adres veel berichten verstuurd. Probeer het over ${min} minuten opnieuw.`,
    notFoundTitle: 'Niet gevonden',
    notFound: 'Dit contactformulier bestaat niet (meer).',
  },
  en: {
    title: 'Contact',
    lead: 'Ask your question or tell us what went wrong. A person reads it and answers you personally.',
    callback: 'Would you rather talk? Choose a time for us to call you.',
    required: 'required',
    send: 'Send',
    other: { lang: 'nl', label: 'Nederlands' },
    languageNav: 'Language',
    honeypot: 'Leave this field empty',
    fixTitle: 'Please check the form',
    problem: {
      required: 'Please fill in this field.',
      too_long: 'This is too long.',
      invalid_email: 'This is not a valid email address.',
      invalid_phone: 'This is not a valid phone number.',
      too_fast: 'The form was sent very quickly. Please check your details and send it again.',
      expired: 'This form was open too long. Please send it again.',
    },
    thanksTitle: 'Thank you, we have your message',
    thanks: (ref: string) => `Your message was received as case <strong>${ref}</strong>.`,
    when: (when: string) => `You will hear from us by <strong>${when}</strong> at the latest, sooner if we can.`,
    mailed: 'You will get this by email too. Anything to add? Reply to that email: it goes to the same case.',
    again: 'Send another message',
    refusedTitle: 'Message not sent',
    refused: 'This message could not be accepted. Reload the form and try again, or email us.',
    throttledTitle: 'Please wait a moment',
    throttled: (min: number) => `Many messages were sent from your address. Please try again in ${min} minutes.`,
    notFoundTitle: 'Not found',
    notFound: 'This contact form does not exist (any more).',
  },
} as const;

export const contactPath = (slug: string, lang: Lang) => `/contact/${encodeURIComponent(slug)}?lang=${lang}`;

export function publicPage(o: { lang: Lang; title: string; name: string; slug: string | null; main: string }): string {
  const t = T[o.lang];
  const other = o.slug
    ? `<nav aria-label="${t.languageNav}"><a href="${e(contactPath(o.slug, t.other.lang))}" lang="${t.other.lang}" hreflang="${t.other.lang}">${t.other.label}</a></nav>`
    : '';
  return `<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(o.title)} · ${e(o.name)}</title>
<style>${PUBLIC_CSS}
input:not([type=hidden]),textarea{font:inherit;width:100%;padding:.45rem .6rem;border:2px solid #56606b;border-radius:4px}
textarea{min-height:9rem}
[aria-invalid=true]{border-color:#a4161a}
.err{color:#a4161a;font-weight:600;margin:.25rem 0 0}
.req{font-weight:400;color:#4a5560}
.summary{border:3px solid #a4161a;padding:.5rem 1rem;margin:1rem 0}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
form button{margin-top:1.25rem}</style>
</head>
<body>
<header><div class="wrap top"><p class="brand">${e(o.name)}</p>${other}</div></header>
<main id="main">
<div class="wrap">
${o.main}
</div>
</main>
</body>
</html>`;
}

export interface FormPageInput {
  slug: string;
  name: string;
  lang: Lang;
  fields: readonly FormField[];
  token: string;
  values?: Record<string, string>;
  problems?: Record<string, string>;
  /** the callback booking page, when the account offers callbacks */
  callbackHref?: string;
}

export function formPage(o: FormPageInput): string {
  const t = T[o.lang];
  const problems = o.problems ?? {};
  const msg = (p: string) => t.problem[p as keyof typeof t.problem] ?? p;
  const summary = Object.keys(problems).length
    ? `<div class="summary" role="alert" tabindex="-1" id="problems"><h2>${t.fixTitle}</h2><ul>${Object.entries(problems)
        .map(([k, p]) => {
          const f = o.fields.find((x) => x.key === k);
          return f ? `<li><a href="#f-${e(k)}">${e(f.label[o.lang])}: ${msg(p)}</a></li>` : `<li>${msg(p)}</li>`;
        })
        .join('')}</ul></div>`
    : '';
  const inputs = o.fields.map((f) => {
    const id = `f-${f.key}`;
    const v = o.values?.[f.key] ?? '';
    const problem = problems[f.key];
    const attrs = `id="${e(id)}" name="${e(f.key)}" maxlength="${f.max}"${f.required ? ' required aria-required="true"' : ''}${
      f.autocomplete ? ` autocomplete="${f.autocomplete}"` : ''}${problem ? ` aria-invalid="true" aria-describedby="${e(id)}-err"` : ''}`;
    const control = f.kind === 'textarea' ? `<textarea ${attrs}>${e(v)}</textarea>` : `<input type="${f.kind}" ${attrs} value="${e(v)}">`;
    return `<label for="${e(id)}">${e(f.label[o.lang])}${f.required ? ` <span class="req">(${t.required})</span>` : ''}</label>
${control}${problem ? `\n<p class="err" id="${e(id)}-err">${msg(problem)}</p>` : ''}`;
  });
  const main = `<h1>${t.title}</h1>
<p>${t.lead}</p>${o.callbackHref ? `\n<p><a href="${e(o.callbackHref)}">${t.callback}</a></p>` : ''}
${summary}
<form method="post" action="/contact/${e(encodeURIComponent(o.slug))}?lang=${o.lang}" novalidate>
<input type="hidden" name="t" value="${e(o.token)}">
<input type="hidden" name="lang" value="${o.lang}">
<div class="hp" aria-hidden="true"><label for="f-website">${t.honeypot}</label><input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>
${inputs.join('\n')}
<button type="submit">${t.send}</button>
</form>`;
  return publicPage({ lang: o.lang, title: t.title, name: o.name, slug: o.slug, main });
}

export function thanksPage(o: { slug: string; name: string; lang: Lang; ref: string; answerBy: Date; timeZone: string; extra?: string }): string {
  const t = T[o.lang];
  const main = `<h1>${t.thanksTitle}</h1>
<div role="status">
<p>${t.thanks(e(o.ref))}</p>
<p>${t.when(e(formatWhen(o.answerBy, o.lang, o.timeZone)))}</p>
</div>
<p>${t.mailed}</p>
${o.extra ?? ''}
<p><a href="${e(contactPath(o.slug, o.lang))}">${t.again}</a></p>`;
  return publicPage({ lang: o.lang, title: t.thanksTitle, name: o.name, slug: o.slug, main });
}

export function refusedPage(o: { slug: string; name: string; lang: Lang }): string {
  const t = T[o.lang];
  return publicPage({ ...o, title: t.refusedTitle, main: `<h1>${t.refusedTitle}</h1>\n<p>${t.refused}</p>\n<p><a href="${e(contactPath(o.slug, o.lang))}">${t.title}</a></p>` });
}

export function throttledPage(o: { slug: string; name: string; lang: Lang; retryAfterSeconds: number }): string {
  const t = T[o.lang];
  return publicPage({ ...o, title: t.throttledTitle, main: `<h1>${t.throttledTitle}</h1>\n<p>${t.throttled(Math.max(1, Math.ceil(o.retryAfterSeconds / 60)))}</p>` });
}

export function contactNotFoundPage(lang: Lang): string {
  const t = T[lang];
  return publicPage({ lang, title: t.notFoundTitle, name: 'Luister', slug: null, main: `<h1>${t.notFoundTitle}</h1>\n<p>${t.notFound}</p>` });
}
