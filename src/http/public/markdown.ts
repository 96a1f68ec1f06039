import { createHash } from 'node:crypto';
import type MarkdownIt from 'markdown-it';
import { lazyModule } from '../../shared/lazy-module.ts';

/**
 * Article text to HTML with markdown-it (CommonMark, linear time), safe by construction: raw HTML
 * is off, so every piece of the author's text is escaped and only Markdown's own tags are made;
 * links go only to http(s), mailto and tel, and carry rel="nofollow noopener noreferrer". A line
 * break stays a line break, as in plain text; bare https:// links become links. Images are not
 * made (a help centre page loads nothing from elsewhere): their text stays as written.
 */
export interface MarkdownOptions {
  /** the level the text's highest heading gets: on an article page the title is the h1, so 2 */
  topLevel?: number;
}

const SAFE_LINK = /^(https?:|mailto:|tel:)/i;

// made on the first article rendered, not at start-up (issue 21, idle memory)
const renderer = lazyModule((load) => {
  const Md = load('markdown-it') as typeof MarkdownIt;
  const md = new Md('commonmark', { html: false, xhtmlOut: false, breaks: true, linkify: true })
    .enable(['linkify'])
    .disable(['image']);
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
  md.validateLink = (url) => SAFE_LINK.test(url.trim());
  md.renderer.rules.link_open = (tokens, i, options, _env, self) => {
    tokens[i].attrSet('rel', 'nofollow noopener noreferrer');
    return self.renderToken(tokens, i, options);
  };
  return md;
});

/**
 * Headings keep their order without skipping a level under the page's own: the text's highest
 * becomes topLevel, the rest keep their distance (never deeper than h6).
 */
function shiftHeadings(tokens: ReturnType<ReturnType<typeof renderer>['parse']>, topLevel: number) {
  const levels = tokens.filter((t) => t.type === 'heading_open').map((t) => Number(t.tag.slice(1)));
  if (!levels.length) return;
  const offset = topLevel - Math.min(...levels);
  for (const t of tokens) {
    if (t.type === 'heading_open' || t.type === 'heading_close') t.tag = `h${Math.min(6, Math.max(1, Number(t.tag.slice(1)) + offset))}`;
  }
}

export function renderMarkdown(src: string, opts: MarkdownOptions = {}): string {
  const env = {};
  const md = renderer();
  const tokens = md.parse(src, env);
  shiftHeadings(tokens, opts.topLevel ?? 2);
  return md.renderer.render(tokens, md.options, env).trimEnd();
}

/** One line of text with inline Markdown (bold, italic, code, links), without a paragraph around it. */
export const inline = (src: string) => renderer().renderInline(src);

const CACHE_SIZE = 500;
const cache = new Map<string, string>();

/**
 * renderMarkdown, remembered: a published article's text does not change, so each one is rendered
 * once per process (the 500 most recently used; keyed by a hash of the text, so nothing is kept twice).
 */
export function renderMarkdownCached(src: string, opts: MarkdownOptions = {}): string {
  const key = `${opts.topLevel ?? 2}:${createHash('sha256').update(src).digest('base64')}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const html = renderMarkdown(src, opts);
  cache.set(key, html);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return html;
}
