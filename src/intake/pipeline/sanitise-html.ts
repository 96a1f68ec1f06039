import type SanitizeHtml from 'sanitize-html';
import { sanitizeHtml } from '../../shared/packages.ts';
import type { IntakeStep } from './step.ts';

/**
 * HTML from outside is made harmless before anything stores it: no scripts, styles, forms,
 * frames or event handlers; links open elsewhere without a referrer; images only from the mail
 * itself (cid:) or inline data, so a remote tracking pixel never reports that an agent read it.
 */
let options: SanitizeHtml.IOptions | undefined;
const makeOptions = (sanitize: typeof SanitizeHtml): SanitizeHtml.IOptions => ({
  allowedTags: [...sanitize.defaults.allowedTags, 'img', 'font', 'center', 'span'],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    td: ['colspan', 'rowspan', 'align', 'valign'],
    th: ['colspan', 'rowspan', 'align', 'valign'],
    '*': ['dir', 'lang'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['cid', 'data'] },
  allowProtocolRelative: false,
  transformTags: {
    a: sanitize.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
  },
  disallowedTagsMode: 'discard',
});

export function sanitiseHtmlText(html: string): string {
  const sanitize = sanitizeHtml();
  if (!options) {
    options = makeOptions(sanitize);
    options.allowedAttributes = { ...(options.allowedAttributes as Record<string, string[]>), a: ['href', 'title', 'rel', 'target'] };
  }
  return sanitize(html, options);
}

export const sanitiseHtml: IntakeStep = (m) => {
  if (!m.html) return m;
  const clean = sanitiseHtmlText(m.html).trim();
  return { ...m, html: clean || null };
};
