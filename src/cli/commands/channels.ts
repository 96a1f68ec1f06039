// `luister channels [set]`: the public doors (contact form, callback booking, chat widget).
import { AppError } from '../../shared/errors.ts';
import { cliActor } from '../account-context.ts';
import { type CliOptions, print, withDb } from '../run.ts';

/** null when the command is not `channels` */
export function channelsCommand(cmd: string, sub: string | undefined, opt: CliOptions): Promise<unknown> | null {
  if (cmd !== 'channels') return null;
  return withDb('channels', async (db) => {
    const actor = await cliActor(db, opt.account);
    const { getChannelSettings, setChannelSettings } = await import('../../intake/doors/channel-settings.ts');
    if (sub !== 'set') return print(await getChannelSettings(db, actor.accountId));
    const int = (v: string | undefined, name: string) => {
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!Number.isInteger(n)) throw new AppError('invalid_number', `--${name} is a whole number`);
      return n;
    };
    print(await setChannelSettings(db, actor, {
      ...(opt.slug ? { slug: opt.slug } : {}),
      ...(opt.origins !== undefined ? { allowed_origins: opt.origins.split(',').map((o) => o.trim()).filter(Boolean) } : {}),
      ...(opt.capacity !== undefined ? { callback_capacity: int(opt.capacity, 'capacity') } : {}),
      ...(opt['slot-minutes'] !== undefined ? { callback_slot_minutes: int(opt['slot-minutes'], 'slot-minutes') as 15 | 20 | 30 | 60 } : {}),
    }));
  });
}
