import { formatWhen } from '../../intake/acknowledgement-text.ts';
import type { PortalCase } from '../../portal/get-case.ts';
import type { PortalCaseSummary } from '../../portal/list-cases.ts';
import { promiseSentence } from '../../portal/promise-sentence.ts';
import { escapeHtml as e } from './html.ts';
import { type PortalFrame, portalHref, portalPage } from './portal-pages.ts';
import { PT } from './portal-text.ts';

/** The signed-in pages: the case list (open and past) and one case with its messages, promises and the reply form. */

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function shortDate(d: Date, lang: 'nl' | 'en', timeZone: string): string {
  const key = `${lang}|${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone })));
  return f.format(d);
}
const time = (d: Date, lang: 'nl' | 'en', tz: string) => `<time datetime="${d.toISOString()}">${e(shortDate(d, lang, tz))}</time>`;

function caseItem(f: PortalFrame, c: PortalCaseSummary, timeZone: string): string {
  const t = PT[f.lang];
  const href = portalHref(f.slug, f.lang, `/cases/${c.id}`);
  const meta = [
    `<span class="tag">${t.status[c.status]}</span>`,
    `${t.updated} ${time(c.updated_at, f.lang, timeZone)}`,
    ...(c.own ? [] : [e(t.colleague(c.customer_name || '?'))]),
    ...(c.promise_kind && c.promise_due_at ? [e(promiseSentence({ kind: c.promise_kind, window_start: c.promise_window_start, due_at: c.promise_due_at }, f.lang, timeZone))] : []),
  ];
  return `<li><a href="${e(href)}">${e(c.ref)}: ${e(c.subject)}</a><br><span class="meta">${meta.join(' · ')}</span></li>`;
}

export function casesPage(f: PortalFrame, o: { open: PortalCaseSummary[]; past: PortalCaseSummary[]; morePast: boolean; page: number; timeZone: string }): string {
  const t = PT[f.lang];
  const list = (cases: PortalCaseSummary[], empty: string) =>
    cases.length ? `<ul class="cases">\n${cases.map((c) => caseItem(f, c, o.timeZone)).join('\n')}\n</ul>` : `<p>${empty}</p>`;
  const pages = [
    ...(o.page > 1 ? [`<a href="${e(portalHref(f.slug, f.lang, '', o.page > 2 ? `&page=${o.page - 1}` : ''))}#past">${t.newerPast}</a>`] : []),
    ...(o.morePast ? [`<a href="${e(portalHref(f.slug, f.lang, '', `&page=${o.page + 1}`))}#past">${t.morePast}</a>`] : []),
  ];
  return portalPage(f, {
    title: t.casesTitle,
    main: `<h1>${t.casesTitle}</h1>
<h2 id="open">${t.openTitle}</h2>
${list(o.open, t.noOpen)}
<h2 id="past">${t.pastTitle}</h2>
${list(o.past, t.noPast)}
${pages.length ? `<nav class="pages" aria-label="${t.pastTitle}">${pages.join(' · ')}</nav>` : ''}`,
  });
}

export interface CasePageState {
  token: string;
  timeZone: string;
  company: string;
  /** after a reply: the confirmation */
  done?: { ref: string; answerBy: Date; newCase: boolean };
  problem?: 'required' | 'too_long' | 'expired_form';
  text?: string;
}

export function casePage(f: PortalFrame, c: PortalCase, s: CasePageState): string {
  const t = PT[f.lang];
  const done = s.done
    ? `<div class="ok" role="status"><p>${e((s.done.newCase ? t.repliedNew : t.replied)(s.done.ref, formatWhen(s.done.answerBy, f.lang, s.timeZone)))}</p></div>`
    : '';
  const promises = c.promises.length
    ? `<h2>${t.promisesTitle}</h2>
<ul class="promises">${c.promises.map((p) => `<li><strong>${e(promiseSentence(p, f.lang, s.timeZone))}</strong> (${t.promiseState[p.state]})${
        p.said ? `<br><span class="meta">${t.weWrote}: “${e(p.said)}”</span>` : ''}</li>`).join('\n')}</ul>`
    : '';
  const messages = c.messages.map((m) => {
    const from = m.type === 'inbound' ? (c.own && m.author === c.customer_name ? t.you : m.author || t.you) : m.author ? `${m.author}, ${s.company}` : s.company;
    return `<article class="msg${m.type === 'outbound' ? ' us' : ''}" aria-label="${e(from)}, ${e(formatWhen(m.created_at, f.lang, s.timeZone))}">
<p class="meta"><strong>${e(from)}</strong> · ${e(formatWhen(m.created_at, f.lang, s.timeZone))}</p>
<p>${e(m.body)}</p>
</article>`;
  });
  const problem = s.problem ? t.replyProblem[s.problem] : null;
  const reply = !c.own
    ? `<p class="note">${t.replyColleague}</p>`
    : `${c.status === 'closed' ? `<p class="note">${t.replyClosed}</p>` : ''}
<form method="post" action="${e(portalHref(f.slug, f.lang, `/cases/${c.id}/reply`))}" novalidate>
<input type="hidden" name="t" value="${e(s.token)}">
<label for="reply">${t.replyLabel}</label>
<textarea id="reply" name="text" maxlength="20000" required aria-required="true"${problem ? ' aria-invalid="true" aria-describedby="reply-err"' : ''}>${e(s.text ?? '')}</textarea>
${problem ? `<p class="err" id="reply-err" role="alert">${problem}</p>` : ''}
<button type="submit">${t.replySend}</button>
</form>`;
  return portalPage(f, {
    title: t.caseTitle(c.ref),
    main: `<h1>${t.caseTitle(e(c.ref))}: ${e(c.subject)}</h1>
<p>${t.statusLabel}: <span class="tag">${t.status[c.status]}</span>${c.own ? '' : ` · ${e(t.colleague(c.customer_name || '?'))}`}</p>
${done}
${promises}
<h2>${t.messagesTitle}</h2>
${messages.join('\n')}
<h2 id="reply-title">${t.replyTitle}</h2>
${reply}`,
  });
}
