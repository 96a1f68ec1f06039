import { randomInt } from 'node:crypto';
import type { Db } from '../storage/db.ts';
import { createAccount } from '../accounts/create-account.ts';
import { createAgent } from '../accounts/create-agent.ts';
import { createTeam } from '../accounts/create-team.ts';
import { createInbox } from '../intake/inboxes/save-inbox.ts';
import { createArticle } from '../knowledge/create-article.ts';
import { publishArticle } from '../knowledge/publish-article.ts';
import { setHelpCentre } from '../knowledge/set-help-centre.ts';
import { updateArticle } from '../knowledge/update-article.ts';
import { getServiceSettings } from '../promises/settings.ts';
import { saveSlaPolicy } from '../promises/manage-sla-policies.ts';
import { type Actor, systemActor } from '../shared/actor.ts';
import { DEMO_ARTICLES } from './articles.ts';
import { backdate, demoClock } from './demo-clock.ts';
import { type DemoContext, promiseSteps, type Step, storySteps, threadSteps } from './demo-steps.ts';
import { AGENT_NAMES, demoScript, HISTORY_DAYS, HOUR_MS } from './history.ts';
import { listenToHistory, sweepNow } from './listen.ts';
import { handledSignals, slagboomProblem } from './problem.ts';
import type { AgentKey } from './topics.ts';
import { markInboxVerified } from '../intake/inboxes/verify-inbox.ts';

export interface LoadDemoOptions {
  /** the demo agents' password; default: a new random one, printed once */
  password?: string;
  now?: Date;
}

const DOMAIN = 'demo.luister.example';

/**
 * A Dutch demo account with two weeks of history: agents who can sign in, a team, an inbox, a
 * service level, a knowledge base, and some 150 cases over 14 days — the five stories of
 * product.md among them — answered, solved, passed around and promised, with listening run over
 * them in time order: topics, a spike today, a new topic, promises due today and one broken.
 */
export async function loadDemo(db: Db, o: LoadDemoOptions = {}) {
  const started = performance.now();
  let mark = started;
  const lap = () => {
    const ms = Math.round(performance.now() - mark);
    mark = performance.now();
    return ms;
  };
  const now = o.now ?? new Date();
  const password = o.password ?? newPassword();
  const clock = demoClock(db);
  const emails = await freeEmails(db, ['beheer', 'joris', 'sanne', 'ahmed']);

  // the account exists a fortnight and a day before today
  const setup = await clock.at(new Date(now.getTime() - (HISTORY_DAYS + 1) * 24 * HOUR_MS), async () => {
    const created = await createAccount(db, { name: 'Demo: Parkeren Klantenservice', adminEmail: emails.beheer, adminName: 'Demo-beheerder', adminPassword: password });
    const sys = systemActor(created.account.account_id);
    const team = await createTeam(db, sys, { name: 'Klantenservice' });
    const ids = {} as Record<AgentKey, string>;
    for (const [key, role] of [['sanne', 'agent'], ['ahmed', 'agent'], ['joris', 'supervisor']] as const) {
      ids[key] = (await createAgent(db, sys, { email: emails[key], name: AGENT_NAMES[key], role, teamId: team.id, password })).id;
    }
    const inbox = await createInbox(db, sys, { address: `klantenservice.${created.account.account_id.slice(0, 8)}@${DOMAIN.replace('.example', '.test')}`, name: 'Klantenservice Parkeren Demo', team_id: team.id });
    // the demo's own made-up address (.test): nobody else's mail, so the demo vouches for it
    await markInboxVerified(db, inbox.address, created.account.account_id);
    await saveSlaPolicy(db, sys, null, { name: 'Standaard', first_response_minutes: 240, next_response_minutes: 480, resolution_minutes: 1440 });
    await setHelpCentre(db, sys, { slug: `parkeren-demo-${created.account.account_id.slice(0, 8)}`, contact: { email: inbox.address } });
    return { created, sys, ids, inbox };
  });
  const { created, sys, ids, inbox } = setup;
  const accountId = created.account.account_id;
  const { time_zone: timeZone } = await getServiceSettings(db, accountId);
  const roles: Record<AgentKey, Actor['role']> = { sanne: 'agent', ahmed: 'agent', joris: 'supervisor' };
  const as = (k: AgentKey): Actor => ({ ...sys, type: 'agent', id: ids[k], agentId: ids[k], role: roles[k] });
  const ctx: DemoContext = { db, now, timeZone, inboxId: inbox.id, sys, as, agentId: (k) => ids[k], threadRefs: new Map() };

  const script = demoScript(now, timeZone);
  const threads = [...script.history, ...script.burst, ...script.rename];
  const refs: Record<string, string[]> = {};
  const steps: Step[] = [
    ...threads.flatMap((t) => threadSteps(ctx, t)),
    ...storySteps(ctx, refs),
    ...promiseSteps(ctx, script.history),
    ...articleSteps(db, as, now),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  // on PostgreSQL a running `luister worker` must not take the demo's jobs before their times are set: parked until the demo runs them
  const park = db.kind === 'postgres'
    ? () => db.query(`UPDATE jobs SET run_at = 'infinity' WHERE account_id = $1 AND status = 'queued' AND run_at < 'infinity'`, [accountId])
    : async () => [];
  for (const step of steps) {
    await clock.at(step.at, step.run);
    await park();
  }
  await backdate(db, accountId, clock.steps.splice(0));
  const written = lap();

  // listening, as the worker heard the messages come in; then what the supervisor did with its signals on the way
  await listenToHistory(db, accountId, clock);
  await backdate(db, accountId, clock.steps.splice(0));
  const problem = await slagboomProblem(db, as('joris'), now);
  if (problem) await clock.at(problem.at, problem.run);
  for (const step of await handledSignals(db, as('joris'), now)) await clock.at(step.at, step.run);
  const moved = await backdate(db, accountId, clock.steps.splice(0));
  const listened = lap();
  const sweep = await sweepNow(db, accountId, now);

  // the demo's replies went to invented people: marked as sent, never handed to a mail relay
  await db.query(`UPDATE messages SET delivery_status = 'sent', sent_at = created_at WHERE account_id = $1 AND delivery_status = 'queued'`, [accountId]);
  await db.query(`UPDATE jobs SET status = 'done', finished_at = now() WHERE account_id = $1 AND kind = 'email.send' AND status = 'queued'`, [accountId]);

  const [counts] = await db.query<{ cases: number; messages: number; signals: number; due_today: number; broken: number; articles: number }>(
    `SELECT (SELECT count(*) FROM cases WHERE account_id = $1)::int AS cases,
       (SELECT count(*) FROM messages WHERE account_id = $1)::int AS messages,
       (SELECT count(*) FROM signals WHERE account_id = $1 AND status = 'open')::int AS signals,
       (SELECT count(*) FROM promises WHERE account_id = $1 AND state = 'open' AND (due_at AT TIME ZONE $2)::date = ($3::timestamptz AT TIME ZONE $2)::date)::int AS due_today,
       (SELECT count(*) FROM promises WHERE account_id = $1 AND state = 'breached')::int AS broken,
       (SELECT count(*) FROM articles WHERE account_id = $1)::int AS articles`,
    [accountId, timeZone, now],
  );
  const signals = await db.query<{ title: string }>(`SELECT title FROM signals WHERE account_id = $1 AND status = 'open' ORDER BY raised_at`, [accountId]);
  return {
    account_id: accountId,
    account_name: created.account.name,
    password,
    admin_email: created.admin.email,
    token: created.token,
    agents: (['joris', 'sanne', 'ahmed'] as const).map((k) => ({ id: ids[k], name: AGENT_NAMES[k], email: emails[k], role: roles[k] })),
    cases: refs,
    inbox: inbox.address,
    history: { days: HISTORY_DAYS, ...counts, signal_titles: signals.map((s) => s.title), spikes_swept: sweep.signals.length, audit_backdated: moved.audit },
    seconds: Math.round((performance.now() - started) / 100) / 10,
    /** where the time went: writing the fortnight through the use cases, listening to it in order, the sweeps */
    timings_ms: { history: written, listening: listened, sweeps: lap() },
  };
}

function articleSteps(db: Db, as: (k: AgentKey) => Actor, now: Date): Step[] {
  const day = (d: number) => new Date(now.getTime() - d * 24 * HOUR_MS);
  return DEMO_ARTICLES.flatMap((a) => {
    let id = '';
    const steps: Step[] = [
      {
        at: day(a.daysAgo),
        run: async () => {
          id = (await createArticle(db, as(a.author), { translations: a.translations, tags: a.tags })).id;
          if (a.publish) await publishArticle(db, as('joris'), id);
        },
      },
    ];
    if (a.edit) steps.push({ at: day(a.edit.daysAgo), run: () => updateArticle(db, as(a.edit!.author), id, { translations: { nl: a.edit!.nl } }) });
    return steps;
  });
}

/** Readable, and new for every demo: "luister-" and eight letters and digits (no 0/o, 1/l). */
function newPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return `luister-${Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join('')}`;
}

/**
 * The agents' sign-in addresses: joris@demo.luister.example …; a second demo in the same
 * database gets joris+2@… (an address in several accounts would need the account to sign in).
 */
async function freeEmails<K extends string>(db: Db, names: K[]): Promise<Record<K, string>> {
  for (let n = 1; ; n++) {
    const emails = Object.fromEntries(names.map((k) => [k, `${k}${n > 1 ? `+${n}` : ''}@${DOMAIN}`])) as Record<K, string>;
    const [taken] = await db.query('SELECT 1 FROM agents WHERE lower(email) = ANY($1::text[]) LIMIT 1', [Object.values(emails)]);
    if (!taken) return emails;
  }
}
