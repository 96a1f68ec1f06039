import type { StatusPageData } from '../../announcements/status-page-data.ts';
import { escapeHtml as h } from './html.ts';
import { pageOrder } from '../../announcements/component-groups.ts';

export type Lang = 'nl' | 'en';

const T = {
  nl: {
    title: 'Status', all_ok: 'Alles werkt normaal', minor: 'Kleine verstoring', major: 'Gedeeltelijke storing', critical: 'Grote storing',
    components: 'Onderdelen', open: 'Lopende storingen', none_open: 'Er zijn nu geen storingen.', maintenance: 'Gepland onderhoud', history: 'Afgelopen 90 dagen',
    no_history: 'Geen storingen in de afgelopen 90 dagen.', next: 'Volgende update uiterlijk', overdue: 'Te laat: de volgende update was beloofd vóór',
    happened: 'Wat er is gebeurd', doing: 'Wat wij doen', means: 'Wat dit voor u betekent', contact: 'Een medewerker bereiken', reach: 'Vragen? Een medewerker helpt u via',
    resolved_at: 'Opgelost', from: 'Van', until: 'tot', feed: 'Atom-feed', json: 'JSON', other: 'English', skip: 'Naar de inhoud',
    impact: { none: 'geen gevolgen', minor: 'klein', major: 'groot', critical: 'zeer groot' },
    status: { investigating: 'We zoeken het uit', identified: 'Oorzaak gevonden', monitoring: 'We houden het in de gaten', resolved: 'Opgelost' },
    state: { operational: 'Werkt', degraded_performance: 'Langzamer', partial_outage: 'Gedeeltelijke storing', major_outage: 'Storing', under_maintenance: 'Onderhoud' },
    m_state: { scheduled: 'Gepland', in_progress: 'Bezig', completed: 'Klaar' },
    subscribe: 'Berichten ontvangen', subscribe_help: 'Krijg een e-mail bij elke update van een storing en bij gepland onderhoud. U bevestigt eerst via een link in uw mail; afmelden kan in elke mail met één klik.',
    email: 'E-mailadres', which: 'Over welke onderdelen? (niets aangevinkt: alle)', subscribe_button: 'Aanmelden',
  },
  en: {
    title: 'Status', all_ok: 'All systems operational', minor: 'Minor disruption', major: 'Partial outage', critical: 'Major outage',
    components: 'Components', open: 'Current incidents', none_open: 'There are no incidents right now.', maintenance: 'Planned maintenance', history: 'Past 90 days',
    no_history: 'No incidents in the past 90 days.', next: 'Next update by', overdue: 'Overdue: the next update was promised by',
    happened: 'What happened', doing: 'What we are doing', means: 'What it means for you', contact: 'Reach a person', reach: 'Questions? A person will help you at',
    resolved_at: 'Resolved', from: 'From', until: 'until', feed: 'Atom feed', json: 'JSON', other: 'Nederlands', skip: 'Skip to content',
    impact: { none: 'no impact', minor: 'minor', major: 'major', critical: 'critical' },
    status: { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved' },
    state: { operational: 'Operational', degraded_performance: 'Degraded performance', partial_outage: 'Partial outage', major_outage: 'Major outage', under_maintenance: 'Under maintenance' },
    m_state: { scheduled: 'Scheduled', in_progress: 'In progress', completed: 'Completed' },
    subscribe: 'Get updates', subscribe_help: 'Get an e-mail with every incident update and planned maintenance. You confirm first through a link in your mail; every mail has a one-click unsubscribe.',
    email: 'E-mail address', which: 'Which components? (none ticked: all)', subscribe_button: 'Subscribe',
  },
} as const;

export const CSS = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:46rem;padding:1rem;color:#1a1a1a;background:#fff}
a{color:#0645ad}h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1.1rem;margin-bottom:.25rem}
.banner{padding:.75rem 1rem;border-radius:6px;font-weight:600;border:2px solid}.ok{background:#e7f6ea;border-color:#1e7b34}.bad{background:#fdecea;border-color:#a11d1d}
.overdue{color:#8a1010;font-weight:700}ul.c{list-style:none;padding:0}ul.c li{display:flex;flex-wrap:wrap;justify-content:space-between;border-bottom:1px solid #ddd;padding:.4rem 0}ul.g{flex-basis:100%;margin:.25rem 0 0 1.5rem}ul.g li:last-child{border-bottom:0}
article{border-left:4px solid #888;padding-left:1rem;margin:1rem 0}dl{margin:.25rem 0}dt{font-weight:600}dd{margin:0 0 .5rem}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}footer{margin-top:3rem;font-size:.9rem;color:#444}
label{display:block;margin:.5rem 0 .25rem}input[type=email]{font:inherit;padding:.4rem;width:min(100%,22rem)}fieldset{border:1px solid #ccc;margin:.75rem 0}fieldset label{display:inline;margin:0 1rem 0 .25rem}button{font:inherit;padding:.5rem 1rem}`;

export function formatTime(at: Date, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(at);
}

/** A contact route as a link: mailto for an address, tel for a number. Text is escaped either way. */
export function contactLink(route: string): string {
  const r = route.trim();
  const href = r.includes('@') ? `mailto:${r}` : `tel:${r.replace(/[^+0-9]/g, '')}`;
  return `<a href="${h(href)}">${h(r)}</a>`;
}

const pick = <T>(v: { nl: T; en?: T }, lang: Lang): T => (lang === 'en' && v.en ? v.en : v.nl);

type PageComponent = StatusPageData['components'][number];
/** The components in page order; a group's own components in a list inside its item (one level). */
function componentList(d: StatusPageData, lang: Lang, describe: (c: PageComponent) => string): string {
  const t = T[lang];
  const item = (c: PageComponent, inner = '') => `<li><span>${h(lang === 'en' ? c.name_en : c.name_nl)}${describe(c)}</span><span>${h(t.state[c.state])}</span>${inner}</li>`;
  const rows = pageOrder(d.components);
  return `<ul class="c">${rows.filter((r) => r.depth === 0).map(({ component: c }) => {
    const members = rows.filter((r) => r.depth === 1 && r.component.group_id === c.id).map((r) => item(r.component));
    return item(c, members.length ? `<ul class="c g">${members.join('')}</ul>` : '');
  }).join('')}</ul>`;
}

/**
 * The public status page: server-rendered HTML that needs no script, in Dutch or English.
 * Every text from an agent is escaped; states are written out, never shown by colour alone.
 */
export function statusPageHtml(d: StatusPageData, lang: Lang, now: Date): string {
  const t = T[lang];
  const when = (at: Date) => `<time datetime="${at.toISOString()}">${h(formatTime(at, lang, d.timeZone))}</time>`;
  const open = d.incidents.filter((i) => i.status !== 'resolved');
  const history = d.incidents.filter((i) => i.status === 'resolved');
  const base = `/status/${d.slug}`;
  const banner = d.indicator === 'none' ? t.all_ok : t[d.indicator];
  const describe = (c: StatusPageData['components'][number]) => {
    const text = lang === 'en' ? c.description_en ?? c.description_nl : c.description_nl ?? c.description_en;
    return text ? `<br><small>${h(text)}</small>` : '';
  };

  const incident = (i: StatusPageData['incidents'][number], level: 'h3') => {
    const updates = i.updates.map((u) => {
      const p = pick(u.parts, lang);
      return `<li><p><strong>${h(t.status[u.status])}</strong> — ${when(u.created_at)}</p>
<dl><dt>${t.happened}</dt><dd>${h(p.happened)}</dd><dt>${t.doing}</dt><dd>${h(p.doing)}</dd><dt>${t.means}</dt><dd>${h(p.means)}</dd>
${u.next_update_at ? `<dt>${t.next}</dt><dd>${when(u.next_update_at)}</dd>` : ''}<dt>${t.contact}</dt><dd>${contactLink(u.contact_route)}</dd></dl></li>`;
    }).join('\n');
    const promise = i.next_update_at
      ? i.overdue ? `<p class="overdue">${t.overdue} ${when(i.next_update_at)}</p>` : `<p>${t.next} ${when(i.next_update_at)}</p>`
      : i.resolved_at ? `<p>${t.resolved_at}: ${when(i.resolved_at)}</p>` : '';
    return `<article aria-labelledby="i-${i.id}"><${level} id="i-${i.id}">${h(pick(i.title, lang))}</${level}>
<p>${h(t.status[i.status])} · ${h(t.impact[i.impact])}</p>${promise}<ol reversed>${updates}</ol></article>`;
  };
  const maintenance = d.maintenance.filter((m) => m.state !== 'completed').map((m) => {
    const c = pick(m.content, lang);
    return `<article aria-labelledby="m-${m.id}"><h3 id="m-${m.id}">${h(c.subject)}</h3><p>${h(t.m_state[m.state])} · ${t.from} ${when(m.starts_at)}${m.ends_at ? ` ${t.until} ${when(m.ends_at)}` : ''}</p><p>${h(c.body)}</p></article>`;
  }).join('\n');

  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title} — ${h(d.name)}</title>
<link rel="alternate" type="application/atom+xml" href="${base}/feed.atom" title="${t.feed}">
<style>${CSS}</style></head>
<body><a class="skip" href="#main">${t.skip}</a>
<header><p lang="${lang === 'nl' ? 'en' : 'nl'}"><a href="${base}?lang=${lang === 'nl' ? 'en' : 'nl'}">${t.other}</a></p>
<h1>${t.title} — ${h(d.name)}</h1></header>
<main id="main">
<p class="banner ${d.indicator === 'none' ? 'ok' : 'bad'}">${h(banner)}</p>
<section aria-labelledby="open"><h2 id="open">${t.open}</h2>${open.length ? open.map((i) => incident(i, 'h3')).join('\n') : `<p>${t.none_open}</p>`}</section>
${d.components.length ? `<section aria-labelledby="components"><h2 id="components">${t.components}</h2>${componentList(d, lang, describe)}</section>` : ''}
${maintenance ? `<section aria-labelledby="maintenance"><h2 id="maintenance">${t.maintenance}</h2>${maintenance}</section>` : ''}
<section aria-labelledby="history"><h2 id="history">${t.history}</h2>${history.length ? history.map((i) => incident(i, 'h3')).join('\n') : `<p>${t.no_history}</p>`}</section>
<section aria-labelledby="subscribe"><h2 id="subscribe">${t.subscribe}</h2><p>${t.subscribe_help}</p>
<form method="post" action="${base}/subscribe"><input type="hidden" name="lang" value="${lang}">
<label for="sub-email">${t.email}</label><input type="email" id="sub-email" name="email" required autocomplete="email" maxlength="320">
${d.components.length ? `<fieldset><legend>${t.which}</legend>${d.components.map((c) => `<input type="checkbox" name="component" value="${c.id}" id="sub-${c.id}"><label for="sub-${c.id}">${h(lang === 'en' ? c.name_en : c.name_nl)}</label>`).join(' ')}</fieldset>` : ''}
<p><button type="submit">${t.subscribe_button}</button></p></form></section>
</main>
<footer>${d.contactRoute ? `<p>${t.reach} ${contactLink(d.contactRoute)}</p>` : ''}<p><a href="${base}/feed.atom">${t.feed}</a> · <a href="${base}/api/v2/summary.json">${t.json}</a></p>
<p>${h(formatTime(now, lang, d.timeZone))}</p></footer>
</body></html>`;
}
