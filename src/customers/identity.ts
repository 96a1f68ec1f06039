import { phoneNumbers } from '../shared/packages.ts';
import { z } from 'zod';
import { invalid } from '../shared/errors.ts';
import { isMailAddress } from '../intake/channels/email/addresses.ts';

export type IdentityKind = 'email' | 'phone' | 'social' | 'external';
export const IDENTITY_KINDS: readonly IdentityKind[] = ['email', 'phone', 'social', 'external'];
export interface Identity {
  kind: IdentityKind;
  value: string;
}

const email = z.email();
/** ASCII addresses by zod's rules; internationalised ones (RFC 6531/6532: jdöe@mächine.example) as mail intake accepts them. */
const isEmail = (v: string) => (/^[\x00-\x7f]*$/.test(v) ? email.safeParse(v).success : isMailAddress(v));

/**
 * The canonical form under which an identity is unique in an account:
 * e-mail lower-cased, phone in E.164 (Dutch numbers may be written nationally: 06…),
 * social as `network:handle` lower-cased without the @, external (the id billing or a CRM gives
 * the customer, e.g. "K-000123") as written, trimmed: the charge ledger reads its customer column so.
 */
export function normaliseIdentity(kind: IdentityKind, raw: string, defaultCountry: 'NL' = 'NL'): string {
  const value = raw.trim();
  switch (kind) {
    case 'email': {
      const v = value.normalize('NFC').toLowerCase();
      if (!isEmail(v)) throw invalid('invalid_email', `"${raw}" is not a valid e-mail address`);
      return v;
    }
    case 'phone': {
      try {
        const p = phoneNumbers().parsePhoneNumberWithError(value, defaultCountry);
        if (!p.isValid()) throw new Error('invalid');
        return p.number;
      } catch {
        throw invalid('invalid_phone', `"${raw}" is not a valid phone number (use E.164, e.g. +31612345678)`);
      }
    }
    case 'social': {
      const m = /^([a-z][a-z0-9_.-]{0,30}):@?([\p{L}\p{N}_.-]{1,100})$/iu.exec(value);
      if (!m) throw invalid('invalid_social_handle', `"${raw}" is not a social handle (use network:handle, e.g. x:@parkeerder)`);
      return `${m[1].toLowerCase()}:${m[2].toLowerCase()}`;
    }
    case 'external': {
      // no @ (the ledger reads a reference with one as an e-mail address), no control characters
      if (!value || value.length > 200 || value.includes('@') || /[\p{Cc}]/u.test(value)) {
        throw invalid('invalid_external_id', `"${raw}" is not an external customer id (1–200 characters, no @, e.g. K-000123)`);
      }
      return value;
    }
  }
}
