import { open, parseSecretsKey, seal, secretsKey, type SecretKey } from '../secret-box.ts';

/**
 * The identity provider's client secret, sealed with the installation's secrets key (../secret-box.ts,
 * shared with two-factor): the account id is the associated data, so a value copied into another
 * account's row does not open.
 */
export const sealSecret = (key: Buffer, accountId: string, plain: string): string => seal(key as SecretKey, plain, accountId);
export const openSecret = (key: Buffer, accountId: string, sealed: string): string => open(key as SecretKey, sealed, accountId);

/** 32 bytes from 64 hex characters or base64; null when the text is neither. */
export function parseKey(text: string): Buffer | null {
  try {
    return parseSecretsKey(text);
  } catch {
    return null;
  }
}

export { secretsKey };
