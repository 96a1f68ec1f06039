import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../shared/errors.ts';

/**
 * Secrets Luister must read back (a TOTP secret, an identity provider's client secret) are sealed with AES-256-GCM; tokens, sessions and
 * recovery codes are only hashed (secrets.ts), since nothing needs them back. The key is SECRETS_KEY
 * (32 bytes, base64 or hex); without it, a key file in DATA_DIR made on first use (fine for one
 * server; several servers on one PostgreSQL need the same SECRETS_KEY). The additional data binds a
 * sealed value to its row, so it cannot be copied to another agent.
 */
export type SecretKey = Buffer & { readonly __secretKey: true };

export function parseSecretsKey(value: string): SecretKey {
  const v = value.trim();
  const raw = /^[0-9a-f]{64}$/i.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
  if (raw.length !== 32) throw new AppError('invalid_secrets_key', 'SECRETS_KEY must be 32 bytes, as 64 hex digits or base64 (openssl rand -base64 32)', 500);
  return raw as SecretKey;
}

const fromFiles = new Map<string, SecretKey>();

/** The key from the configuration, else from (or into) DATA_DIR/secrets.key. */
export function secretsKey(config: { SECRETS_KEY?: string; DATA_DIR: string }): SecretKey {
  if (config.SECRETS_KEY) return parseSecretsKey(config.SECRETS_KEY);
  const file = join(config.DATA_DIR, 'secrets.key');
  const known = fromFiles.get(file);
  if (known) return known;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    mkdirSync(config.DATA_DIR, { recursive: true });
    try {
      // 'wx': when two processes start together, one writes and both read the same key
      writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
      chmodSync(file, 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    text = readFileSync(file, 'utf8');
  }
  const key = parseSecretsKey(text);
  fromFiles.set(file, key);
  return key;
}

const b64 = (b: Buffer) => b.toString('base64url');

export function seal(key: SecretKey, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `v1.${b64(iv)}.${b64(cipher.getAuthTag())}.${b64(body)}`;
}

export function open(key: SecretKey, sealed: string, context: string): string {
  const [v, iv, tag, body] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || body === undefined) throw new AppError('sealed_secret_unreadable', 'A stored secret has an unknown format', 500);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new AppError('sealed_secret_unreadable', 'A stored secret cannot be opened with this SECRETS_KEY (was the key changed?)', 500);
  }
}
