// `luister macros | macro add | macro delete | macro preview`: shared macros for scripts (an admin setting up an account).
import { AppError } from '../../shared/errors.ts';
import { cliActor } from '../account-context.ts';
import { type CliOptions, print, required, withDb } from '../run.ts';
import type { Db } from '../../storage/db.ts';
import type { MacroActions } from '../../macros/plan.ts';

const list = (v: string | undefined) => (v ?? '').split(',').map((t) => t.trim()).filter(Boolean);

/**
 * `--field oorzaak=factuur`, `--field producten=tv|bellen` (several-of), `--field bedrag=` (clears): case
 * field values read by the field's type; the macro's own check then refuses an unknown key or a wrong value.
 */
async function fieldsFromText(db: Db, accountId: string, given: string[] | undefined): Promise<MacroActions['fields']> {
  if (!given?.length) return undefined;
  const { fieldDefinitions } = await import('../../custom-fields/store.ts');
  const { valueFromText } = await import('../../custom-fields/conditions.ts');
  const defs = await fieldDefinitions(db, accountId, 'case');
  return Object.fromEntries(given.map((g) => {
    const m = /^([a-z][a-z0-9_]{0,39})=(.*)$/s.exec(g.trim());
    if (!m) throw new AppError('invalid_field_value', `"${g.slice(0, 80)}" is not a field value like oorzaak=factuur (or bedrag= to clear it)`, 400);
    const def = defs.find((d) => d.key === m[1]);
    if (m[2].trim() === '') return [m[1], null];
    return [m[1], def?.type === 'several_of' ? m[2].split('|').map((x) => x.trim()) : valueFromText(def, m[2])];
  })) as MacroActions['fields'];
}

/** Macros from the command line (shared ones: the CLI acts as the account, not as an agent); null when the command is not one of these */
export function macrosCommand(cmd: string, sub: string | undefined, arg: string | undefined, opt: CliOptions, rest: string[]): Promise<unknown> | null {
  if (cmd !== 'macros' && cmd !== 'macro') return null;
  return withDb('macros', async (db) => {
    const actor = await cliActor(db, opt.account);
    const manage = await import('../../macros/manage-macros.ts');
    if (cmd === 'macro' && sub === 'add') {
      const actions = Object.fromEntries(Object.entries({
        status: opt.status, priority: opt.priority, tier: opt.tier, team_id: opt.team, note: opt.note, template_id: opt.template,
        tags_add: opt.add ? list(opt.add) : undefined, tags_remove: opt.remove ? list(opt.remove) : undefined,
        fields: await fieldsFromText(db, actor.accountId, opt.field),
      }).filter(([, v]) => v !== undefined));
      // the API's schema: a status, priority or tier that does not exist is named before anything is looked up
      const { macroActionsSchema } = await import('../../macros/store.ts');
      const parsed = macroActionsSchema.safeParse(actions);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new AppError('validation_failed', `${issue.path.join('.') || 'macro'}: ${issue.message}`, 400);
      }
      return print(await manage.createMacro(db, actor, { name: required('name', opt.name), shared: true, actions: parsed.data as MacroActions }));
    }
    if (cmd === 'macro' && sub === 'delete') return print(await manage.deleteMacro(db, actor, required('ID', arg)));
    if (cmd === 'macro' && sub === 'preview') {
      const { previewMacro } = await import('../../macros/apply-macro.ts');
      return print(await previewMacro(db, actor, required('ID', arg), required('REF', rest[0])));
    }
    if (cmd === 'macro') throw new AppError('unknown_command', 'macro add --name N … | macro delete ID | macro preview ID REF');
    const rows = await manage.listMacros(db, actor);
    if (opt.json) return print(rows);
    for (const m of rows) console.log(`${m.name}: ${JSON.stringify(m.actions)}  (${m.id})`);
    if (!rows.length) console.log('No macros');
  });
}
