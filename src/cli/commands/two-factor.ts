// `luister two-factor [require|unrequire|reset]`: who must use two-factor sign-in, and a reset for a lost phone.
import type { Db } from '../../storage/db.ts';
import { type Role, ROLES } from '../../shared/actor.ts';
import { AppError } from '../../shared/errors.ts';
import { agentIdOf, cliActor } from '../account-context.ts';
import { type CliOptions, print, required, withDb } from '../run.ts';

function rolesOf(opt: CliOptions): Role[] {
  if (opt.all) return [...ROLES];
  const given = required('role agent,supervisor,admin (or none, or --all)', opt.role).split(',').map((r) => r.trim()).filter(Boolean);
  if (given.length === 1 && given[0] === 'none') return [];
  const bad = given.filter((r) => !ROLES.includes(r as Role));
  if (bad.length) throw new AppError('invalid_role', `Unknown role ${bad.join(', ')}: use agent, supervisor and/or admin`);
  return given as Role[];
}

/** Two-factor sign-in for an admin on the command line; null when the command is not this one */
export function twoFactorCommand(cmd: string, sub: string | undefined, opt: CliOptions): Promise<unknown> | null {
  if (cmd !== 'two-factor') return null;
  return withDb('two-factor', async (db) => {
    const actor = await cliActor(db, opt.account);
    const manage = await import('../../accounts/two-factor/manage.ts');
    if (sub === 'require' && opt.agent) await manage.requireForAgent(db, actor, await agentIdOf(db, actor.accountId, opt.agent), true);
    else if (sub === 'require') await manage.setRequiredRoles(db, actor, rolesOf(opt));
    else if (sub === 'unrequire') await manage.requireForAgent(db, actor, await agentIdOf(db, actor.accountId, required('agent EMAIL', opt.agent)), false);
    else if (sub === 'reset') {
      const done = await manage.resetTwoFactor(db, actor, await agentIdOf(db, actor.accountId, required('agent EMAIL', opt.agent)));
      console.log(done.had_two_factor ? 'Two-factor sign-in removed; the agent was signed out everywhere.' : 'The agent had no two-factor sign-in; their sessions were ended.');
      return;
    } else if (sub !== undefined) throw new AppError('unknown_command', 'two-factor [require --role R,R | --all | --agent EMAIL] | unrequire --agent EMAIL | reset --agent EMAIL');
    const overview = await manage.twoFactorOverview(db, actor);
    if (opt.json) return print(overview);
    console.log(`Required of roles: ${overview.required_roles.join(', ') || 'none'}`);
    for (const a of overview.agents.filter((x) => x.active)) {
      console.log(`${a.email.padEnd(40)} ${a.role.padEnd(10)} ${a.enabled ? 'on ' : 'off'} ${a.required ? (a.required_by_name ? 'required (by name)' : 'required') : ''}`);
    }
  });
}
