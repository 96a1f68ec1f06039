import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import type { Db } from '../storage/db.ts';
import { openRuntime } from '../runtime.ts';
import { AppError } from '../shared/errors.ts';

/** The command line: positionals and the options every command may use. */
export function parseCli() {
  return parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      'name-en': { type: 'string' },
      in: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      agent: { type: 'string' },
      password: { type: 'string' },
      account: { type: 'string' },
      'account-name': { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
      'admin-password': { type: 'string' },
      'dry-run': { type: 'boolean' },
      limit: { type: 'string' },
      address: { type: 'string' },
      'imap-url': { type: 'string' },
      'imap-password-env': { type: 'string' },
      'move-to': { type: 'string' },
      'no-ack': { type: 'boolean' },
      'sender-name': { type: 'string' },
      'signature-nl': { type: 'string' },
      'signature-en': { type: 'string' },
      'due-today': { type: 'boolean' },
      to: { type: 'string' },
      reason: { type: 'string' },
      queue: { type: 'boolean' },
      state: { type: 'string' },
      segment: { type: 'string' },
      priority: { type: 'string' },
      channel: { type: 'string' },
      'first-response': { type: 'string' },
      'next-response': { type: 'string' },
      resolution: { type: 'string' },
      json: { type: 'boolean' },
      mapping: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      yes: { type: 'boolean' },
      override: { type: 'boolean' },
      kind: { type: 'string' },
      effective: { type: 'string' },
      file: { type: 'string' },
      all: { type: 'boolean' },
      slug: { type: 'string' },
      origins: { type: 'string' },
      capacity: { type: 'string' },
      'slot-minutes': { type: 'string' },
      'chat-bot': { type: 'string' },
      'callback-minutes': { type: 'string' },
      'phone-number-id': { type: 'string' },
      'app-secret-env': { type: 'string' },
      'verify-token-env': { type: 'string' },
      'access-token-env': { type: 'string' },
      templates: { type: 'string' },
      add: { type: 'string' },
      remove: { type: 'string' },
      tag: { type: 'string' },
      label: { type: 'string' },
      'discovery-url': { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret-env': { type: 'string' },
      'auto-create': { type: 'string' },
      'password-sign-in': { type: 'string' },
      external: { type: 'string' },
      at: { type: 'string' },
      product: { type: 'string' },
      iban: { type: 'string' },
      holder: { type: 'string' },
      field: { type: 'string', multiple: true },
      status: { type: 'string' },
      note: { type: 'string' },
      template: { type: 'string' },
      domains: { type: 'string' },
      notes: { type: 'string' },
      description: { type: 'string' },
      permissions: { type: 'string' },
      key: { type: 'string' },
      type: { type: 'string' },
      options: { type: 'string' },
      'label-nl': { type: 'string' },
      'label-en': { type: 'string' },
      'required-on-solve': { type: 'boolean' },
      remind: { type: 'string' },
      close: { type: 'string' },
      into: { type: 'string' },
      team: { type: 'string' },
      tier: { type: 'string' },
      position: { type: 'string' },
      messages: { type: 'string' },
      subject: { type: 'string' },
      hours: { type: 'string' },
      away: { type: 'string' },
      clear: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

export type CliOptions = ReturnType<typeof parseCli>['values'];

export const print = (v: unknown) => console.log(JSON.stringify(v, null, 2));

export function required(name: string, value: string | undefined): string {
  if (!value) throw new AppError('missing_option', `Missing --${name}`);
  return value;
}

/** Opens the configured database for one command (under the data-folder lock on PGlite) and closes it after. */
export async function withDb<T>(command: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const rt = await openRuntime(loadConfig(), command);
  try {
    return await fn(rt.db);
  } finally {
    await rt.close();
  }
}
