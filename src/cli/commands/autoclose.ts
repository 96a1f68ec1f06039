// `luister autoclose [show|on|off] [--remind DAYS] [--close DAYS]`: the account's auto-close setting.
import { AppError } from '../../shared/errors.ts';
import { cliActor } from '../account-context.ts';
import { type CliOptions, print, withDb } from '../run.ts';

export function autoCloseCommand(sub: string | undefined, opt: CliOptions): Promise<unknown> {
  return withDb('autoclose', async (db) => {
    const actor = await cliActor(db, opt.account);
    const { autoCloseSettingsPatch, getAutoCloseSettings, updateAutoCloseSettings } = await import('../../autoclose/autoclose-settings.ts');
    if (sub === undefined || sub === 'show') {
      if (opt.remind !== undefined || opt.close !== undefined) throw new AppError('invalid_usage', 'use `autoclose on --remind DAYS --close DAYS` to change the days');
      return print(await getAutoCloseSettings(db, actor.accountId));
    }
    if (sub !== 'on' && sub !== 'off') throw new AppError('invalid_usage', 'autoclose show | on [--remind DAYS] [--close DAYS] | off');
    const days = (v: string | undefined) => (v === undefined ? undefined : Number(v));
    const parsed = autoCloseSettingsPatch.safeParse({ enabled: sub === 'on', remind_after_days: days(opt.remind), close_after_days: days(opt.close) });
    if (!parsed.success) throw new AppError('validation_failed', `--remind is 1–90 whole days, --close 2–180: ${parsed.error.issues[0]?.message}`);
    print(await updateAutoCloseSettings(db, actor, parsed.data));
  });
}
