// `luister inbox …`: e-mail inboxes (SMTP addresses, IMAP mailboxes).
import { AppError } from '../../shared/errors.ts';
import { loadConfig } from '../../config.ts';
import { cliActor } from '../account-context.ts';
import { type CliOptions, print, required, withDb } from '../run.ts';
import { createInbox, updateInbox } from '../../intake/inboxes/save-inbox.ts';
import { getMailDefaults, updateMailDefaults } from '../../intake/inboxes/mail-defaults.ts';
import { listInboxes } from '../../intake/inboxes/list-inboxes.ts';
import { loadInbox } from '../../intake/inboxes/store.ts';
import { markInboxVerified } from '../../intake/inboxes/verify-inbox.ts';

/** A signature on the command line: real line breaks (`"$(cat signature.txt)"`) or `\n`. */
const signature = (v: string | undefined) => (v === undefined ? undefined : v.replace(/\\n/g, '\n'));

/** `inbox create | set | defaults | list | poll | verify`; null when the command is not one of these */
export function inboxCommand(cmd: string, sub: string | undefined, arg: string | undefined, opt: CliOptions): Promise<unknown> | null {
  switch (cmd) {
    case 'inbox':
      if (sub === 'create') {
        return withDb('inbox create', async (db) => {
          const actor = await cliActor(db, opt.account);
          const env = opt['imap-password-env'];
          if (env && process.env[env] === undefined) throw new AppError('missing_option', `The environment variable ${env} is not set`);
          print(await createInbox(db, actor, {
            address: required('address', opt.address), name: opt.name ?? '', acknowledge: !opt['no-ack'],
            imap_url: opt['imap-url'] ?? null, imap_password: env ? process.env[env]! : null, imap_move_to: opt['move-to'] ?? null,
            signature_nl: signature(opt['signature-nl']), signature_en: signature(opt['signature-en']),
          }));
        });
      }
      // an inbox's own sender name and signatures ('' = the account's defaults)
      if (sub === 'set') {
        return withDb('inbox set', async (db) => print(await updateInbox(db, await cliActor(db, opt.account), required('ID', arg), {
          name: opt.name, signature_nl: signature(opt['signature-nl']), signature_en: signature(opt['signature-en']),
        })));
      }
      // the account's defaults for inboxes without their own; without options: show them
      if (sub === 'defaults') {
        return withDb('inbox defaults', async (db) => {
          const actor = await cliActor(db, opt.account);
          const patch = { sender_name: opt['sender-name'], signature_nl: signature(opt['signature-nl']), signature_en: signature(opt['signature-en']) };
          if (Object.values(patch).every((v) => v === undefined)) return print(await getMailDefaults(db, actor.accountId));
          for (const [k, v] of Object.entries(patch)) {
            if (v !== undefined && v.length > (k === 'sender_name' ? 200 : 2000)) throw new AppError('validation_failed', `--${k.replace('_', '-')} is at most ${k === 'sender_name' ? 200 : 2000} characters`);
          }
          print(await updateMailDefaults(db, actor, patch));
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
