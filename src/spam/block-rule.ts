import { invalid } from '../shared/errors.ts';
import { normaliseIdentity } from '../customers/identity.ts';

export type BlockKind = 'address' | 'domain';
export const BLOCK_KINDS: readonly BlockKind[] = ['address', 'domain'];

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

/** The stored form of a block entry (lower-case address, or a bare domain), or a 400 that says why not. */
export function normaliseBlock(kind: BlockKind, raw: string): string {
  const v = raw.trim().toLowerCase();
  if (kind === 'domain') {
    const d = v.replace(/^@/, '').replace(/\.$/, '');
    if (!DOMAIN.test(d)) throw invalid('invalid_domain', `Not a domain: ${JSON.stringify(raw.slice(0, 100))} (write it as example.com)`);
    return d;
  }
  try {
    return normaliseIdentity('email', v);
  } catch {
    throw invalid('invalid_address', `Not an e-mail address: ${JSON.stringify(raw.slice(0, 100))}`);
  }
}

/** The address and its domain a sender is looked up under; null when the sender gave no usable address. */
export function blockKeys(from: string | null | undefined): { address: string; domain: string } | null {
  const a = from?.trim().toLowerCase();
  if (!a) return null;
  const at = a.lastIndexOf('@');
  if (at < 1 || at === a.length - 1) return null;
  return { address: a, domain: a.slice(at + 1).replace(/\.$/, '') };
}
