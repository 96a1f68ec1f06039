// `luister organisations ...` and `luister fields ...`: organisations (companies) and custom fields for scripts.
import { AppError } from '../../shared/errors.ts';
import { cliActor } from '../account-context.ts';
import { type CliOptions, print, required, withDb } from '../run.ts';

const list = (v: string | undefined) => (v ?? '').split(',').map((t) => t.trim()).filter(Boolean);

/** Organisations and custom field definitions; null when the command is neither */
export function organisationsCommand(cmd: string, sub: string | undefined, arg: string | undefined, opt: CliOptions): Promise<unknown> | null {
  if (cmd === 'organisations') {
    return withDb('organisations', async (db) => {
      const actor = await cliActor(db, opt.account);
      const save = await import('../../organisations/save-organisation.ts');
      const fields = () => ({
        ...(opt.name !== undefined ? { name: opt.name } : {}),
        ...(opt.domains !== undefined ? { domains: list(opt.domains) } : {}),
        ...(opt.segment !== undefined ? { segment: opt.segment } : {}),
        ...(opt.notes !== undefined ? { notes: opt.notes } : {}),
      });
      if (sub === undefined || sub === 'list') {
        const { listOrganisations } = await import('../../organisations/store.ts');
        const rows = await listOrganisations(db, actor.accountId, { q: arg, limit: Number(opt.limit ?? 200) });
        if (opt.json) return print(rows);
        for (const o of rows) console.log(`${o.name.padEnd(30)} ${String(o.people_count).padStart(5)} people  ${o.domains.join(',').padEnd(30)} ${o.id}`);
        if (!rows.length) console.log('No organisations');
        return;
      }
      if (sub === 'add') return print(await save.createOrganisation(db, actor, { ...fields(), name: required('name', opt.name) }));
      if (sub === 'show') {
        const { getOrganisation } = await import('../../organisations/get-organisation.ts');
        return print(await getOrganisation(db, actor.accountId, required('ID', arg)));
      }
      if (sub === 'update') return print(await save.updateOrganisation(db, actor, required('ID', arg), fields()));
      if (sub === 'delete') {
        const { deleteOrganisation } = await import('../../organisations/delete-organisation.ts');
        return print(await deleteOrganisation(db, actor, required('ID', arg)));
      }
      throw new AppError('unknown_command', 'organisations [list [TEXT]] | add --name N [--domains a.nl,b.nl] [--segment S] | show ID | update ID [...] | delete ID');
    });
  }
  if (cmd === 'fields') {
    return withDb('fields', async (db) => {
      const actor = await cliActor(db, opt.account);
      const manage = await import('../../custom-fields/manage-fields.ts');
      const { FIELD_ENTITIES, FIELD_TYPES } = await import('../../custom-fields/fields.ts');
      const kind = opt.kind as (typeof FIELD_ENTITIES)[number] | undefined;
      if (kind !== undefined && !FIELD_ENTITIES.includes(kind)) throw new AppError('invalid_kind', `--kind is one of ${FIELD_ENTITIES.join(', ')}`);
      if (sub === undefined || sub === 'list') {
        const { fieldDefinitions } = await import('../../custom-fields/store.ts');
        const rows = await fieldDefinitions(db, actor.accountId, kind);
        if (opt.json) return print(rows);
        for (const f of rows) console.log(`${f.entity.padEnd(13)} ${f.key.padEnd(24)} ${f.type.padEnd(11)} ${f.options.join(',').padEnd(30)} ${f.required_on_solve ? 'required on solve ' : ''}${f.id}`);
        if (!rows.length) console.log('No custom fields');
        return;
      }
      if (sub === 'add') {
        const type = required('type', opt.type) as (typeof FIELD_TYPES)[number];
        if (!FIELD_TYPES.includes(type)) throw new AppError('invalid_type', `--type is one of ${FIELD_TYPES.join(', ')}`);
        return print(await manage.createField(db, actor, {
          entity: kind ?? 'case', key: required('key', opt.key), label_nl: required('label-nl', opt['label-nl']), label_en: opt['label-en'] ?? opt['label-nl']!,
          type, options: list(opt.options), required_on_solve: opt['required-on-solve'] ?? false,
        }));
      }
      if (sub === 'delete') return print(await manage.deleteField(db, actor, required('ID', arg)));
      throw new AppError('unknown_command', 'fields [list] [--kind case|customer|organisation] | add --kind K --key K --label-nl L [--label-en L] --type T [--options a,b] [--required-on-solve] | delete ID');
    });
  }
  return null;
}
