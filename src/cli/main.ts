import { readFileSync } from 'node:fs';
import pino from 'pino';
import { loadConfig } from '../config.ts';
import { createAccount } from '../accounts/create-account.ts';
import { createAgent } from '../accounts/create-agent.ts';
import { createApiToken } from '../accounts/create-api-token.ts';
import { search } from '../cases/search.ts';
import { importCustomers } from '../customers/import-customers.ts';
import { listTopics } from '../listening/manage-topics.ts';
import { listProblems } from '../problems/get-problem.ts';
import { listSignals } from '../problems/signals.ts';
import { openRuntime } from '../runtime.ts';
import { type Role, ROLES } from '../shared/actor.ts';
import { AppError } from '../shared/errors.ts';
import { migrate } from '../storage/migrate.ts';
import { cliActor } from './account-context.ts';
import { inboxCommand } from './commands/inbox.ts';
import { macrosCommand } from './commands/macros.ts';
import { serviceCommand } from './commands/service.ts';
import { autoCloseCommand } from './commands/autoclose.ts';
import { refundCommand } from './commands/refunds.ts';
import { rightsCommand } from './commands/rights.ts';
import { announceCommand } from './commands/announce.ts';
import { statusComponentsCommand } from './commands/status-components.ts';
import { channelsCommand } from './commands/channels.ts';
import { tagsCommand } from './commands/tags.ts';
import { caseCommand } from './commands/cases.ts';
import { ssoCommand } from './commands/sso.ts';
import { importCommand } from './commands/import.ts';
import { twoFactorCommand } from './commands/two-factor.ts';
import { organisationsCommand } from './commands/organisations.ts';
import { blockCommand } from './commands/block.ts';
import { rolesCommand } from './commands/roles.ts';
import { parseCli, print, required, withDb } from './run.ts';
import { ask } from './prompt.ts';
import { HELP } from './help.ts';

const { values: opt, positionals } = parseCli();

function roleOption(): Role | undefined {
  if (opt.role === undefined) return undefined;
  if (!ROLES.includes(opt.role as Role)) throw new AppError('invalid_role', `--role must be one of ${ROLES.join(', ')}`);
  return opt.role as Role;
}


async function main() {
  const [cmd, sub, arg] = positionals;
  if (opt.help || !cmd || cmd === 'help') {
    console.log(HELP);
    return;
  }
  const config = loadConfig();
  switch (cmd) {
    // the server, the worker and the demo load only for their own commands: the others start in a fraction of the time
    case 'serve': {
      const { serve } = await import('../server.ts');
      await serve(config);
      return;
    }
    case 'migrate':
      return withDb('migrate', async (db) => {
        const applied = await migrate(db);
        console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database is up to date');
      });
    case 'worker': {
      const [{ jobHandlers }, { startWorker }] = await Promise.all([import('../worker/handlers.ts'), import('../worker/runner.ts')]);
      const rt = await openRuntime(config, 'worker');
      const log = pino({ level: config.LOG_LEVEL });
      const w = startWorker(rt.db, { handlers: jobHandlers(config), concurrency: config.WORKER_CONCURRENCY, pollMs: config.WORKER_POLL_MS, log });
      const stop = async () => {
        await w.stop();
        await rt.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return;
    }
    case 'setup':
      return withDb('setup', async (db) => {
        const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts');
        if (n > 0) throw new AppError('already_set_up', 'Luister is already set up; add accounts with `luister account create`');
        const name = opt['account-name'] ?? (await ask('Name of your organisation: '));
        const adminName = opt['admin-name'] ?? (await ask('Your name: '));
        const adminEmail = opt['admin-email'] ?? (await ask('Your e-mail address: '));
        const password = opt['admin-password'] ?? process.env.LUISTER_ADMIN_PASSWORD ?? (await ask('Password (at least 10 characters): ', true));
        const created = await createAccount(db, { name, adminEmail, adminName, adminPassword: password });
        console.log(`Account "${created.account.name}" created. Sign in as ${created.admin.email}.`);
        console.log('API token (shown once, keep it safe):');
        console.log(created.token);
      });
    case 'account':
      if (sub !== 'create') break;
      return withDb('account create', async (db) => {
        const created = await createAccount(db, {
          name: required('name', opt.name),
          adminEmail: required('admin-email', opt['admin-email']),
          adminName: opt['admin-name'],
          adminPassword: opt['admin-password'],
        });
        print({ account_id: created.account.account_id, name: created.account.name, admin_id: created.admin.id, token: created.token });
      });
    case 'agent':
      if (sub !== 'create') break;
      return withDb('agent create', async (db) => {
        const actor = await cliActor(db, opt.account);
        print(await createAgent(db, actor, { email: required('email', opt.email), name: required('name', opt.name), role: roleOption() ?? 'agent', password: opt.password }));
      });
    case 'token':
      if (sub !== 'create') break;
      return withDb('token create', async (db) => {
        const actor = await cliActor(db, opt.account);
        const { apiToken, token } = await createApiToken(db, actor, { name: opt.name ?? 'cli', role: roleOption() ?? 'admin', agentId: opt.agent });
        print({ ...apiToken, token });
      });
    case 'import': {
      const run = importCommand(cmd, sub, arg, opt);
      if (run) return run;
      if (sub !== 'customers') break;
      return withDb('import customers', async (db) => {
        const file = required('FILE', arg);
        const actor = await cliActor(db, opt.account);
        print(await importCustomers(db, actor, readFileSync(file, 'utf8'), { dryRun: opt['dry-run'] }));
      });
    }
    case 'autoclose':
      return autoCloseCommand(sub, opt);
    case 'inbox':
    case 'promises':
    case 'sla':
    case 'brief':
    case 'escalate':
    case 'route':
    case 'ledger':
    case 'refunds':
    case 'customer':
    case 'retention':
    case 'announcements':
    case 'incidents':
    case 'status-components':
    case 'channels':
    case 'tag':
    case 'sso':
    case 'two-factor':
    case 'cases':
    case 'organisations':
    case 'block':
    case 'roles':
    case 'macros':
    case 'macro':
    case 'fields': {
      const run = inboxCommand(cmd, sub, arg, opt) ?? serviceCommand(cmd, sub, arg, opt, positionals.slice(3)) ?? refundCommand(cmd, sub, arg, opt) ?? rightsCommand(cmd, sub, arg, opt) ?? announceCommand(cmd, sub, arg, opt) ?? statusComponentsCommand(cmd, sub, arg, opt) ?? channelsCommand(cmd, sub, arg, opt) ?? caseCommand(cmd, sub, arg, opt) ?? tagsCommand(cmd, sub, arg, opt) ?? ssoCommand(cmd, sub, opt) ?? twoFactorCommand(cmd, sub, opt) ?? organisationsCommand(cmd, sub, arg, opt) ?? blockCommand(cmd, sub, arg, opt) ?? rolesCommand(cmd, sub, positionals.slice(2), opt) ?? macrosCommand(cmd, sub, arg, opt, positionals.slice(3));
      if (run) return run;
      break;
    }
    case 'search':
      return withDb('search', async (db) => {
        const query = positionals.slice(1).join(' ');
        const actor = await cliActor(db, opt.account);
        const result = await search(db, actor.accountId, { query, limit: Number(opt.limit ?? 20) });
        for (const h of result.data) {
          console.log(`${h.type.padEnd(8)} ${(h.case_ref ?? '').padEnd(9)} ${h.title}\n         ${h.snippet.replace(/<\/?mark>/g, '*')}`);
        }
        if (!result.data.length) console.log('No results');
      });
    case 'topics':
      return withDb('topics', async (db) => {
        const actor = await cliActor(db, opt.account);
        const topics = await listTopics(db, actor.accountId, Number(opt.limit ?? 50));
        for (const t of topics) console.log(`${String(t.size).padStart(6)}  ${t.label}${t.open_signal_id ? '  [signal]' : ''}  (${t.id})`);
        if (!topics.length) console.log('No topics yet');
      });
    case 'signals':
      return withDb('signals', async (db) => {
        const actor = await cliActor(db, opt.account);
        const signals = await listSignals(db, actor.accountId);
        for (const s of signals) console.log(`${s.status.padEnd(9)} ${s.raised_at.toISOString().slice(0, 16)}  ${s.title} — ${s.evidence.reason ?? ''}  (${s.id})`);
        if (!signals.length) console.log('No signals');
      });
    case 'problems':
      return withDb('problems', async (db) => {
        const actor = await cliActor(db, opt.account);
        const { data } = await listProblems(db, actor.accountId, { limit: Number(opt.limit ?? 50) });
        for (const p of data) console.log(`${p.status.padEnd(13)} ${String(p.confirmed_cases).padStart(4)} cases  ${p.title}  (${p.id})`);
        if (!data.length) console.log('No problems');
      });
    case 'demo':
      return withDb('demo', async (db) => {
        const [{ loadDemo }, { demoSummary }] = await Promise.all([import('../demo/load-demo.ts'), import('../demo/summary.ts')]);
        const demo = await loadDemo(db, { password: opt.password });
        if (opt.json) print(demo);
        else console.log(demoSummary(demo, config.PUBLIC_URL ?? `http://localhost:${config.PORT}`));
      });
  }
  throw new AppError('unknown_command', `Unknown command: ${positionals.join(' ')}\n\n${HELP}`);
}

main().catch((err) => {
  if (err instanceof AppError) console.error(`luister: ${err.message}${err.details ? `\n${JSON.stringify(err.details, null, 2)}` : ''}`);
  else console.error(`luister: ${(err as Error).message}`);
  process.exit(1);
});
