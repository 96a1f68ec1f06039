import type { Transporter } from 'nodemailer';
import { mailTransport } from '../shared/mail-transport.ts';

/** One pooled SMTP transport per relay URL, shared by the announcement and status-page senders. */
export const transportFor = (url: string): Transporter => mailTransport(url, { pooled: true });
