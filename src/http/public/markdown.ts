import { escapeHtml, safeHref } from './html.ts';

/**
 * Article text to HTML, safe by construction: every piece of the author's text is escaped and
 * only the tags written here are ever produced, so no article can inject markup or script.
 * Understands the Markdown agents use: headings, paragraphs (a line break stays a line break, as
 * in plain text), bullet and numbered lists, quotes, fenced code, `code`, **bold**, *italic*,
 * [links](https://…) and bare https:// links. Links go only to http(s), mailto and tel.
 */
export interface MarkdownOptions {
  /** the level the text's highest heading gets: on an article page the title is the h1, so 2 */
  topLevel?: number;
}

const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)[\s#]*$/;

export function renderMarkdown(src: string, opts: MarkdownOptions = {}): string {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  // headings keep their order without skipping a level under the page's own: the text's highest becomes topLevel
  const highest = Math.min(6, ...headingLevels(lines));
  const offset = (opts.topLevel ?? 2) - highest;
  const out: string[] = [];
  let para: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: string[] } | null = null;
  let quote: string[] = [];

  const flushPara = () => {
    if (para.length) out.push(`<p>${para.map(inline).join('<br>\n')}</p>`);
    para = [];
  };
  const flushList = () => {
    if (list) out.push(`<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${list.tag}>`);
    list = null;
  };
  const flushQuote = () => {
    if (quote.length) out.push(`<blockquote><p>${quote.map(inline).join('<br>\n')}</p></blockquote>`);
    quote = [];
  };
  const flush = () => {
    flushPara();
    flushList();
    flushQuote();
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let m: RegExpExecArray | null;
    if (/^\s*```/.test(line)) {
      flush();
      const code: string[] = [];
      while (++i < lines.length && !/^\s*```/.test(lines[i])) code.push(lines[i]);
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
    } else if (!line.trim()) {
      flush();
    } else if ((m = HEADING.exec(line))) {
      flush();
      const level = Math.max(1, Math.min(6, m[1].length + offset));
      out.push(`<h${level}>${inline(m[2])}</h${level}>`);
    } else if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush();
      out.push('<hr>');
    } else if ((m = /^\s{0,3}([-*+]|\d{1,9}[.)])\s+(.*)$/.exec(line))) {
      flushPara();
      flushQuote();
      const tag = /\d/.test(m[1]) ? 'ol' : 'ul';
      if (list && list.tag !== tag) flushList();
      list ??= { tag, items: [] };
      list.items.push(m[2]);
    } else if ((m = /^\s{0,3}>\s?(.*)$/.exec(line))) {
      flushPara();
      flushList();
      quote.push(m[1]);
    } else if (list && /^\s{2,}\S/.test(line)) {
      // an indented line continues the list item above it
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      flushList();
      flushQuote();
      para.push(line.trim());
    }
  }
  flush();
  return out.join('\n');
}

/** Levels of the headings outside fenced code. */
function headingLevels(lines: string[]): number[] {
  const levels: number[] = [];
  let inCode = false;
  for (const line of lines) {
    if (/^\s*```/.test(line)) inCode = !inCode;
    else if (!inCode) {
      const m = HEADING.exec(line);
      if (m) levels.push(m[1].length);
    }
  }
  return levels;
}

// code span | [text](url) | bare link | **strong** / __strong__ | *em*
const INLINE = /`([^`\n]+)`|\[([^\]\n]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)\]])|(\*\*|__)(?=\S)(.+?)(?<=\S)\5|\*(?=[^\s*])(.+?)(?<=[^\s*])\*/g;

/** One line of text with inline markup; everything not markup is escaped. */
export function inline(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    out += escapeHtml(text.slice(last, m.index));
    last = m.index + m[0].length;
    const [whole, code, linkText, linkUrl, bare, , strong, em] = m;
    if (code !== undefined) out += `<code>${escapeHtml(code)}</code>`;
    else if (linkText !== undefined) {
      const href = safeHref(linkUrl);
      out += href ? link(href, inline(linkText)) : escapeHtml(whole);
    } else if (bare !== undefined) out += link(bare, escapeHtml(bare));
    else if (strong !== undefined) out += `<strong>${inline(strong)}</strong>`;
    else if (em !== undefined) out += `<em>${inline(em)}</em>`;
  }
  return out + escapeHtml(text.slice(last));
}

const link = (href: string, html: string) => `<a href="${escapeHtml(href)}" rel="nofollow noopener noreferrer">${html}</a>`;
