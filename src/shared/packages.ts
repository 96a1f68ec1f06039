import { lazyModule } from './lazy-module.ts';

/*
 * Packages that only some work needs, read on first use rather than at start-up (issue 21: a fresh server's
 * idle memory; together ~35 MB of heap). What loads them first pays once, a few to a few hundred milliseconds.
 */

/** nodemailer: every mail Luister sends (replies, acknowledgements, announcements, surveys, verifications). */
export const nodemailer = lazyModule((load) => load('nodemailer') as typeof import('nodemailer'));
/** mailparser: the first mail in. */
export const mailparser = lazyModule((load) => load('mailparser') as typeof import('mailparser'));
/** html-to-text: HTML mail and imported HTML bodies as text. */
export const htmlToText = lazyModule((load) => (load('html-to-text') as typeof import('html-to-text')).convert);
/** imapflow: only accounts that fetch mail over IMAP. */
export const imapflow = lazyModule((load) => load('imapflow') as typeof import('imapflow'));
/** sanitize-html: the first HTML mail. */
export const sanitizeHtml = lazyModule((load) => load('sanitize-html') as typeof import('sanitize-html'));
/** libphonenumber-js: the first phone number. */
export const phoneNumbers = lazyModule((load) => load('libphonenumber-js') as typeof import('libphonenumber-js'));
