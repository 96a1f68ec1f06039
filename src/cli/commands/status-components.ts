// `luister status-components`: the parts of the service the public status page reports on (C4), for an admin's scripts.
import { AppError } from '../../shared/errors.ts';
import { cliActor } from '../account-context.ts';
import { type CliOptions, required, withDb } from '../run.ts';

const line = (c: { id: string; position: number; name_nl: string; name_en: string; group_id: string | null }) =>
  `${String(c.position + 1).padStart(3)}. ${c.name_nl}${c.name_en !== c.name_nl ? ` / ${c.name_en}` : ''}  (${c.id})${c.group_id ? `  in group ${c.group_id}` : ''}`;

/** List, add, rename, group, remove and order status page components; null when the command is not this one. */
export function statusComponentsCommand(cmd: string, sub: string | undefined, arg: string | undefined, opt: CliOptions): Promise<unknown> | null {
  if (cmd !== 'status-components') return null;
  return withDb(`status-components ${sub ?? 'list'}`, async (db) => {
    const actor = await cliActor(db, opt.account);
    const c = await import('../../announcements/components.ts');
    if (sub === undefined || sub === 'list') {
      const rows = await c.listComponents(db, actor.accountId);
      for (const r of rows) console.log(line(r));
      if (!rows.length) console.log('No components: add one with `luister status-components add --name Internet`');
      return;
    }
    if (sub === 'add') {
      console.log(line(await c.createComponent(db, actor, { name_nl: required('name', opt.name), name_en: opt['name-en'] })));
      return;
    }
    if (sub === 'rename') {
      if (!opt.name && !opt['name-en']) throw new AppError('missing_option', 'Missing --name (Dutch) and/or --name-en');
      console.log(line(await c.updateComponent(db, actor, required('ID', arg), { name_nl: opt.name, name_en: opt['name-en'] })));
      return;
    }
    if (sub === 'group') {
      // --in GROUP-ID puts it in that group; --in none takes it out
      const into = required('in', opt.in);
      console.log(line(await c.updateComponent(db, actor, required('ID', arg), { group_id: into === 'none' ? null : into })));
      return;
    }
    if (sub === 'remove') {
      const id = required('ID', arg);
      const { removeComponent } = await import('../../announcements/remove-component.ts');
      const r = await removeComponent(db, actor, id);
      console.log(`Removed ${id}${r.ungrouped.length ? `; no longer in a group: ${r.ungrouped.join(', ')}` : ''}`);
      return;
    }
    if (sub === 'order') {
      const ids = required('ID,ID,…', arg).split(',').map((s) => s.trim()).filter(Boolean);
      for (const r of await c.reorderComponents(db, actor, ids)) console.log(line(r));
      return;
    }
    throw new AppError('unknown_command', `Unknown: status-components ${sub} (list, add, rename, group, remove, order)`);
  });
}
