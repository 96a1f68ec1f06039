// `luister inbox …`: e-mail inboxes (SMTP addresses, IMAP mailboxes).
import { AppError } from '../../shared/errors.ts';
import { loadConfig } from '../../config.ts';
import { cliActor } from '../account-context.ts';
import { type CliOptions, print, required, withDb } from '../run.ts';
import { createInbox } from '../../intake/inboxes/save-inbox.ts';
import { listInboxes } from '../../intake/inboxes/list-inboxes.ts';
import { loadInbox } from '../../intake/inboxes/store.ts';
import { markInboxVerified } from '../../intake/inboxes/verify-inbox.ts';

/** `inbox create | list | poll | verify`; null when the command is not one of these */
export function inboxCommand(cmd: string, sub: string | undefined, arg: string | undefined, opt: CliOptions): Promise<unknown> | null {
  switch (cmd) {
    case 'inbox':
      if (sub === 'create') {
        return withDb('inbox create', async (db) => {
          const actor = await cliActor(db, opt.account);
          const env = opt['imap-password-env'];
          if (env && process.env[env] === undefined) throw new AppError('missing_option', `The environment variable ${env} is not set`);
          print(await createInbox(db, actor, {
            address: required('address', opt.address), name: required('name', opt.name), acknowledge: !opt['no-ack'],
            imap_url: opt['imap-url'] ?? null, imap_password: env ? process.env[env]! : null, imap_move_to: opt['move-to'] ?? null,
          }));
        });
      }
      // the installation admin vouches for an address (a self-hosted install, one organisation): mail to it is routed from now on
      if (sub === 'verify') return withDb('inbox verify', async (db) => print(await markInboxVerified(db, required('ADDRESS', arg), opt.account)));
      if (sub === 'list') return withDb('inbox list', async (db) => print((await listInboxes(db, (await cliActor(db, opt.account)).accountId)).data));
      if (sub === 'poll') {
        return withDb('inbox poll', async (db) => {
          const actor = await cliActor(db, opt.account);
          const { pollInbox } = await import('../../intake/channels/email/imap-poll.ts');
          print(await pollInbox(db, await loadInbox(db, actor.accountId, required('ID', arg)), loadConfig()));
        });
      }
      break;
  }
  return null;
}
