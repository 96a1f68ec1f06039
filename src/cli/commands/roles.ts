// `luister roles list|permissions|create|grant|revoke|assign|delete`: custom roles for scripts (src/accounts/roles/).
import { AppError } from '../../shared/errors.ts';
import { cliActor } from '../account-context.ts';
import { type CliOptions, print, required, withDb } from '../run.ts';
import { agentIdOf } from '../account-context.ts';

const names = (v: string | undefined) => (v ?? '').split(',').map((t) => t.trim()).filter(Boolean);
const USAGE = 'roles [list] | roles permissions | roles create --name N [--description T] [--permissions a,b] | roles grant ROLE PERM[,…] | roles revoke ROLE PERM[,…] | roles assign ROLE|none --agent EMAIL | roles delete ROLE';

/** Custom roles; null when the command is not `roles`. `args`: the positionals after the subcommand. */
export function rolesCommand(cmd: string, sub: string | undefined, args: string[], opt: CliOptions): Promise<unknown> | null {
  if (cmd !== 'roles') return null;
  return withDb('roles', async (db) => {
    const actor = await cliActor(db, opt.account);
    const store = await import('../../accounts/roles/store.ts');
    const role = () => store.findCustomRole(db, actor.accountId, required('ROLE (a name or id)', args[0]));
    const show = (r: { name: string; permissions: string[]; agent_ids: string[]; id: string }) =>
      console.log(`${r.name.padEnd(28)} ${String(r.agent_ids.length).padStart(3)} agent(s)  ${r.permissions.join(', ') || '(grants nothing)'}  (${r.id})`);
    if (sub === undefined || sub === 'list') {
      const data = await store.listCustomRoles(db, actor.accountId);
      if (opt.json) return print(data);
      data.forEach(show);
      if (!data.length) console.log('No custom roles: every agent has only their built-in role');
      return;
    }
    if (sub === 'permissions') {
      const { PERMISSION_NAMES, PERMISSIONS } = await import('../../accounts/permissions.ts');
      const data = PERMISSION_NAMES.map((p) => ({ name: p, role: PERMISSIONS[p].role, description: PERMISSIONS[p].description }));
      if (opt.json) return print(data);
      for (const p of data) console.log(`${p.name.padEnd(30)} ${p.role.padEnd(10)} ${p.description}`);
      return;
    }
    if (sub === 'create') {
      const { createCustomRole } = await import('../../accounts/roles/create-custom-role.ts');
      const made = await createCustomRole(db, actor, { name: required('name', opt.name), description: opt.description, permissions: names(opt.permissions) });
      return opt.json ? print(made) : show(made);
    }
    if (sub === 'grant' || sub === 'revoke') {
      const { updateCustomRole } = await import('../../accounts/roles/update-custom-role.ts');
      const perms = names(args[1] ?? opt.permissions);
      if (!perms.length) throw new AppError('missing_option', `Give the permissions: roles ${sub} ROLE name[,name] (luister roles permissions lists them)`);
      const changed = await updateCustomRole(db, actor, (await role()).id, sub === 'grant' ? { grant: perms } : { revoke: perms });
      return opt.json ? print(changed) : show(changed);
    }
    if (sub === 'assign') {
      const { assignCustomRole } = await import('../../accounts/roles/assign-custom-role.ts');
      const agentId = await agentIdOf(db, actor.accountId, required('agent EMAIL', opt.agent));
      const target = required('ROLE (a name, id or none)', args[0]) === 'none' ? null : (await role()).id;
      const agent = await assignCustomRole(db, actor, agentId, target);
      if (opt.json) return print(agent);
      console.log(target ? `${agent.email} now has the custom role ${args[0]} on top of ${agent.role}` : `${agent.email} has only the built-in role ${agent.role}`);
      return;
    }
    if (sub === 'delete') {
      const { deleteCustomRole } = await import('../../accounts/roles/delete-custom-role.ts');
      const gone = await deleteCustomRole(db, actor, (await role()).id);
      return opt.json ? print(gone) : console.log(`Deleted ${gone.name}; its agents no longer have what it granted`);
    }
    throw new AppError('unknown_command', USAGE);
  });
}
