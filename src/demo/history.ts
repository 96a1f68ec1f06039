import { DAY_MS, localToUtc, utcToLocal } from '../promises/zoned-time.ts';
import { customerPool, type DemoCustomer, firstName, type Random, seeded } from './people.ts';
import { type AgentKey, OVERCHARGE, RENAME, TOPICS } from './topics.ts';

export const HOUR_MS = 3_600_000;
export const HISTORY_DAYS = 14;

/** One customer's case in the demo's history: what they wrote and when, what we answered and when. */
export interface DemoThread {
  customer: DemoCustomer;
  channel: 'email' | 'web' | 'phone' | 'chat' | 'social';
  subject: string;
  body: string;
  at: Date;
  /** the same customer writing again on the same case */
  again?: { at: Date; body: string };
  reply?: { at: Date; agent: AgentKey; body: string };
  solvedAt?: Date;
  /** minutes the agent spent on it (the workspace's heartbeats count this for real) */
  workMinutes?: number;
}

export const AGENT_NAMES: Record<AgentKey, string> = { sanne: 'Sanne de Wit', ahmed: 'Ahmed Bouali', joris: 'Joris van Leeuwen' };
const AGENTS: AgentKey[] = ['sanne', 'ahmed', 'sanne', 'ahmed', 'joris'];

/** A time on a day `daysAgo` days before `now`, at a local clock time in the account's zone. */
export function localTime(now: Date, timeZone: string, daysAgo: number, hour: number, minute = 0): Date {
  const today = Math.floor(utcToLocal(timeZone, now.getTime()) / DAY_MS) * DAY_MS;
  return new Date(localToUtc(timeZone, today - daysAgo * DAY_MS + hour * HOUR_MS + minute * 60_000));
}

/** The same moment, or the next one within working hours (08:00–19:00 local) when it falls outside them. */
export function duringWork(d: Date, timeZone: string, random: Random): Date {
  const local = utcToLocal(timeZone, d.getTime());
  const hour = (local % DAY_MS) / HOUR_MS;
  if (hour >= 8 && hour < 19) return d;
  const day = Math.floor(local / DAY_MS) * DAY_MS + (hour >= 19 ? DAY_MS : 0);
  return new Date(localToUtc(timeZone, day + 8 * HOUR_MS + random.int(5, 100) * 60_000));
}

const weekday = (d: Date, timeZone: string) => new Date(utcToLocal(timeZone, d.getTime())).getUTCDay();

const OPENINGS = { nl: ['Goedendag,', 'Hallo,', 'Beste klantenservice,', 'Geachte heer, mevrouw,', ''], en: ['Hello,', 'Hi there,', 'Dear customer service,', ''] };
const CLOSINGS = { nl: ['Groet,', 'Met vriendelijke groet,', 'Alvast bedankt,', ''], en: ['Thanks,', 'Kind regards,', 'Best,', ''] };

/** A customer's message as they would write it: an opening, the text, their name. */
function letter(random: Random, c: DemoCustomer, text: string): string {
  const open = random.pick(OPENINGS[c.language]);
  const close = random.pick(CLOSINGS[c.language]);
  return [open, text, close ? `${close}\n${c.name}` : firstName(c.name)].filter(Boolean).join('\n\n');
}

/** Poisson-ish count for one day: the rate, half at weekends. */
function countFor(random: Random, rate: number, weekend: boolean): number {
  const r = weekend ? rate / 2 : rate;
  let n = Math.floor(r);
  if (random.chance(r - n)) n++;
  if (random.chance(0.25)) n += random.pick([-1, 1]);
  return Math.max(0, n);
}

/**
 * The ordinary fortnight before today: every topic at its own pace over 14 days, answered within
 * hours on working days, most of it solved; the parking app's overcharging as a trickle (a few
 * messages over the fortnight). Only times before `now` are used. Deterministic for a given `now`.
 */
export function demoScript(now: Date, timeZone: string, seed = 42): { history: DemoThread[]; burst: DemoThread[]; rename: DemoThread[] } {
  const random = seeded(seed);
  const people = customerPool(random);
  return { history: history(now, timeZone, random, people), burst: overchargeBurst(now, people), rename: renameWave(now, people) };
}

function history(now: Date, timeZone: string, random: Random, people: ReturnType<typeof customerPool>): DemoThread[] {
  const threads: DemoThread[] = [];
  const before = (d: Date) => d.getTime() < now.getTime() - 10 * 60_000;

  for (let daysAgo = HISTORY_DAYS; daysAgo >= 0; daysAgo--) {
    const weekend = [0, 6].includes(weekday(localTime(now, timeZone, daysAgo, 12), timeZone));
    for (const topic of TOPICS) {
      // the invoice run: invoices went out ten days ago, the questions follow
      const rate = topic.key === 'factuur' && daysAgo >= 8 && daysAgo <= 10 ? topic.perDay * 2.5 : topic.perDay;
      for (let i = countFor(random, rate, weekend); i > 0; i--) {
        const at = localTime(now, timeZone, daysAgo, random.int(7, 21), random.int(0, 59));
        if (!before(at)) continue;
        const customer = people.next(topic.language);
        const agent = random.pick(AGENTS);
        const t: DemoThread = {
          customer,
          channel: topic.channel ?? 'email',
          subject: random.pick(topic.subjects),
          body: letter(random, customer, random.pick(topic.bodies)),
          at,
        };
        // answered within a few working hours; what arrived today may still wait
        const replyAt = duringWork(new Date(at.getTime() + (weekend ? random.int(12, 30) : random.int(1, 6)) * HOUR_MS + random.int(0, 59) * 60_000), timeZone, random);
        if (before(replyAt) && (daysAgo > 0 || random.chance(0.5))) {
          t.reply = { at: replyAt, agent, body: random.pick(topic.replies)(firstName(customer.name), AGENT_NAMES[agent]) };
          t.workMinutes = random.int(4, 18);
          const solvedAt = duringWork(new Date(replyAt.getTime() + random.int(2, 30) * HOUR_MS), timeZone, random);
          if (daysAgo >= 1 && before(solvedAt) && random.chance(topic.solved)) t.solvedAt = solvedAt;
        }
        // now and then the customer writes again before it is solved: a repeat contact
        if (t.reply && !t.solvedAt && random.chance(0.3)) {
          const againAt = new Date(t.reply.at.getTime() + random.int(3, 20) * HOUR_MS);
          if (before(againAt)) t.again = { at: againAt, body: customer.language === 'en' ? 'Any news? It still does not work.' : 'Ik heb nog niets gehoord en het werkt nog steeds niet. Kunt u laten weten wanneer het is opgelost?' };
        }
        threads.push(t);
      }
    }
  }

  // P1's trickle: the odd parking customer who paid too much, on ordinary days well before today
  for (const daysAgo of [13, 11, 9, 6, 4]) {
    const customer = people.next('nl', false);
    const at = localTime(now, timeZone, daysAgo, random.int(9, 18), random.int(0, 59));
    const replyAt = duringWork(new Date(at.getTime() + random.int(2, 5) * HOUR_MS), timeZone, random);
    threads.push({
      customer,
      channel: 'email',
      subject: random.pick(OVERCHARGE.subjects),
      body: random.pick(OVERCHARGE.bodies),
      at,
      reply: { at: replyAt, agent: 'sanne', body: `Beste ${firstName(customer.name)},\n\nExcuses, er is te veel afgerekend. Ik heb het verschil teruggestort op uw rekening.\n\nMet vriendelijke groet,\nSanne de Wit\nKlantenservice Parkeren Demo` },
      solvedAt: duringWork(new Date(replyAt.getTime() + 2 * HOUR_MS), timeZone, random),
      workMinutes: 9,
    });
  }
  return threads.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * Today's burst (P1): more parking customers who paid too much, over the last hours — together
 * with the story's six cases it is many times the usual handful a day. Before the last full hour,
 * so the hourly sweep has counted it.
 */
function overchargeBurst(now: Date, people: ReturnType<typeof customerPool>): DemoThread[] {
  return [4.7, 3.55, 3.45, 3.3, 3.2, 3.05, 2.4, 1.8].map((hoursAgo, i) => ({
    customer: people.next('nl', false),
    channel: 'email' as const,
    subject: OVERCHARGE.subjects[i % OVERCHARGE.subjects.length],
    body: OVERCHARGE.bodies[i % OVERCHARGE.bodies.length],
    at: new Date(now.getTime() - hoursAgo * HOUR_MS),
  }));
}

/** P5: since yesterday the app has another name, and customers who did not expect it write in. */
function renameWave(now: Date, people: ReturnType<typeof customerPool>): DemoThread[] {
  return [30, 26, 20, 9, 6.5].map((hoursAgo, i) => ({
    customer: people.next('nl', false),
    channel: i === 2 ? ('social' as const) : ('email' as const),
    subject: RENAME.subjects[i % RENAME.subjects.length],
    body: RENAME.bodies[i % RENAME.bodies.length],
    at: new Date(now.getTime() - hoursAgo * HOUR_MS),
  }));
}
