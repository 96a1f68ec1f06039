import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../config.ts';
import { createAccount } from '../accounts/create-account.ts';
import { createAgent } from '../accounts/create-agent.ts';
import { createApiToken } from '../accounts/create-api-token.ts';
import { search } from '../cases/search.ts';
import { importCustomers } from '../customers/import-customers.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { listTopics } from '../listening/manage-topics.ts';
import { listProblems } from '../problems/get-problem.ts';
import { listSignals } from '../problems/signals.ts';
import { openRuntime } from '../runtime.ts';
import { serve } from '../server.ts';
import { type Role, ROLES } from '../shared/actor.ts';
import { AppError } from '../shared/errors.ts';
import { migrate } from '../storage/migrate.ts';
import { jobHandlers } from '../worker/handlers.ts';
import { startWorker } from '../worker/runner.ts';
import { cliActor } from './account-context.ts';
import { createInbox } from '../intake/inboxes/save-inbox.ts';
import { listInboxes } from '../intake/inboxes/list-inboxes.ts';
import { loadInbox } from '../intake/inboxes/store.ts';
import { ask } from './prompt.ts';

const HELP = `luister <command> [options]

  serve                              start the HTTP API (and the job worker on the embedded database)
  setup                              create the first account and admin (asks, or --account-name --admin-email
                                     --admin-name --admin-password)
  worker                             run the job worker as its own process (PostgreSQL)
  migrate                            apply database migrations and exit
  account create --name N --admin-email E [--admin-name N] [--admin-password P]
                                     prints JSON with the account id and a new admin API token (shown once)
  agent create --email E --name N [--role agent|supervisor|admin] [--password P] [--account ID]
  token create [--name N] [--role agent|supervisor|admin] [--account ID]
  import customers FILE.csv [--dry-run] [--account ID]
                                     columns: name,email,phone,segment,language,vulnerable,media,sales_opt_out
  inbox create --address A --name TEAM [--imap-url imaps://user@host:993/INBOX --imap-password-env VAR]
               [--move-to FOLDER] [--no-ack] [--account ID]
                                     an address mail arrives at (SMTP) and/or a mailbox to fetch (IMAP);
                                     the IMAP password is read from the environment variable VAR
  inbox list | inbox poll ID [--account ID]
                                     inboxes; fetch an inbox's IMAP mailbox now and print what happened
  search QUERY [--limit N] [--account ID]
  demo                               load a Dutch demo account (five stories of customer service gone wrong)
  promises [--due-today] [--state open|kept|breached|renegotiated|cancelled] [--account ID]
                                     promises, soonest due first
  sla [--state at_risk|breached] [--account ID]
                                     open cases whose service-level clock is at risk or breached
  sla policy create --name N [--segment S] [--priority P] [--channel C] [--first-response MIN]
                    [--next-response MIN] [--resolution MIN] [--account ID]
  brief REF [--account ID]          the case brief (who, what happened, what was promised, what was tried)
                                     and what the escalation rules say about the case
  escalate REF [--to L2|L3 --reason TEXT] [--account ID]
                                     escalate by hand, or (without --to) as the rules decide
  route REF | route --queue [--account ID]
                                     offer a case (or every unowned case, VIP and gold first) to the best agent
  topics | signals | problems [--account ID]
                                     what listening found: topics with labels, open signals, problems

The database is PGlite in DATA_DIR (./data) unless DATABASE_URL points at PostgreSQL.`;

const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    email: { type: 'string' },
    role: { type: 'string' },
    password: { type: 'string' },
    account: { type: 'string' },
    'account-name': { type: 'string' },
    'admin-email': { type: 'string' },
    'admin-name': { type: 'string' },
    'admin-password': { type: 'string' },
    'dry-run': { type: 'boolean' },
    limit: { type: 'string' },
    address: { type: 'string' },
    'imap-url': { type: 'string' },
    'imap-password-env': { type: 'string' },
    'move-to': { type: 'string' },
    'no-ack': { type: 'boolean' },
    'due-today': { type: 'boolean' },
    to: { type: 'string' },
    reason: { type: 'string' },
    queue: { type: 'boolean' },
    state: { type: 'string' },
    segment: { type: 'string' },
    priority: { type: 'string' },
    channel: { type: 'string' },
    'first-response': { type: 'string' },
    'next-response': { type: 'string' },
    resolution: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

const print = (v: unknown) => console.log(JSON.stringify(v, null, 2));

function roleOption(): Role | undefined {
  if (opt.role === undefined) return undefined;
  if (!ROLES.includes(opt.role as Role)) throw new AppError('invalid_role', `--role must be one of ${ROLES.join(', ')}`);
  return opt.role as Role;
}

function required(name: string, value: string | undefined): string {
  if (!value) throw new AppError('missing_option', `Missing --${name}`);
  return value;
}

async function withDb<T>(command: string, fn: (db: import('../storage/db.ts').Db) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const rt = await openRuntime(config, command);
  try {
    return await fn(rt.db);
  } finally {
    await rt.close();
  }
}

async function main() {
  const [cmd, sub, arg] = positionals;
  if (opt.help || !cmd || cmd === 'help') {
    console.log(HELP);
    return;
  }
  const config = loadConfig();
  switch (cmd) {
    case 'serve':
      await serve(config);
      return;
    case 'migrate':
      return withDb('migrate', async (db) => {
        const applied = await migrate(db);
        console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database is up to date');
      });
    case 'worker': {
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
        const { apiToken, token } = await createApiToken(db, actor, { name: opt.name ?? 'cli', role: roleOption() ?? 'admin' });
        print({ ...apiToken, token });
      });
    case 'import':
      if (sub !== 'customers') break;
      return withDb('import customers', async (db) => {
        const file = required('FILE', arg);
        const actor = await cliActor(db, opt.account);
        print(await importCustomers(db, actor, readFileSync(file, 'utf8'), { dryRun: opt['dry-run'] }));
      });
    case 'inbox':
      if (sub === 'create') {
        return withDb('inbox create', async (db) => {
          const actor = await cliActor(db, opt.account);
          const env = opt['imap-password-env'];
          if (env && process.env[env] === undefined) throw new AppError('missing_option', `The environment variable ${env} is not set`);
          print(await createInbox(db, actor, {
            address: required('address', opt.address), name: required('name', opt.name), acknowledge: !opt['no-ack'],
            imap_url: opt['imap-url'] ?? null, imap_password: env ? process.env[env]! : null, imap_move_to: opt['move-to'] ?? null,
          }));
        });
      }
      if (sub === 'list') return withDb('inbox list', async (db) => print((await listInboxes(db, (await cliActor(db, opt.account)).accountId)).data));
      if (sub === 'poll') {
        return withDb('inbox poll', async (db) => {
          const actor = await cliActor(db, opt.account);
          const { pollInbox } = await import('../intake/channels/email/imap-poll.ts');
          print(await pollInbox(db, await loadInbox(db, actor.accountId, required('ID', arg)), loadConfig()));
        });
      }
      break;
    case 'promises':
      return withDb('promises', async (db) => {
        const actor = await cliActor(db, opt.account);
        const { listPromises } = await import('../promises/list-promises.ts');
        const { PROMISE_STATES } = await import('../promises/store.ts');
        if (opt.state && !PROMISE_STATES.includes(opt.state as never)) throw new AppError('invalid_state', `--state must be one of ${PROMISE_STATES.join(', ')}`);
        const endOfToday = new Date();
        endOfToday.setHours(24, 0, 0, 0);
        const { data } = await listPromises(db, actor.accountId, {
          limit: 200, state: (opt.state as never) ?? (opt['due-today'] ? 'open' : undefined), due_before: opt['due-today'] ? endOfToday : undefined,
        });
        for (const p of data) console.log(`${p.state.padEnd(12)} ${p.due_at.toISOString().slice(0, 16)}  ${p.kind.padEnd(18)} ${p.description}  (case ${p.case_id})`);
        if (!data.length) console.log('No promises');
      });
    case 'sla':
      if (sub === 'policy' && arg === 'create') {
        return withDb('sla policy create', async (db) => {
          const actor = await cliActor(db, opt.account);
          const { saveSlaPolicy } = await import('../promises/manage-sla-policies.ts');
          const num = (v: string | undefined, name: string) => {
            if (v === undefined) return null;
            const n = Number(v);
            if (!Number.isInteger(n) || n <= 0) throw new AppError('invalid_minutes', `--${name} is a whole number of business minutes`);
            return n;
          };
          print(await saveSlaPolicy(db, actor, null, {
            name: required('name', opt.name), segment: opt.segment ?? null, priority: (opt.priority as never) ?? null, channel: (opt.channel as never) ?? null,
            first_response_minutes: num(opt['first-response'], 'first-response'), next_response_minutes: num(opt['next-response'], 'next-response'),
            resolution_minutes: num(opt.resolution, 'resolution'),
          }));
        });
      }
      return withDb('sla', async (db) => {
        const actor = await cliActor(db, opt.account);
        const { casesAtRisk } = await import('../promises/case-sla.ts');
        if (opt.state && opt.state !== 'at_risk' && opt.state !== 'breached') throw new AppError('invalid_state', '--state must be at_risk or breached');
        const { data } = await casesAtRisk(db, actor.accountId, { state: opt.state as 'at_risk' | 'breached' | undefined });
        for (const c of data) {
          const worst = c.clocks.filter((k) => k.state === 'breached' || k.state === 'at_risk').map((k) => `${k.target} ${k.state} (${k.elapsed_minutes}/${k.target_minutes} min)`);
          console.log(`${c.ref.padEnd(9)} ${worst.join(', ')}  ${c.subject}`);
        }
        if (!data.length) console.log('No cases at risk');
      });
    case 'brief':
      return withDb('brief', async (db) => {
        const actor = await cliActor(db, opt.account);
        const { loadCase } = await import('../cases/store.ts');
        const { caseBrief } = await import('../escalation/case-brief.ts');
        const { escalationFacts } = await import('../escalation/case-facts.ts');
        const { decideEscalation } = await import('../escalation/rules.ts');
        const c = await loadCase(db, actor.accountId, required('REF', sub));
        console.log(await caseBrief(db, actor.accountId, c.id));
        const d = decideEscalation((await escalationFacts(db, actor.accountId, { caseId: c.id }))[0]);
        console.log(d ? `\nEscalation rules: → ${d.to}: ${d.reasons.map((r) => r.reason).join('; ')}` : '\nEscalation rules: stays at its tier');
      });
    case 'escalate':
      return withDb('escalate', async (db) => {
        const actor = await cliActor(db, opt.account);
        const { escalateCase } = await import('../escalation/escalate-case.ts');
        const { escalationFacts } = await import('../escalation/case-facts.ts');
        const { decideEscalation } = await import('../escalation/rules.ts');
        const { loadCase } = await import('../cases/store.ts');
        const c = await loadCase(db, actor.accountId, required('REF', sub));
        if (opt.to !== undefined && opt.to !== 'L2' && opt.to !== 'L3') throw new AppError('invalid_tier', '--to must be L2 or L3');
        const d = opt.to
          ? { to: opt.to as 'L2' | 'L3', reasons: [{ rule: 'manual', to: opt.to as 'L2' | 'L3', reason: required('reason', opt.reason) }] }
          : decideEscalation((await escalationFacts(db, actor.accountId, { caseId: c.id }))[0]);
        if (!d) throw new AppError('no_escalation_needed', `No escalation rule applies to ${c.ref}; give --to and --reason to escalate by hand`);
        const r = await escalateCase(db, actor, c.id, d);
        console.log(`${r.case.ref} → ${r.case.tier}: ${r.reasons.map((x) => x.reason).join('; ')}\n\n${r.brief}`);
      });
    case 'route':
      return withDb('route', async (db) => {
        const actor = await cliActor(db, opt.account);
        const { routeCase, routeQueue } = await import('../routing/route-case.ts');
        if (opt.queue) {
          for (const r of (await routeQueue(db, actor)).data) console.log(`${r.ref.padEnd(9)} ${r.offered_to ? 'offered to' : 'not routed:'} ${r.reason}`);
          return;
        }
        const r = await routeCase(db, actor, required('REF', sub));
        console.log(r.offer ? `offered to ${r.agentName} — ${r.reason}` : r.reason);
      });
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
      return withDb('demo', async (db) => print(await loadDemo(db)));
  }
  throw new AppError('unknown_command', `Unknown command: ${positionals.join(' ')}\n\n${HELP}`);
}

main().catch((err) => {
  if (err instanceof AppError) console.error(`luister: ${err.message}${err.details ? `\n${JSON.stringify(err.details, null, 2)}` : ''}`);
  else console.error(`luister: ${(err as Error).message}`);
  process.exit(1);
});
