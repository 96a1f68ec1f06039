import type { HelpCentre, PublicArticle, PublicArticleSummary } from '../../knowledge/get-help-centre.ts';
import type { ArticleHit } from '../../knowledge/search-articles.ts';
import type { ArticleLanguage } from '../../knowledge/types.ts';
import { escapeHtml as e, safeHref } from './html.ts';
import { renderMarkdownCached } from './markdown.ts';

/**
 * The public help centre's pages: plain server-rendered HTML, no script, one small inline
 * stylesheet. Accessible (WCAG 2.1 AA): lang on the page (and on an article in the other
 * language), landmarks, a skip link, labelled search, visible focus, AA contrast. Every page ends
 * with how to reach a person.
 */
const T = {
  nl: {
    centre: 'Helpcentrum',
    skip: 'Naar de inhoud',
    searchLabel: 'Zoek in het helpcentrum',
    searchButton: 'Zoeken',
    languageNav: 'Taal',
    other: { lang: 'en', label: 'English' },
    byTopic: 'Artikelen per onderwerp',
    untagged: 'Overige artikelen',
    none: 'Er staan nog geen artikelen in dit helpcentrum.',
    searchTitle: 'Zoekresultaten',
    results: (n: number, q: string) => (n === 1 ? `1 artikel gevonden voor “${q}”` : `${n} artikelen gevonden voor “${q}”`),
    noResults: (q: string) => `Geen artikelen gevonden voor “${q}”. Probeer andere woorden, of vraag het ons.`,
    emptyQuery: 'Typ een of meer woorden om te zoeken.',
    back: 'Terug naar het helpcentrum',
    updated: 'Bijgewerkt op',
    onlyIn: 'Dit artikel is alleen in het Engels beschikbaar.',
    topics: 'Onderwerpen',
    notFoundTitle: 'Niet gevonden',
    notFound: 'Deze pagina bestaat niet (meer).',
    contactTitle: 'Liever een mens spreken?',
    contactLead: 'Dat kan altijd.',
    mail: 'Mail',
    call: 'bel',
    form: 'gebruik het contactformulier',
    or: 'of',
    hours: 'Bereikbaar',
    noContact: (name: string) => `Antwoord op een e-mail van ${name}: een mens leest het.`,
  },
  en: {
    centre: 'Help centre',
    skip: 'Skip to content',
    searchLabel: 'Search the help centre',
    searchButton: 'Search',
    languageNav: 'Language',
    other: { lang: 'nl', label: 'Nederlands' },
    byTopic: 'Articles by topic',
    untagged: 'Other articles',
    none: 'This help centre has no articles yet.',
    searchTitle: 'Search results',
    results: (n: number, q: string) => (n === 1 ? `1 article found for “${q}”` : `${n} articles found for “${q}”`),
    noResults: (q: string) => `No articles found for “${q}”. Try other words, or ask us.`,
    emptyQuery: 'Type one or more words to search.',
    back: 'Back to the help centre',
    updated: 'Updated on',
    onlyIn: 'This article is only available in Dutch.',
    topics: 'Topics',
    notFoundTitle: 'Not found',
    notFound: 'This page does not exist (any more).',
    contactTitle: 'Would you rather talk to a person?',
    contactLead: 'You always can.',
    mail: 'Email',
    call: 'call',
    form: 'use the contact form',
    or: 'or',
    hours: 'Open',
    noContact: (name: string) => `Reply to any email from ${name}: a person reads it.`,
  },
} as const;

/** ?lang= wins; else the first of nl/en the browser accepts (by q-value); else Dutch. */
export function pickLanguage(query: string | undefined, acceptLanguage: string | undefined): ArticleLanguage {
  if (query === 'nl' || query === 'en') return query;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { base: tag.split('-')[0], q: q ? Number(q[1]) : 1, i };
    })
    .filter((x) => x.q > 0 && (x.base === 'nl' || x.base === 'en'))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return (ranked[0]?.base as ArticleLanguage | undefined) ?? 'nl';
}

export const helpPath = (centre: Pick<HelpCentre, 'slug'>, lang: ArticleLanguage, rest = '', query: Record<string, string> = {}) => {
  const params = new URLSearchParams({ ...query, lang });
  return `/help/${encodeURIComponent(centre.slug)}${rest}?${params.toString()}`;
};

interface LayoutOptions {
  centre: HelpCentre;
  lang: ArticleLanguage;
  title: string;
  /** the same page in the other language */
  otherLanguagePath: string;
  query?: string;
  main: string;
}

export const PUBLIC_CSS = `*{box-sizing:border-box}
body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2733;background:#fff}
.wrap{max-width:46rem;margin:0 auto;padding:0 1rem}
header,footer{background:#f3f5f7}
header{border-bottom:1px solid #c9d1d9;padding:.75rem 0 1rem}
footer{border-top:1px solid #c9d1d9;margin-top:3rem;padding:1.25rem 0 2rem}
.top{display:flex;justify-content:space-between;align-items:baseline;gap:1rem;flex-wrap:wrap}
.brand{font-weight:700;margin:0}
a{color:#0b4f8a}
a:hover{color:#06345c}
:focus-visible{outline:3px solid #b3400a;outline-offset:2px}
.skip{position:absolute;left:-10000px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem 1rem;z-index:1}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
.row{display:flex;gap:.5rem;flex-wrap:wrap}
input[type=search]{font:inherit;padding:.45rem .6rem;border:2px solid #56606b;border-radius:4px;flex:1 1 16rem;min-width:0}
button{font:inherit;padding:.45rem 1rem;background:#17603a;color:#fff;border:2px solid #17603a;border-radius:4px;cursor:pointer}
button:hover{background:#0f4a2c}
mark{background:#ffe08a;color:inherit}
h1{line-height:1.25;margin:1.5rem 0 1rem}
h2{line-height:1.3}
.meta,.note{color:#4a5560}
.note{border-left:4px solid #0b4f8a;padding:.25rem .75rem;background:#f3f5f7}
pre{background:#f3f5f7;padding:1rem;overflow:auto}
blockquote{margin:1rem 0;padding:0 1rem;border-left:4px solid #c9d1d9}
.results{padding-left:1.25rem}
.results li{margin-bottom:1rem}
.snippet{margin:.25rem 0 0}`;

export function layout(o: LayoutOptions): string {
  const t = T[o.lang];
  const home = helpPath(o.centre, o.lang);
  return `<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(o.title)} · ${e(o.centre.name)}</title>
<link rel="alternate" hreflang="${t.other.lang}" href="${e(o.otherLanguagePath)}">
<style>${PUBLIC_CSS}</style>
</head>
<body>
<a class="skip" href="#main">${t.skip}</a>
<header>
<div class="wrap">
<div class="top">
<p class="brand"><a href="${e(home)}">${e(o.centre.name)} · ${t.centre}</a></p>
<nav aria-label="${t.languageNav}"><a href="${e(o.otherLanguagePath)}" lang="${t.other.lang}" hreflang="${t.other.lang}">${t.other.label}</a></nav>
</div>
<form role="search" method="get" action="/help/${e(encodeURIComponent(o.centre.slug))}/search">
<label for="q">${t.searchLabel}</label>
<div class="row"><input id="q" name="q" type="search" maxlength="200" value="${e(o.query ?? '')}" autocomplete="off"><input type="hidden" name="lang" value="${o.lang}"><button type="submit">${t.searchButton}</button></div>
</form>
</div>
</header>
<main id="main" tabindex="-1">
<div class="wrap">
${o.main}
</div>
</main>
${contactFooter(o.centre, o.lang)}
</body>
</html>`;
}

/** How to reach a person: on every page. */
export function contactFooter(centre: HelpCentre, lang: ArticleLanguage): string {
  const t = T[lang];
  const c = centre.contact ?? {};
  const ways: string[] = [];
  if (c.email) ways.push(`${t.mail} <a href="mailto:${e(c.email)}">${e(c.email)}</a>`);
  if (c.phone) ways.push(`${ways.length ? t.call : cap(t.call)} <a href="tel:${e(c.phone.replace(/[^\d+]/g, ''))}">${e(c.phone)}</a>`);
  const form = c.url ? safeHref(c.url) : null;
  if (form) ways.push(`<a href="${e(form)}">${ways.length ? t.form : cap(t.form)}</a>`);
  const line = ways.length ? `${joinOr(ways, t.or)}.` : e(t.noContact(centre.name));
  const hours = c.hours ? ` ${t.hours}: ${e(c.hours)}.` : '';
  return `<footer>
<div class="wrap">
<h2 id="contact">${t.contactTitle}</h2>
<p class="contact">${t.contactLead} ${line}${hours}</p>
</div>
</footer>`;
}

export function homePage(centre: HelpCentre, lang: ArticleLanguage, articles: PublicArticleSummary[]): string {
  const t = T[lang];
  const groups = new Map<string, PublicArticleSummary[]>();
  for (const a of articles) {
    for (const tag of a.tags.length ? a.tags : ['']) {
      const list = groups.get(tag) ?? [];
      list.push(a);
      groups.set(tag, list);
    }
  }
  const tags = [...groups.keys()].filter(Boolean).sort((a, b) => a.localeCompare(b, lang));
  if (groups.has('')) tags.push('');
  const sections = tags.map((tag, i) => {
    const id = `topic-${i + 1}`;
    const items = groups.get(tag)!.map((a) => `<li>${articleLink(centre, lang, a)}</li>`).join('\n');
    return `<section aria-labelledby="${id}">\n<h3 id="${id}">${e(tag || t.untagged)}</h3>\n<ul>\n${items}\n</ul>\n</section>`;
  });
  const main = `<h1>${e(centre.name)} · ${t.centre}</h1>
<h2>${t.byTopic}</h2>
${sections.length ? sections.join('\n') : `<p>${t.none}</p>`}`;
  return layout({ centre, lang, title: t.centre, otherLanguagePath: helpPath(centre, t.other.lang), main });
}

export function searchPage(centre: HelpCentre, lang: ArticleLanguage, query: string, hits: ArticleHit[]): string {
  const t = T[lang];
  let body: string;
  if (!query) body = `<p role="status">${t.emptyQuery}</p>`;
  else if (!hits.length) body = `<p role="status">${e(t.noResults(query))}</p>`;
  else {
    const items = hits
      .map((h) => `<li${h.language !== lang ? ` lang="${h.language}"` : ''}>${articleLink(centre, lang, h)}\n<p class="snippet">${h.snippet}</p></li>`)
      .join('\n');
    body = `<p role="status">${e(t.results(hits.length, query))}</p>\n<ol class="results">\n${items}\n</ol>`;
  }
  const main = `<h1>${t.searchTitle}</h1>\n${body}\n<p><a href="${e(helpPath(centre, lang))}">${t.back}</a></p>`;
  return layout({
    centre,
    lang,
    title: query ? `${t.searchTitle}: ${query}` : t.searchTitle,
    otherLanguagePath: helpPath(centre, t.other.lang, '/search', query ? { q: query } : {}),
    query,
    main,
  });
}

export function articlePage(centre: HelpCentre, lang: ArticleLanguage, a: PublicArticle): string {
  const t = T[lang];
  const other = a.language !== lang;
  const date = new Date(a.updated_at).toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const tags = a.tags.length ? `\n<p class="meta">${t.topics}: ${a.tags.map((x) => e(x)).join(', ')}</p>` : '';
  const main = `${other ? `<p class="note">${t.onlyIn}</p>\n` : ''}<article${other ? ` lang="${a.language}"` : ''}>
<h1>${e(a.title)}</h1>
${renderMarkdownCached(a.body, { topLevel: 2 })}
</article>
<p class="meta">${t.updated} <time datetime="${new Date(a.updated_at).toISOString()}">${date}</time></p>${tags}
<p><a href="${e(helpPath(centre, lang))}">${t.back}</a></p>`;
  return layout({ centre, lang, title: a.title, otherLanguagePath: helpPath(centre, t.other.lang, `/articles/${encodeURIComponent(a.slug)}`), main });
}

export function notFoundPage(centre: HelpCentre | null, lang: ArticleLanguage): string {
  const t = T[lang];
  if (!centre) {
    // no help centre at this address: no name, no contact details to show
    return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${t.notFoundTitle}</title></head>
<body style="font:1.0625rem/1.6 system-ui,sans-serif;color:#1d2733;max-width:40rem;margin:3rem auto;padding:0 1rem">
<main><h1>${t.notFoundTitle}</h1><p>${t.notFound}</p></main></body></html>`;
  }
  const main = `<h1>${t.notFoundTitle}</h1>\n<p>${t.notFound}</p>\n<p><a href="${e(helpPath(centre, lang))}">${t.back}</a></p>`;
  return layout({ centre, lang, title: t.notFoundTitle, otherLanguagePath: helpPath(centre, t.other.lang), main });
}

function articleLink(centre: HelpCentre, lang: ArticleLanguage, a: { slug: string; title: string; language: ArticleLanguage }) {
  const href = helpPath(centre, lang, `/articles/${encodeURIComponent(a.slug)}`);
  return `<a href="${e(href)}"${a.language !== lang ? ` lang="${a.language}" hreflang="${a.language}"` : ''}>${e(a.title)}</a>`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const joinOr = (parts: string[], or: string) => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${or} ${parts[parts.length - 1]}`);
