// `luister tag case REF | tag customer ID --add a,b --remove c` and `luister cases --tag a,b`: tags for scripts.
import { AppError } from '../../shared/errors.ts';
import { cliActor } from '../account-context.ts';
import { type CliOptions, print, required, withDb } from '../run.ts';

const list = (v: string | undefined) => (v ?? '').split(',').map((t) => t.trim()).filter(Boolean);

/** Tags on cases and customers; null when the command is not one of these */
export function tagsCommand(cmd: string, sub: string | undefined, arg: string | undefined, opt: CliOptions): Promise<unknown> | null {
  if (cmd === 'tag') {
    return withDb('tag', async (db) => {
      const actor = await cliActor(db, opt.account);
      const change = { add: list(opt.add), remove: list(opt.remove) };
      if (!change.add.length && !change.remove.length) throw new AppError('missing_option', 'Give --add a,b and/or --remove c');
      if (sub === 'case') {
        const { changeCaseTags } = await import('../../tags/change-case-tags.ts');
        return print(await changeCaseTags(db, actor, required('REF', arg), change));
      }
      if (sub === 'customer') {
        const { changeCustomerTags } = await import('../../tags/change-customer-tags.ts');
        return print(await changeCustomerTags(db, actor, required('ID', arg), change));
      }
      throw new AppError('unknown_command', 'tag case REF | tag customer ID, with --add and/or --remove');
    });
  }
  if (cmd === 'cases') {
    return withDb('cases', async (db) => {
      const actor = await cliActor(db, opt.account);
      const { listCases } = await import('../../cases/list-cases.ts');
      const { parseTagChange } = await import('../../tags/tags.ts');
      // --field key=value, as field.key=value in the API
      const fields = Object.fromEntries((opt.field ?? []).map((f) => [f.slice(0, Math.max(0, f.indexOf('='))), f.slice(f.indexOf('=') + 1)]));
      const { data } = await listCases(db, actor.accountId, { limit: Number(opt.limit ?? 50), tags: parseTagChange({ add: list(opt.tag) }).add, fields });
      if (opt.json) return print(data);
      for (const c of data) console.log(`${c.ref.padEnd(9)} ${c.status.padEnd(16)} ${c.tags.join(',').padEnd(30)} ${c.subject}`);
      if (!data.length) console.log('No cases');
    });
  }
  return null;
}
