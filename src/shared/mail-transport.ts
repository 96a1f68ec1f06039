import type { Transporter } from 'nodemailer';
import { nodemailer } from './packages.ts';

const transports = new Map<string, Transporter>();

/**
 * One nodemailer transport per relay URL, made on first use and kept: replies, acknowledgements,
 * surveys and verification mails share one; `pooled` (announcements, status-page mail) keeps a pool of
 * SMTP connections open for bulk sending (nodemailer's `pool=true`, unless the URL says otherwise).
 */
export function mailTransport(url: string, opts: { pooled?: boolean } = {}): Transporter {
  const key = opts.pooled && !url.includes('pool=') ? `${url}${url.includes('?') ? '&' : '?'}pool=true` : url;
  let t = transports.get(key);
  if (!t) transports.set(key, (t = nodemailer().createTransport(key)));
  return t;
}
