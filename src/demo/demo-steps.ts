import { addMessage } from '../cases/add-message.ts';
import { assignCase } from '../cases/assign-case.ts';
import { receiveMessage } from '../cases/receive-message.ts';
import { offerTransfer, respondToTransfer } from '../cases/transfer-case.ts';
import { updateCase } from '../cases/update-case.ts';
import { updateCustomer } from '../customers/update-customer.ts';
import { makePromise } from '../promises/make-promise.ts';
import { keepPromise } from '../promises/keep-promise.ts';
import type { Actor } from '../shared/actor.ts';
import type { Db } from '../storage/db.ts';
import { type DemoThread, HOUR_MS, localTime } from './history.ts';
import type { DemoCustomer } from './people.ts';
import { DEMO_STORIES } from './stories.ts';
import type { AgentKey } from './topics.ts';

/** One thing that happens in the demo's fortnight, run at `at` on the demo clock. */
export interface Step {
  at: Date;
  run: () => Promise<unknown>;
}

export interface DemoContext {
  db: Db;
  now: Date;
  timeZone: string;
  inboxId: string;
  sys: Actor;
  as: (agent: AgentKey) => Actor;
  agentId: (agent: AgentKey) => string;
  /** the case reference of each thread, once its first message is in */
  threadRefs: Map<DemoThread, string>;
}

const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

/** A customer writes: a new case, or a repeat contact on `caseRef`. Returns the case reference. */
async function write(ctx: DemoContext, c: DemoCustomer, m: { subject: string; body: string; channel: DemoThread['channel']; caseRef?: string }) {
  const r = await receiveMessage(ctx.db, ctx.sys, {
    customer: { email: c.email, name: c.name },
    subject: m.subject,
    body: m.body,
    channel: m.channel,
    language: c.language,
    caseRef: m.caseRef,
    inboxId: m.channel === 'email' ? ctx.inboxId : null,
  });
  if (r.createdCase && (c.segment || c.flags)) await updateCustomer(ctx.db, ctx.sys, r.customerId, { segment: c.segment, ...c.flags });
  return r.case.ref;
}

/** The work an agent did on a case that day, as the workspace's heartbeats would have counted it. */
async function work(ctx: DemoContext, ref: string, agent: AgentKey, at: Date, minutesSpent: number) {
  await ctx.db.query(
    `INSERT INTO case_work (account_id, case_id, agent_id, day, seconds, last_beat_at)
     SELECT c.account_id, c.id, $3, ($4::timestamptz AT TIME ZONE $5)::date, $6, $4 FROM cases c WHERE c.account_id = $1 AND c.ref = $2
     ON CONFLICT (account_id, case_id, agent_id, day) DO UPDATE SET seconds = case_work.seconds + EXCLUDED.seconds`,
    [ctx.sys.accountId, ref, ctx.agentId(agent), at, ctx.timeZone, minutesSpent * 60],
  );
}

/** A case of the ordinary fortnight: the message, the repeat contact, the reply and the solve, each at its time. */
export function threadSteps(ctx: DemoContext, t: DemoThread): Step[] {
  let ref = '';
  const steps: Step[] = [
    {
      at: t.at,
      run: async () => {
        ref = await write(ctx, t.customer, t);
        ctx.threadRefs.set(t, ref);
      },
    },
  ];
  if (t.reply) {
    const { agent, body, at } = t.reply;
    steps.push({
      at,
      run: async () => {
        await addMessage(ctx.db, ctx.as(agent), ref, { type: 'outbound', body, now: at });
        if (t.workMinutes) await work(ctx, ref, agent, at, t.workMinutes);
      },
    });
  }
  if (t.again) {
    const { at, body } = t.again;
    steps.push({ at, run: () => write(ctx, t.customer, { ...t, subject: `Re: ${t.subject}`, body, caseRef: ref }) });
  }
  if (t.solvedAt) steps.push({ at: t.solvedAt, run: () => updateCase(ctx.db, ctx.as(t.reply?.agent ?? 'sanne'), ref, { status: 'solved' }) });
  return steps;
}

/**
 * The five stories, each at its moment: P1's six cases in this morning's burst and a repeat
 * contact; P2 waiting; P3 passed from agent to agent for days until a supervisor promises a
 * call today; P4's broken appointment, opt-out and double charge, with promises due today;
 * P5's customers alarmed by the app's new name. `refs` collects the case references per story.
 */
export function storySteps(ctx: DemoContext, refs: Record<string, string[]>): Step[] {
  const { now } = ctx;
  const ago = (h: number) => new Date(now.getTime() - h * HOUR_MS);
  // the agents' steps at office hours: a clock time on a day before today, or today (never after now)
  const day = (daysAgo: number, hour: number, minute: number) => localTime(now, ctx.timeZone, daysAgo, hour, minute);
  const today = (hour: number, minute: number) => new Date(Math.min(day(0, hour, minute).getTime(), now.getTime() - 15 * 60_000));
  const ref: Record<string, string> = {};
  const steps: Step[] = [];
  for (const { story, messages } of DEMO_STORIES) {
    refs[story] = [];
    for (const m of messages) {
      const customer: DemoCustomer = { name: m.name, email: m.email, language: 'nl', segment: m.segment, flags: m.flags };
      steps.push({
        at: m.local ? day(...m.local) : ago(m.hoursAgo),
        run: async () => {
          ref[m.email] = await write(ctx, customer, { subject: m.subject, body: m.body, channel: m.channel ?? 'email' });
          refs[story].push(ref[m.email]);
        },
      });
    }
  }
  const as = ctx.as;
  const db = ctx.db;
  // P1: one customer writes again about the same thing: a repeat contact, not a new case
  steps.push({
    at: ago(1.3),
    run: () => write(ctx, { name: 'Mohamed Yilmaz', email: 'm.yilmaz@example.nl', language: 'nl' }, { subject: 'Re: Parkeerkosten veel te hoog', body: 'Ik heb nog steeds niets gehoord. Wanneer krijg ik mijn geld terug?', channel: 'email' }),
  });
  // P3: the contract case goes from agent to agent: "van het kastje naar de muur"
  const hendriks = () => ref['anton.hendriks@example.nl'];
  const pass = (h: [Date, Date], from: AgentKey, to: AgentKey) => [
    { at: h[0], run: async () => (transfer = (await offerTransfer(db, as(from), hendriks(), { toAgentId: ctx.agentId(to), note: 'Kun jij dit overnemen? Ik kom er niet uit.' })).id) },
    { at: h[1], run: () => respondToTransfer(db, as(to), hendriks(), transfer, 'accept') },
  ];
  let transfer = '';
  steps.push(
    { at: day(5, 9, 20), run: () => assignCase(db, as('sanne'), hendriks(), ctx.agentId('sanne')) },
    { at: day(5, 9, 35), run: () => addMessage(db, as('sanne'), hendriks(), { type: 'note', body: 'Klant belt voor de derde keer; vorige antwoorden spraken elkaar tegen.' }) },
    ...pass([day(4, 10, 5), day(4, 10, 40)], 'sanne', 'ahmed'),
    ...pass([day(3, 14, 10), day(3, 15, 25)], 'ahmed', 'sanne'),
    ...pass([day(1, 9, 50), day(1, 10, 20)], 'sanne', 'joris'),
    {
      at: day(1, 10, 45),
      run: () =>
        addMessage(db, as('joris'), hendriks(), {
          type: 'outbound',
          now: day(1, 10, 45),
          body: 'Beste heer Hendriks, het spijt me dat u drie keer uw verhaal moest doen. Ik ben uw vaste aanspreekpunt en bel u morgen voor 12:00 met een duidelijk antwoord over uw contract. Met vriendelijke groet, Joris van Leeuwen',
        }),
    },
  );
  // P4: the double charge gets an apology and a refund promised for today; the missed appointment a new one, today
  // later today, before midnight in the account's zone (in the last half minute of a day: just after now)
  const dueToday = (hours: number) => {
    const endOfDay = localTime(now, ctx.timeZone, -1, 0).getTime() - 60_000;
    return new Date(Math.max(now.getTime() + 30_000, Math.min(now.getTime() + hours * HOUR_MS, endOfDay)));
  };
  const noor = () => ref['noor.willems@example.nl'];
  const linda = () => ref['linda.deboer@example.nl'];
  steps.push(
    {
      at: today(9, 15),
      run: async () => {
        await addMessage(db, as('sanne'), noor(), {
          type: 'outbound',
          now: today(9, 15),
          body: 'Beste Noor, het spijt me dat de contributie twee keer is afgeschreven. Dat had niet mogen gebeuren, en zes weken wachten op uw eigen geld is te lang. Ik zorg dat de tweede afschrijving wordt teruggeboekt en laat u weten wanneer het geld er is. Met vriendelijke groet, Sanne de Wit',
        });
        const [c] = await db.query<{ id: string }>('SELECT id FROM cases WHERE account_id = $1 AND ref = $2', [ctx.sys.accountId, noor()]);
        await makePromise(db, as('sanne'), { caseId: c.id, kind: 'refund_by', description: 'De dubbele afschrijving terugboeken', dueAt: dueToday(4), now: today(9, 15) });
      },
    },
    {
      at: day(1, 14, 5),
      run: async () => {
        await addMessage(db, as('ahmed'), linda(), {
          type: 'outbound',
          now: day(1, 14, 5),
          body: 'Beste Linda, het spijt me echt dat de monteur niet kwam en dat niemand u belde. Ik heb een nieuwe afspraak voor u gemaakt en bel u vooraf om de tijd te bevestigen. Met vriendelijke groet, Ahmed Bouali',
        });
        const [c] = await db.query<{ id: string }>('SELECT id FROM cases WHERE account_id = $1 AND ref = $2', [ctx.sys.accountId, linda()]);
        await makePromise(db, as('ahmed'), { caseId: c.id, kind: 'callback', description: 'Linda bellen om de tijd van de monteur te bevestigen', dueAt: dueToday(2), now: day(1, 14, 5) });
      },
    },
  );
  return steps;
}

/**
 * Promises in the fortnight: kept ones (the dashboard's promises kept) and one broken two days
 * ago that nobody followed up on a case still open — the breach, its notifications and the
 * apology draft.
 */
export function promiseSteps(ctx: DemoContext, threads: DemoThread[]): Step[] {
  const old = (t: DemoThread) => t.reply && t.customer.language === 'nl' && t.at.getTime() < ctx.now.getTime() - 3 * 24 * HOUR_MS;
  const kept = threads.filter((t) => old(t) && t.solvedAt).filter((_, i) => i % 4 === 0);
  const broken = threads.filter((t) => old(t) && !t.solvedAt).at(-1);
  const steps: Step[] = [];
  for (const t of [...kept, ...(broken ? [broken] : [])]) {
    const { agent, at } = t.reply!;
    const made = minutes(at, 1);
    let id = '';
    steps.push({
      at: made,
      run: async () => {
        const [c] = await ctx.db.query<{ id: string }>('SELECT id FROM cases WHERE account_id = $1 AND ref = $2', [ctx.sys.accountId, ctx.threadRefs.get(t)]);
        // due the next day at noon (the broken one: the customer is still waiting)
        const due = localTime(made, ctx.timeZone, -1, 12);
        id = (await makePromise(ctx.db, ctx.as(agent), { caseId: c.id, kind: 'callback', description: 'Terugbellen of het nu werkt', dueAt: due, now: made })).id;
      },
    });
    if (t !== broken) steps.push({ at: minutes(made, 60), run: () => keepPromise(ctx.db, ctx.as(agent), id, { action: 'callback_logged', now: minutes(made, 60) }) });
  }
  return steps;
}
