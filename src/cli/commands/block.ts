// `luister block add|remove|list`: the spam block list for scripts (src/spam/).
import { AppError } from '../../shared/errors.ts';
import { cliActor } from '../account-context.ts';
import { type CliOptions, print, required, withDb } from '../run.ts';

/** The block list; null when the command is not `block` */
export function blockCommand(cmd: string, sub: string | undefined, arg: string | undefined, opt: CliOptions): Promise<unknown> | null {
  if (cmd !== 'block') return null;
  return withDb('block', async (db) => {
    const actor = await cliActor(db, opt.account);
    const { addBlock, listBlocked, removeBlock } = await import('../../spam/block-list.ts');
    const value = () => required('ADDRESS|DOMAIN', arg);
    const kind = () => (value().includes('@') && !value().startsWith('@') ? 'address' as const : 'domain' as const);
    if (sub === 'add') {
      const { entry, created } = await addBlock(db, actor, { kind: kind(), value: value(), reason: typeof opt.reason === 'string' ? opt.reason : null });
      if (opt.json) return print(entry);
      console.log(`${created ? 'Blocked' : 'Already blocked'}: ${entry.kind} ${entry.value}`);
      return;
    }
    if (sub === 'remove') {
      const entry = await removeBlock(db, actor, value().replace(/^@/, ''), kind());
      if (opt.json) return print(entry);
      console.log(`Unblocked: ${entry.kind} ${entry.value}`);
      return;
    }
    if (sub === 'list') {
      const data = await listBlocked(db, actor.accountId);
      if (opt.json) return print(data);
      for (const b of data) console.log(`${b.kind.padEnd(8)} ${b.value.padEnd(40)} ${b.created_at.toISOString().slice(0, 10)} ${b.reason ?? ''}`);
      if (!data.length) console.log('Nothing blocked');
      return;
    }
    throw new AppError('unknown_command', 'block add ADDRESS|DOMAIN [--reason TEXT] | block remove ADDRESS|DOMAIN | block list');
  });
}
