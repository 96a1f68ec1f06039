// `luister customer export|erase|preferences` and `luister retention`: customer rights (issue 18).
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/errors.ts';
import { cliActor } from '../account-context.ts';
import { type CliOptions, print, required, withDb } from '../run.ts';

/** Customer rights commands; null when the command is not one of these */
export function rightsCommand(cmd: string, sub: string | undefined, arg: string | undefined, opt: CliOptions): Promise<unknown> | null {
  if (cmd === 'customer' && sub === 'export') {
    return withDb('customer export', async (db) => {
      const actor = await cliActor(db, opt.account);
      const { exportCustomer } = await import('../../rights/export-customer.ts');
      const { filename, stream } = await exportCustomer(db, actor, required('customer id', arg));
      const out = opt.out ?? filename;
      await pipeline(stream, createWriteStream(out));
      console.log(`Wrote ${out}`);
    });
  }
  if (cmd === 'customer' && sub === 'erase') {
    return withDb('customer erase', async (db) => {
      const actor = await cliActor(db, opt.account);
      const { eraseCustomer } = await import('../../rights/erase-customer.ts');
      if (!opt.yes) throw new AppError('confirmation_required', 'Erasure cannot be undone: add --yes to confirm');
      print(await eraseCustomer(db, actor, { customerId: required('customer id', arg), reason: required('reason', opt.reason), override: Boolean(opt.override) }));
    });
  }
  if (cmd === 'customer' && sub === 'preferences') {
    return withDb('customer preferences', async (db) => {
      const actor = await cliActor(db, opt.account);
      const { listContactPreferences } = await import('../../rights/list-contact-preferences.ts');
      print(await listContactPreferences(db, actor.accountId, required('customer id', arg)));
    });
  }
  if (cmd === 'retention') {
    return withDb('retention', async (db) => {
      const actor = await cliActor(db, opt.account);
      const { runRetention } = await import('../../rights/run-retention.ts');
      print(await runRetention(db, actor, { dryRun: sub !== 'run' }));
    });
  }
  return null;
}
