import type { ContactWays } from '../../portal/contact-ways.ts';
import { callbackPath } from './callback-pages.ts';
import { contactPath, type Lang } from './contact-form-pages.ts';
import { PUBLIC_CSS } from './help-centre-pages.ts';
import { escapeHtml as e, safeHref } from './html.ts';
import { PT } from './portal-text.ts';

/**
 * The customer portal's pages: server-rendered HTML without script (like the contact form), so they
 * work in any browser and on a phone. Every page has a skip link, the language switch, and at the
 * bottom how to reach a person; a signed-in page also the way back to the cases and signing out.
 */
export const portalHref = (slug: string, lang: Lang, rest = '', query = '') => `/portal/${encodeURIComponent(slug)}${rest}?lang=${lang}${query}`;

export interface PortalFrame {
  lang: Lang;
  slug: string;
  name: string;
  ways: ContactWays;
  /** this page's path without ?lang (for the language switch) */
  here: string;
  /** signed in: who, and the token their sign-out form carries */
  user?: { name: string; email: string; token: string };
}

const CSS = `${PUBLIC_CSS}
input:not([type=hidden]),textarea{font:inherit;width:100%;padding:.45rem .6rem;border:2px solid #56606b;border-radius:4px}
textarea{min-height:8rem}
[aria-invalid=true]{border-color:#a4161a}
.err{color:#a4161a;font-weight:600;margin:.25rem 0 0}
.summary{border:3px solid #a4161a;padding:.5rem 1rem;margin:1rem 0}
.ok{border:3px solid #17603a;padding:.5rem 1rem;margin:1rem 0}
.cases{list-style:none;padding:0;margin:0}
.cases li{border:1px solid #c9d1d9;border-radius:6px;padding:.6rem .8rem;margin:.5rem 0}
.cases a{font-weight:600}
.tag{display:inline-block;font-size:.875rem;padding:0 .4rem;border-radius:4px;background:#e8edf2;color:#1d2733;margin-right:.35rem}
.msg{border-left:4px solid #c9d1d9;padding:.25rem .75rem;margin:1rem 0}
.msg.us{border-color:#0b4f8a;background:#f3f7fb}
.msg p{white-space:pre-wrap;overflow-wrap:anywhere;margin:.25rem 0}
.promises{padding-left:1.25rem}
.who{display:flex;gap:.75rem;align-items:center;flex-wrap:wrap}
.who form{margin:0}
.who form button[type=submit]{margin-top:0}
.link-button{background:none;border:none;color:#0b4f8a;text-decoration:underline;padding:0;font:inherit;cursor:pointer}
.link-button:hover{background:none;color:#06345c}
nav.pages{margin:1rem 0}
form button[type=submit]{margin-top:1rem}
header,main,footer{overflow-wrap:anywhere}
@media (max-width:30rem){body{font-size:1rem}.wrap{padding:0 .75rem}}`;

/** How to reach a person: on every page of the portal, signed in or not. */
export function reachPerson(f: Pick<PortalFrame, 'lang' | 'slug' | 'ways'>): string {
  const t = PT[f.lang];
  const w = f.ways;
  const items: string[] = [];
  if (w.phone) items.push(`<li>${t.callUs} <a href="tel:${e(w.phone.replace(/[^\d+]/g, ''))}">${e(w.phone)}</a>${w.hours ? ` (${e(w.hours)})` : ''}</li>`);
  if (w.callback) items.push(`<li><a href="${e(callbackPath(f.slug, f.lang))}">${t.callMeBack}</a></li>`);
  if (w.email) items.push(`<li>${t.mailUs} <a href="mailto:${e(w.email)}">${e(w.email)}</a></li>`);
  if (w.form) items.push(`<li><a href="${e(contactPath(f.slug, f.lang))}">${t.contactForm}</a></li>`);
  const url = w.url ? safeHref(w.url) : null;
  if (url) items.push(`<li><a href="${e(url)}">${t.moreWays}</a></li>`);
  return `<footer>
<div class="wrap">
<h2 id="person">${t.personTitle}</h2>
<p>${t.personLead}</p>
<ul>${items.join('')}</ul>
</div>
</footer>`;
}

export function portalPage(f: PortalFrame, o: { title: string; main: string }): string {
  const t = PT[f.lang];
  const other = PT[t.other];
  const who = f.user
    ? `<div class="who"><span>${t.signedInAs} <strong>${e(f.user.email)}</strong></span>
<a href="${e(portalHref(f.slug, f.lang))}">${t.yourCases}</a>
<form method="post" action="${e(portalHref(f.slug, f.lang, '/sign-out'))}"><input type="hidden" name="t" value="${e(f.user.token)}"><button type="submit" class="link-button">${t.signOut}</button></form></div>`
    : '';
  return `<!doctype html>
<html lang="${f.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(o.title)} · ${e(f.name)}</title>
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#main">${t.skip}</a>
<header><div class="wrap">
<div class="top"><p class="brand">${e(f.name)} · ${t.portal}</p>
<nav aria-label="${t.languageNav}"><a href="${e(`${f.here}?lang=${t.other}`)}" lang="${t.other}" hreflang="${t.other}">${other.languageName}</a> · <a href="#person">${t.personTitle}</a></nav></div>
${who}
</div></header>
<main id="main" tabindex="-1">
<div class="wrap">
${o.main}
</div>
</main>
${reachPerson(f)}
</body>
</html>`;
}

export function signInPage(f: PortalFrame, o: { token: string; email?: string; problem?: 'invalid_email' | 'expired_form' | 'signed_out' | 'session_over' }): string {
  const t = PT[f.lang];
  const problem = o.problem === 'invalid_email' || o.problem === 'expired_form'
    ? `<div class="summary" role="alert"><p><a href="#email">${t.problem[o.problem]}</a></p></div>`
    : o.problem ? `<div class="ok" role="status"><p>${t.problem[o.problem]}</p></div>` : '';
  const invalid = o.problem === 'invalid_email';
  return portalPage(f, {
    title: t.signInTitle,
    main: `<h1>${t.signInTitle}</h1>
<p>${t.signInLead}</p>
${problem}
<form method="post" action="${e(portalHref(f.slug, f.lang, '/sign-in'))}" novalidate>
<input type="hidden" name="t" value="${e(o.token)}">
<label for="email">${t.emailLabel}</label>
<input id="email" name="email" type="email" autocomplete="email" maxlength="320" required aria-required="true" value="${e(o.email ?? '')}"${invalid ? ' aria-invalid="true" aria-describedby="email-err"' : ''}>
${invalid ? `<p class="err" id="email-err">${t.problem.invalid_email}</p>` : ''}
<button type="submit">${t.sendLink}</button>
</form>
<p>${t.noAccount}</p>`,
  });
}

export function linkSentPage(f: PortalFrame, minutes: number): string {
  const t = PT[f.lang];
  return portalPage(f, { title: t.sentTitle, main: `<h1>${t.sentTitle}</h1>\n<div role="status"><p>${t.sent(minutes)}</p></div>\n<p>${t.sentNoMail}</p>\n<p><a href="${e(portalHref(f.slug, f.lang))}">${t.again}</a></p>` });
}

/** The link's landing page: a button that signs in (a POST, so a mail scanner fetching the link does not use it up). */
export function confirmLinkPage(f: PortalFrame, secret: string): string {
  const t = PT[f.lang];
  return portalPage(f, {
    title: t.confirmTitle,
    main: `<h1>${t.confirmTitle}</h1>\n<p>${t.confirmLead}</p>
<form method="post" action="${e(portalHref(f.slug, f.lang, `/in/${secret}`))}"><button type="submit">${t.confirm}</button></form>`,
  });
}

export function linkProblemPage(f: PortalFrame, state: 'used' | 'expired' | 'unknown'): string {
  const t = PT[f.lang];
  return portalPage(f, { title: t.linkTitle, main: `<h1>${t.linkTitle}</h1>\n<div role="alert"><p>${t.link[state]}</p></div>\n<p><a href="${e(portalHref(f.slug, f.lang))}">${t.newLink}</a></p>` });
}

export function portalThrottledPage(f: PortalFrame, retryAfterSeconds: number): string {
  const t = PT[f.lang];
  return portalPage(f, { title: t.throttledTitle, main: `<h1>${t.throttledTitle}</h1>\n<p role="alert">${t.throttled(Math.max(1, Math.ceil(retryAfterSeconds / 60)))}</p>` });
}

/**
 * The one not-found page: a case that does not exist and another customer's case look the same (in the
 * portal's frame, with the ways to reach a person); an unknown or switched-off portal has no frame.
 */
export function portalNotFoundPage(lang: Lang, f?: PortalFrame): string {
  const t = PT[lang];
  const main = `<h1>${t.notFoundTitle}</h1>\n<p>${t.notFound}</p>`;
  if (f) return portalPage(f, { title: t.notFoundTitle, main: `${main}\n<p><a href="${e(portalHref(f.slug, f.lang))}">${t.yourCases}</a></p>` });
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${t.notFoundTitle}</title><style>${PUBLIC_CSS}</style></head>
<body><main id="main"><div class="wrap">${main}</div></main></body>
</html>`;
}
