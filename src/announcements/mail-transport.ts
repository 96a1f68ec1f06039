import type { Transporter } from 'nodemailer';
import { nodemailer } from '../shared/packages.ts';

const transports = new Map<string, Transporter>();

/** One pooled SMTP transport per relay URL, shared by the announcement and status-page senders. */
export function transportFor(url: string): Transporter {
  let t = transports.get(url);
  if (!t) transports.set(url, (t = nodemailer().createTransport(url.includes('pool=') ? url : `${url}${url.includes('?') ? '&' : '?'}pool=true`)));
  return t;
}
