// `luister channels [set]`: the public doors (contact form, callback booking, chat widget);
// `luister channels phone|whatsapp|messaging …`: the telephony webhook, WhatsApp and other networks;
// `luister channels rota|hours …`: the agents' callback hours.
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import { cliActor } from '../account-context.ts';
import { type CliOptions, print, withDb } from '../run.ts';

const int = (v: string | undefined, name: string) => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new AppError('invalid_number', `--${name} is a whole number`);
  return n;
};

const onOff = (v: string, name: string) => {
  if (v !== 'on' && v !== 'off') throw new AppError('invalid_switch', `--${name} is on or off`);
  return v === 'on';
};

/** A secret from the environment variable an option names: never on the command line (shell history, ps). */
function fromEnv(opt: CliOptions, name: 'app-secret-env' | 'verify-token-env' | 'access-token-env'): string | undefined {
  const v = opt[name];
  if (v === undefined) return undefined;
  const value = process.env[v];
  if (!value) throw new AppError('missing_env', `--${name} names ${v}, but that environment variable is empty`);
  return value;
}

async function phone(db: Db, actor: Actor, action: string | undefined, opt: CliOptions) {
  const { getConnections, publicConnections, setPhone } = await import('../../intake/doors/connections.ts');
  if (!action && opt['callback-minutes'] === undefined) return print(publicConnections(await getConnections(db, actor.accountId)).phone);
  if (action && !['on', 'off', 'rotate-secret'].includes(action)) throw new AppError('unknown_command', 'Use: channels phone [on|off|rotate-secret] [--callback-minutes N]');
  const r = await setPhone(db, actor, {
    ...(action === 'on' || action === 'off' ? { enabled: action === 'on' } : {}),
    ...(action === 'rotate-secret' ? { rotate_secret: true as const } : {}),
    ...(opt['callback-minutes'] !== undefined ? { callback_minutes: int(opt['callback-minutes'], 'callback-minutes') } : {}),
  });
  print({ ...r.phone, ...(r.secret ? { secret: r.secret, note: 'shown once: give it to your telephony provider' } : {}) });
}

async function messaging(db: Db, actor: Actor, action: string | undefined) {
  const { getConnections, publicConnections, setMessaging } = await import('../../intake/doors/connections.ts');
  if (!action) return print(publicConnections(await getConnections(db, actor.accountId)).messaging);
  if (!['on', 'off', 'rotate-secret'].includes(action)) throw new AppError('unknown_command', 'Use: channels messaging [on|off|rotate-secret]');
  const r = await setMessaging(db, actor, action === 'rotate-secret' ? { rotate_secret: true } : { enabled: action === 'on' });
  print({ ...r.messaging, ...(r.secret ? { secret: r.secret, note: 'shown once: give it to the bridge' } : {}) });
}

async function whatsapp(db: Db, actor: Actor, action: string | undefined, opt: CliOptions) {
  const { getConnections, publicConnections, setWhatsApp } = await import('../../intake/doors/connections.ts');
  if (!action) return print(publicConnections(await getConnections(db, actor.accountId)).whatsapp);
  if (!['on', 'off', 'set'].includes(action)) throw new AppError('unknown_command', 'Use: channels whatsapp [on|off|set] [--phone-number-id ID] [--app-secret-env VAR] …');
  const templates = opt.templates?.split(',').map((x) => x.trim()).filter(Boolean).map((x) => {
    const [name, language, use, ...rest] = x.split(':');
    if (!name || !language || rest.length || (use !== undefined && use !== 'callback')) {
      throw new AppError('invalid_template', `"${x}": give templates as name:language, e.g. case_update:nl, or name:language:callback for the one that confirms callbacks to callers`);
    }
    return { name, language, ...(use ? { use: 'callback' as const } : {}) };
  });
  const appSecret = fromEnv(opt, 'app-secret-env');
  const verifyToken = fromEnv(opt, 'verify-token-env');
  const accessToken = fromEnv(opt, 'access-token-env');
  const r = await setWhatsApp(db, actor, {
    ...(action === 'on' || action === 'off' ? { enabled: action === 'on' } : {}),
    ...(opt['phone-number-id'] ? { phone_number_id: opt['phone-number-id'] } : {}),
    ...(appSecret ? { app_secret: appSecret } : {}),
    ...(verifyToken ? { verify_token: verifyToken } : {}),
    ...(accessToken ? { access_token: accessToken } : {}),
    ...(templates ? { templates } : {}),
  });
  print(r.whatsapp);
}

/** `channels rota` lists who takes callbacks when; `channels hours <agent> --hours "ma-vr 09:00-12:00" [--away …] | --clear` sets one agent's. */
async function rota(db: Db, actor: Actor, sub: string, agent: string | undefined, opt: CliOptions) {
  const { clearCallbackHours, listRota, setCallbackHours } = await import('../../intake/callback/rota-store.ts');
  if (sub === 'rota') {
    const lines = await listRota(db, actor.accountId);
    if (opt.json) return print(lines);
    for (const l of lines) {
      console.log(`${l.name} <${l.email}>: ${l.hours ? l.hours.hours_text || 'no callback hours' : 'not on the rota'}${l.hours?.absences_text ? `; away ${l.hours.absences_text}` : ''}`);
    }
    if (!lines.some((l) => l.hours)) console.log('Nobody has callback hours: every open slot takes the bookings per slot set with `channels set --capacity N`.');
    return;
  }
  if (!agent || (!opt.clear && opt.hours === undefined && opt.away === undefined)) {
    throw new AppError('usage', 'Use: channels hours <agent e-mail or id> --hours "ma-vr 09:00-12:00, wo 13:00-17:00" [--away 2027-07-19..2027-08-06,…] | --clear');
  }
  const { agentIdOf } = await import('../account-context.ts');
  const id = await agentIdOf(db, actor.accountId, agent);
  if (opt.clear) return print(await clearCallbackHours(db, actor, id));
  const current = (await listRota(db, actor.accountId)).find((l) => l.agent_id === id)?.hours;
  print(await setCallbackHours(db, actor, id, {
    ...(opt.hours !== undefined ? { hours_text: opt.hours } : { weekly: current?.weekly ?? {} }),
    ...(opt.away !== undefined ? { absences_text: opt.away } : { absences: current?.absences ?? [] }),
  }));
}

/** null when the command is not `channels` */
export function channelsCommand(cmd: string, sub: string | undefined, arg: string | undefined, opt: CliOptions): Promise<unknown> | null {
  if (cmd !== 'channels') return null;
  return withDb('channels', async (db) => {
    const actor = await cliActor(db, opt.account);
    if (sub === 'phone') return phone(db, actor, arg, opt);
    if (sub === 'whatsapp') return whatsapp(db, actor, arg, opt);
    if (sub === 'messaging') return messaging(db, actor, arg);
    if (sub === 'rota' || sub === 'hours') return rota(db, actor, sub, arg, opt);
    const { getChannelSettings, setChannelSettings } = await import('../../intake/doors/channel-settings.ts');
    if (sub !== 'set') return print(await getChannelSettings(db, actor.accountId));
    print(await setChannelSettings(db, actor, {
      ...(opt.slug ? { slug: opt.slug } : {}),
      ...(opt.origins !== undefined ? { allowed_origins: opt.origins.split(',').map((o) => o.trim()).filter(Boolean) } : {}),
      ...(opt.capacity !== undefined ? { callback_capacity: int(opt.capacity, 'capacity') } : {}),
      ...(opt['slot-minutes'] !== undefined ? { callback_slot_minutes: int(opt['slot-minutes'], 'slot-minutes') as 15 | 20 | 30 | 60 } : {}),
      ...(opt['chat-bot'] !== undefined ? { chat_bot_enabled: onOff(opt['chat-bot'], 'chat-bot') } : {}),
    }));
  });
}
