import { lazyModule } from '../shared/lazy-module.ts';
import { AppError } from '../shared/errors.ts';

/**
 * The e-mail domains an organisation may claim. A free-mail domain (gmail.com, hotmail.com,
 * ziggo.nl, kpnmail.nl, ...) is everyone's, so claiming it would put strangers in one company: the
 * list comes from the npm package free-email-domains-list (about 100,000 domains, kept up to date).
 */
export const DOMAIN_PATTERN = /^[a-z0-9]([a-z0-9-]{0,62}\.)+[a-z]{2,63}$/;
export const MAX_DOMAINS = 50;

// ~100,000 domains (10 MB of heap): read the first time a domain is checked, not at start-up
const freeMail = lazyModule((load) => (load('free-email-domains-list') as typeof import('free-email-domains-list')).DOMAINS);
export const isFreeMailDomain = (domain: string) => freeMail().has(domain);

/** Lower-cased, without a leading '@' or trailing dot. */
export const normaliseDomain = (d: string) => d.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');

/** The domains to claim, normalised and deduplicated, or a 400 naming the first that cannot be claimed. */
export function checkDomains(list: readonly string[]): string[] {
  const out = [...new Set(list.map(normaliseDomain))].sort();
  if (out.length > MAX_DOMAINS) throw new AppError('too_many_domains', `At most ${MAX_DOMAINS} domains per organisation`, 400);
  for (const d of out) {
    if (d.length > 253 || !DOMAIN_PATTERN.test(d)) throw new AppError('invalid_domain', `Not an e-mail domain: "${d.slice(0, 100)}" (like example.nl)`, 400, { domain: d });
    if (isFreeMailDomain(d)) throw new AppError('free_mail_domain', `${d} is a free e-mail provider: its users are not one organisation, so it cannot be claimed`, 400, { domain: d });
  }
  return out;
}

/** The domain of an e-mail address ('' when there is none). */
export const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();
