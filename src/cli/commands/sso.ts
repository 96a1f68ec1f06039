// `luister sso …`: single sign-on with OpenID Connect.
import { loadConfig } from '../../config.ts';
import { type Role, ROLES } from '../../shared/actor.ts';
import { AppError } from '../../shared/errors.ts';
import { secretsKey } from '../../accounts/sso/secret-box.ts';
import { setSso, showSso, turnSsoOff } from '../../accounts/sso/settings.ts';
import { cliActor } from '../account-context.ts';
import { type CliOptions, print, withDb } from '../run.ts';

function onOff(name: string, v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  if (v === 'on' || v === 'off') return v === 'on';
  throw new AppError('invalid_option', `--${name} must be on or off`);
}

function autoCreate(v: string | undefined): Role | null | undefined {
  if (v === undefined) return undefined;
  if (v === 'off') return null;
  if (ROLES.includes(v as Role)) return v as Role;
  throw new AppError('invalid_option', `--auto-create must be off or one of ${ROLES.join(', ')}`);
}

/** `sso show | set | off`; null when the command is not one of these */
export function ssoCommand(cmd: string, sub: string | undefined, opt: CliOptions): Promise<unknown> | null {
  if (cmd !== 'sso') return null;
  if (sub === 'show' || sub === undefined) return withDb('sso show', async (db) => print(await showSso(db, await cliActor(db, opt.account))));
  if (sub === 'off') return withDb('sso off', async (db) => print(await turnSsoOff(db, await cliActor(db, opt.account))));
  if (sub === 'set') {
    return withDb('sso set', async (db) => {
      const actor = await cliActor(db, opt.account);
      const env = opt['client-secret-env'];
      if (env && process.env[env] === undefined) throw new AppError('missing_option', `The environment variable ${env} is not set`);
      const now = await showSso(db, actor);
      const pick = (given: string | undefined, kept: string | null, name: string) => {
        const v = given ?? kept;
        if (!v) throw new AppError('missing_option', `Missing --${name}`);
        return v;
      };
      print(await setSso(db, actor, secretsKey(loadConfig()), {
        label: pick(opt.label, now.label, 'label'),
        discovery_url: pick(opt['discovery-url'], now.discovery_url, 'discovery-url'),
        client_id: pick(opt['client-id'], now.client_id, 'client-id'),
        client_secret: env ? process.env[env] : undefined,
        auto_create_role: autoCreate(opt['auto-create']) !== undefined ? autoCreate(opt['auto-create'])! : now.auto_create_role,
        password_sign_in: onOff('password-sign-in', opt['password-sign-in']) ?? now.password_sign_in,
      }));
    });
  }
  return null;
}
