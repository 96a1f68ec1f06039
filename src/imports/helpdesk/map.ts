import { htmlToText } from '../../shared/packages.ts';
import type { CaseStatus, Priority } from '../../cases/status.ts';
import { TAG_PATTERN } from '../../tags/tags.ts';

/**
 * The case status for a ticket whose source status mapped to `status` (null: a value Luister does
 * not know). Luister triages a case only with an owner (cases_owner_once_triaged): a ticket past
 * "new" whose assignee is not a Luister agent stays new, and the caller reports it.
 */
export function withOwner(status: CaseStatus | null, hasOwner: boolean): { status: CaseStatus; kept: 'unknown' | 'no_owner' | null } {
  if (!status) return { status: 'new', kept: 'unknown' };
  if (status !== 'new' && !hasOwner) return { status: 'new', kept: 'no_owner' };
  return { status, kept: null };
}

/** A priority by its word (Zendesk, Chatwoot, Zammad's "2 normal"; Freshdesk's medium is normal); none set is normal. */
export function priorityWord(p: string | null | undefined): Priority | null {
  const v = (p ?? '').toLowerCase().replace(/^\d+\s+/, '').trim();
  if (v === '' || v === 'none' || v === 'medium' || v === 'normal') return 'normal';
  return v === 'low' || v === 'high' || v === 'urgent' ? v : null;
}

/** A source tag (or label) as a Luister tag (lower case, `a-z0-9:_-`), or null when nothing usable is left. */
export function mapTag(tag: string): string | null {
  const t = tag.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase().replace(/[^a-z0-9:_-]+/g, '-').replace(/^[-_:]+/, '').slice(0, 64);
  return TAG_PATTERN.test(t) ? t : null;
}

/** A message body as text: HTML (Freshdesk's body, Zammad's text/html articles) converted, text kept. */
export function plainText(body: string | null | undefined, html: boolean): string {
  if (!body) return '';
  return (html ? htmlToText()(body, { wordwrap: false }) : body).replace(/\r\n/g, '\n').trim();
}

/** A time as a Date: ISO strings, or Unix seconds (Chatwoot). */
export function toDate(v: string | number): Date {
  return typeof v === 'number' ? new Date(v * 1000) : new Date(v);
}
